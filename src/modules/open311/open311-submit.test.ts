/**
 * POST requests: a report from an Open311 client passes the web's checks,
 * needs a valid key, records the channel and the client, and is stored once
 * per Idempotency-Key. Errors come in the spec's format.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { defaultCategories } from '../categories/default-taxonomy.ts';
import { issueOpen311Client } from './manage-open311-clients.ts';
import {
  form,
  formHeaders,
  INSIDE,
  issueKey,
  OUTSIDE,
  parseXml,
  PREFIX,
  setUpZones,
  xmlToPlain,
  type Open311Setup,
} from './open311-test-support.ts';

let t: TestApp;
let s: Open311Setup;
let key: { id: string; apiKey: string };

beforeAll(async () => {
  t = await createTestApp({ env: { NABIJ_ANONYMOUS_WRITE_LIMIT: '1000' } });
  s = await setUpZones(t);
  key = await issueKey(s.admin, s.zone.slug);
});
afterAll(async () => t.close());

const dumping = {
  service_code: 'dumping',
  lat: String(INSIDE.lat),
  long: String(INSIDE.long),
  description: 'Bags of rubbish dumped beside the bridge again, call me on 0470 12 34 56',
  first_name: 'An',
  last_name: 'Peeters',
  email: 'an.peeters@example.be',
  phone: '+32 470 99 88 77',
  media_url: 'https://images.example/photo-1.jpg',
  device_id: 'device-42',
  account_id: 'someone',
};

function post(
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
  format = 'json',
) {
  return t.anonymous().request({
    method: 'POST',
    url: `${PREFIX}/requests.${format}`,
    payload: form({ jurisdiction_id: s.zone.slug, api_key: key.apiKey, ...fields }),
    headers: { ...formHeaders, 'accept-language': 'en', ...headers },
  });
}

async function signalCount(): Promise<number> {
  const row = await t.context.db
    .selectFrom('signals')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('zone_id', '=', s.zone.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function expectError(
  response: { statusCode: number; json(): unknown },
  status: number,
  description?: string,
) {
  expect(response.statusCode).toBe(status);
  const errors = response.json() as { code: number; description: string }[];
  expect(Array.isArray(errors)).toBe(true);
  expect(errors[0]?.code).toBe(status);
  // A message may be given as is or per field ("description: …").
  if (description !== undefined) {
    const given = errors.flatMap((e) => [e.description, e.description.replace(/^[\w[\]/]+: /, '')]);
    expect(given).toContain(description);
  }
  return errors;
}

describe('a report from an Open311 client', () => {
  it('is stored from a form-encoded request with a valid key: 201, channel open311, the client recorded', async () => {
    const response = await post(dumping);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const [created] = response.json() as {
      service_request_id: string;
      service_notice: string;
      account_id: null;
    }[];
    expect(typeof created?.service_request_id).toBe('string');
    expect(created?.account_id).toBeNull();
    const signal = await t.context.db
      .selectFrom('signals')
      .selectAll()
      .where('id', '=', created?.service_request_id ?? '')
      .executeTakeFirstOrThrow();
    expect(created?.service_notice).toBe(
      translate('en', 'open311.acknowledgement', { reference: signal.reference }),
    );
    expect(signal.channel).toBe('open311');
    expect(signal.open311_client_id).toBe(key.id);
    expect(signal.created_by_account_id).toBeNull();
    expect(signal.description).toBe(dumping.description);
    expect([signal.lat, signal.lon]).toEqual([INSIDE.lat, INSIDE.long]);
    expect(signal.personal_data_flags).toEqual(['phone']);
    const reporter = await t.context.db
      .selectFrom('signal_reporters')
      .selectAll()
      .where('signal_id', '=', signal.id)
      .executeTakeFirstOrThrow();
    expect(reporter.email_encrypted).not.toContain('an.peeters');
    expect(t.context.cipher.decrypt(reporter.name_encrypted ?? '')).toBe('An Peeters');
    expect(t.context.cipher.decrypt(reporter.phone_encrypted ?? '')).toBe('+32 470 99 88 77');
    // media_url and device_id are accepted and not kept anywhere.
    const photos = await t.context.db
      .selectFrom('signal_photos')
      .selectAll()
      .where('signal_id', '=', signal.id)
      .execute();
    expect(photos).toEqual([]);
    expect(JSON.stringify(signal)).not.toContain('device-42');
  });

  it('answers in XML as the spec shows it', async () => {
    const response = await post(
      { ...dumping, description: 'Old mattress & bags <again> near the bridge' },
      {},
      'xml',
    );
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
    const plain = xmlToPlain(parseXml(response.body)) as Record<string, string>[];
    expect(plain).toHaveLength(1);
    expect(Object.keys(plain[0] ?? {})).toEqual(['service_request_id', 'service_notice', 'account_id']);
    expect(plain[0]?.['account_id']).toBe('');
  });

  it('is anonymous without contact details', async () => {
    const { first_name: _f, last_name: _l, email: _e, phone: _p, ...anonymous } = dumping;
    const response = await post(anonymous);
    expect(response.statusCode).toBe(201);
    const id = response.json()[0].service_request_id as string;
    const reporter = await t.context.db
      .selectFrom('signal_reporters')
      .selectAll()
      .where('signal_id', '=', id)
      .execute();
    expect(reporter).toEqual([]);
  });

  it('takes attributes as attribute[code], typed by the question, and JSON bodies too', async () => {
    const vehicle = await post({
      service_code: 'vehicle-crime',
      lat: String(INSIDE.lat),
      long: String(INSIDE.long),
      description: 'My bicycle was stolen from the rack at the station',
      'attribute[vehicle_type]': 'bicycle',
    });
    expect(vehicle.statusCode, vehicle.body).toBe(201);
    const json = await t.anonymous().post(
      `${PREFIX}/requests.json`,
      {
        jurisdiction_id: s.zone.slug,
        api_key: key.apiKey,
        service_code: 'speeding',
        lat: INSIDE.lat,
        long: INSIDE.long,
        description: 'Cars race down the avenue every evening',
        attribute: { time_of_day: 'evening' },
      },
      { 'accept-language': 'en' },
    );
    expect(json.statusCode, json.body).toBe(201);
    const rows = await t.context.db
      .selectFrom('signals')
      .select(['id', 'answers'])
      .where('id', 'in', [vehicle.json()[0].service_request_id, json.json()[0].service_request_id])
      .execute();
    expect(
      rows.map((r) => r.answers).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual([{ time_of_day: 'evening' }, { vehicle_type: 'bicycle' }]);
  });

  it('refuses a wrong option or an unknown attribute, naming the attribute', async () => {
    const wrong = await post({ ...dumping, service_code: 'speeding', 'attribute[time_of_day]': 'noon' });
    const errors = expectError(wrong, 400);
    expect(errors.map((e) => e.description)).toContain(
      `attribute[time_of_day]: ${translate('en', 'validation.answer_type')}`,
    );
    const unknown = await post({ ...dumping, 'attribute[colour]': 'red' });
    expectError(unknown, 400, `attribute[colour]: ${translate('en', 'validation.unknown_question')}`);
  });
});

describe('refusals', () => {
  it('refuses a request without a key, with a wrong key or with another zone’s key (403)', async () => {
    const before = await signalCount();
    const message = translate('en', 'error.open311_api_key_invalid');
    expectError(await post({ ...dumping, api_key: '' }), 403, message);
    expectError(await post({ ...dumping, api_key: `${key.apiKey}x` }), 403, message);
    const otherZone = await t.context.db
      .selectFrom('zones')
      .selectAll()
      .where('id', '=', s.other.id)
      .executeTakeFirstOrThrow();
    const foreign = await t.context.db
      .transaction()
      .execute((trx) => issueOpen311Client(t.context, trx, otherZone, newId(), 'Elders'));
    expectError(await post({ ...dumping, api_key: foreign.apiKey }), 403, message);
    const xml = await post({ ...dumping, api_key: 'nothing-valid' }, {}, 'xml');
    expect(xml.statusCode).toBe(403);
    expect(xmlToPlain(parseXml(xml.body))).toEqual([{ code: '403', description: message }]);
    expect(await signalCount()).toBe(before);
  });

  it('refuses a revoked key at once', async () => {
    const second = await issueKey(s.admin, s.zone.slug, 'Tweede app');
    expect((await post({ ...dumping, api_key: second.apiKey })).statusCode).toBe(201);
    const revoked = await s.admin.post(`/api/zones/${s.zone.slug}/open311-clients/${second.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expectError(await post({ ...dumping, api_key: second.apiKey }), 403);
  });

  it('refuses an unknown service_code (400)', async () => {
    expectError(
      await post({ ...dumping, service_code: 'parking' }),
      400,
      translate('en', 'error.category_unknown'),
    );
  });

  it('refuses a point outside the zone (400)', async () => {
    const outside = { ...dumping, lat: String(OUTSIDE.lat), long: String(OUTSIDE.long) };
    expectError(await post(outside), 400, translate('en', 'error.location_outside_zone'));
  });

  it('refuses a report without a location unless the address is in the zone’s list', async () => {
    const { lat: _lat, long: _long, ...noPoint } = dumping;
    const required = translate('en', 'error.open311_location_required');
    expectError(await post(noPoint), 400, required);
    expectError(await post({ ...noPoint, address_string: 'Rivierstraat 12, 2000 Antwerpen' }), 400, required);
    await t.context.db
      .insertInto('addresses')
      .values({
        id: newId(),
        zone_id: s.zone.id,
        street: 'Rivierstraat',
        house_number: '12',
        postcode: '2000',
        municipality: 'Antwerpen',
        search_text: 'rivierstraat 12 2000 antwerpen',
        lon: INSIDE.long,
        lat: INSIDE.lat,
        area_id: null,
      })
      .execute();
    const found = await post({ ...noPoint, address_string: 'Rivierstraat 12, 2000 Antwerpen' });
    expect(found.statusCode, found.body).toBe(201);
  });

  it('refuses a report about a person that only describes their appearance (anti-profiling)', async () => {
    const appearance = {
      ...dumping,
      service_code: 'suspicious-behaviour',
      description: 'A man in a black hoodie with a beard near the school',
    };
    expectError(await post(appearance), 400, translate('en', 'error.behaviour_appearance_only'));
    const behaviour = await post({
      ...appearance,
      description: 'Someone tried the door handles of three parked cars in our street at night',
      'attribute[person_description]': 'Tall, grey jacket',
    });
    expect(behaviour.statusCode, behaviour.body).toBe(201);
    const signal = await t.context.db
      .selectFrom('signals')
      .select('answers')
      .where('id', '=', behaviour.json()[0].service_request_id)
      .executeTakeFirstOrThrow();
    expect(signal.answers).toEqual({ person_description: 'Tall, grey jacket' });
  });

  it('refuses a category with a blocking notice, with the notice', async () => {
    const notice = defaultCategories.find((c) => c.code === 'in-progress')?.blockingNotice?.en ?? '';
    const response = await post({ ...dumping, service_code: 'in-progress' });
    expectError(response, 400, translate('en', 'error.category_blocked', { notice }));
  });

  it('refuses what the web refuses: a description too short, a malformed e-mail address', async () => {
    const errors = expectError(
      await post({ ...dumping, description: 'Rubbish', email: 'not-an-address' }),
      400,
    );
    expect(errors.map((e) => e.description.split(':')[0]).sort()).toEqual(['description', 'email']);
    expectError(await post({ ...dumping, lat: 'north' }), 400);
  });

  it('answers a body that is neither a form nor JSON in the spec format', async () => {
    const response = await t.anonymous().request({
      method: 'POST',
      url: `${PREFIX}/requests.json`,
      payload: '<request/>',
      headers: { 'content-type': 'application/xml' },
    });
    expectError(response, 400);
  });

  it('refuses a report sent from another site’s page (CSRF rule), in the spec format', async () => {
    const response = await post(dumping, { origin: 'https://elsewhere.example' });
    expectError(response, 403, translate('en', 'error.csrf_failed'));
  });
});

describe('idempotency', () => {
  it('stores one signal for the same Idempotency-Key sent twice, and replays the answer', async () => {
    const before = await signalCount();
    const headers = { 'idempotency-key': 'open311-retry-0001' };
    const first = await post(dumping, headers);
    const again = await post(dumping, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await signalCount()).toBe(before + 1);
  });

  it('replays a stored report even if its category was closed since, but never for a revoked key', async () => {
    const second = await issueKey(s.admin, s.zone.slug, 'Derde app');
    const headers = { 'idempotency-key': 'open311-retry-0002' };
    const fields = { ...dumping, service_code: 'noise', api_key: second.apiKey };
    const first = await post(fields, headers);
    expect(first.statusCode).toBe(201);
    const close = (active: boolean) =>
      t.context.db
        .updateTable('categories')
        .set({ active })
        .where('zone_id', '=', s.zone.id)
        .where('code', '=', 'noise')
        .execute();
    await close(false);
    const again = await post(fields, headers);
    await close(true);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    await s.admin.post(`/api/zones/${s.zone.slug}/open311-clients/${second.id}/revoke`);
    expectError(await post(fields, headers), 403);
  });

  it('refuses the same Idempotency-Key with another report', async () => {
    const headers = { 'idempotency-key': 'open311-retry-0003' };
    expect((await post(dumping, headers)).statusCode).toBe(201);
    const other = await post(
      { ...dumping, description: 'Another pile of rubbish at the other bridge' },
      headers,
    );
    expectError(other, 422, translate('en', 'error.idempotency_key_reused'));
  });
});
