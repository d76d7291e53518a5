/**
 * Administrators maintain a zone's categories: codes are unique and stable,
 * questions, notices and flags change what residents may report and what the
 * public sees, and inactive categories leave the report form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { importAreas } from '../areas/import-areas.ts';

let t: TestApp;
let admin: Agent;
let officer: Agent;
let otherAdmin: Agent;
let slug = '';
let categoryId = '';
const location = { lon: 3.7215, lat: 51.0546 };

const graffiti = {
  code: 'graffiti',
  name: { nl: 'Graffiti', fr: 'Graffiti', de: 'Graffiti', en: 'Graffiti' },
  kind: 'livability',
  isPublic: true,
  answerTargetDays: 10,
};

async function publicCategories() {
  const response = await t.anonymous().get(`/api/zones/${slug}/categories`);
  expect(response.statusCode).toBe(200);
  return response.json() as {
    code: string;
    blockingNotice: Record<string, string> | null;
    questions: { code: string }[];
  }[];
}

async function submit(extra: Record<string, unknown> = {}, language = 'en') {
  return t
    .anonymous()
    .post(
      `/api/zones/${slug}/signals`,
      { category: 'graffiti', description: 'Nieuwe tags op de gevel van de school', location, ...extra },
      { 'accept-language': language },
    );
}

const patch = (body: Record<string, unknown>) =>
  admin.patch(`/api/zones/${slug}/admin/categories/${categoryId}`, body);

beforeAll(async () => {
  t = await createTestApp({ env: { NABIJ_ANONYMOUS_WRITE_LIMIT: '10000' } });
  const zone = await t.createZone();
  slug = zone.slug;
  const zoneRow = await t.context.db
    .selectFrom('zones')
    .selectAll()
    .where('id', '=', zone.id)
    .executeTakeFirstOrThrow();
  const square = [
    [
      [3.7, 51.04],
      [3.74, 51.04],
      [3.74, 51.07],
      [3.7, 51.07],
      [3.7, 51.04],
    ],
  ];
  await importAreas(t.context, zoneRow, null, {
    fileName: 'wijk.geojson',
    kind: 'neighbourhood',
    content: JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Centrum', code: 'c', households: 9000 },
          geometry: { type: 'Polygon', coordinates: square },
        },
      ],
    }),
  });
  admin = await t.login(
    await t.createAccount({ grants: [{ zoneId: zone.id, role: 'administrator' }], totp: true }),
  );
  officer = await t.login(await t.createAccount({ grants: [{ zoneId: zone.id, role: 'officer' }] }));
  const other = await t.createZone();
  otherAdmin = await t.login(
    await t.createAccount({ grants: [{ zoneId: other.id, role: 'administrator' }], totp: true }),
  );
});
afterAll(async () => t.close());

describe('creating a category', () => {
  it('only an administrator of the zone may', async () => {
    expect((await t.anonymous().post(`/api/zones/${slug}/admin/categories`, graffiti)).statusCode).toBe(401);
    expect((await officer.post(`/api/zones/${slug}/admin/categories`, graffiti)).statusCode).toBe(403);
    expect((await otherAdmin.post(`/api/zones/${slug}/admin/categories`, graffiti)).statusCode).toBe(403);
    expect((await publicCategories()).map((c) => c.code)).not.toContain('graffiti');
  });

  it('adds it to the report form, and residents can report with it', async () => {
    const response = await admin.post(`/api/zones/${slug}/admin/categories`, graffiti);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ ...graffiti, active: true, isSensitive: false, isUrgent: false });
    categoryId = response.json().id;
    expect((await publicCategories()).map((c) => c.code)).toContain('graffiti');
    expect((await submit()).statusCode).toBe(201);
  });

  it('refuses a code already taken, in the request language, and a malformed code', async () => {
    for (const language of ['nl', 'fr'] as const) {
      const response = await admin.request({
        method: 'POST',
        url: `/api/zones/${slug}/admin/categories`,
        payload: { ...graffiti, name: { nl: 'Nog eens' } },
        headers: { 'accept-language': language },
      });
      expect(response.statusCode).toBe(409);
      const message = translate(language, 'error.category_code_taken', { code: 'graffiti' });
      expect(response.json().error).toEqual({
        code: 'category_code_taken',
        message,
        details: [{ path: 'body/code', code: 'category_code_taken', message }],
      });
    }
    const taken = await admin.post(`/api/zones/${slug}/admin/categories`, { ...graffiti, code: 'noise' });
    expect(taken.json().error.code).toBe('category_code_taken');
    const malformed = await admin.post(`/api/zones/${slug}/admin/categories`, {
      ...graffiti,
      code: 'Graffiti!',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('validation_failed');
    const rows = await t.context.db
      .selectFrom('categories')
      .select('id')
      .where('code', '=', 'graffiti')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a partner organisation that does not exist', async () => {
    const response = await admin.post(`/api/zones/${slug}/admin/categories`, {
      ...graffiti,
      code: 'graffiti-2',
      partnerId: '01900000-0000-7000-8000-000000000000',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('partner_not_found');
  });
});

describe('changing a category', () => {
  it('its questions: the form asks them and the answers are checked against them', async () => {
    const response = await patch({
      questions: [
        {
          code: 'surface',
          label: { nl: 'Waarop?', fr: 'Sur quoi ?', de: 'Worauf?', en: 'On what?' },
          type: 'singlevaluelist',
          required: true,
          options: [
            { key: 'wall', label: { nl: 'Muur', fr: 'Mur', de: 'Wand', en: 'Wall' } },
            { key: 'vehicle', label: { nl: 'Voertuig', fr: 'Véhicule', de: 'Fahrzeug', en: 'Vehicle' } },
          ],
        },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const form = (await publicCategories()).find((c) => c.code === 'graffiti');
    expect(form?.questions.map((q) => q.code)).toEqual(['surface']);
    expect((await submit()).json().error.code).toBe('answer_invalid');
    expect((await submit({ answers: { surface: 'roof' } })).json().error.code).toBe('answer_invalid');
    expect((await submit({ answers: { surface: 'wall' } })).statusCode).toBe(201);
    expect((await patch({ questions: [] })).statusCode).toBe(200);
    expect((await submit()).statusCode).toBe(201);
  });

  it('its notice: residents are stopped with it, staff are not, until it is removed', async () => {
    const notice = {
      nl: 'Meld graffiti bij de stad.',
      fr: 'Signalez les graffitis à la ville.',
      de: 'Graffiti bitte der Stadt melden.',
      en: 'Report graffiti to the city.',
    };
    expect((await patch({ blockingNotice: notice })).statusCode).toBe(200);
    expect((await publicCategories()).find((c) => c.code === 'graffiti')?.blockingNotice).toEqual(notice);
    const stopped = await submit({}, 'fr');
    expect(stopped.json().error).toEqual({
      code: 'category_blocked',
      message: translate('fr', 'error.category_blocked', { notice: notice.fr }),
    });
    const byPhone = await officer.post(`/api/zones/${slug}/staff/signals`, {
      channel: 'phone',
      category: 'graffiti',
      description: 'Telefonisch: tags op de schoolgevel',
      location,
    });
    expect(byPhone.statusCode).toBe(201);
    expect((await patch({ blockingNotice: null })).statusCode).toBe(200);
    expect((await submit()).statusCode).toBe(201);
  });

  it('its public flag: its signals leave the public list while it is not public', async () => {
    const listed = async () =>
      (await t.anonymous().get(`/api/zones/${slug}/public/signals?category=graffiti`)).json().items
        .length as number;
    expect(await listed()).toBeGreaterThan(0);
    expect((await patch({ isPublic: false })).statusCode).toBe(200);
    expect(await listed()).toBe(0);
    expect((await patch({ isPublic: true, isSensitive: true })).statusCode).toBe(200);
    expect(await listed()).toBe(0);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(t.clock.now());
    const counts = (
      await t.anonymous().get(`/api/zones/${slug}/public/signal-counts?from=${today}&to=${today}`)
    ).json() as { rows: { category: string }[] };
    expect(counts.rows.map((r) => r.category)).toContain('graffiti');
    expect((await patch({ isSensitive: false })).statusCode).toBe(200);
    expect(await listed()).toBeGreaterThan(0);
  });

  it('refuses an unknown category and an empty change', async () => {
    const unknown = await admin.patch(
      `/api/zones/${slug}/admin/categories/01900000-0000-7000-8000-000000000000`,
      { active: false },
    );
    expect(unknown.json().error.code).toBe('category_unknown');
    expect((await patch({})).json().error.code).toBe('validation_failed');
  });
});

describe('an inactive category', () => {
  it('leaves the report form and cannot be reported with, but stays for administrators', async () => {
    expect((await patch({ active: false })).statusCode).toBe(200);
    expect((await publicCategories()).map((c) => c.code)).not.toContain('graffiti');
    const admins = (await admin.get(`/api/zones/${slug}/admin/categories`)).json() as {
      code: string;
      active: boolean;
    }[];
    expect(admins.find((c) => c.code === 'graffiti')?.active).toBe(false);
    const refused = await submit();
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('category_unknown');
    expect((await patch({ active: true })).statusCode).toBe(200);
    expect((await publicCategories()).map((c) => c.code)).toContain('graffiti');
  });
});
