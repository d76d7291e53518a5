/**
 * Benchmark: incident import of 1,000,000 CSV rows into PostgreSQL.
 * Target (DESIGN.md, "Measured targets"): ≥ 50 % of the speed of a bare COPY of the same rows.
 *
 * Run: npx tsx bench/incident-import.bench.ts [--rows 1000000] [--format nabij|police-uk]
 *   (PostgreSQL from DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; the bench
 *   creates and finally drops its own scratch database nabij_bench_import on that server.)
 *
 * Data: a zone (British National Grid, Europe/London) with Manchester's 32 wards as its
 * neighbourhoods (../shared/data/manchester-wards.geojson, imported with importAreas), and a CSV
 * file of --rows distinct incidents (seeded, reproducible) written to a temporary folder: every
 * point uniformly random inside a ward (6 decimals, as police.uk publishes), a unique id, one of
 * police.uk's crime types (some match the zone's categories), a time, an outcome, a location.
 * Nabij format by default (ISO times to the minute, a third with an end time, some dates
 * alone); --format police-uk writes police.uk's street-level CSV (64-hex Crime ID, Month).
 * - the import: createIncidentImport and receiveImportFile (as the CLI does: the file is copied
 *   into the import store and queued), then runIncidentImport run to completion, as the job
 *   handler runs it: streamed CSV, per-row parsing, projection, area lookup, content hash, and
 *   batched upserts that commit with the import's progress. Only runIncidentImport is timed.
 * - the baseline: the rows as the import left them in `incidents` (all 19 columns: ids, area,
 *   x/y, times…) are exported beforehand to a CSV file and deleted; the timed part is a bare
 *   `COPY incidents (…) FROM STDIN WITH (FORMAT csv)` of that file (pg-copy-streams) into the
 *   same table, with the same primary key, indexes, checks and foreign keys the import writes
 *   through. For information, also a COPY into `(LIKE incidents INCLUDING ALL)`, which has no
 *   foreign keys (checking zone, area, category and import per row costs ~12 µs a row).
 *   `incidents` is vacuumed and a CHECKPOINT is taken before each timed part, so neither pays
 *   for the other's leftovers.
 * Exit code 0 whatever the result; the verdict is printed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { jobDefinitions } from '../src/modules/index.ts';
import { importAreas } from '../src/modules/areas/import-areas.ts';
import { createIncidentImport, receiveImportFile } from '../src/modules/incidents/manage-incident-imports.ts';
import { runIncidentImport } from '../src/modules/incidents/run-incident-import.ts';
import { createZone } from '../src/modules/zones/create-zone.ts';
import { findZoneBySlug } from '../src/modules/zones/zones.repository.ts';
import { readConfig } from '../src/platform/config/config.ts';
import { createAppContext, type RunningContext } from '../src/platform/create-app-context.ts';
import { AreaIndex } from '../src/platform/geo/area-index.ts';
import { loadManchesterWards, readSharedText } from '../src/platform/geo/shared-test-data.ts';
import { formatRate, seededRandom } from './bench-utils.ts';

const TARGET = 0.5;
const SCRATCH_DATABASE = 'nabij_bench_import';
const COLUMNS = [
  'id',
  'zone_id',
  'external_id',
  'crime_type',
  'category_id',
  'occurred_from',
  'occurred_to',
  'time_precision',
  'lon',
  'lat',
  'x',
  'y',
  'area_id',
  'outcome',
  'location_text',
  'import_id',
  'is_generated',
  'created_at',
  'updated_at',
].join(', ');

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    format: { type: 'string', default: 'nabij' },
  },
});
const ROWS = Number(args.rows);
if (!Number.isInteger(ROWS) || ROWS < 1) throw new Error(`--rows: expected a whole number, got ${args.rows}`);
if (args.format !== 'nabij' && args.format !== 'police-uk')
  throw new Error('--format: use nabij or police-uk');
const FORMAT: 'nabij' | 'police-uk' = args.format;

const serverUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const scratchUrl = (() => {
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${SCRATCH_DATABASE}`;
  return parsed.toString();
})();

async function onServer(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// police.uk's crime types; Burglary, Vehicle crime and Drugs match the zone's default categories.
const CRIME_TYPES = [
  'Anti-social behaviour',
  'Violence and sexual offences',
  'Burglary',
  'Vehicle crime',
  'Criminal damage and arson',
  'Shoplifting',
  'Other theft',
  'Public order',
  'Drugs',
  'Robbery',
  'Theft from the person',
  'Bicycle theft',
];
const OUTCOMES = [
  '',
  'Under investigation',
  'Investigation complete; no suspect identified',
  'Unable to prosecute suspect',
  'Awaiting court outcome',
  'Offender given a caution',
  'Local resolution',
];
const STREETS = [
  'Market Street',
  'Oxford Road',
  'Deansgate',
  'Wilmslow Road',
  'Stockport Road',
  'Princess Parkway',
  'Hyde Road',
  'Ashton Old Road',
  'Cheetham Hill Road',
  'Parking Area',
  'Supermarket',
  'Petrol Station',
];

/** Writes `rows` distinct incidents inside Manchester's wards; returns the file's size in bytes. */
async function writeCsv(file: string, rows: number): Promise<number> {
  const wards = loadManchesterWards();
  const index = new AreaIndex(wards);
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ward of wards)
    for (const [lon, lat] of ward.multipolygon.flat(2)) {
      minLon = Math.min(minLon, lon as number);
      maxLon = Math.max(maxLon, lon as number);
      minLat = Math.min(minLat, lat as number);
      maxLat = Math.max(maxLat, lat as number);
    }
  const random = seededRandom(20240101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const pad = (n: number) => String(n).padStart(2, '0');
  const out = createWriteStream(file);
  out.write(
    FORMAT === 'nabij'
      ? 'external_id,category,occurred_from,occurred_to,lon,lat,outcome,location\n'
      : 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n',
  );
  const start = Date.UTC(2021, 0, 1) / 60_000; // minutes
  const span = 4 * 365 * 24 * 60;
  let chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    let lon: number;
    let lat: number;
    do {
      lon = Math.round((minLon + random() * (maxLon - minLon)) * 1e6) / 1e6;
      lat = Math.round((minLat + random() * (maxLat - minLat)) * 1e6) / 1e6;
    } while (index.locateIndex(lon, lat) < 0);
    const at = new Date((start + Math.floor(random() * span)) * 60_000);
    const day = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
    const crimeType = pick(CRIME_TYPES);
    const outcome = pick(OUTCOMES);
    const location = `On or near ${pick(STREETS)}`;
    if (FORMAT === 'nabij') {
      const shape = random();
      const from = shape < 0.1 ? day : `${day}T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:00`;
      const until =
        shape < 0.35 && shape >= 0.1
          ? new Date(at.getTime() + Math.floor(random() * 72 * 60) * 60_000).toISOString().slice(0, 16)
          : '';
      chunk.push(
        `GMP-${String(i + 1).padStart(8, '0')},${crimeType},${from},${until},${lon},${lat},${outcome},${location}\n`,
      );
    } else {
      const id = createHash('sha256').update(`bench ${i}`).digest('hex');
      const lsoa = 5000 + Math.floor(random() * 300);
      chunk.push(
        `${id},${day.slice(0, 7)},Greater Manchester Police,Greater Manchester Police,${lon},${lat},` +
          `${location},E0100${lsoa},Manchester ${String(lsoa % 100).padStart(3, '0')}A,${crimeType},${outcome},\n`,
      );
    }
    if (chunk.length === 10_000 || i === rows - 1) {
      if (!out.write(chunk.join(''))) await once(out, 'drain');
      chunk = [];
    }
  }
  out.end();
  await once(out, 'finish');
  return statSync(file).size;
}

async function setUpZone(context: RunningContext) {
  await context.db.transaction().execute((trx) =>
    createZone(context, trx, null, 'en', {
      slug: 'manchester',
      name: 'Manchester',
      languages: ['en'],
      defaultLanguage: 'en',
      timeZone: 'Europe/London',
      projection: 'EPSG:27700',
    }),
  );
  const zone = await findZoneBySlug(context.db, 'manchester');
  if (!zone) throw new Error('zone vanished');
  const report = await importAreas(context, zone, null, {
    fileName: 'manchester-wards.geojson',
    content: readSharedText('manchester-wards.geojson'),
    kind: 'neighbourhood',
    nameLanguage: 'en',
  });
  if (report.imported + report.repaired !== 32) throw new Error('expected 32 wards');
  return zone;
}

async function main(): Promise<void> {
  console.log('# Incident import benchmark (target: ≥ 50 % of the speed of a bare COPY of the same rows)');
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'nabij-bench-import-'));
  const csvFile = path.join(workDir, `incidents-${FORMAT}.csv`);
  const copyFile = path.join(workDir, 'incidents-copy.csv');
  await onServer(`drop database if exists ${SCRATCH_DATABASE} with (force)`);
  await onServer(`create database ${SCRATCH_DATABASE}`);
  let context: RunningContext | undefined;
  const client = new pg.Client({ connectionString: scratchUrl });
  try {
    const config = readConfig({
      NODE_ENV: 'test',
      DATABASE_URL: scratchUrl,
      NABIJ_DATA_DIR: path.join(workDir, 'data'),
      NABIJ_SESSION_SECRET: randomBytes(32).toString('base64'),
      NABIJ_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    context = await createAppContext(config, { jobDefinitions });
    await context.jobs.start(); // the queue receiveImportFile sends to; no worker takes the job here
    const zone = await setUpZone(context);
    await client.connect();
    const server = await client.query<{ server_version: string }>('show server_version');
    console.log(
      `PostgreSQL ${server.rows[0]?.server_version} (${new URL(serverUrl).host}), scratch database ${SCRATCH_DATABASE}; ` +
        `Node ${process.version}; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1)} ` +
        `(other work on the machine slows both sides unevenly)`,
    );

    let start = process.hrtime.bigint();
    const bytes = await writeCsv(csvFile, ROWS);
    console.log(
      `${ROWS.toLocaleString('en')} rows, ${FORMAT} format, ${mb(bytes)}, all inside Manchester's 32 wards ` +
        `(generated in ${seconds(start).toFixed(1)} s)`,
    );

    // The import, as the CLI starts it, then run as its job handler runs it.
    const view = await context.db.transaction().execute((trx) =>
      createIncidentImport(context as RunningContext, trx, zone, null, {
        fileName: path.basename(csvFile),
        format: FORMAT,
      }),
    );
    start = process.hrtime.bigint();
    await receiveImportFile(context, zone, view.id, createReadStream(csvFile));
    const storeSeconds = seconds(start);
    await client.query('vacuum analyze incidents');
    await client.query('checkpoint');
    start = process.hrtime.bigint();
    const done = await runIncidentImport(context, view.id);
    const importSeconds = seconds(start);
    if (done.status !== 'done' || done.inserted !== ROWS || done.bad_rows !== 0)
      throw new Error(
        `import ended ${done.status}: ${done.inserted} inserted, ${done.bad_rows} bad (${done.error ?? ''})`,
      );

    // The baseline: the same rows, as they ended up in incidents, prepared as a CSV file beforehand.
    await pipeline(
      client.query(
        copyTo(
          `copy (select ${COLUMNS} from incidents where import_id = '${view.id}') to stdout with (format csv)`,
        ),
      ),
      createWriteStream(copyFile),
    );
    // 1. Into incidents itself (emptied of the import's rows): the same table with the same
    //    indexes, checks and foreign keys the import writes into.
    await client.query(`delete from incidents where import_id = '${view.id}'`);
    await client.query('vacuum analyze incidents');
    await client.query('checkpoint');
    start = process.hrtime.bigint();
    await pipeline(
      createReadStream(copyFile),
      client.query(copyFrom(`copy incidents (${COLUMNS}) from stdin with (format csv)`)),
    );
    const copySeconds = seconds(start);
    const copied = await client.query<{ n: string }>(
      `select count(*) as n from incidents where import_id = '${view.id}'`,
    );
    if (Number(copied.rows[0]?.n) !== ROWS) throw new Error(`COPY stored ${copied.rows[0]?.n} rows`);
    // 2. For information: into a copy of the table without foreign keys (LIKE copies none).
    await client.query('create table incidents_copy (like incidents including all)');
    await client.query('checkpoint');
    start = process.hrtime.bigint();
    await pipeline(
      createReadStream(copyFile),
      client.query(copyFrom(`copy incidents_copy (${COLUMNS}) from stdin with (format csv)`)),
    );
    const looseSeconds = seconds(start);

    const importRate = ROWS / importSeconds;
    const copyRate = ROWS / copySeconds;
    const ratio = importRate / copyRate;
    const label = (text: string) => text.padEnd(30);
    console.log(
      `${label('storing the upload (not timed)')}${storeSeconds.toFixed(1).padStart(6)} s  (receiveImportFile)`,
    );
    console.log(
      `${label('import (runIncidentImport)')}${importSeconds.toFixed(1).padStart(6)} s  ${formatRate(importRate).padStart(8)} rows/s` +
        `  (${done.inserted.toLocaleString('en')} inserted, ${done.outside_areas} outside every ward)`,
    );
    console.log(
      `${label('bare COPY into incidents')}${copySeconds.toFixed(1).padStart(6)} s  ${formatRate(copyRate).padStart(8)} rows/s` +
        `  (${mb(statSync(copyFile).size)} of CSV, 19 columns; same indexes, checks, foreign keys)`,
    );
    console.log(
      `${label('(COPY, no foreign keys)')}${looseSeconds.toFixed(1).padStart(6)} s  ${formatRate(ROWS / looseSeconds).padStart(8)} rows/s` +
        `  (for information: import at ${((100 * looseSeconds) / importSeconds).toFixed(0)} % of it)`,
    );
    console.log(
      `import / COPY: ${(ratio * 100).toFixed(0)} % (target ≥ ${TARGET * 100} %): ` +
        `target: ${ratio >= TARGET ? 'MET' : 'NOT MET'}`,
    );
  } finally {
    await client.end().catch(() => undefined);
    await context?.close();
    await onServer(`drop database if exists ${SCRATCH_DATABASE} with (force)`);
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
