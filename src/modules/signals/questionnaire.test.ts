/**
 * Four weeks after a signal is closed, its reporter is asked (once, by mail,
 * in their language, with their tracking link) whether it was really solved;
 * only reporters who left an address and wanted updates. The answer is kept
 * beside the police's status, never instead of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock, createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { ensureDemoZone } from '../demo/ensure-demo-zone.ts';
import { sendDueQuestionnaires } from './send-questionnaires.job.ts';

const DAY = 24 * 3600_000;
const zone = 'gent';
const start = new Date('2026-04-01T09:00:00Z');
let t: TestApp;
let account: { email: string; password: string; totpSecret: string | null };
const signals: Record<string, { id: string; reference: string; trackingToken: string }> = {};
const statusIds = new Map<string, string>();

async function report(name: string, extra: Record<string, unknown>) {
  const response = await t.anonymous().post(`/api/zones/${zone}/signals`, {
    category: 'noise',
    description: 'Bladblazers om 6 uur in de ochtend',
    location: { lon: 3.7215, lat: 51.0546 },
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  signals[name] = response.json();
}

/** Moves signals to a status, as an officer logged in at the clock's current time. */
async function setStatus(code: string, ...names: string[]) {
  const officer: Agent = await t.login(account);
  for (const name of names) {
    const response = await officer.patch(`/api/zones/${zone}/staff/signals/${signals[name]?.id}`, {
      statusId: statusIds.get(code),
    });
    expect(response.statusCode, response.body).toBe(200);
  }
}

async function questionnaires() {
  return t.context.db
    .selectFrom('mail_messages')
    .selectAll()
    .where('template', '=', 'signal_questionnaire')
    .execute();
}

beforeAll(async () => {
  t = await createTestApp({ clock: createClock(start), env: { NABIJ_ANONYMOUS_WRITE_LIMIT: '10000' } });
  await ensureDemoZone(t.context);
  const zoneId = (
    await t.context.db.selectFrom('zones').select('id').where('slug', '=', zone).executeTakeFirstOrThrow()
  ).id;
  account = await t.createAccount({ grants: [{ zoneId, role: 'officer' }] });
  const officer = await t.login(account);
  for (const s of (await officer.get(`/api/zones/${zone}/signal-statuses`)).json() as {
    id: string;
    code: string;
  }[])
    statusIds.set(s.code, s.id);
  await report('asked', { language: 'de', reporter: { email: 'gefragt@example.be' } });
  await report('fixed', { language: 'nl', reporter: { email: 'opgelost@example.be' } });
  await report('anonymous', { anonymous: true });
  await report('noUpdates', { reporter: { email: 'geen-updates@example.be', wantsUpdates: false } });
  await report('phoneOnly', { reporter: { phone: '+32 470 00 00 01' } });
  await report('stillOpen', { reporter: { email: 'nog-open@example.be' } });
  await report('reopened', { reporter: { email: 'heropend@example.be' } });
  await setStatus('closed_answered', 'asked', 'anonymous', 'noUpdates', 'phoneOnly', 'reopened');
  await setStatus('fixed', 'fixed');
});
afterAll(async () => t.close());

describe('the questionnaire after closing', () => {
  it('is not sent before the 28 days are over', async () => {
    const before = (await questionnaires()).length;
    t.clock.set(new Date(start.getTime() + 10 * DAY));
    // Reopened and closed again on day 10: its four weeks start again from there.
    await setStatus('in_progress', 'reopened');
    await setStatus('closed_no_action', 'reopened');
    t.clock.set(new Date(start.getTime() + 28 * DAY - 60_000));
    expect(await sendDueQuestionnaires(t.context)).toBe(0);
    expect(await questionnaires()).toHaveLength(before);
  });

  it('goes, once 28 days have passed, to reporters with an address who wanted updates, in their language', async () => {
    const before = (await questionnaires()).length;
    t.clock.set(new Date(start.getTime() + 28 * DAY + 60_000));
    expect(await sendDueQuestionnaires(t.context)).toBe(2);
    const sent = (await questionnaires()).slice(before);
    expect(sent.map((m) => m.to_address).sort()).toEqual(['gefragt@example.be', 'opgelost@example.be']);
    const german = sent.find((m) => m.to_address === 'gefragt@example.be');
    expect(german?.language).toBe('de');
    expect(german?.subject).toBe(
      translate('de', 'mail.signal_questionnaire.subject', { reference: signals['asked']?.reference ?? '' }),
    );
    expect(german?.body_text).toContain(`/track/${signals['asked']?.trackingToken}#feedback`);
  });

  it('is sent only once', async () => {
    const before = (await questionnaires()).length;
    t.clock.advance(3600_000);
    expect(await sendDueQuestionnaires(t.context)).toBe(0);
    expect(await questionnaires()).toHaveLength(before);
  });

  it('counts from the last closing', async () => {
    const before = (await questionnaires()).length;
    t.clock.set(new Date(start.getTime() + 38 * DAY + 60_000));
    expect(await sendDueQuestionnaires(t.context)).toBe(1);
    expect((await questionnaires()).slice(before).map((m) => m.to_address)).toEqual(['heropend@example.be']);
    const never = ['geen-updates@example.be', 'nog-open@example.be'];
    expect((await questionnaires()).filter((m) => never.includes(m.to_address))).toEqual([]);
  });

  it('records the answer through the link and shows it beside the police status', async () => {
    const token = signals['asked']?.trackingToken ?? '';
    const response = await t.anonymous().post(`/api/track/${token}/feedback`, {
      solved: false,
      comment: 'Het lawaai is terug sinds vorige week',
    });
    expect(response.statusCode).toBe(200);
    const tracked = (await t.anonymous().get(`/api/track/${token}`)).json();
    expect(tracked.status.type).toBe('closed');
    expect(tracked.reporterFeedback).toBe('not_solved');
    expect(tracked.timeline.map((e: { kind: string }) => e.kind)).toContain('reporter_feedback');
    const list = (await t.anonymous().get(`/api/zones/${zone}/public/signals?limit=500`)).json() as {
      items: { id: string; status: { type: string }; reporterFeedback: string | null }[];
    };
    const item = list.items.find((i) => i.id === signals['asked']?.id);
    expect(item).toMatchObject({ status: { type: 'closed' }, reporterFeedback: 'not_solved' });
    const officer = await t.login(account);
    const detail = (await officer.get(`/api/zones/${zone}/staff/signals/${signals['asked']?.id}`)).json();
    expect(detail).toMatchObject({
      status: { code: 'closed_answered' },
      reporterFeedback: 'not_solved',
      reporterFeedbackComment: 'Het lawaai is terug sinds vorige week',
    });
  });

  it('keeps "fixed according to the police" apart from "solved according to the reporter"', async () => {
    const token = signals['fixed']?.trackingToken ?? '';
    expect((await t.anonymous().post(`/api/track/${token}/feedback`, { solved: false })).statusCode).toBe(
      200,
    );
    const tracked = (await t.anonymous().get(`/api/track/${token}`)).json();
    expect(tracked.status.type).toBe('fixed');
    expect(tracked.reporterFeedback).toBe('not_solved');
  });

  it('cannot be answered while the signal is open', async () => {
    const response = await t.anonymous().post(`/api/track/${signals['stillOpen']?.trackingToken}/feedback`, {
      solved: true,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('feedback_not_possible');
  });
});
