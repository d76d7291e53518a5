/**
 * Reporting a signal: every refusal has a stable code and a message in the
 * request's language, and leaves nothing behind (no signal, reporter, photo
 * row or file, mail or audit entry).
 */
import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../tests/support/test-app.ts';
import { translate, type Language } from '../../platform/i18n/i18n.ts';
import { ensureDemoZone } from '../demo/ensure-demo-zone.ts';

let t: TestApp;
let officer: Agent;
let clerk: Agent;
let admin: Agent;
const zone = 'gent';
const korenmarkt = { lon: 3.7215, lat: 51.0546 };
const valid = {
  category: 'dumping',
  description: 'Bouwafval gedumpt naast de glasbol',
  location: korenmarkt,
};
const DAY = 24 * 3600_000;

async function jpegBase64(width = 40, height = 30): Promise<string> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: '#795' } })
    .jpeg()
    .toBuffer();
  return bytes.toString('base64');
}

function filesIn(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

async function snapshot() {
  const counts: Record<string, number> = {};
  for (const table of ['signals', 'signal_reporters', 'signal_photos', 'mail_messages', 'audit_entries']) {
    const row = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.context.db);
    counts[table] = Number(row.rows[0]?.n);
  }
  counts['files'] = filesIn(t.config.uploadsDir);
  return counts;
}

/** Sends a report that must be refused with `code`, and checks that nothing was written. */
async function refused(
  body: Record<string, unknown>,
  code: string,
  options: { status?: number; language?: Language; agent?: Agent; url?: string } = {},
) {
  const before = await snapshot();
  const response = await (options.agent ?? t.anonymous()).post(
    options.url ?? `/api/zones/${zone}/signals`,
    body,
    { 'accept-language': options.language ?? 'en' },
  );
  expect(response.statusCode, response.body).toBe(options.status ?? 400);
  const error = response.json().error as {
    code: string;
    message: string;
    details?: { path: string; code: string; message: string }[];
  };
  expect(error.code).toBe(code);
  expect(await snapshot()).toEqual(before);
  return error;
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
});
afterAll(async () => t.close());

describe('a valid report', () => {
  it('writes the signal, its reporter, its photo and file (so the refusals below can show they write none)', async () => {
    const before = await snapshot();
    const response = await t.anonymous().post(`/api/zones/${zone}/signals`, {
      ...valid,
      photos: [{ data: await jpegBase64() }],
      reporter: { email: 'melder@example.be' },
      occurredAt: new Date(t.clock.now().getTime() - 2 * DAY).toISOString(),
    });
    expect(response.statusCode, response.body).toBe(201);
    const after = await snapshot();
    expect(after['signals']).toBe((before['signals'] ?? 0) + 1);
    expect(after['signal_reporters']).toBe((before['signal_reporters'] ?? 0) + 1);
    expect(after['signal_photos']).toBe((before['signal_photos'] ?? 0) + 1);
    expect(after['files']).toBe((before['files'] ?? 0) + 1);
  });
});

describe('refusals', () => {
  it('an unknown category', async () => {
    await refused({ ...valid, category: 'pickpocketing' }, 'category_unknown');
  });

  it('a category whose notice stops residents, with the notice in the request language', async () => {
    const categories = (await t.anonymous().get(`/api/zones/${zone}/categories`)).json() as {
      code: string;
      blockingNotice: Record<string, string> | null;
    }[];
    for (const code of ['in-progress', 'domestic-violence']) {
      const notice = categories.find((c) => c.code === code)?.blockingNotice;
      if (!notice) throw new Error(`${code} has no notice`);
      const messages = [];
      for (const language of ['nl', 'fr'] as const) {
        const error = await refused({ ...valid, category: code }, 'category_blocked', { language });
        expect(error.message).toContain(notice[language]);
        expect(error.message).toBe(
          translate(language, 'error.category_blocked', { notice: notice[language] ?? '' }),
        );
        messages.push(error.message);
      }
      expect(messages[0]).not.toBe(messages[1]);
    }
  });

  it('but staff record a blocked category taken by phone or at the counter', async () => {
    for (const [agent, channel, category] of [
      [officer, 'phone', 'in-progress'],
      [clerk, 'counter', 'domestic-violence'],
    ] as const) {
      const response = await agent.post(`/api/zones/${zone}/staff/signals`, { ...valid, category, channel });
      expect(response.statusCode, response.body).toBe(201);
      const row = await t.context.db
        .selectFrom('signals')
        .select('channel')
        .where('id', '=', response.json().id)
        .executeTakeFirstOrThrow();
      expect(row.channel).toBe(channel);
    }
    await refused({ ...valid, category: 'in-progress', channel: 'web' }, 'validation_failed', {
      agent: officer,
      url: `/api/zones/${zone}/staff/signals`,
    });
  });

  it('a place outside the zone, in nl and in fr', async () => {
    const brussels = { lon: 4.3517, lat: 50.8503 };
    const nl = await refused({ ...valid, location: brussels }, 'location_outside_zone', { language: 'nl' });
    const fr = await refused({ ...valid, location: brussels }, 'location_outside_zone', { language: 'fr' });
    expect(nl.message).toBe(translate('nl', 'error.location_outside_zone'));
    expect(fr.message).toBe(translate('fr', 'error.location_outside_zone'));
    expect(nl.message).not.toBe(fr.message);
  });

  it('an answer to a question the category does not ask, or an option it does not offer', async () => {
    const unknown = await refused(
      { ...valid, category: 'vehicle-crime', answers: { colour: 'red' } },
      'answer_invalid',
    );
    expect(unknown.details).toEqual([
      expect.objectContaining({ path: 'body/answers/colour', code: 'unknown_question' }),
    ]);
    const option = await refused(
      { ...valid, category: 'vehicle-crime', answers: { vehicle_type: 'tank' } },
      'answer_invalid',
      { language: 'fr' },
    );
    expect(option.details).toEqual([
      {
        path: 'body/answers/vehicle_type',
        code: 'answer_invalid',
        message: translate('fr', 'validation.answer_type'),
      },
    ]);
  });

  it('a missing answer to a required question an administrator added', async () => {
    const categories = (await admin.get(`/api/zones/${zone}/admin/categories`)).json() as {
      id: string;
      code: string;
    }[];
    const burglary = categories.find((c) => c.code === 'burglary');
    const patched = await admin.patch(`/api/zones/${zone}/admin/categories/${burglary?.id}`, {
      questions: [
        {
          code: 'entry_point',
          label: { nl: 'Waar binnengekomen?', fr: 'Par où ?', de: 'Wo eingedrungen?', en: 'Way in?' },
          type: 'singlevaluelist',
          required: true,
          options: [
            { key: 'door', label: { nl: 'Deur', fr: 'Porte', de: 'Tür', en: 'Door' } },
            { key: 'window', label: { nl: 'Raam', fr: 'Fenêtre', de: 'Fenster', en: 'Window' } },
          ],
        },
      ],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const body = { ...valid, category: 'burglary', description: 'Inbraak via de achterkant van het huis' };
    const missing = await refused(body, 'answer_invalid', { language: 'nl' });
    expect(missing.details).toEqual([
      { path: 'body/answers/entry_point', code: 'required', message: translate('nl', 'validation.required') },
    ]);
    const answered = await t
      .anonymous()
      .post(`/api/zones/${zone}/signals`, { ...body, answers: { entry_point: 'window' } });
    expect(answered.statusCode, answered.body).toBe(201);
  });

  it('contact details on a report that asks to stay anonymous', async () => {
    await refused(
      { ...valid, anonymous: true, reporter: { email: 'iemand@example.be' } },
      'anonymous_with_contact',
    );
    await refused({ ...valid, anonymous: true, reporter: { name: 'An' } }, 'anonymous_with_contact');
  });

  it('a time of occurrence in the future or more than a year ago', async () => {
    const now = t.clock.now().getTime();
    for (const when of [now + 3600_000, now - 400 * DAY]) {
      await refused({ ...valid, occurredAt: new Date(when).toISOString() }, 'occurred_at_invalid');
    }
  });

  it('more than three photos', async () => {
    const photo = { data: await jpegBase64() };
    const error = await refused({ ...valid, photos: [photo, photo, photo, photo] }, 'validation_failed');
    expect(error.details?.map((d) => d.path)).toContain('body/photos');
  });

  it('a photo that is no image, says which one, in the request language', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n').toString('base64');
    const error = await refused(
      { ...valid, photos: [{ data: await jpegBase64() }, { data: pdf }] },
      'photo_type_unsupported',
      { language: 'fr' },
    );
    expect(error.message).toBe(translate('fr', 'error.photo_type_unsupported', { index: 2 }));
  });

  it('a photo larger than 10 MB', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 7);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    await refused({ ...valid, photos: [{ data: big.toString('base64') }] }, 'photo_too_large');
  });

  it('a corrupt photo and a decompression bomb', async () => {
    const corrupt = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 0x55)]);
    await refused({ ...valid, photos: [{ data: corrupt.toString('base64') }] }, 'photo_unreadable');
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    await refused({ ...valid, photos: [{ data: bomb.toString('base64') }] }, 'photo_unreadable');
  });

  it('a description too short or too long', async () => {
    const short = await refused({ ...valid, description: 'Afval bij' }, 'validation_failed');
    expect(short.details?.map((d) => d.path)).toContain('body/description');
    const long = await refused({ ...valid, description: 'a'.repeat(5001) }, 'validation_failed');
    expect(long.details?.map((d) => d.path)).toContain('body/description');
  });

  it('a malformed e-mail address', async () => {
    const error = await refused(
      { ...valid, reporter: { email: 'an.peeters@', wantsUpdates: true } },
      'validation_failed',
      { language: 'nl' },
    );
    expect(error.details?.map((d) => d.path)).toContain('body/reporter/email');
  });
});
