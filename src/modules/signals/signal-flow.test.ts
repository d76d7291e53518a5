/**
 * The whole life of a signal through the API: a resident reports, staff
 * triage and answer, the reporter follows by link and is mailed, and the
 * public sees only the anonymised, moderated view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { ensureDemoZone } from '../demo/ensure-demo-zone.ts';

let t: TestApp;
let officer: Agent;
const zone = 'gent';
const korenmarkt = { lon: 3.7215, lat: 51.0546 };

beforeAll(async () => {
  t = await createTestApp();
  await ensureDemoZone(t.context);
  const zoneRow = await t.context.db
    .selectFrom('zones')
    .select('id')
    .where('slug', '=', zone)
    .executeTakeFirstOrThrow();
  officer = await t.login(await t.createAccount({ grants: [{ zoneId: zoneRow.id, role: 'officer' }] }));
});
afterAll(async () => t.close());

describe('a signal from report to answer', () => {
  let tracking = '';
  let signalId = '';

  it('is stored once for a repeated submission with the same idempotency key', async () => {
    const body = {
      category: 'dumping',
      description: 'Bags of rubbish dumped beside the church, call me on 0470 12 34 56',
      location: korenmarkt,
      reporter: { name: 'An Peeters', email: 'an@example.be' },
      language: 'nl',
    };
    const first = await t
      .anonymous()
      .post(`/api/zones/${zone}/signals`, body, { 'idempotency-key': 'report-key-0001' });
    expect(first.statusCode).toBe(201);
    const again = await t
      .anonymous()
      .post(`/api/zones/${zone}/signals`, body, { 'idempotency-key': 'report-key-0001' });
    expect(again.json()).toEqual(first.json());
    const count = await t.context.db
      .selectFrom('signals')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('description', '=', body.description)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    tracking = first.json().trackingToken;
    signalId = first.json().id;
    expect(first.json().reference).toMatch(/^GENT-\d{4}-\d{5}$/);
  });

  it('mails the reporter a receipt with the tracking link, and the tracking page names zone and neighbourhood', async () => {
    const receipt = await t.context.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('template', '=', 'signal_received')
      .where('to_address', '=', 'an@example.be')
      .execute();
    expect(receipt).toHaveLength(1);
    expect(receipt[0]?.body_text).toContain(`/track/${tracking}`);
    expect(receipt[0]?.language).toBe('nl');
    const tracked = (await t.anonymous().get(`/api/track/${tracking}`)).json();
    expect(tracked.zone).toEqual({ slug: 'gent', name: 'Politiezone Gent (demo)' });
    expect(tracked.areaName.nl).toBe('Binnenstad');
  });

  it('keeps the reporter apart and encrypted, and flags the phone number', async () => {
    const row = await t.context.db
      .selectFrom('signal_reporters')
      .selectAll()
      .where('signal_id', '=', signalId)
      .executeTakeFirstOrThrow();
    expect(row.email_encrypted).not.toContain('an@example.be');
    expect(t.context.cipher.decrypt(row.email_encrypted ?? '')).toBe('an@example.be');
    const signal = await t.context.db
      .selectFrom('signals')
      .selectAll()
      .where('id', '=', signalId)
      .executeTakeFirstOrThrow();
    expect(signal.personal_data_flags).toEqual(['phone']);
  });

  it('shows the public only the anonymised point and no text before moderation', async () => {
    const list = (await t.anonymous().get(`/api/zones/${zone}/public/signals`)).json() as {
      items: { id: string }[];
    };
    const mine = list.items.filter((i) => i.id === signalId);
    expect(mine).toHaveLength(1);
    const item = mine[0] as unknown as { text: string | null; publicPoint: { lon: number; cellM: number } };
    expect(JSON.stringify(list)).not.toContain('An Peeters');
    expect(item.text).toBeNull();
    expect(JSON.stringify(item)).not.toContain('0470');
    expect(JSON.stringify(item)).not.toContain('An Peeters');
    expect(item.publicPoint.lon).not.toBe(korenmarkt.lon);
    expect(item.publicPoint.cellM).toBeGreaterThanOrEqual(50);
  });

  it('lets the officer answer and close it; the reporter is mailed and sees it by link', async () => {
    const statuses = (await officer.get(`/api/zones/${zone}/signal-statuses`)).json() as {
      id: string;
      code: string;
    }[];
    const closed = statuses.find((s) => s.code === 'closed_answered');
    const answer = await officer.post(`/api/zones/${zone}/staff/signals/${signalId}/answers`, {
      text: 'De stad haalt de zakken morgen op.',
      statusId: closed?.id,
    });
    expect(answer.statusCode).toBe(201);
    const mail = await t.context.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('template', '=', 'signal_answer')
      .executeTakeFirstOrThrow();
    expect(mail.to_address).toBe('an@example.be');
    expect(mail.body_text).toContain(`/track/${tracking}`);
    const tracked = (await t.anonymous().get(`/api/track/${tracking}`)).json();
    expect(tracked.answer).toBe('De stad haalt de zakken morgen op.');
    expect(tracked.status.type).toBe('closed');
    expect(tracked.canGiveFeedback).toBe(true);
  });

  it('refuses an illegal status change', async () => {
    const statuses = (await officer.get(`/api/zones/${zone}/signal-statuses`)).json() as {
      id: string;
      code: string;
    }[];
    const fixed = statuses.find((s) => s.code === 'fixed');
    const response = await officer.patch(`/api/zones/${zone}/staff/signals/${signalId}`, {
      statusId: fixed?.id,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('status_transition_invalid');
  });

  it('records the reporter saying it was not solved, apart from the police status', async () => {
    const feedback = await t.anonymous().post(`/api/track/${tracking}/feedback`, { solved: false });
    expect(feedback.statusCode).toBe(200);
    const tracked = (await t.anonymous().get(`/api/track/${tracking}`)).json();
    expect(tracked.status.type).toBe('closed');
    expect(tracked.reporterFeedback).toBe('not_solved');
  });
});
