/**
 * Incident imports as the analyst's import page sees them: the shapes of the
 * API (src/modules/incidents/incidents.schema.ts), the choices the form
 * offers (formats, date formats, coordinate systems), and a reading of the
 * first line of a chosen CSV file, from its first kilobytes only.
 */
import type { Static } from 'typebox';
import type {
  CreateImportBody,
  IncidentImportView,
  MappingSchema,
} from '../../../../src/modules/incidents/incidents.schema.ts';
import type { Role } from '../admin/admin-api.ts';

export type { CreateImportBody };
export type IncidentImport = Static<typeof IncidentImportView>;
export type ImportFormat = CreateImportBody['format'];
export type ColumnMapping = Static<typeof MappingSchema>;
export type DateFormat = ColumnMapping['dateFormat'];
/** The states of an import (run-incident-import.ts, manage-incident-imports.ts). */
export type ImportStatus = 'awaiting_file' | 'queued' | 'running' | 'done' | 'failed';

/** The roles of incidents.policy.ts. */
export const importerRoles: readonly Role[] = ['analyst', 'supervisor', 'administrator'];

export const importFormats: readonly ImportFormat[] = ['nabij', 'police-uk', 'mapped'];

/** The date formats of parse-incident-date.ts, each with the suffix of its message key. */
export const dateFormats = [
  ['iso', 'iso'],
  ['yyyy-mm-dd', 'ymd'],
  ['dd/mm/yyyy', 'dmy_slash'],
  ['dd-mm-yyyy', 'dmy_dash'],
  ['dd.mm.yyyy', 'dmy_dot'],
  ['mm/dd/yyyy', 'mdy_slash'],
  ['yyyy-mm', 'ym'],
] as const satisfies readonly (readonly [DateFormat, string])[];
// Fails to compile when the server learns a date format this list lacks.
const everyDateFormat: Exclude<DateFormat, (typeof dateFormats)[number][0]> extends never ? true : never =
  true;
void everyDateFormat;

/** Coordinate systems src/platform/geo/projections.ts supports, the usual ones first. */
export const crsChoices = [
  'EPSG:4326',
  'EPSG:31370',
  'EPSG:3812',
  'EPSG:27700',
  'EPSG:28992',
  'EPSG:2154',
  'EPSG:25831',
  'EPSG:32631',
  'EPSG:25832',
  'EPSG:4258',
  'EPSG:3857',
] as const;

/** Message key of a coordinate system's name. */
export const crsKey = (code: string) => `web.incidents.import.crs.${code.replace('EPSG:', '')}`;

export const EPSG_PATTERN = /^EPSG:\d{4,5}$/;

export function isActive(status: string): boolean {
  return status === 'queued' || status === 'running';
}

/** The path to PUT the file to (the uploadUrl's path, so the request stays on this origin). */
export function uploadPath(job: IncidentImport, fallback: string): string {
  if (!job.uploadUrl) return fallback;
  const url = new URL(job.uploadUrl, window.location.origin);
  return `${url.pathname}${url.search}`;
}

/** What the first kilobytes of a CSV file tell: its columns and, when complete, its first row. */
export interface CsvHeader {
  columns: string[];
  firstRow: string[] | null;
  delimiter: ',' | ';';
}

/** Bytes read to find the header: a header line is far shorter; the rest of the file stays unread. */
export const HEADER_PROBE_BYTES = 16 * 1024;

/** Splits CSV text into records (RFC 4180 quotes); the last one only when a line break ends it. */
function records(text: string, delimiter: string, wanted: number): string[][] {
  const result: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length && result.length < wanted; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      fields.push(field);
      result.push(fields);
      fields = [];
      field = '';
    } else field += char;
  }
  return result;
}

/**
 * Reads the header (and first row) of a CSV file from its first kilobytes
 * (File.slice: a file of a gigabyte is not read). Null when the first line
 * does not end within them.
 */
export async function readCsvHeader(file: File): Promise<CsvHeader | null> {
  const whole = file.size <= HEADER_PROBE_BYTES;
  let text = await file.slice(0, HEADER_PROBE_BYTES).text();
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  // A file read whole may end without a line break; a cut one may end inside a character.
  if (whole && !/[\r\n]$/.test(text)) text += '\n';
  const lineEnd = text.search(/[\r\n]/);
  if (lineEnd < 0) return null;
  const firstLine = text.slice(0, lineEnd);
  const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
  const [header, firstRow] = records(text, delimiter, 2);
  const columns = (header ?? []).map((c) => c.trim()).filter((c) => c !== '');
  if (columns.length === 0) return null;
  return { columns, firstRow: firstRow ?? null, delimiter };
}

/** Header names compared as the server does: without case, spaces, dots, dashes or underscores. */
export const normaliseColumn = (name: string) => name.toLowerCase().replace(/[\s._-]+/g, '');

/** The format a header reveals: police.uk and Nabij files have fixed columns. */
export function detectFormat(columns: readonly string[]): ImportFormat | null {
  const names = new Set(columns.map(normaliseColumn));
  const has = (...wanted: string[]) => wanted.every((w) => names.has(w));
  if (has('month', 'longitude', 'latitude', 'crimetype')) return 'police-uk';
  if (has('category', 'occurredfrom', 'lon', 'lat')) return 'nabij';
  return null;
}

/** The mapping fields that name a column. */
export type ColumnField = 'date' | 'time' | 'dateTo' | 'x' | 'y' | 'category' | 'id' | 'outcome' | 'location';

/** Every column field, in the form's order; the first three are required. */
export const columnFields: readonly ColumnField[] = [
  'date',
  'time',
  'dateTo',
  'x',
  'y',
  'category',
  'id',
  'outcome',
  'location',
];
export const requiredColumns: readonly ColumnField[] = ['date', 'x', 'y'];

/** What the analyst chose for an "other CSV": the columns, the date format, the system. */
export interface MappingChoices {
  columns: Record<ColumnField, string>;
  dateFormat: DateFormat;
  /** A code of crsChoices, or 'other' for otherCrs. */
  crs: string;
  otherCrs: string;
  fixedCategory: string;
}

export function emptyChoices(): MappingChoices {
  const columns = Object.fromEntries(columnFields.map((f) => [f, ''])) as Record<ColumnField, string>;
  return { columns, dateFormat: 'iso', crs: 'EPSG:4326', otherCrs: '', fixedCategory: '' };
}

const crsOf = (choices: MappingChoices) =>
  choices.crs === 'other' ? choices.otherCrs.trim().toUpperCase() : choices.crs;

/** The missing or wrong choices, as field → message key. */
export function mappingProblems(choices: MappingChoices): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of requiredColumns) {
    if (!choices.columns[field].trim()) problems[field] = 'web.incidents.import.column_required';
  }
  if (!choices.columns.category.trim() && !choices.fixedCategory.trim())
    problems['fixedCategory'] = 'web.incidents.import.category_required';
  if (!EPSG_PATTERN.test(crsOf(choices))) problems['crs'] = 'web.incidents.import.crs_invalid';
  return problems;
}

/** The mapping of CreateImportBody: empty optional columns left out, a fixed category only without a column. */
export function toMapping(choices: MappingChoices): ColumnMapping {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const { columns } = choices;
  return {
    date: columns.date.trim(),
    dateFormat: choices.dateFormat,
    time: optional(columns.time),
    dateTo: optional(columns.dateTo),
    x: columns.x.trim(),
    y: columns.y.trim(),
    crs: crsOf(choices),
    category: optional(columns.category),
    fixedCategory: columns.category.trim() ? undefined : optional(choices.fixedCategory),
    id: optional(columns.id),
    outcome: optional(columns.outcome),
    location: optional(columns.location),
  };
}

const likelyNames: Record<ColumnField, string[]> = {
  date: ['date', 'datum', 'datefrom', 'datumvan', 'begindatum', 'startdatum', 'datumfeit', 'occurredfrom'],
  time: ['time', 'tijd', 'uur', 'heure', 'zeit', 'uhrzeit', 'beginuur', 'starttime'],
  dateTo: ['dateto', 'datumtot', 'einddatum', 'enddate', 'occurredto'],
  x: ['x', 'lon', 'lng', 'longitude', 'easting', 'xcoord', 'coordx', 'xlambert', 'xcoordinaat'],
  y: ['y', 'lat', 'latitude', 'northing', 'ycoord', 'coordy', 'ylambert', 'ycoordinaat'],
  category: ['category', 'categorie', 'catégorie', 'kategorie', 'crimetype', 'feit', 'misdrijf', 'type'],
  id: ['id', 'externalid', 'crimeid', 'pvnummer', 'pv', 'reference', 'referentie', 'nummer'],
  outcome: ['outcome', 'afloop', 'resultaat', 'suite', 'ergebnis', 'lastoutcomecategory'],
  location: ['location', 'locatie', 'adres', 'address', 'straat', 'lieu', 'adresse', 'ort'],
};

/** A column of the header whose name suggests the field, if any. */
export function guessColumn(columns: readonly string[], field: ColumnField): string {
  for (const name of likelyNames[field]) {
    const found = columns.find((c) => normaliseColumn(c) === name);
    if (found) return found;
  }
  return '';
}

/**
 * Reasons of bad rows as incident-formats.ts and run-incident-import.ts word
 * them (in English), read back into the interface language; an unknown
 * wording is shown as the server wrote it.
 */
const reasonPatterns: [RegExp, string, string[]][] = [
  [/^no category$/, 'no_category', []],
  [/^category longer than 200 characters$/, 'category_too_long', []],
  [/^no coordinates$/, 'no_coordinates', []],
  [/^coordinates are not numbers \((.*)\)$/, 'not_numbers', ['values']],
  [/^no date$/, 'no_date', []],
  [/^date "(.*)" does not match the format (.+)$/, 'bad_date', ['value', 'format']],
  [/^end date "(.*)" does not match the format (.+)$/, 'bad_end_date', ['value', 'format']],
  [/^the end is before the start$/, 'end_before_start', []],
  [/^coordinates outside the coordinate system/, 'outside_crs', []],
];

export function reasonText(reason: string, t: (key: string, params?: Record<string, string>) => string) {
  for (const [pattern, key, names] of reasonPatterns) {
    const match = pattern.exec(reason);
    if (match) {
      const params = Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? '']));
      return t(`web.incidents.import.reason.${key}`, params);
    }
  }
  return reason;
}

/** A file size in kB, MB or GB, in the interface language. */
export function formatSize(bytes: number, locale: string): string {
  const [unit, value] =
    bytes >= 1e9
      ? ['gigabyte', bytes / 1e9]
      : bytes >= 1e6
        ? ['megabyte', bytes / 1e6]
        : ['kilobyte', bytes / 1e3];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}
