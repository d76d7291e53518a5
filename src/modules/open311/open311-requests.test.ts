/**
 * GET requests, requests/{id} and tokens/{token}: the public view only
 * (moderated text after approval, public point, day precision), every
 * filter of the spec, both formats, and 404 for what is not public.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { addDays, today } from './zoned-time.ts';
import {
  form,
  formHeaders,
  INSIDE,
  issueKey,
  jsonToPlain,
  parseXml,
  PREFIX,
  setUpZones,
  xmlToPlain,
  type Open311Setup,
} from './open311-test-support.ts';

let t: TestApp;
let s: Open311Setup;
let apiKey = '';
let j = '';
const ids = { answered: '', open: '', fixed: '', old: '', suspicious: '', sensitive: '' };
let statuses: { id: string; code: string }[] = [];
const now = new Date();

const reporter = {
  first_name: 'Mieke',
  last_name: 'Vandersteen',
  email: 'mieke.v@example.be',
  phone: '0470 55 66 77',
};
const secretWords = 'Zakken afval aan de brug bij huisnummer 17';

async function report(code: string, description: string): Promise<string> {
  const response = await t.anonymous().request({
    method: 'POST',
    url: `${PREFIX}/requests.json`,
    payload: form({
      jurisdiction_id: s.zone.slug,
      api_key: apiKey,
      service_code: code,
      lat: String(INSIDE.lat),
      long: String(INSIDE.long),
      description,
      ...reporter,
    }),
    headers: formHeaders,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json()[0].service_request_id as string;
}

async function answer(id: string, text: string, status: string) {
  const statusId = statuses.find((x) => x.code === status)?.id;
  const response = await s.officer.post(`/api/zones/${s.zone.slug}/staff/signals/${id}/answers`, {
    text,
    statusId,
  });
  expect(response.statusCode, response.body).toBe(201);
}

const get = (path: string) => t.anonymous().get(`${PREFIX}/${path}`, { 'accept-language': 'en' });
const listed = async (query: string) =>
  ((await get(`requests.json?${j}&${query}`)).json() as { service_request_id: string }[]).map(
    (r) => r.service_request_id,
  );

beforeAll(async () => {
  t = await createTestApp({ env: { NABIJ_ANONYMOUS_WRITE_LIMIT: '1000' } });
  t.clock.set(now);
  s = await setUpZones(t);
  j = `jurisdiction_id=${s.zone.slug}`;
  apiKey = (await issueKey(s.admin, s.zone.slug)).apiKey;
  // A report of twenty days ago (no session is used while the clock is back).
  const start = t.clock.now();
  t.clock.set(new Date(start.getTime() - 20 * 24 * 3600_000));
  ids.old = await report('noise', 'Loud music every night from the hall at the corner');
  t.clock.set(start);
  ids.answered = await report('dumping', secretWords);
  ids.open = await report('noise', 'Loud music every night from the hall near the bridge');
  ids.fixed = await report('vandalism', 'The bus shelter was smashed again last night');
  ids.suspicious = await report(
    'suspicious-behaviour',
    'Someone tried the door handles of three parked cars at night',
  );
  const recorded = await s.officer.post(`/api/zones/${s.zone.slug}/staff/signals`, {
    category: 'domestic-violence',
    channel: 'phone',
    description: 'Caller reports shouting and violence at the neighbours, second floor',
    location: { lon: INSIDE.long, lat: INSIDE.lat },
  });
  expect(recorded.statusCode, recorded.body).toBe(201);
  ids.sensitive = recorded.json().id;
  statuses = (await s.officer.get(`/api/zones/${s.zone.slug}/signal-statuses`)).json();
  await answer(ids.fixed, 'The shelter has been repaired.', 'fixed');
});
afterAll(async () => t.close());

describe('one request', () => {
  it('shows the public view: no text before moderation, the moderated text after, the public answer', async () => {
    const before = (await get(`requests/${ids.answered}.json?${j}`)).json();
    expect(before).toHaveLength(1);
    expect(before[0].description).toBe('');
    expect(before[0].status).toBe('open');
    const moderated = await s.officer.put(
      `/api/zones/${s.zone.slug}/staff/signals/${ids.answered}/moderation`,
      {
        decision: 'approve',
        publicText: 'Sluikstort aan de brug.',
      },
    );
    expect(moderated.statusCode, moderated.body).toBe(200);
    await answer(ids.answered, 'De stad haalt het afval morgen op.', 'closed_answered');
    const after = (await get(`requests/${ids.answered}.json?${j}`)).json()[0];
    const day = today(now, 'Europe/Brussels');
    expect(after).toEqual({
      service_request_id: ids.answered,
      status: 'closed',
      status_notes: 'De stad haalt het afval morgen op.',
      service_name: 'Fly-tipping',
      service_code: 'dumping',
      description: 'Sluikstort aan de brug.',
      agency_responsible: 'Politiezone Testrivier',
      service_notice: 'Closed: answered',
      requested_datetime: expect.stringMatching(new RegExp(`^${day}T00:00:00\\+0[12]:00$`)),
      updated_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/),
      expected_datetime: expect.stringMatching(new RegExp(`^${addDays(day, 14)}T00:00:00\\+0[12]:00$`)),
      address: '',
      address_id: '',
      zipcode: '',
      lat: expect.any(Number),
      long: expect.any(Number),
      media_url: '',
    });
    expect([after.lat, after.long]).not.toEqual([INSIDE.lat, INSIDE.long]);
    expect(Math.abs(after.lat - INSIDE.lat)).toBeLessThan(0.05);
  });

  it('is the same in XML, well-formed', async () => {
    const json = await get(`requests/${ids.answered}.json?${j}`);
    const xml = await get(`requests/${ids.answered}.xml?${j}`);
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    const document = parseXml(xml.body);
    expect(document.name).toBe('service_requests');
    expect(document.children.map((c) => c.name)).toEqual(['request']);
    expect(xmlToPlain(document)).toEqual(jsonToPlain(json.json()));
  });

  it('answers 404 for a signal outside the public view, as for one that does not exist', async () => {
    for (const id of [ids.suspicious, ids.sensitive, newId(), 'not-an-id']) {
      for (const format of ['json', 'xml']) {
        const response = await get(`requests/${id}.${format}?${j}`);
        expect(response.statusCode, `${id}.${format}`).toBe(404);
        const errors = format === 'json' ? jsonToPlain(response.json()) : xmlToPlain(parseXml(response.body));
        expect(errors).toEqual([{ code: '404', description: translate('en', 'error.signal_not_found') }]);
      }
    }
  });

  it('follows the token flow: a token is the id of a request sent through Open311', async () => {
    expect((await get(`tokens/${ids.open}.json?${j}`)).json()).toEqual([
      { service_request_id: ids.open, token: ids.open },
    ]);
    const xml = xmlToPlain(parseXml((await get(`tokens/${ids.open}.xml?${j}`)).body));
    expect(xml).toEqual([{ service_request_id: ids.open, token: ids.open }]);
    expect((await get(`tokens/${ids.sensitive}.json?${j}`)).statusCode).toBe(404);
  });
});

describe('the list of requests', () => {
  it('never carries the reporter, the exact point or the original words, in either format', async () => {
    for (const format of ['json', 'xml']) {
      const body = (await get(`requests.${format}?${j}`)).body;
      for (const secret of [...Object.values(reporter), 'Vandersteen', secretWords, 'huisnummer', '0470']) {
        expect(body, `${format} holds ${secret}`).not.toContain(secret);
      }
      expect(body).not.toContain(String(INSIDE.lat));
      expect(body).not.toContain(String(INSIDE.long));
      expect(body).not.toContain('door handles');
      expect(body).not.toContain('shouting');
    }
  });

  it('lists the public requests of the last 90 days with string ids, newest first', async () => {
    const list = (await get(`requests.json?${j}`)).json() as { service_request_id: unknown }[];
    expect(list.map((r) => r.service_request_id).sort()).toEqual(
      [ids.answered, ids.open, ids.fixed, ids.old].sort(),
    );
    expect(list.every((r) => typeof r.service_request_id === 'string')).toBe(true);
    expect(list.at(-1)?.service_request_id).toBe(ids.old);
  });

  it('takes a list of ids and then ignores the other filters', async () => {
    const found = await listed(
      `service_request_id=${ids.answered},${ids.suspicious},${ids.open},nonsense&service_code=vandalism&status=closed&start_date=2001-01-01&end_date=2001-01-02`,
    );
    expect(found.sort()).toEqual([ids.answered, ids.open].sort());
  });

  it('filters by a list of service codes', async () => {
    expect((await listed('service_code=noise,vandalism')).sort()).toEqual(
      [ids.open, ids.fixed, ids.old].sort(),
    );
    expect(await listed('service_code=suspicious-behaviour')).toEqual([]);
  });

  it('filters by status: fixed counts as closed', async () => {
    expect((await listed('status=open')).sort()).toEqual([ids.open, ids.old].sort());
    expect((await listed('status=closed')).sort()).toEqual([ids.answered, ids.fixed].sort());
    expect((await listed('status=open,closed')).length).toBe(4);
    const wrong = await get(`requests.json?${j}&status=pending`);
    expect(wrong.statusCode).toBe(400);
  });

  it('filters by whole days between start_date and end_date', async () => {
    const day = today(now, 'Europe/Brussels');
    const oldDay = addDays(day, -20);
    expect(await listed(`start_date=${addDays(oldDay, -1)}&end_date=${addDays(oldDay, 1)}`)).toEqual([
      ids.old,
    ]);
    expect(await listed(`end_date=${addDays(day, -10)}`)).toEqual([ids.old]);
    expect((await listed(`start_date=${day}`)).length).toBe(3);
    // A date-time counts for its whole day in the zone: the hour cannot narrow a report down.
    const noon = encodeURIComponent(`${day}T12:00:00+01:00`);
    expect((await listed(`start_date=${noon}&end_date=${noon}`)).length).toBe(3);
  });

  it('refuses windows longer than 90 days, reversed or unreadable dates', async () => {
    const day = today(now, 'Europe/Brussels');
    const range = translate('en', 'error.open311_date_range_invalid');
    for (const query of [
      `start_date=${addDays(day, -91)}&end_date=${day}`,
      `start_date=${day}&end_date=${addDays(day, -1)}`,
    ]) {
      const response = await get(`requests.json?${j}&${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual([{ code: 400, description: range }]);
    }
    expect((await get(`requests.json?${j}&start_date=yesterday`)).statusCode).toBe(400);
    expect((await get(`requests.json?${j}&end_date=2026-02-30`)).statusCode).toBe(400);
  });

  it('pages with page and page_size', async () => {
    const all = await listed('');
    expect(await listed('page_size=1&page=2')).toEqual([all[1]]);
    expect(await listed('page_size=3&page=2')).toEqual([all[3]]);
  });

  it('gives the same list in XML', async () => {
    const json = await get(`requests.json?${j}&status=closed`);
    const xml = await get(`requests.xml?${j}&status=closed`);
    const document = parseXml(xml.body);
    expect(document.children.length).toBe(2);
    expect(xmlToPlain(document)).toEqual(jsonToPlain(json.json()));
  });
});
