/**
 * `nabij import-incidents`: the same import as the analyst page. The file is
 * copied into the import store and queued as the background job; this process
 * also works the queue (pg-boss gives the job to one taker, here or a worker)
 * and shows the progress until it ends, then a summary. A crash is resumed by
 * the next run of the job.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { RunningContext } from '../../platform/create-app-context.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import type { ColumnMapping } from '../../modules/incidents/incident-formats.ts';
import { createIncidentImport, receiveImportFile } from '../../modules/incidents/manage-incident-imports.ts';
import type { DateFormat } from '../../modules/incidents/parse-incident-date.ts';
import { findImport } from '../../modules/incidents/incidents.repository.ts';
import { runJobs } from '../../platform/jobs/run-jobs.ts';
import { createProgressBar } from './progress-bar.ts';

export interface ImportIncidentsOptions {
  file: string;
  format: 'nabij' | 'police-uk' | 'mapped';
  mapping: Partial<ColumnMapping>;
  allOrNothing: boolean;
  generated?: boolean;
}

export function mappingFromFlags(
  options: Record<string, string | boolean | undefined>,
): Partial<ColumnMapping> {
  const text = (name: string) => (typeof options[name] === 'string' ? (options[name] as string) : undefined);
  const mapping: Partial<ColumnMapping> = {};
  const set = <K extends keyof ColumnMapping>(key: K, value: ColumnMapping[K] | undefined) => {
    if (value !== undefined) mapping[key] = value;
  };
  set('id', text('id-column'));
  set('category', text('category-column'));
  set('fixedCategory', text('category'));
  set('date', text('date-column'));
  set('time', text('time-column'));
  set('dateTo', text('date-to-column'));
  set('dateFormat', text('date-format') as DateFormat | undefined);
  set('x', text('x'));
  set('y', text('y'));
  set('crs', text('crs'));
  set('outcome', text('outcome-column'));
  set('location', text('location-column'));
  return mapping;
}

export async function importIncidentsCommand(
  context: RunningContext,
  zone: Zone,
  options: ImportIncidentsOptions,
): Promise<number> {
  const view = await context.db.transaction().execute((trx) =>
    createIncidentImport(
      context,
      trx,
      zone,
      null,
      {
        fileName: path.basename(options.file),
        format: options.format,
        ...(options.format === 'mapped' ? { mapping: options.mapping as ColumnMapping } : {}),
        allOrNothing: options.allOrNothing,
      },
      { isGenerated: options.generated ?? false },
    ),
  );
  await receiveImportFile(context, zone, view.id, createReadStream(options.file));
  await runJobs(context);
  const bar = createProgressBar('Importing');
  const started = performance.now();
  let done = await findImport(context.db, zone.id, view.id);
  while (done && (done.status === 'queued' || done.status === 'running' || done.status === 'awaiting_file')) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    done = await findImport(context.db, zone.id, view.id);
    if (done)
      bar.update(Number(done.byte_offset), Number(done.bytes), `${done.rows_read.toLocaleString('en')} rows`);
  }
  bar.finish();
  if (!done) throw new Error('import vanished');
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\n${done.status === 'done' ? 'Done' : 'FAILED'} in ${seconds.toFixed(1)} s (${Math.round(done.rows_read / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s): ${done.rows_read} rows read.`,
  );
  console.log(`  inserted ${done.inserted}, updated ${done.updated}, unchanged ${done.unchanged}`);
  console.log(`  outside every neighbourhood (kept, no area): ${done.outside_areas}`);
  console.log(
    `  bad rows: ${done.bad_rows}${done.all_or_nothing && done.bad_rows > 0 ? ' — all-or-nothing: nothing was written' : ''}`,
  );
  for (const sample of done.bad_row_samples.slice(0, 20))
    console.log(`    line ${sample.line}: ${sample.reason}`);
  if (done.error && done.error !== 'all_or_nothing') console.log(`  error: ${done.error}`);
  if (done.status !== 'done') throw new AppError('validation_failed');
  return 0;
}
