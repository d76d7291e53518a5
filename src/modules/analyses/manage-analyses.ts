/**
 * Starting an analysis saves a snapshot first (method, parameters with their
 * defaults filled in, filters) and queues its run; the snapshot keeps the
 * result, so a problem can cite exactly what was found with what.
 */
import type { Kysely } from 'kysely';
import { Value } from 'typebox/value';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { AnalysisSnapshot, Database, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { newId } from '../../platform/ids.ts';
import type { CreateAnalysisBody } from './analyses.schema.ts';
import { analysisMethodDefinitions } from './analysis-methods.ts';
import { runAnalysisJob } from './run-analysis.job.ts';

export function toSnapshotView(row: AnalysisSnapshot) {
  return {
    id: row.id,
    method: row.method,
    title: row.title,
    parameters: row.parameters,
    filters: row.filters,
    periodFrom: row.period_from?.toISOString() ?? null,
    periodTo: row.period_to?.toISOString() ?? null,
    eventCount: row.event_count,
    status: row.status,
    result: row.result ?? null,
    error: row.error,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

export async function startAnalysis(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  accountId: string | null,
  body: CreateAnalysisBody,
) {
  const definition = analysisMethodDefinitions[body.method];
  if (!definition) throw new AppError('analysis_method_unknown');
  if (body.filters.from > body.filters.to) throw new AppError('analysis_period_invalid');
  const parameters = Value.Default(definition.parameters, structuredClone(body.parameters ?? {}));
  if (!Value.Check(definition.parameters, parameters)) {
    const details = [...Value.Errors(definition.parameters, parameters)].slice(0, 20).map((e) => ({
      path: `body/parameters${e.instancePath}`,
      code: e.keyword,
      message: e.message,
    }));
    throw new AppError('analysis_parameters_invalid', {}, details);
  }
  if (body.filters.areaIds.length > 0) {
    const found = await trx
      .selectFrom('areas')
      .select('id')
      .where('zone_id', '=', zone.id)
      .where('id', 'in', body.filters.areaIds)
      .execute();
    if (found.length !== new Set(body.filters.areaIds).size) throw new AppError('area_not_found');
  }
  const id = newId();
  await trx
    .insertInto('analysis_snapshots')
    .values({
      id,
      zone_id: zone.id,
      method: body.method,
      title: body.title ?? `${body.method} ${body.filters.from} – ${body.filters.to}`,
      parameters: JSON.stringify(parameters),
      filters: JSON.stringify(body.filters),
      period_from: null,
      period_to: null,
      status: 'queued',
      account_id: accountId,
    })
    .execute();
  await context.jobs.send(runAnalysisJob, { snapshotId: id }, trx);
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId,
      action: 'analysis.started',
      subjectType: 'analysis_snapshot',
      subjectId: id,
    },
    context.now(),
  );
  const row = await trx
    .selectFrom('analysis_snapshots')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return toSnapshotView(row);
}
