/**
 * Events for an analysis from a CSV file (the CLI's `analyse --input`): coordinates from two
 * columns in a stated CRS, a time from a column in a stated date format. A projected CRS is
 * taken as metres as it is (the analysis needs no map); WGS84 longitude/latitude is projected
 * to a local metric projection first. Rows without usable coordinates or time are counted and
 * reported by line, never guessed. Streamed: the file is never read whole.
 */
import { createReadStream } from 'node:fs';
import { readCsv } from '../../platform/csv/csv-reader.ts';
import {
  createProjection,
  isSupportedCrs,
  parseCrsName,
  suggestMetricProjection,
} from '../../platform/geo/projections.ts';
import { parseIncidentDate, type DateFormat } from '../incidents/parse-incident-date.ts';
import { PRECISION, type MethodEvents } from './analysis-method.ts';

export interface CsvEventsOptions {
  file: string;
  x: string;
  y: string;
  time: string;
  dateFormat: DateFormat;
  /** 'EPSG:<code>'; default EPSG:4326. */
  crs: string;
  timeZone: string;
}

export interface CsvEvents {
  events: MethodEvents;
  /** The projection of the events' x and y when it can be drawn on a map; null: the file's own metres. */
  projection: string | null;
  rows: number;
  skipped: { line: number; reason: string }[];
  skippedCount: number;
}

export class CsvEventsError extends Error {}

export async function readEventsCsv(options: CsvEventsOptions): Promise<CsvEvents> {
  const crs = parseCrsName(options.crs);
  if (!crs) throw new CsvEventsError(`--crs ${options.crs}: name an EPSG code, such as EPSG:31370`);
  const x: number[] = [];
  const y: number[] = [];
  const t: number[] = [];
  const precision: number[] = [];
  const skipped: { line: number; reason: string }[] = [];
  let skippedCount = 0;
  let rows = 0;
  let columns: { x: number; y: number; time: number } | null = null;
  const skip = (line: number, reason: string) => {
    skippedCount++;
    if (skipped.length < 20) skipped.push({ line, reason });
  };
  for await (const record of readCsv(createReadStream(options.file))) {
    if (!columns) {
      const header = record.fields.map((field) => field.trim());
      const find = (name: string, flag: string) => {
        const at = header.indexOf(name);
        if (at < 0)
          throw new CsvEventsError(`${flag} ${name}: no such column (columns: ${header.join(', ')})`);
        return at;
      };
      columns = { x: find(options.x, '--x'), y: find(options.y, '--y'), time: find(options.time, '--time') };
      continue;
    }
    rows++;
    const px = Number((record.fields[columns.x] ?? '').trim().replace(',', '.'));
    const py = Number((record.fields[columns.y] ?? '').trim().replace(',', '.'));
    if (!Number.isFinite(px) || !Number.isFinite(py) || record.fields[columns.x]?.trim() === '') {
      skip(record.line, 'no coordinates');
      continue;
    }
    if (crs === 'EPSG:4326' && (Math.abs(px) > 180 || Math.abs(py) > 90)) {
      skip(record.line, `${px}, ${py} is not a longitude and latitude: name the file's CRS with --crs`);
      continue;
    }
    const text = record.fields[columns.time] ?? '';
    const parsed = parseIncidentDate(text, options.dateFormat, options.timeZone);
    if (!parsed) {
      skip(record.line, `"${text}" is not a date in the format ${options.dateFormat}`);
      continue;
    }
    x.push(px);
    y.push(py);
    t.push(parsed.from.getTime());
    precision.push(PRECISION[parsed.precision]);
  }
  if (!columns) throw new CsvEventsError(`${options.file} is empty`);
  let projection: string | null = crs !== 'EPSG:4326' && isSupportedCrs(crs) ? crs : null;
  if (crs === 'EPSG:4326' && x.length > 0) {
    // Longitude/latitude: project to the local metric projection of the first event.
    projection = suggestMetricProjection(x[0] as number, y[0] as number);
    const metric = createProjection(projection);
    for (let i = 0; i < x.length; i++) {
      const [mx, my] = metric.fromWgs84(x[i] as number, y[i] as number);
      x[i] = mx;
      y[i] = my;
    }
  }
  return {
    events: {
      x: Float64Array.from(x),
      y: Float64Array.from(y),
      t: Float64Array.from(t),
      precision: Uint8Array.from(precision),
      areaIds: new Array<string | null>(x.length).fill(null),
      generated: 0,
    },
    projection,
    rows,
    skipped,
    skippedCount,
  };
}
