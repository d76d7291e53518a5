/**
 * DESIGN.md, "Privacy" rule 5: a report about a "suspicious" person must say
 * what the person did, not what they look like. Realistic reports in the
 * four languages: accounts of appearance or mere presence are refused,
 * accounts of behaviour pass (also when they mention what someone wore).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { ensureDemoZone } from '../demo/ensure-demo-zone.ts';
import { checkBehaviourAccount } from './anti-profiling.ts';

/** Appearance, origin or mere presence: no reason for police attention. */
const profiling: [string, string][] = [
  ['nl', 'Een donkere man met een kap loopt door de straat'],
  ['nl', 'Er hangt een groepje allochtone jongeren rond aan het pleintje'],
  ['nl', 'Een Marokkaanse jongen liep door onze straat'],
  ['nl', 'Een vrouw met een hoofddoek stond aan de bushalte'],
  [
    'nl',
    'Sinds vorige week zie ik regelmatig een groep Marokkaanse jongeren in onze straat, ze horen hier niet thuis en ik vertrouw het niet',
  ],
  ['fr', 'Un homme noir avec une capuche dans notre rue'],
  [
    'fr',
    "Depuis quelques jours il y a des jeunes d'origine étrangère qui traînent dans le quartier, je ne les connais pas et ça m'inquiète",
  ],
  ['de', 'Ein südländischer Mann mit Kapuze steht vor dem Haus'],
  [
    'de',
    'Seit Tagen sehe ich in unserer Straße immer wieder dunkelhäutige Männer, die nicht von hier sind. Das ist mir unheimlich.',
  ],
  ['en', 'A black guy in a hoodie was standing near the school gate for a while'],
  ['en', 'Suspicious looking foreigner hanging around the neighbourhood'],
  ['en', 'A man in a tracksuit walked down our street'],
  [
    'en',
    'There is a group of foreign-looking young men in the park every evening, they do not live here and it makes me nervous',
  ],
];

/** What someone did, where and when: a reason to look. */
const behaviour: [string, string][] = [
  ['nl', "Iemand probeerde bij drie geparkeerde auto's de portieren te openen en keek telkens rond"],
  [
    'nl',
    'Twee personen filmden urenlang de ingang van de bank en noteerden wanneer de geldtransporteur kwam',
  ],
  [
    'nl',
    'Er wordt al drie nachten na middernacht aangebeld bij verschillende huizen in de straat, daarna is niemand te zien',
  ],
  ['fr', "Une personne a essayé d'ouvrir les portières de plusieurs voitures garées dans la rue"],
  ['de', 'Eine Person rüttelte an mehreren Haustüren und schaute durch die Fenster ins Haus'],
  ['en', 'Someone tried the door handles of three parked cars and looked into the windows'],
  ['en', 'A man in a red jacket tried the door handles of three cars on our street'],
];

describe('the behaviour check', () => {
  it.each(profiling)('refuses appearance or presence only (%s): %s', (_language, text) => {
    expect(checkBehaviourAccount(text)).toBe('appearance_only');
  });

  it.each(behaviour)('accepts an account of behaviour (%s): %s', (_language, text) => {
    expect(checkBehaviourAccount(text)).toBeNull();
  });

  it('asks for behaviour when there is none, and for more when it is too short', () => {
    expect(checkBehaviourAccount(undefined)).toBe('behaviour_missing');
    expect(checkBehaviourAccount('   \n ')).toBe('behaviour_missing');
    expect(checkBehaviourAccount('Rare gast hier')).toBe('behaviour_too_short');
  });
});

describe('reporting suspicious behaviour', () => {
  let t: TestApp;
  const zone = 'gent';
  const location = { lon: 3.7215, lat: 51.0546 };

  async function written(): Promise<number> {
    const row = await sql<{ n: string }>`select
      (select count(*) from signals) + (select count(*) from signal_reporters) + (select count(*) from mail_messages) as n`.execute(
      t.context.db,
    );
    return Number(row.rows[0]?.n);
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { NABIJ_ANONYMOUS_WRITE_LIMIT: '10000' } });
    await ensureDemoZone(t.context);
  });
  afterAll(async () => t.close());

  const post = (description: string, language: string, extra: Record<string, unknown> = {}) =>
    t
      .anonymous()
      .post(
        `/api/zones/${zone}/signals`,
        { category: 'suspicious-behaviour', description, location, ...extra },
        { 'accept-language': language },
      );

  it('refuses an account of appearance, with the reason in the request language', async () => {
    const before = await written();
    const messages: string[] = [];
    for (const [language, text] of [
      ['nl', 'Een donkere man met een kap loopt door de straat'],
      ['fr', 'Un homme noir avec une capuche dans notre rue'],
    ] as const) {
      const response = await post(text, language);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toEqual({
        code: 'behaviour_appearance_only',
        message: translate(language, 'error.behaviour_appearance_only'),
        // Forms show the reason beside the field it is about.
        details: [
          {
            path: 'body/description',
            code: 'behaviour_appearance_only',
            message: translate(language, 'error.behaviour_appearance_only'),
          },
        ],
      });
      messages.push(response.json().error.message);
    }
    expect(messages[0]).not.toBe(messages[1]);
    expect(await written()).toBe(before);
  });

  it('refuses a blank or too short account', async () => {
    const blank = await post('          ', 'de');
    expect(blank.json().error).toMatchObject({
      code: 'behaviour_missing',
      message: translate('de', 'error.behaviour_missing'),
    });
    const short = await post('Rare gast hier', 'nl');
    expect(short.json().error.code).toBe('behaviour_too_short');
  });

  it('refuses every account of appearance or presence through the API, and writes nothing', async () => {
    const before = await written();
    const accepted: string[] = [];
    for (const [language, text] of profiling) {
      const response = await post(text, language);
      if (response.statusCode !== 400 || response.json().error.code !== 'behaviour_appearance_only')
        accepted.push(`${response.statusCode} ${text}`);
    }
    expect(accepted).toEqual([]);
    expect(await written()).toBe(before);
  });

  it('accepts every account of behaviour through the API', async () => {
    const refusedTexts: string[] = [];
    for (const [language, text] of behaviour) {
      const response = await post(text, language);
      if (response.statusCode !== 201) refusedTexts.push(`${response.body} ${text}`);
    }
    expect(refusedTexts).toEqual([]);
  });

  it('keeps the optional description of a person apart, for staff only, and never publishes it', async () => {
    const response = await post('Iemand probeerde met een schroevendraaier de achterdeur te openen', 'nl', {
      personDescription: 'Rode jas, zwarte rugzak',
    });
    expect(response.statusCode, response.body).toBe(201);
    const row = await t.context.db
      .selectFrom('signals')
      .select(['answers', 'description'])
      .where('id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    expect(row.answers).toEqual({ person_description: 'Rode jas, zwarte rugzak' });
    expect(row.description).not.toContain('Rode jas');
    const list = await t.anonymous().get(`/api/zones/${zone}/public/signals?limit=500`);
    expect(list.body).not.toContain(response.json().id);
    expect(list.body).not.toContain('Rode jas');
  });

  it('does not apply the check to other categories', async () => {
    const response = await t.anonymous().post(`/api/zones/${zone}/signals`, {
      category: 'noise',
      description: 'Luide muziek tot 3 uur',
      location,
    });
    expect(response.statusCode, response.body).toBe(201);
  });
});
