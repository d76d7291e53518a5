/**
 * An analyst's import, in two steps: describe it (file name, format, column
 * mapping, all-or-nothing), then send the file as a stream (any size, never
 * held in memory). Receiving the file queues the background job.
 */
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Database, IncidentImport, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { newId } from '../../platform/ids.ts';
import { FileTooLargeError } from '../../platform/storage/file-store.ts';
import { FormatError, mappingFor } from './incident-formats.ts';
import { incidentImportJob } from './incident-import.job.ts';
import { findImport } from './incidents.repository.ts';
import type { CreateImportBody } from './incidents.schema.ts';

export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;

export function toImportView(row: IncidentImport, publicUrl: string, zoneSlug: string) {
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    mapping: row.mapping,
    allOrNothing: row.all_or_nothing,
    status: row.status,
    bytes: Number(row.bytes),
    bytesRead: Number(row.byte_offset),
    rowsRead: row.rows_read,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    badRows: row.bad_rows,
    outsideAreas: row.outside_areas,
    badRowSamples: row.bad_row_samples,
    error: row.error,
    isGenerated: row.is_generated,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    uploadUrl:
      row.status === 'awaiting_file'
        ? `${publicUrl}/api/zones/${zoneSlug}/incident-imports/${row.id}/file`
        : null,
  };
}

export async function createIncidentImport(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  accountId: string | null,
  body: CreateImportBody,
  options: { isGenerated?: boolean } = {},
) {
  try {
    mappingFor(body.format, body.mapping ?? {});
  } catch (error) {
    if (error instanceof FormatError) {
      throw new AppError('incident_mapping_invalid', { reason: error.message });
    }
    throw error;
  }
  const id = newId();
  await trx
    .insertInto('incident_imports')
    .values({
      id,
      zone_id: zone.id,
      account_id: accountId,
      file_name: body.fileName,
      format: body.format,
      mapping: JSON.stringify(body.mapping ?? {}),
      all_or_nothing: body.allOrNothing ?? false,
      status: 'awaiting_file',
      is_generated: options.isGenerated ?? false,
    })
    .execute();
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId,
      action: 'incidents.import_created',
      subjectType: 'incident_import',
      subjectId: id,
    },
    context.now(),
  );
  const row = await findImport(trx, zone.id, id);
  if (!row) throw new Error('import vanished');
  return toImportView(row, context.config.publicUrl, zone.slug);
}

/** Stores the file of an import (streamed, at most 1 GB) and queues it. */
export async function receiveImportFile(context: AppContext, zone: Zone, importId: string, source: Readable) {
  const job = await findImport(context.db, zone.id, importId);
  if (!job) throw new AppError('incident_import_not_found');
  if (job.status !== 'awaiting_file') throw new AppError('incident_import_has_file');
  const key = `imports/${zone.id}/${importId}.csv`;
  let bytes: number;
  try {
    bytes = await context.files.putStream(key, source, MAX_IMPORT_BYTES);
  } catch (error) {
    if (error instanceof FileTooLargeError) throw new AppError('payload_too_large');
    throw error;
  }
  if (bytes === 0) {
    await context.files.delete(key);
    throw new AppError('incident_import_empty');
  }
  await context.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('incident_imports')
      .set({ status: 'queued', storage_key: key, bytes })
      .where('id', '=', importId)
      .where('status', '=', 'awaiting_file')
      .execute();
    await context.jobs.send(incidentImportJob, { importId }, trx);
  });
  const row = await findImport(context.db, zone.id, importId);
  if (!row) throw new Error('import vanished');
  return toImportView(row, context.config.publicUrl, zone.slug);
}
