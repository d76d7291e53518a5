/**
 * Helpers of the Open311 tests: a zone with one neighbourhood (so reports
 * can be located and anonymised), a second zone (so jurisdiction_id is
 * needed), an administrator who issues keys, and a small XML reader that
 * checks well-formedness character by character and turns a document into
 * the same plain data as the JSON variant, to compare the two formats.
 */
import { expect } from 'vitest';
import type { Agent, TestApp } from '../../../tests/support/test-app.ts';
import { importAreas } from '../areas/import-areas.ts';

export const PREFIX = '/open311/v2';

/** The neighbourhood: a square of about 1.4 × 2.2 km in Antwerp, with 9,000 households. */
export const AREA = { west: 4.4, south: 51.2, size: 0.02 };
/** A point inside it, with more decimals than any public point has. */
export const INSIDE = { lat: 51.2071234, long: 4.4087654 };
export const OUTSIDE = { lat: 50.85, long: 4.35 };

export interface Open311Setup {
  zone: { id: string; slug: string };
  other: { id: string; slug: string };
  admin: Agent;
  officer: Agent;
}

export async function setUpZones(t: TestApp): Promise<Open311Setup> {
  const zone = await t.createZone({ name: 'Politiezone Testrivier' });
  const other = await t.createZone();
  const row = await t.context.db
    .selectFrom('zones')
    .selectAll()
    .where('id', '=', zone.id)
    .executeTakeFirstOrThrow();
  const { west, south, size } = AREA;
  const ring = [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ];
  const report = await importAreas(t.context, row, null, {
    fileName: 'wijk.geojson',
    kind: 'neighbourhood',
    content: JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Rivierwijk', code: 'rivierwijk', population: 19000, households: 9000 },
          geometry: { type: 'Polygon', coordinates: [ring] },
        },
      ],
    }),
  });
  expect(report.imported + report.repaired).toBe(1);
  const admin = await t.login(
    await t.createAccount({ grants: [{ zoneId: zone.id, role: 'administrator' }], totp: true }),
  );
  t.clock.advance(31_000); // keep clear of the TOTP replay guard
  const officer = await t.login(await t.createAccount({ grants: [{ zoneId: zone.id, role: 'officer' }] }));
  return { zone, other, admin, officer };
}

export async function issueKey(
  admin: Agent,
  slug: string,
  name = 'Stadsapp',
): Promise<{ id: string; apiKey: string }> {
  const response = await admin.post(`/api/zones/${slug}/open311-clients`, { name });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; apiKey: string };
}

export function form(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  return params.toString();
}

export const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

// ---------------------------------------------------------------------------
// A minimal, strict XML reader (elements and text only, as the spec uses).

export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isNameChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || '_-.:'.includes(c);
}

function isWhitespace(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t';
}

/** Parses a whole document; throws on anything that is not well-formed. */
export function parseXml(source: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`malformed XML at ${i}: ${why}`);
  };
  const skipWhitespace = () => {
    while (isWhitespace(source[i])) i++;
  };
  const readName = () => {
    const start = i;
    while (i < source.length && isNameChar(source[i] as string)) i++;
    if (i === start) fail('name expected');
    return source.slice(start, i);
  };
  const expectText = (text: string) => {
    if (!source.startsWith(text, i)) fail(`"${text}" expected`);
    i += text.length;
  };
  const readEntity = () => {
    const end = source.indexOf(';', i);
    if (end < 0 || end - i > 10) fail('unterminated entity');
    const name = source.slice(i + 1, end);
    i = end + 1;
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return entities[name] ?? fail(`unknown entity &${name};`);
  };
  const readElement = (): XmlElement => {
    expectText('<');
    const name = readName();
    skipWhitespace();
    if (source.startsWith('/>', i)) {
      i += 2;
      return { name, children: [], text: '' };
    }
    expectText('>');
    const element: XmlElement = { name, children: [], text: '' };
    for (;;) {
      if (i >= source.length) fail(`<${name}> not closed`);
      if (source.startsWith('</', i)) {
        i += 2;
        if (readName() !== name) fail(`</${name}> expected`);
        skipWhitespace();
        expectText('>');
        return element;
      }
      const c = source[i] as string;
      if (c === '<') element.children.push(readElement());
      else if (c === '&') element.text += readEntity();
      else {
        const code = c.charCodeAt(0);
        if (code < 0x20 && !isWhitespace(c)) fail('control character');
        element.text += c;
        i++;
      }
    }
  };
  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end < 0) fail('unterminated declaration');
    i = end + 2;
  }
  skipWhitespace();
  const root = readElement();
  skipWhitespace();
  if (i !== source.length) fail('content after the document element');
  const mixed = (e: XmlElement): boolean =>
    (e.children.length > 0 && e.text.trim() !== '') || e.children.some(mixed);
  if (mixed(root)) fail('mixed content');
  return root;
}

const lists = new Set([
  'services',
  'service_requests',
  'errors',
  'endpoints',
  'formats',
  'attributes',
  'values',
]);

export type Plain = string | Plain[] | { [key: string]: Plain };

/** The XML document as plain data: lists as arrays, leaves as text. */
export function xmlToPlain(element: XmlElement): Plain {
  if (lists.has(element.name)) return element.children.map(xmlToPlain);
  if (element.children.length === 0) return element.text;
  return Object.fromEntries(element.children.map((child) => [child.name, xmlToPlain(child)]));
}

/** JSON data with every leaf as the text XML would carry (null as empty). */
export function jsonToPlain(value: unknown): Plain {
  if (Array.isArray(value)) return value.map(jsonToPlain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonToPlain(v)]));
  }
  return value === null || value === undefined ? '' : String(value);
}
