/**
 * Runs an incident import from its stored file, streamed (never the whole
 * file in memory), in batches that each commit their rows together with the
 * import's progress (byte offset, counters). After a crash or restart the job
 * resumes at the last committed offset, so nothing is lost or doubled.
 *
 * Each row is upserted by its external id; a row without one gets
 * "h:" + a hash of its content + ":" + its occurrence number among identical
 * rows of the file, so re-importing changes nothing and genuinely repeated
 * rows (the Greater Manchester file has 11,183) are all kept. Bad rows are
 * reported by line and skipped; with all-or-nothing, a first pass checks the
 * whole file and any bad row stops the import before anything is written.
 * Rows outside every neighbourhood are kept with no area and counted apart.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { delimiterOf, readCsv } from '../../platform/csv/csv-reader.ts';
import type { IncidentImport, Zone } from '../../platform/database/tables.ts';
import { createProjection } from '../../platform/geo/projections.ts';
import { newId } from '../../platform/ids.ts';
import { getAreaIndex } from '../areas/area-index-cache.ts';
import { listCategories } from '../categories/categories.repository.ts';
import { findZoneById } from '../zones/zones.repository.ts';
import {
  createRowReader,
  FormatError,
  mappingFor,
  type ColumnMapping,
  type RowReader,
} from './incident-formats.ts';
import {
  findImportById,
  saveProgress,
  upsertIncidents,
  type ImportProgress,
  type IncidentBatch,
} from './incidents.repository.ts';

export const BATCH_SIZE = 5000;
const MAX_SAMPLES = 200;

export interface ImportObserver {
  onProgress?(progress: ImportProgress & { bytes: number }): void;
}

function emptyBatch(): IncidentBatch {
  return {
    ids: [],
    externalIds: [],
    crimeTypes: [],
    categoryIds: [],
    from: [],
    to: [],
    precisions: [],
    lons: [],
    lats: [],
    xs: [],
    ys: [],
    areaIds: [],
    outcomes: [],
    locations: [],
  };
}

function contentHash(fields: string[]): string {
  return createHash('sha1')
    .update(fields.map((f) => f.trim()).join('\u001f'))
    .digest('hex')
    .slice(0, 24);
}

/** The header row, where the data starts, and the delimiter (from the first line). */
async function readHeader(
  context: AppContext,
  key: string,
): Promise<{ header: string[]; endOffset: number; delimiter: ',' | ';' }> {
  let firstBytes = Buffer.alloc(0);
  const probe = context.files.openRead(key);
  for await (const chunk of probe as AsyncIterable<Buffer>) {
    firstBytes = Buffer.concat([firstBytes, chunk]);
    if (firstBytes.includes(0x0a) || firstBytes.length > 1024 * 1024) break;
  }
  probe.destroy();
  const delimiter = delimiterOf(firstBytes);
  const stream = context.files.openRead(key);
  try {
    for await (const record of readCsv(stream, { delimiter })) {
      return { header: record.fields, endOffset: record.endOffset, delimiter };
    }
  } finally {
    stream.destroy();
  }
  throw new FormatError('the file is empty');
}

export async function runIncidentImport(
  context: AppContext,
  importId: string,
  observer: ImportObserver = {},
): Promise<IncidentImport> {
  const job = await findImportById(context.db, importId);
  if (!job || job.storage_key === null) throw new Error(`import ${importId} has no file`);
  if (job.status === 'done' || job.status === 'failed') return job;
  const zone = await findZoneById(context.db, job.zone_id);
  if (!zone) throw new Error('zone vanished');
  await context.db
    .updateTable('incident_imports')
    .set({ status: 'running', started_at: job.started_at ?? context.now() })
    .where('id', '=', importId)
    .execute();
  try {
    const { header, endOffset: headerEnd, delimiter } = await readHeader(context, job.storage_key);
    const reader = createRowReader(
      header,
      mappingFor(job.format, job.mapping as Partial<ColumnMapping>),
      zone.time_zone,
    );
    if (job.all_or_nothing && Number(job.byte_offset) === 0) {
      const check = await validateAll(context, job, reader, headerEnd, delimiter);
      if (check.badRows > 0) {
        await context.db
          .updateTable('incident_imports')
          .set({
            status: 'failed',
            bad_rows: check.badRows,
            rows_read: check.rowsRead,
            bad_row_samples: JSON.stringify(check.samples),
            error: 'all_or_nothing',
            finished_at: context.now(),
          })
          .where('id', '=', importId)
          .execute();
        return (await findImportById(context.db, importId)) as IncidentImport;
      }
    }
    await writeRows(context, zone, job, reader, headerEnd, delimiter, observer);
    await context.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('incident_imports')
        .set({ status: 'done', finished_at: context.now() })
        .where('id', '=', importId)
        .execute();
      await recordAudit(
        trx,
        {
          zoneId: zone.id,
          accountId: job.account_id,
          action: 'incidents.imported',
          subjectType: 'incident_import',
          subjectId: importId,
        },
        context.now(),
      );
    });
  } catch (error) {
    if (error instanceof FormatError) {
      await context.db
        .updateTable('incident_imports')
        .set({ status: 'failed', error: error.message, finished_at: context.now() })
        .where('id', '=', importId)
        .execute();
    } else {
      throw error; // the job is retried and resumes at the last committed batch
    }
  }
  return (await findImportById(context.db, importId)) as IncidentImport;
}

async function validateAll(
  context: AppContext,
  job: IncidentImport,
  reader: RowReader,
  headerEnd: number,
  delimiter: ',' | ';',
) {
  let badRows = 0;
  let rowsRead = 0;
  const samples: { line: number; reason: string }[] = [];
  const stream = context.files.openRead(job.storage_key as string, headerEnd);
  for await (const record of readCsv(stream, { delimiter, startOffset: headerEnd, startLine: 2 })) {
    rowsRead += 1;
    const result = reader.read(record.fields);
    if (!result.ok) {
      badRows += 1;
      if (samples.length < MAX_SAMPLES) samples.push({ line: record.line, reason: result.reason });
    }
  }
  return { badRows, rowsRead, samples };
}

async function writeRows(
  context: AppContext,
  zone: Zone,
  job: IncidentImport,
  reader: RowReader,
  headerEnd: number,
  delimiter: ',' | ';',
  observer: ImportObserver,
) {
  const key = job.storage_key as string;
  const resumeAt = Math.max(Number(job.byte_offset), headerEnd);
  const occurrences = new Map<string, number>();
  // Resuming: count the identical rows already seen, so occurrence numbers stay the same.
  if (resumeAt > headerEnd) {
    for await (const record of readCsv(context.files.openRead(key, headerEnd), {
      delimiter,
      startOffset: headerEnd,
      startLine: 2,
    })) {
      if (record.endOffset > resumeAt) break;
      const hash = contentHash(record.fields);
      occurrences.set(hash, (occurrences.get(hash) ?? 0) + 1);
    }
  }
  const source = reader.crs === 'EPSG:4326' ? null : createProjection(reader.crs);
  const metric = createProjection(zone.projection);
  const index = await getAreaIndex(context, zone.id);
  const categoryByName = new Map<string, string>();
  for (const category of await listCategories(context.db, zone.id)) {
    categoryByName.set(category.code.toLowerCase(), category.id);
    for (const name of Object.values(category.name))
      if (name) categoryByName.set(name.toLowerCase(), category.id);
  }
  const progress: ImportProgress = {
    byteOffset: resumeAt,
    lineNumber: job.line_number || 1,
    rowsRead: job.rows_read,
    inserted: job.inserted,
    updated: job.updated,
    unchanged: job.unchanged,
    badRows: job.bad_rows,
    outsideAreas: job.outside_areas,
    samples: [...job.bad_row_samples],
  };
  const bytes = Number(job.bytes);
  let batch = emptyBatch();
  let batchEnd = resumeAt;
  let batchLine = progress.lineNumber;
  // A batch is written (upsert and progress, one transaction) while the next one is read, so
  // parsing and the database work at the same time; writes stay in order, one at a time.
  let writing: Promise<void> = Promise.resolve();
  const write = async (
    rows: IncidentBatch,
    at: Pick<
      ImportProgress,
      'byteOffset' | 'lineNumber' | 'rowsRead' | 'badRows' | 'outsideAreas' | 'samples'
    >,
  ) => {
    const now = context.now();
    await context.db.transaction().execute(async (trx) => {
      if (rows.ids.length > 0) {
        const counts = await upsertIncidents(trx, zone.id, job.id, job.is_generated, rows, now);
        progress.inserted += counts.inserted;
        progress.updated += counts.updated;
        progress.unchanged += rows.ids.length - counts.inserted - counts.updated;
      }
      await saveProgress(trx, job.id, { ...progress, ...at });
    });
    observer.onProgress?.({ ...progress, ...at, bytes });
  };
  const flush = async () => {
    await writing; // the previous batch first (and its error, if it failed)
    const at = {
      byteOffset: batchEnd,
      lineNumber: batchLine,
      rowsRead: progress.rowsRead,
      badRows: progress.badRows,
      outsideAreas: progress.outsideAreas,
      samples: [...progress.samples],
    };
    progress.byteOffset = batchEnd;
    progress.lineNumber = batchLine;
    writing = write(batch, at);
    // Seen by the next flush; never an unhandled rejection meanwhile.
    writing.catch(() => undefined);
    batch = emptyBatch();
  };
  try {
    const stream = context.files.openRead(key, resumeAt);
    for await (const record of readCsv(stream, {
      delimiter,
      startOffset: resumeAt,
      startLine: progress.lineNumber + 1,
    })) {
      progress.rowsRead += 1;
      batchEnd = record.endOffset;
      batchLine = record.line;
      const hash = contentHash(record.fields);
      const occurrence = (occurrences.get(hash) ?? 0) + 1;
      occurrences.set(hash, occurrence);
      const result = reader.read(record.fields);
      if (!result.ok) {
        progress.badRows += 1;
        if (progress.samples.length < MAX_SAMPLES)
          progress.samples.push({ line: record.line, reason: result.reason });
      } else {
        const row = result.row;
        const [lon, lat] = source ? source.toWgs84(row.x, row.y) : [row.x, row.y];
        if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
          progress.badRows += 1;
          if (progress.samples.length < MAX_SAMPLES)
            progress.samples.push({
              line: record.line,
              reason: 'coordinates outside the coordinate system (wrong EPSG code?)',
            });
        } else {
          const [x, y] = metric.fromWgs84(lon, lat);
          const areaId = index.locate(lon, lat);
          if (areaId === null) progress.outsideAreas += 1;
          batch.ids.push(newId());
          batch.externalIds.push(row.externalId ?? `h:${hash}:${occurrence}`);
          batch.crimeTypes.push(row.crimeType);
          batch.categoryIds.push(categoryByName.get(row.crimeType.toLowerCase()) ?? null);
          batch.from.push(row.time.from);
          batch.to.push(row.time.to);
          batch.precisions.push(row.time.precision);
          batch.lons.push(lon);
          batch.lats.push(lat);
          batch.xs.push(x);
          batch.ys.push(y);
          batch.areaIds.push(areaId);
          batch.outcomes.push(row.outcome);
          batch.locations.push(row.locationText);
        }
      }
      if (batch.ids.length >= BATCH_SIZE) await flush();
      // Let the database's replies in: a 64 KB chunk of the file holds hundreds of rows.
      else if ((progress.rowsRead & 255) === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await flush();
    await writing;
  } finally {
    // On a failure while a batch is being written, let that write end before reporting.
    await writing.catch(() => undefined);
  }
}
