/**
 * The two formats of GeoReport v2, chosen by the URL's extension: JSON and
 * XML. Every answer is built once as plain data and rendered in either
 * format; XML follows the spec's shapes (`<services><service>…`, lists named
 * by their items) with full escaping, so any text a resident or an officer
 * typed cannot break the document.
 */
import type { FastifyReply } from 'fastify';
import { AppError } from '../../platform/errors/error-catalogue.ts';

export type Format = 'json' | 'xml';

export type Open311Value = string | number | boolean | null | Open311Value[] | Open311Object;
export interface Open311Object {
  [key: string]: Open311Value;
}

export const contentTypes: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The element name of one item of each list (the list's own element holds them). */
const itemNames: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

/** The format named by a route's `:format` parameter; anything else is no route at all. */
export function readFormat(value: string): Format {
  if (value === 'json' || value === 'xml') return value;
  throw new AppError('route_not_found');
}

/** The format of a URL, for answers that cannot rely on the route (errors): XML only when asked for. */
export function formatOfUrl(url: string): Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.xml') ? 'xml' : 'json';
}

/** Characters XML 1.0 cannot hold at all (control characters, lone surrogates) are dropped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: Open311Value, indent: string): string {
  if (value === null) return `${indent}<${name}></${name}>`;
  if (Array.isArray(value)) {
    const item = itemNames[name] ?? 'item';
    if (value.length === 0) return `${indent}<${name}></${name}>`;
    const inner = value.map((v) => element(item, v, `${indent}  `)).join('\n');
    return `${indent}<${name}>\n${inner}\n${indent}</${name}>`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return `${indent}<${name}></${name}>`;
    const inner = entries.map(([key, v]) => element(key, v, `${indent}  `)).join('\n');
    return `${indent}<${name}>\n${inner}\n${indent}</${name}>`;
  }
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `root` names the document element: a list (services, service_requests, errors) or an object. */
export function renderOpen311(format: Format, root: string, value: Open311Value): string {
  if (format === 'json') return JSON.stringify(value);
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, '')}\n`;
}

/** Sends a rendered answer. A string with its content type goes out as is (no JSON serialiser). */
export function sendOpen311(
  reply: FastifyReply,
  format: Format,
  root: string,
  value: Open311Value,
  status = 200,
): FastifyReply {
  return reply
    .status(status)
    .type(contentTypes[format])
    .send(renderOpen311(format, root, value));
}
