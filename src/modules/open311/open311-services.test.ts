/**
 * Open311 discovery, services and service definitions in JSON and XML, the
 * jurisdiction rules, and errors in the spec's own format.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { defaultCategories } from '../categories/default-taxonomy.ts';
import {
  jsonToPlain,
  parseXml,
  PREFIX,
  setUpZones,
  xmlToPlain,
  type Open311Setup,
} from './open311-test-support.ts';

let t: TestApp;
let s: Open311Setup;
let j = '';

beforeAll(async () => {
  t = await createTestApp();
  s = await setUpZones(t);
  j = `jurisdiction_id=${s.zone.slug}`;
});
afterAll(async () => t.close());

const get = (path: string, headers?: Record<string, string>) =>
  t.anonymous().get(`${PREFIX}/${path}`, headers);

/** Both formats of one resource, the XML well-formed and carrying the same data as the JSON. */
async function both(path: string, headers?: Record<string, string>) {
  const json = await get(path.replace('{fmt}', 'json'), headers);
  const xml = await get(path.replace('{fmt}', 'xml'), headers);
  expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
  expect(xml.statusCode).toBe(json.statusCode);
  expect(xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  const document = parseXml(xml.body);
  expect(xmlToPlain(document)).toEqual(jsonToPlain(json.json()));
  return { json, xml, document, data: json.json() as unknown };
}

describe('discovery', () => {
  it('names the endpoint, its formats, the zone to contact and how to get a key, in JSON and XML', async () => {
    const { json, document } = await both(`discovery.{fmt}?${j}`, { 'accept-language': 'en' });
    expect(json.statusCode).toBe(200);
    const body = json.json();
    expect(body.contact).toContain('zone@example.be');
    expect(body.key_service).toContain('Politiezone Testrivier');
    expect(body.changeset).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
    expect(body.endpoints).toEqual([
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: 'http://nabij.test/open311/v2',
        changeset: body.changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ]);
    expect(document.name).toBe('discovery');
    expect(json.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers for the whole server when several zones exist and none is named', async () => {
    const response = await get('discovery.json');
    expect(response.statusCode).toBe(200);
    expect(response.json().contact).toBe('http://nabij.test');
  });
});

describe('services', () => {
  it("lists the zone's active categories, named in the Accept-Language, with string codes", async () => {
    const { data } = await both(`services.{fmt}?${j}`, { 'accept-language': 'fr-BE,fr;q=0.9' });
    const services = data as Record<string, unknown>[];
    expect(services.map((x) => x['service_code'])).toEqual(defaultCategories.map((c) => c.code));
    const burglary = services.find((x) => x['service_code'] === 'burglary');
    expect(burglary).toEqual({
      service_code: 'burglary',
      service_name: 'Cambriolage',
      description: 'Cambriolage',
      metadata: false,
      type: 'realtime',
      keywords: 'Cambriolage, Inbraak, Einbruch, Burglary',
      group: 'Criminalité',
    });
    const metadata = services.filter((x) => x['metadata'] === true).map((x) => x['service_code']);
    expect(metadata.sort()).toEqual(['speeding', 'suspicious-behaviour', 'vehicle-crime']);
    for (const service of services) expect(typeof service['service_code']).toBe('string');
  });

  it('describes a blocked category by its notice and a non-public one as unpublished', async () => {
    const services = (await get(`services.json?${j}`, { 'accept-language': 'en' })).json() as {
      service_code: string;
      description: string;
      group: string;
    }[];
    const violence = services.find((x) => x.service_code === 'domestic-violence');
    expect(violence?.description).toBe(
      defaultCategories.find((c) => c.code === 'domestic-violence')?.blockingNotice?.en,
    );
    const suspicious = services.find((x) => x.service_code === 'suspicious-behaviour');
    expect(suspicious?.description).toContain(translate('en', 'open311.service.behaviour'));
    expect(suspicious?.description).toContain(translate('en', 'open311.service.not_published'));
    expect(services.find((x) => x.service_code === 'noise')?.group).toBe('Livability');
  });

  it("falls back to the zone's default language", async () => {
    const services = (await get(`services.json?${j}`, { 'accept-language': 'es' })).json() as {
      service_code: string;
      service_name: string;
    }[];
    expect(services.find((x) => x.service_code === 'speeding')?.service_name).toBe('Te snel rijden');
  });

  it('needs jurisdiction_id while several zones exist, and refuses an unknown one, in the spec format', async () => {
    const missing = await both('services.{fmt}', { 'accept-language': 'en' });
    expect(missing.json.statusCode).toBe(400);
    expect(missing.data).toEqual([
      { code: 400, description: translate('en', 'error.open311_jurisdiction_required') },
    ]);
    expect(missing.document.name).toBe('errors');
    expect(missing.document.children[0]?.name).toBe('error');
    const unknown = await both('services.{fmt}?jurisdiction_id=nowhere-zone');
    expect(unknown.json.statusCode).toBe(404);
    expect((unknown.data as { code: number }[])[0]?.code).toBe(404);
  });
});

describe('service definitions', () => {
  it("gives the speeding category's question as a single-value list", async () => {
    const { data } = await both(`services/speeding.{fmt}?${j}`, { 'accept-language': 'en' });
    expect(data).toEqual({
      service_code: 'speeding',
      attributes: [
        {
          variable: true,
          code: 'time_of_day',
          datatype: 'singlevaluelist',
          required: false,
          datatype_description: translate('en', 'open311.datatype.singlevaluelist'),
          order: 1,
          description: 'When mostly?',
          values: [
            { key: 'morning', name: 'Mornings' },
            { key: 'day', name: 'During the day' },
            { key: 'evening', name: 'Evenings' },
            { key: 'night', name: 'At night' },
          ],
        },
      ],
    });
  });

  it('gives vehicle-crime in XML as the spec shows it', async () => {
    const { document } = await both(`services/vehicle-crime.{fmt}?${j}`, { 'accept-language': 'nl' });
    expect(document.name).toBe('service_definition');
    const attribute = document.children.find((c) => c.name === 'attributes')?.children[0];
    expect(attribute?.name).toBe('attribute');
    const values = attribute?.children.find((c) => c.name === 'values')?.children ?? [];
    expect(values.map((v) => v.children.map((c) => `${c.name}=${c.text}`).join(' '))).toContain(
      'key=bicycle name=Fiets',
    );
  });

  it('adds the optional description of a person last, for the anti-profiling form', async () => {
    const definition = (await get(`services/suspicious-behaviour.json?${j}`)).json() as {
      attributes: { code: string; required: boolean; order: number }[];
    };
    expect(definition.attributes).toEqual([
      expect.objectContaining({ code: 'person_description', required: false, order: 1 }),
    ]);
  });

  it('answers 404 for an unknown service', async () => {
    const { json, data } = await both(`services/nothing-here.{fmt}?${j}`, { 'accept-language': 'en' });
    expect(json.statusCode).toBe(404);
    expect(data).toEqual([{ code: 404, description: translate('en', 'error.open311_service_unknown') }]);
  });
});

describe('the edges of the endpoint', () => {
  it('answers unknown paths and formats with 404 in the spec format', async () => {
    for (const path of ['nothing.json', 'services.html', 'requests/abc/def.json']) {
      const response = await get(`${path}?${j}`);
      expect(response.statusCode, path).toBe(404);
      expect(response.json()[0].code).toBe(404);
    }
    const xml = await get(`nothing.xml?${j}`);
    expect(parseXml(xml.body).name).toBe('errors');
  });

  it('gives validation errors as a list of errors, never the Nabij error shape', async () => {
    const { json, data } = await both(`requests.{fmt}?${j}&page=0&page_size=5000`, {
      'accept-language': 'en',
    });
    expect(json.statusCode).toBe(400);
    const errors = data as { code: number; description: string }[];
    expect(errors.length).toBe(2);
    expect(errors.every((e) => e.code === 400)).toBe(true);
    expect(errors.map((e) => e.description.split(':')[0]).sort()).toEqual(['page', 'page_size']);
  });
});
