/**
 * Moderation: the public reads a summary staff wrote or approved, never the
 * reporter's words; a summary that still holds personal data is refused with
 * the kinds found, in the moderator's language, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { ensureDemoZone } from '../demo/ensure-demo-zone.ts';

let t: TestApp;
let officer: Agent;
let clerk: Agent;
let elsewhere: Agent;
const zone = 'gent';
const korenmarkt = { lon: 3.7215, lat: 51.0546 };
const description =
  'Auto 1-ABC-123 staat al drie weken op het voetpad, de eigenaar is bereikbaar op 0470 12 34 56';
let signalId = '';
let trackingToken = '';

const moderationUrl = () => `/api/zones/${zone}/staff/signals/${signalId}/moderation`;

async function publicText(): Promise<string | null | undefined> {
  const list = (await t.anonymous().get(`/api/zones/${zone}/public/signals?limit=500`)).json() as {
    items: { id: string; text: string | null }[];
  };
  return list.items.find((i) => i.id === signalId)?.text;
}

async function stored() {
  return t.context.db
    .selectFrom('signals')
    .select(['public_text', 'moderation'])
    .where('id', '=', signalId)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await createTestApp();
  await ensureDemoZone(t.context);
  const zoneId = (
    await t.context.db.selectFrom('zones').select('id').where('slug', '=', zone).executeTakeFirstOrThrow()
  ).id;
  const areas = await t.context.db
    .selectFrom('areas')
    .select(['id', 'name'])
    .where('zone_id', '=', zoneId)
    .execute();
  const other = areas.find((a) => a.name.nl === 'Stationsbuurt Noord');
  if (!other) throw new Error('no Stationsbuurt Noord');
  officer = await t.login(await t.createAccount({ grants: [{ zoneId, role: 'officer' }] }));
  clerk = await t.login(await t.createAccount({ grants: [{ zoneId, role: 'civilian_staff' }] }));
  elsewhere = await t.login(
    await t.createAccount({ grants: [{ zoneId, role: 'officer', areaIds: [other.id] }] }),
  );
  const response = await t.anonymous().post(`/api/zones/${zone}/signals`, {
    category: 'vandalism',
    description,
    location: korenmarkt,
  });
  expect(response.statusCode, response.body).toBe(201);
  signalId = response.json().id;
  trackingToken = response.json().trackingToken;
});
afterAll(async () => t.close());

describe('moderating what the public reads', () => {
  it('flags the personal data in the report and suggests a summary without it', async () => {
    const detail = (await officer.get(`/api/zones/${zone}/staff/signals/${signalId}`)).json();
    expect(detail.personalDataFlags.sort()).toEqual(['phone', 'plate']);
    expect(detail.moderation).toBe('pending');
    expect(detail.suggestedPublicText).not.toContain('1-ABC-123');
    expect(detail.suggestedPublicText).not.toContain('0470');
    expect(detail.suggestedPublicText).toContain('staat al drie weken op het voetpad');
    expect(await publicText()).toBeNull();
  });

  it.each([
    ['phone', 'Wagen op het voetpad, eigenaar: 0470 12 34 56'],
    ['email', 'Wagen op het voetpad, eigenaar: jan.peeters@example.be'],
    ['plate', 'Wagen 1-ABC-123 op het voetpad'],
    ['national_number', 'Wagen op het voetpad van 85.07.30-033.61'],
  ])('refuses a summary with a %s and keeps what was there', async (kind, text) => {
    const before = await stored();
    const events = await t.context.db
      .selectFrom('signal_events')
      .select('id')
      .where('signal_id', '=', signalId)
      .execute();
    for (const language of ['nl', 'fr'] as const) {
      const response = await officer.request({
        method: 'PUT',
        url: moderationUrl(),
        payload: { decision: 'approve', publicText: text },
        headers: { 'accept-language': language },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('public_text_has_personal_data');
      expect(response.json().error.message).toContain(translate(language, `signal.personal_data.${kind}`));
    }
    expect(await stored()).toEqual(before);
    const after = await t.context.db
      .selectFrom('signal_events')
      .select('id')
      .where('signal_id', '=', signalId)
      .execute();
    expect(after).toHaveLength(events.length);
  });

  it('needs a summary to approve', async () => {
    const response = await officer.put(moderationUrl(), { decision: 'approve' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect((await stored()).moderation).toBe('pending');
  });

  it('lets only those who handle the signal moderate it', async () => {
    const body = { decision: 'approve', publicText: 'Wagen op het voetpad' };
    expect((await clerk.put(moderationUrl(), body)).statusCode).toBe(403);
    expect((await elsewhere.put(moderationUrl(), body)).statusCode).toBe(404);
    expect((await t.anonymous().put(moderationUrl(), body)).statusCode).toBe(401);
    expect(await stored()).toEqual({ public_text: null, moderation: 'pending' });
  });

  it('publishes the approved summary, and withdraws it when rejected later', async () => {
    const approved = await officer.put(moderationUrl(), {
      decision: 'approve',
      publicText: '  Wagen staat al weken op het voetpad  ',
    });
    expect(approved.statusCode).toBe(200);
    expect(await publicText()).toBe('Wagen staat al weken op het voetpad');
    const detail = (await officer.get(`/api/zones/${zone}/staff/signals/${signalId}`)).json();
    expect(detail.description).toBe(description);
    expect(detail.publicText).toBe('Wagen staat al weken op het voetpad');
    const rejected = await officer.put(moderationUrl(), { decision: 'reject' });
    expect(rejected.statusCode).toBe(200);
    expect(await publicText()).toBeNull();
    expect(await stored()).toEqual({ public_text: null, moderation: 'rejected' });
  });

  it('keeps moderation off the tracking page and on the internal timeline', async () => {
    const tracked = (await t.anonymous().get(`/api/track/${trackingToken}`)).json() as {
      timeline: { kind: string }[];
    };
    expect(tracked.timeline.map((e) => e.kind)).not.toContain('moderated');
    const detail = (await officer.get(`/api/zones/${zone}/staff/signals/${signalId}`)).json() as {
      timeline: { kind: string; visibility: string; data: { decision?: string } }[];
    };
    const moderated = detail.timeline.filter((e) => e.kind === 'moderated');
    expect(moderated.map((e) => [e.visibility, e.data.decision])).toEqual([
      ['internal', 'approve'],
      ['internal', 'reject'],
    ]);
  });
});
