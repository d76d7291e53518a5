/**
 * The three incident CSV formats, each turned into one normalised row:
 *  - `nabij`: external_id (optional), category, occurred_from, occurred_to
 *    (optional), lon, lat (WGS84), outcome (optional), location (optional);
 *    times in ISO 8601 (a date alone covers the local day).
 *  - `police-uk`: the street-level CSV of police.uk (Crime ID, Month,
 *    Reported by, Falls within, Longitude, Latitude, Location, LSOA code,
 *    LSOA name, Crime type, Last outcome category, Context).
 *  - `mapped`: any CSV, with a mapping that names the columns, the date
 *    format and the coordinate system (EPSG code).
 * Header names are matched without regard to case, spaces, dots or dashes.
 */
import { isSupportedCrs } from '../../platform/geo/projections.ts';
import { dateFormats, parseIncidentDate, type DateFormat, type ParsedTime } from './parse-incident-date.ts';

export interface ColumnMapping {
  id?: string | undefined;
  category?: string | undefined;
  /** Used when the file has no category column (e.g. a file of burglaries only). */
  fixedCategory?: string | undefined;
  date: string;
  time?: string | undefined;
  dateTo?: string | undefined;
  dateFormat: DateFormat;
  x: string;
  y: string;
  crs: string;
  outcome?: string | undefined;
  location?: string | undefined;
}

export interface NormalisedRow {
  externalId: string | null;
  crimeType: string;
  time: ParsedTime;
  x: number;
  y: number;
  outcome: string | null;
  locationText: string | null;
}

export type RowResult = { ok: true; row: NormalisedRow } | { ok: false; reason: string };

export interface RowReader {
  /** The CRS of x/y in the file. */
  crs: string;
  read(fields: string[]): RowResult;
}

export class FormatError extends Error {}

const normalise = (name: string) => name.toLowerCase().replace(/[\s._-]+/g, '');

function columnIndex(header: string[], name: string | undefined, required: boolean, label: string): number {
  if (name === undefined || name === '') {
    if (required) throw new FormatError(`the mapping needs a column for ${label}`);
    return -1;
  }
  const wanted = normalise(name);
  const index = header.findIndex((h) => normalise(h) === wanted);
  if (index < 0 && required)
    throw new FormatError(`no column "${name}" (for ${label}); the file has: ${header.join(', ')}`);
  return index;
}

export const nabijMapping: ColumnMapping = {
  id: 'external_id',
  category: 'category',
  date: 'occurred_from',
  dateTo: 'occurred_to',
  dateFormat: 'iso',
  x: 'lon',
  y: 'lat',
  crs: 'EPSG:4326',
  outcome: 'outcome',
  location: 'location',
};

export const policeUkMapping: ColumnMapping = {
  id: 'Crime ID',
  category: 'Crime type',
  date: 'Month',
  dateFormat: 'yyyy-mm',
  x: 'Longitude',
  y: 'Latitude',
  crs: 'EPSG:4326',
  outcome: 'Last outcome category',
  location: 'Location',
};

export function mappingFor(
  format: 'nabij' | 'police-uk' | 'mapped',
  mapping: Partial<ColumnMapping>,
): ColumnMapping {
  if (format === 'nabij') return nabijMapping;
  if (format === 'police-uk') return policeUkMapping;
  if (!mapping.date || !mapping.x || !mapping.y)
    throw new FormatError('the mapping needs date, x and y columns');
  if (!mapping.category && !mapping.fixedCategory)
    throw new FormatError('the mapping needs a category column or a fixed category');
  return {
    ...mapping,
    date: mapping.date,
    x: mapping.x,
    y: mapping.y,
    dateFormat: mapping.dateFormat ?? 'iso',
    crs: mapping.crs ?? 'EPSG:4326',
  };
}

export function createRowReader(header: string[], mapping: ColumnMapping, timeZone: string): RowReader {
  if (!isSupportedCrs(mapping.crs))
    throw new FormatError(`the coordinate system ${mapping.crs} is not supported`);
  if (!(dateFormats as readonly string[]).includes(mapping.dateFormat))
    throw new FormatError(`unknown date format ${mapping.dateFormat}`);
  const optionalColumns = mapping === nabijMapping || mapping === policeUkMapping;
  const at = {
    id: columnIndex(header, mapping.id, false, 'the id'),
    category: mapping.fixedCategory ? -1 : columnIndex(header, mapping.category, true, 'the category'),
    date: columnIndex(header, mapping.date, true, 'the date'),
    time: columnIndex(header, mapping.time, !optionalColumns && mapping.time !== undefined, 'the time'),
    dateTo: columnIndex(header, mapping.dateTo, false, 'the end date'),
    x: columnIndex(header, mapping.x, true, 'x / longitude'),
    y: columnIndex(header, mapping.y, true, 'y / latitude'),
    outcome: columnIndex(header, mapping.outcome, false, 'the outcome'),
    location: columnIndex(header, mapping.location, false, 'the location'),
  };
  const cell = (fields: string[], index: number) => (index >= 0 ? (fields[index] ?? '').trim() : '');
  return {
    crs: mapping.crs,
    read(fields) {
      const crimeType = mapping.fixedCategory ?? cell(fields, at.category);
      if (!crimeType) return { ok: false, reason: 'no category' };
      if (crimeType.length > 200) return { ok: false, reason: 'category longer than 200 characters' };
      const xText = cell(fields, at.x).replace(',', '.');
      const yText = cell(fields, at.y).replace(',', '.');
      if (!xText || !yText) return { ok: false, reason: 'no coordinates' };
      const x = Number(xText);
      const y = Number(yText);
      if (!Number.isFinite(x) || !Number.isFinite(y))
        return { ok: false, reason: `coordinates are not numbers (${xText}, ${yText})` };
      const dateText = cell(fields, at.date);
      if (!dateText) return { ok: false, reason: 'no date' };
      const time = parseIncidentDate(
        dateText,
        mapping.dateFormat,
        timeZone,
        at.time >= 0 ? cell(fields, at.time) : undefined,
      );
      if (!time)
        return { ok: false, reason: `date "${dateText}" does not match the format ${mapping.dateFormat}` };
      const toText = cell(fields, at.dateTo);
      if (toText) {
        const end = parseIncidentDate(toText, mapping.dateFormat, timeZone);
        if (!end)
          return {
            ok: false,
            reason: `end date "${toText}" does not match the format ${mapping.dateFormat}`,
          };
        if (end.to < time.from) return { ok: false, reason: 'the end is before the start' };
        time.to = end.to;
        time.precision = 'range';
      }
      const id = cell(fields, at.id);
      return {
        ok: true,
        row: {
          externalId: id ? id.slice(0, 200) : null,
          crimeType,
          time,
          x,
          y,
          outcome: cell(fields, at.outcome).slice(0, 500) || null,
          locationText: cell(fields, at.location).slice(0, 500) || null,
        },
      };
    },
  };
}
