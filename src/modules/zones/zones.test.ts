/**
 * Zones: the public list and zone page, creation by an operator (with its
 * validations), and the settings an administrator of the zone changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';

let t: TestApp;
let operator: Agent;
let zone: { id: string; slug: string };
let admin: Agent;
let supervisor: Agent;

const newZone = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  name: `Politiezone ${slug}`,
  languages: ['nl', 'fr'],
  defaultLanguage: 'nl',
  timeZone: 'Europe/Brussels',
  projection: 'EPSG:31370',
  ...extra,
});

function detailPaths(response: { json(): unknown }): string[] {
  const body = response.json() as { error: { details?: { path: string }[] } };
  return (body.error.details ?? []).map((d) => d.path);
}

beforeAll(async () => {
  t = await createTestApp();
  operator = await t.login(await t.createAccount({ isOperator: true, totp: true }));
  zone = await t.createZone({ slug: 'zone-settings', name: 'Zone Instellingen' });
  admin = await t.login(
    await t.createAccount({ grants: [{ zoneId: zone.id, role: 'administrator' }], totp: true }),
  );
  supervisor = await t.login(await t.createAccount({ grants: [{ zoneId: zone.id, role: 'supervisor' }] }));
});
afterAll(async () => t.close());

describe('reading zones', () => {
  it('lists the hosted zones and shows one zone to anyone', async () => {
    const list = await t.anonymous().get('/api/zones');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toContainEqual({ slug: 'zone-settings', name: 'Zone Instellingen', isDemo: false });
    const one = await t.anonymous().get('/api/zones/zone-settings');
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      id: zone.id,
      slug: 'zone-settings',
      name: 'Zone Instellingen',
      languages: ['nl', 'fr', 'de', 'en'],
      defaultLanguage: 'nl',
      timeZone: 'Europe/Brussels',
      projection: 'EPSG:31370',
      contact: { phone: '+32 9 266 61 11' },
    });
  });

  it('answers 404 zone_not_found naming the slug for an unknown zone', async () => {
    const response = await t.anonymous().get('/api/zones/atlantis', { 'accept-language': 'en' });
    expect(response.statusCode).toBe(404);
    const error = response.json().error as { code: string; message: string };
    expect(error.code).toBe('zone_not_found');
    expect(error.message).toContain('atlantis');
    // Every zone route answers the same for an unknown zone.
    const areas = await t.anonymous().get('/api/zones/atlantis/areas');
    expect(areas.json().error.code).toBe('zone_not_found');
  });
});

describe('creating a zone', () => {
  it('lets an operator with a second factor create a zone, audited', async () => {
    const response = await operator.post('/api/zones', newZone('zone-nieuw'));
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      slug: 'zone-nieuw',
      name: 'Politiezone zone-nieuw',
      languages: ['nl', 'fr'],
      defaultLanguage: 'nl',
      isDemo: false,
      branding: { primaryColour: expect.stringMatching(/^#[0-9a-f]{6}$/i) },
    });
    expect((await t.anonymous().get('/api/zones/zone-nieuw')).json().id).toBe(created.id);
    const audit = await t.context.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('action', '=', 'zone.created')
      .where('subject_id', '=', created.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a slug the web app or the API uses for itself', async () => {
    for (const slug of ['track', 'login', 'api', 'outbox']) {
      const response = await operator.post('/api/zones', newZone(slug));
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toContainEqual(
        expect.objectContaining({ path: 'body/slug', code: 'slug_reserved' }),
      );
    }
  });

  it('refuses a slug that is taken with 409', async () => {
    const response = await operator.post('/api/zones', newZone('zone-settings'));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('zone_slug_taken');
    expect(response.json().error.message).toContain('zone-settings');
  });

  it('validates time zone, projection and default language, naming each field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ timeZone: 'Europe/Gent' }, 'body/timeZone'],
      [{ projection: 'EPSG:99999' }, 'body/projection'],
      [{ projection: 'Lambert72' }, 'body/projection'],
      [{ defaultLanguage: 'en' }, 'body/defaultLanguage'],
      [{ slug: 'Not A Slug' }, 'body/slug'],
      [{ languages: [] }, 'body/languages'],
    ];
    for (const [change, path] of cases) {
      const response = await operator.post('/api/zones', newZone('zone-invalid', change));
      expect(response.statusCode, path).toBe(400);
      expect(response.json().error.code, path).toBe('validation_failed');
      expect(detailPaths(response), path).toContain(path);
    }
    // Several problems at once are all reported.
    const all = await operator.post(
      '/api/zones',
      newZone('zone-invalid', { timeZone: 'Mars/Olympus', projection: 'EPSG:1234', defaultLanguage: 'de' }),
    );
    expect(detailPaths(all).sort()).toEqual(['body/defaultLanguage', 'body/projection', 'body/timeZone']);
    expect((await t.anonymous().get('/api/zones/zone-invalid')).statusCode).toBe(404);
  });

  it('is refused to non-operators and to an operator without a second factor', async () => {
    expect((await admin.post('/api/zones', newZone('zone-admin'))).statusCode).toBe(403);
    expect((await t.anonymous().post('/api/zones', newZone('zone-anon'))).statusCode).toBe(401);
    const noTotp = await t.login(await t.createAccount({ isOperator: true }));
    const response = await noTotp.post('/api/zones', newZone('zone-nototp'));
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('second_factor_setup_required');
    const slugs = ((await t.anonymous().get('/api/zones')).json() as { slug: string }[]).map((z) => z.slug);
    expect(slugs).not.toContain('zone-admin');
    expect(slugs).not.toContain('zone-anon');
    expect(slugs).not.toContain('zone-nototp');
  });
});

describe('zone settings', () => {
  const url = '/api/zones/zone-settings/settings';

  it('lets the zone administrator change contact, branding and legal texts, audited', async () => {
    const response = await admin.patch(url, {
      contact: {
        phone: '+32 9 123 45 67',
        email: 'info@pz.example',
        address: 'Kouter 1, 9000 Gent',
        website: 'https://pz.example',
        openingHours: { nl: 'Ma–vr 8–17 u', fr: 'Lu–ve 8–17 h' },
      },
      branding: { logoUrl: 'https://pz.example/logo.svg', primaryColour: '#003366', accentColour: '#FFCC00' },
      legal: {
        privacyNotice: { nl: 'Privacyverklaring', fr: 'Déclaration de confidentialité' },
        terms: { nl: 'Gebruiksvoorwaarden' },
      },
    });
    expect(response.statusCode).toBe(200);
    const expected = {
      contact: {
        phone: '+32 9 123 45 67',
        website: 'https://pz.example',
        openingHours: { fr: 'Lu–ve 8–17 h' },
      },
      branding: { primaryColour: '#003366', accentColour: '#FFCC00' },
      legal: {
        privacyNotice: { fr: 'Déclaration de confidentialité' },
        terms: { nl: 'Gebruiksvoorwaarden' },
      },
    };
    expect(response.json()).toMatchObject(expected);
    expect((await t.anonymous().get('/api/zones/zone-settings')).json()).toMatchObject(expected);
    const audit = await t.context.db
      .selectFrom('audit_entries')
      .select('id')
      .where('action', '=', 'zone.settings_updated')
      .where('subject_id', '=', zone.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('keeps a cleared contact field empty (null), not an empty string', async () => {
    const response = await admin.patch(url, {
      contact: { phone: null, email: null, address: null, website: null, openingHours: {} },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().contact).toEqual({
      phone: null,
      email: null,
      address: null,
      website: null,
      openingHours: {},
    });
  });

  it('validates colours, languages and texts', async () => {
    const before = (await t.anonymous().get('/api/zones/zone-settings')).json();
    const cases: [Record<string, unknown>, string][] = [
      [
        { branding: { logoUrl: null, primaryColour: '#12345', accentColour: '#ffffff' } },
        'body/branding/primaryColour',
      ],
      [
        { branding: { logoUrl: null, primaryColour: '#123456', accentColour: 'red' } },
        'body/branding/accentColour',
      ],
      [
        {
          branding: {
            logoUrl: 'http://insecure.example/logo.png',
            primaryColour: '#123456',
            accentColour: '#654321',
          },
        },
        'body/branding/logoUrl',
      ],
      [{ legal: { privacyNotice: { xx: 'Nope' }, terms: {} } }, 'body/legal/privacyNotice'],
      [{ languages: ['fr', 'de'] }, 'body/defaultLanguage'],
      [{ timeZone: 'Nowhere/Town' }, 'body/timeZone'],
      [
        { contact: { phone: null, email: 'not-an-email', address: null, website: null, openingHours: {} } },
        'body/contact/email',
      ],
    ];
    for (const [body, path] of cases) {
      const response = await admin.patch(url, body);
      expect(response.statusCode, path).toBe(400);
      expect(response.json().error.code, path).toBe('validation_failed');
      expect(
        detailPaths(response).some((p) => p.startsWith(path)),
        `${path} in ${detailPaths(response).join(', ')}`,
      ).toBe(true);
    }
    expect((await admin.patch(url, {})).statusCode).toBe(400);
    expect((await t.anonymous().get('/api/zones/zone-settings')).json()).toEqual(before);
  });

  it('changes languages together with a default among them', async () => {
    const response = await admin.patch(url, { languages: ['fr', 'nl'], defaultLanguage: 'fr' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ languages: ['fr', 'nl'], defaultLanguage: 'fr' });
  });

  it('is refused to a supervisor, to another zone’s administrator and to anonymous callers', async () => {
    const before = (await t.anonymous().get('/api/zones/zone-settings')).json();
    const change = { name: 'Overgenomen' };
    const bySupervisor = await supervisor.patch(url, change);
    expect(bySupervisor.statusCode).toBe(403);
    expect(bySupervisor.json().error.code).toBe('forbidden');
    const other = await t.createZone();
    const otherAdmin = await t.login(
      await t.createAccount({ grants: [{ zoneId: other.id, role: 'administrator' }], totp: true }),
    );
    expect((await otherAdmin.patch(url, change)).statusCode).toBe(403);
    expect((await t.anonymous().patch(url, change)).statusCode).toBe(401);
    expect((await t.anonymous().get('/api/zones/zone-settings')).json()).toEqual(before);
  });
});
