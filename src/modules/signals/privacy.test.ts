/**
 * DESIGN.md, "Privacy, fairness and what is public": one test per rule of
 * what may leave the police. The public list, counts and nearby check are
 * read as raw JSON, so a field added later that leaks is caught too.
 */
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { ensureDemoZone } from '../demo/ensure-demo-zone.ts';
import { dayInTimeZone } from './public-signal-query.ts';

let t: TestApp;
let officer: Agent;
let clerk: Agent;
let analyst: Agent;
let officerAccountId = '';
let zoneId = '';
const zone = 'gent';
const exact = { lon: 3.721537, lat: 51.054612 };
const reporter = { name: 'Griet Vandenbroucke', email: 'griet.vdb@example.be', phone: '+32 471 99 88 77' };
const description = 'Zakken afval gedumpt naast de kerk, al de derde keer deze maand';

async function submit(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await t
    .anonymous()
    .post(`/api/zones/${zone}/signals`, { location: exact, language: 'nl', ...body }, headers);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; trackingToken: string; reference: string };
}

async function statusId(code: string): Promise<string> {
  const statuses = (await officer.get(`/api/zones/${zone}/signal-statuses`)).json() as {
    id: string;
    code: string;
  }[];
  const found = statuses.find((s) => s.code === code);
  if (!found) throw new Error(`no status ${code}`);
  return found.id;
}

/** The rows, in any table (and the job queue), whose text holds one of the secrets in clear. */
async function rowsHolding(...secrets: string[]): Promise<string[]> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(t.context.db);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    // The outgoing mail queue holds an address until delivery; after an SMTP delivery it is
    // wiped (src/platform/mail/deliver-mail.test.ts proves it). Tests use the demo outbox.
    if (table_name === 'mail_messages') continue;
    const rows = await sql<{ row: string }>`select x::text as row from ${sql.table(table_name)} x`.execute(
      t.context.db,
    );
    parts.push(...rows.rows.map((r) => `${table_name}: ${r.row}`));
  }
  const jobs = await sql<{ row: string }>`select x::text as row from pgboss.job x`.execute(t.context.db);
  parts.push(...jobs.rows.map((r) => `pgboss.job: ${r.row}`));
  return parts.filter((p) => secrets.some((s) => p.includes(s))).map((p) => p.slice(0, 300));
}

function today(): string {
  return dayInTimeZone(t.clock.now(), 'Europe/Brussels');
}

beforeAll(async () => {
  t = await createTestApp({ env: { NABIJ_ANONYMOUS_WRITE_LIMIT: '10000' } });
  await ensureDemoZone(t.context);
  zoneId = (
    await t.context.db.selectFrom('zones').select('id').where('slug', '=', zone).executeTakeFirstOrThrow()
  ).id;
  const officerAccount = await t.createAccount({ grants: [{ zoneId, role: 'officer' }] });
  officerAccountId = officerAccount.id;
  officer = await t.login(officerAccount);
  clerk = await t.login(await t.createAccount({ grants: [{ zoneId, role: 'civilian_staff' }] }));
  analyst = await t.login(await t.createAccount({ grants: [{ zoneId, role: 'analyst' }] }));
});
afterAll(async () => t.close());

describe('nothing personal about residents is public', () => {
  let signal = { id: '', trackingToken: '', reference: '' };
  let photoId = '';

  beforeAll(async () => {
    const photo = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#468' } })
      .jpeg()
      .toBuffer();
    signal = await submit({
      category: 'dumping',
      description,
      reporter,
      photos: [{ data: photo.toString('base64') }],
    });
    const detail = (await officer.get(`/api/zones/${zone}/staff/signals/${signal.id}`)).json() as {
      photos: { id: string }[];
    };
    photoId = detail.photos[0]?.id ?? '';
    expect(photoId).not.toBe('');
  });

  it('the public list, counts and nearby check carry no reporter, description, exact point or photo', async () => {
    const anonymous = t.anonymous();
    const bodies = [
      (await anonymous.get(`/api/zones/${zone}/public/signals`)).body,
      (await anonymous.get(`/api/zones/${zone}/public/signal-counts?from=${today()}&to=${today()}`)).body,
      (
        await anonymous.get(
          `/api/zones/${zone}/signals/nearby?category=dumping&lon=${exact.lon}&lat=${exact.lat}`,
        )
      ).body,
    ];
    expect(bodies[0]).toContain(signal.id);
    expect(bodies[1]).toContain('dumping');
    expect(bodies[2]).toContain(signal.id);
    for (const body of bodies) {
      for (const secret of [reporter.name, reporter.email, reporter.phone, description, photoId]) {
        expect(body).not.toContain(secret);
      }
      expect(body).not.toContain(String(exact.lon));
      expect(body).not.toContain(String(exact.lat));
      expect(body).not.toMatch(/photo|storage_key|image\/jpeg/i);
      expect(body).not.toContain(signal.trackingToken);
    }
  });

  it('shows the public text only once staff approved it', async () => {
    const textOf = async () => {
      const list = (await t.anonymous().get(`/api/zones/${zone}/public/signals`)).json() as {
        items: { id: string; text: string | null }[];
      };
      return list.items.find((i) => i.id === signal.id)?.text;
    };
    expect(await textOf()).toBeNull();
    const moderation = `/api/zones/${zone}/staff/signals/${signal.id}/moderation`;
    expect((await officer.put(moderation, { decision: 'reject' })).statusCode).toBe(200);
    expect(await textOf()).toBeNull();
    expect(
      (await officer.put(moderation, { decision: 'approve', publicText: 'Sluikstort naast de kerk' }))
        .statusCode,
    ).toBe(200);
    expect(await textOf()).toBe('Sluikstort naast de kerk');
  });

  it('refuses a public text that still holds a phone number', async () => {
    const response = await officer.put(`/api/zones/${zone}/staff/signals/${signal.id}/moderation`, {
      decision: 'approve',
      publicText: 'Afval naast de kerk, bel 0471 99 88 77',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('public_text_has_personal_data');
    const row = await t.context.db
      .selectFrom('signals')
      .select('public_text')
      .where('id', '=', signal.id)
      .executeTakeFirstOrThrow();
    expect(row.public_text).toBe('Sluikstort naast de kerk');
  });

  it("keeps the reporter's contact encrypted: in clear in no column of any table", async () => {
    expect(await rowsHolding(reporter.name, reporter.email, reporter.phone)).toEqual([]);
    const row = await t.context.db
      .selectFrom('signal_reporters')
      .selectAll()
      .where('signal_id', '=', signal.id)
      .executeTakeFirstOrThrow();
    expect(t.context.cipher.decrypt(row.name_encrypted ?? '')).toBe(reporter.name);
    expect(t.context.cipher.decrypt(row.phone_encrypted ?? '')).toBe(reporter.phone);
  });

  it('shows the contact only on its own request, to handlers, and audits every showing', async () => {
    const detail = await officer.get(`/api/zones/${zone}/staff/signals/${signal.id}`);
    expect(detail.json().hasReporterContact).toBe(true);
    expect(detail.body).not.toContain(reporter.email);
    const audited = async () =>
      t.context.db
        .selectFrom('audit_entries')
        .selectAll()
        .where('action', '=', 'signal.reporter_contact_read')
        .where('subject_id', '=', signal.id)
        .execute();
    expect(await audited()).toHaveLength(0);
    const url = `/api/zones/${zone}/staff/signals/${signal.id}/reporter`;
    expect((await t.anonymous().get(url)).statusCode).toBe(401);
    expect((await clerk.get(url)).statusCode).toBe(403);
    expect((await analyst.get(url)).statusCode).toBe(403);
    expect(await audited()).toHaveLength(0);
    const shown = await officer.get(url);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject(reporter);
    await officer.get(url);
    const entries = await audited();
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => e.account_id === officerAccountId && e.zone_id === zoneId)).toBe(true);
  });

  it('writes no personal data into the audit log', async () => {
    const rows = await sql<{ row: string }>`select x::text as row from audit_entries x`.execute(t.context.db);
    expect(rows.rows.length).toBeGreaterThan(3);
    const audit = rows.rows.map((r) => r.row).join('\n');
    for (const secret of [reporter.name, reporter.email, reporter.phone, description, 'Sluikstort']) {
      expect(audit).not.toContain(secret);
    }
  });

  it('keeps the reporter\'s feedback apart: "closed" stays closed after "solved"', async () => {
    const closed = await statusId('closed_answered');
    const answer = await officer.post(`/api/zones/${zone}/staff/signals/${signal.id}/answers`, {
      text: 'De stad heeft het afval opgehaald.',
      statusId: closed,
    });
    expect(answer.statusCode).toBe(201);
    const feedback = await t.anonymous().post(`/api/track/${signal.trackingToken}/feedback`, {
      solved: true,
      comment: 'Opgeruimd, dank je, groeten van Griet',
    });
    expect(feedback.statusCode).toBe(200);
    const tracked = (await t.anonymous().get(`/api/track/${signal.trackingToken}`)).json();
    expect(tracked.status.type).toBe('closed');
    expect(tracked.reporterFeedback).toBe('solved');
    const list = await t.anonymous().get(`/api/zones/${zone}/public/signals`);
    const item = (list.json() as { items: { id: string; status: { type: string } }[] }).items.find(
      (i) => i.id === signal.id,
    );
    expect(item?.status.type).toBe('closed');
    expect(list.body).not.toContain('groeten van Griet');
    const row = await t.context.db
      .selectFrom('signals')
      .select(['status_id', 'reporter_feedback'])
      .where('id', '=', signal.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status_id: closed, reporter_feedback: 'solved' });
  });

  it("hides the reporter's own words from someone who follows the signal", async () => {
    const followed = await t.anonymous().post(`/api/zones/${zone}/signals/${signal.id}/followers`, {});
    expect(followed.statusCode).toBe(201);
    const token = followed.json().trackingToken as string;
    const view = await t.anonymous().get(`/api/track/${token}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ isFollower: true, description: null, canGiveFeedback: false });
    expect(view.body).not.toContain(description);
    const ownView = (await t.anonymous().get(`/api/track/${signal.trackingToken}`)).json();
    expect(ownView.description).toBe(description);
    const feedback = await t.anonymous().post(`/api/track/${token}/feedback`, { solved: false });
    expect(feedback.statusCode).toBe(409);
    expect(feedback.json().error.code).toBe('feedback_not_possible');
  });

  it('never stores the tracking token in clear (only its hash and an encrypted copy)', async () => {
    const submitted = await submit(
      {
        category: 'noise',
        description: 'Luide muziek elke nacht tot 4 uur',
        reporter: { email: 'x@example.be' },
      },
      { 'idempotency-key': 'privacy-token-0001' },
    );
    expect(await rowsHolding(submitted.trackingToken)).toEqual([]);
  });
});

describe('what the public sees of each kind of category', () => {
  let internal: string[] = [];
  let sensitive = '';

  beforeAll(async () => {
    internal = [
      (
        await submit({
          category: 'suspicious-behaviour',
          description: 'Iemand probeerde bij drie auto’s de portieren te openen en keek telkens rond',
        })
      ).id,
      (await submit({ category: 'other', description: 'Een losliggende stoeptegel die gevaarlijk is' })).id,
    ];
    const recorded = await officer.post(`/api/zones/${zone}/staff/signals`, {
      channel: 'phone',
      category: 'domestic-violence',
      description: 'Oproep over geweld in het gezin, doorverwezen naar de interventie',
      location: exact,
    });
    expect(recorded.statusCode).toBe(201);
    sensitive = recorded.json().id;
  });

  it('leaves non-public categories out of the list, the counts and the nearby check', async () => {
    const list = await t.anonymous().get(`/api/zones/${zone}/public/signals?limit=500`);
    for (const id of internal) expect(list.body).not.toContain(id);
    for (const category of ['suspicious-behaviour', 'other']) {
      const filtered = await t.anonymous().get(`/api/zones/${zone}/public/signals?category=${category}`);
      expect(filtered.json().items).toEqual([]);
      const nearby = await t
        .anonymous()
        .get(`/api/zones/${zone}/signals/nearby?category=${category}&lon=${exact.lon}&lat=${exact.lat}`);
      expect(nearby.json()).toEqual([]);
    }
    const counts = (
      await t.anonymous().get(`/api/zones/${zone}/public/signal-counts?from=${today()}&to=${today()}`)
    ).json() as { rows: { category: string }[] };
    expect(counts.rows.map((r) => r.category)).not.toContain('suspicious-behaviour');
    expect(counts.rows.map((r) => r.category)).not.toContain('other');
  });

  it('publishes a sensitive category only as a count per neighbourhood', async () => {
    const list = await t.anonymous().get(`/api/zones/${zone}/public/signals?limit=500`);
    expect(list.body).not.toContain(sensitive);
    const filtered = await t.anonymous().get(`/api/zones/${zone}/public/signals?category=domestic-violence`);
    expect(filtered.json().items).toEqual([]);
    const nearby = await t
      .anonymous()
      .get(`/api/zones/${zone}/signals/nearby?category=domestic-violence&lon=${exact.lon}&lat=${exact.lat}`);
    expect(nearby.json()).toEqual([]);
    const follow = await t.anonymous().post(`/api/zones/${zone}/signals/${sensitive}/followers`, {});
    expect(follow.statusCode).toBe(404);
    const counts = (
      await t.anonymous().get(`/api/zones/${zone}/public/signal-counts?from=${today()}&to=${today()}`)
    ).json() as { rows: { category: string; count: number | null; fewerThan: number | null }[] };
    const row = counts.rows.find((r) => r.category === 'domestic-violence');
    expect(row).toMatchObject({ count: null, fewerThan: 3 });
  });

  it('gives counts below the threshold (3) as "fewer than 3", and exact counts from 3', async () => {
    const area = (await submit({ category: 'vandalism', description: 'Graffiti op de gevel van de kerk' }))
      .id;
    const areaId = (
      await t.context.db
        .selectFrom('signals')
        .select('area_id')
        .where('id', '=', area)
        .executeTakeFirstOrThrow()
    ).area_id;
    const vandalism = async () => {
      const counts = (
        await t.anonymous().get(`/api/zones/${zone}/public/signal-counts?from=${today()}&to=${today()}`)
      ).json() as {
        threshold: number;
        rows: { areaId: string; category: string; count: number | null; fewerThan: number | null }[];
      };
      expect(counts.threshold).toBe(3);
      return counts.rows.find((r) => r.category === 'vandalism' && r.areaId === areaId);
    };
    expect(await vandalism()).toMatchObject({ count: null, fewerThan: 3 });
    await submit({ category: 'vandalism', description: 'Ruit van het bushokje ingeslagen' });
    expect(await vandalism()).toMatchObject({ count: null, fewerThan: 3 });
    await submit({ category: 'vandalism', description: 'Fietsenrek uit de grond getrokken' });
    expect(await vandalism()).toMatchObject({ count: 3, fewerThan: null });
  });
});
