/**
 * Working a signal: internal notes stay internal, answers reach the tracking
 * page and every reporter and follower by mail in their own language,
 * answer templates per status, duplicates linked both ways, and category
 * changes and assignments on the (internal) timeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { translate, type Language } from '../../platform/i18n/i18n.ts';
import { ensureDemoZone } from '../demo/ensure-demo-zone.ts';

const zone = 'gent';
const korenmarkt = { lon: 3.7215, lat: 51.0546 };
let t: TestApp;
let officer: Agent;
let clerk: Agent;
let admin: Agent;
const statusIds = new Map<string, string>();

async function report(body: Record<string, unknown> = {}) {
  const response = await t.anonymous().post(`/api/zones/${zone}/signals`, {
    category: 'noise',
    description: 'Luide muziek uit de kelder van het café',
    location: korenmarkt,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; reference: string; trackingToken: string };
}

async function detail(id: string) {
  return (await officer.get(`/api/zones/${zone}/staff/signals/${id}`)).json() as {
    category: { code: string };
    status: { code: string };
    duplicateOf: string | null;
    duplicates: { id: string; reference: string }[];
    timeline: { kind: string; visibility: string; data: Record<string, unknown> }[];
  };
}

function statusId(code: string): string {
  const id = statusIds.get(code);
  if (!id) throw new Error(code);
  return id;
}

beforeAll(async () => {
  t = await createTestApp({ env: { NABIJ_ANONYMOUS_WRITE_LIMIT: '10000' } });
  await ensureDemoZone(t.context);
  const zoneId = (
    await t.context.db.selectFrom('zones').select('id').where('slug', '=', zone).executeTakeFirstOrThrow()
  ).id;
  officer = await t.login(await t.createAccount({ grants: [{ zoneId, role: 'officer' }] }));
  clerk = await t.login(await t.createAccount({ grants: [{ zoneId, role: 'civilian_staff' }] }));
  admin = await t.login(await t.createAccount({ grants: [{ zoneId, role: 'administrator' }], totp: true }));
  for (const s of (await officer.get(`/api/zones/${zone}/signal-statuses`)).json() as {
    id: string;
    code: string;
  }[])
    statusIds.set(s.code, s.id);
});
afterAll(async () => t.close());

describe('notes', () => {
  it('are on the staff timeline and nowhere on the tracking page', async () => {
    const signal = await report();
    const note = await clerk.post(`/api/zones/${zone}/staff/signals/${signal.id}/notes`, {
      text: 'Buurman belde ook al, kent de uitbater persoonlijk',
    });
    expect(note.statusCode).toBe(201);
    const staff = await detail(signal.id);
    expect(staff.timeline.find((e) => e.kind === 'note_added')).toMatchObject({
      visibility: 'internal',
      data: { text: 'Buurman belde ook al, kent de uitbater persoonlijk' },
    });
    const tracked = await t.anonymous().get(`/api/track/${signal.trackingToken}`);
    expect(tracked.body).not.toContain('uitbater persoonlijk');
    expect(tracked.json().timeline.map((e: { kind: string }) => e.kind)).not.toContain('note_added');
  });
});

describe('answers', () => {
  it('reach the tracking page and are mailed to the reporter and every follower in their language', async () => {
    const signal = await report({ language: 'fr', reporter: { email: 'reporter@example.be' } });
    const followers: { email: string; language: Language; token: string }[] = [];
    for (const language of ['nl', 'de', 'en'] as const) {
      const email = `follower-${language}@example.be`;
      const response = await t
        .anonymous()
        .post(`/api/zones/${zone}/signals/${signal.id}/followers`, { email, language });
      expect(response.statusCode).toBe(201);
      followers.push({ email, language, token: response.json().trackingToken });
    }
    const response = await officer.post(`/api/zones/${zone}/staff/signals/${signal.id}/answers`, {
      text: 'We gingen langs bij het café; de muziek gaat voortaan om middernacht uit.',
      statusId: statusId('in_progress'),
    });
    expect(response.statusCode).toBe(201);
    const tracked = (await t.anonymous().get(`/api/track/${signal.trackingToken}`)).json();
    expect(tracked.answer).toBe('We gingen langs bij het café; de muziek gaat voortaan om middernacht uit.');
    expect(tracked.timeline.map((e: { kind: string }) => e.kind)).toContain('answer_published');
    const mails = await t.context.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('template', '=', 'signal_answer')
      .execute();
    const recipients = [
      { email: 'reporter@example.be', language: 'fr' as const, token: signal.trackingToken },
      ...followers,
    ];
    expect(mails.map((m) => m.to_address).sort()).toEqual(recipients.map((r) => r.email).sort());
    for (const recipient of recipients) {
      const mail = mails.find((m) => m.to_address === recipient.email);
      expect(mail?.language).toBe(recipient.language);
      expect(mail?.subject).toBe(
        translate(recipient.language, 'mail.signal_answer.subject', { reference: signal.reference }),
      );
      expect(mail?.body_text).toContain(`/track/${recipient.token}`);
      for (const other of recipients.filter((r) => r !== recipient))
        expect(mail?.body_text).not.toContain(other.token);
    }
    expect(new Set(mails.map((m) => m.subject)).size).toBe(4);
  });

  it('are not mailed to a reporter who wanted no updates', async () => {
    const signal = await report({ reporter: { email: 'stil@example.be', wantsUpdates: false } });
    await officer.post(`/api/zones/${zone}/staff/signals/${signal.id}/answers`, { text: 'Genoteerd.' });
    const mails = await t.context.db
      .selectFrom('mail_messages')
      .select('id')
      .where('to_address', '=', 'stil@example.be')
      .execute();
    expect(mails).toEqual([]);
  });

  it('with an impossible status change are refused whole: no answer, no mail', async () => {
    const signal = await report({ reporter: { email: 'weigering@example.be' } });
    expect(
      (
        await officer.patch(`/api/zones/${zone}/staff/signals/${signal.id}`, {
          statusId: statusId('closed_answered'),
        })
      ).statusCode,
    ).toBe(200);
    const response = await officer.post(`/api/zones/${zone}/staff/signals/${signal.id}/answers`, {
      text: 'Opgelost.',
      statusId: statusId('fixed'),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('status_transition_invalid');
    expect((await t.anonymous().get(`/api/track/${signal.trackingToken}`)).json().answer).toBeNull();
    const mails = await t.context.db
      .selectFrom('mail_messages')
      .select('id')
      .where('to_address', '=', 'weigering@example.be')
      .where('template', '=', 'signal_answer')
      .execute();
    expect(mails).toEqual([]);
  });
});

describe('answer templates', () => {
  it('belong to statuses of the zone and are written in the four languages', async () => {
    const templates = (await officer.get(`/api/zones/${zone}/answer-templates`)).json() as {
      statusId: string | null;
      body: Record<string, string>;
    }[];
    expect(templates.length).toBeGreaterThan(0);
    const known = new Set(statusIds.values());
    for (const template of templates) {
      expect(known.has(template.statusId ?? '')).toBe(true);
      for (const language of ['nl', 'fr', 'de', 'en'])
        expect(template.body[language]?.length).toBeGreaterThan(10);
    }
  });

  it('can be added per status by an administrator, not for a status the zone lacks', async () => {
    const body = {
      statusId: statusId('closed_answered'),
      title: 'Beantwoord',
      body: {
        nl: 'Bedankt, we hebben dit opgevolgd.',
        fr: 'Merci, nous avons fait le suivi.',
        de: 'Danke, erledigt.',
        en: 'Thanks, done.',
      },
    };
    const created = await admin.post(`/api/zones/${zone}/answer-templates`, body);
    expect(created.statusCode).toBe(201);
    const templates = (await officer.get(`/api/zones/${zone}/answer-templates`)).json() as {
      id: string;
      statusId: string;
    }[];
    expect(templates.find((tp) => tp.id === created.json().id)?.statusId).toBe(statusId('closed_answered'));
    const foreign = await admin.post(`/api/zones/${zone}/answer-templates`, {
      ...body,
      statusId: '01900000-0000-7000-8000-000000000000',
    });
    expect(foreign.statusCode).toBe(404);
    expect((await officer.post(`/api/zones/${zone}/answer-templates`, body)).statusCode).toBe(403);
  });
});

describe('duplicates', () => {
  it('are linked both ways and the duplicate is closed as such', async () => {
    const original = await report({
      category: 'dumping',
      description: 'Koelkast op het voetpad bij de kerk',
    });
    const duplicate = await report({ category: 'dumping', description: 'Er staat een koelkast bij de kerk' });
    const response = await officer.post(`/api/zones/${zone}/staff/signals/${duplicate.id}/duplicate-of`, {
      ofSignalId: original.id,
    });
    expect(response.statusCode).toBe(200);
    const dup = await detail(duplicate.id);
    expect(dup.duplicateOf).toBe(original.id);
    expect(dup.status.code).toBe('closed_duplicate');
    const orig = await detail(original.id);
    expect(orig.duplicates).toEqual([{ id: duplicate.id, reference: duplicate.reference }]);
    expect(orig.status.code).toBe('new');
    expect(orig.timeline.map((e) => e.kind)).toContain('duplicate_marked');
    const row = await t.context.db
      .selectFrom('signals')
      .select('closed_at')
      .where('id', '=', duplicate.id)
      .executeTakeFirstOrThrow();
    expect(row.closed_at).not.toBeNull();
    const tracked = (await t.anonymous().get(`/api/track/${duplicate.trackingToken}`)).json();
    expect(tracked.duplicateOf).toBe(original.id);
    expect(tracked.status.type).toBe('closed');
  });

  it('cannot point to itself or to another duplicate', async () => {
    const a = await report({ category: 'dumping', description: 'Bouwpuin langs de Leie' });
    const b = await report({ category: 'dumping', description: 'Bouwpuin langs het water' });
    const c = await report({ category: 'dumping', description: 'Puin aan de Leie gedumpt' });
    const mark = (id: string, of: string) =>
      officer.post(`/api/zones/${zone}/staff/signals/${id}/duplicate-of`, { ofSignalId: of });
    expect((await mark(a.id, a.id)).json().error.code).toBe('duplicate_of_invalid');
    expect((await mark(b.id, a.id)).statusCode).toBe(200);
    expect((await mark(c.id, b.id)).json().error.code).toBe('duplicate_of_invalid');
    expect((await detail(c.id)).duplicateOf).toBeNull();
  });
});

describe('category changes and assignments', () => {
  it('are internal events on the timeline', async () => {
    const signal = await report();
    const categories = (await admin.get(`/api/zones/${zone}/admin/categories`)).json() as {
      id: string;
      code: string;
    }[];
    const noise = categories.find((c) => c.code === 'noise')?.id;
    const youth = categories.find((c) => c.code === 'youth-nuisance')?.id;
    const sarah = await t.context.db
      .selectFrom('officers')
      .select('id')
      .where('name', '=', 'Sarah De Smet')
      .executeTakeFirstOrThrow();
    const response = await officer.patch(`/api/zones/${zone}/staff/signals/${signal.id}`, {
      categoryId: youth,
      assignedOfficerId: sarah.id,
    });
    expect(response.statusCode).toBe(200);
    const staff = await detail(signal.id);
    expect(staff.category.code).toBe('youth-nuisance');
    expect(staff.timeline.find((e) => e.kind === 'category_changed')).toMatchObject({
      visibility: 'internal',
      data: { from: noise, to: youth },
    });
    expect(staff.timeline.find((e) => e.kind === 'assigned')).toMatchObject({
      visibility: 'internal',
      data: { officerId: sarah.id },
    });
    const kinds = (await t.anonymous().get(`/api/track/${signal.trackingToken}`))
      .json()
      .timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).not.toContain('category_changed');
    expect(kinds).not.toContain('assigned');
    const unknown = await officer.patch(`/api/zones/${zone}/staff/signals/${signal.id}`, {
      assignedOfficerId: '01900000-0000-7000-8000-000000000000',
    });
    expect(unknown.json().error.code).toBe('officer_not_found');
  });
});
