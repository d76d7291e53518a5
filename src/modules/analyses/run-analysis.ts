/**
 * Runs a saved analysis (a snapshot): loads its events, runs the method with
 * the recorded parameters and stores the result, or the reason it failed.
 * Heavy work: it runs in the job worker, never in a web request.
 */
import type { AppContext } from '../../platform/app-context.ts';
import type { AnalysisSnapshot } from '../../platform/database/tables.ts';
import { findZoneById } from '../zones/zones.repository.ts';
import type { AnalysisFilters, AnalysisMethod } from './analyses.schema.ts';
import { analysisMethodDefinitions } from './analysis-methods.ts';
import { loadAnalysisEvents } from './load-analysis-events.ts';
import { runMethod } from './analysis-method.ts';
import { buildMethodSetting } from './build-method-setting.ts';

export async function runAnalysis(
  context: AppContext,
  snapshotId: string,
): Promise<AnalysisSnapshot | undefined> {
  const snapshot = await context.db
    .selectFrom('analysis_snapshots')
    .selectAll()
    .where('id', '=', snapshotId)
    .executeTakeFirst();
  if (!snapshot || snapshot.status === 'done' || snapshot.status === 'failed') return snapshot;
  const zone = await findZoneById(context.db, snapshot.zone_id);
  const definition = analysisMethodDefinitions[snapshot.method as AnalysisMethod];
  if (!zone || !definition) throw new Error(`cannot run analysis ${snapshotId}`);
  await context.db
    .updateTable('analysis_snapshots')
    .set({ status: 'running' })
    .where('id', '=', snapshotId)
    .execute();
  try {
    const events = await loadAnalysisEvents(context, zone, snapshot.filters as AnalysisFilters);
    const filters = snapshot.filters as AnalysisFilters;
    const setting = await buildMethodSetting(context, zone, filters, events.studyAreaIds);
    const output = await runMethod(definition, events, snapshot.parameters, setting);
    await context.db
      .updateTable('analysis_snapshots')
      .set({
        status: 'done',
        result: JSON.stringify({ ...(output.result as object), limits: output.limits }),
        event_count: output.used,
        period_from: events.periodFrom,
        period_to: events.periodTo,
        finished_at: context.now(),
      })
      .where('id', '=', snapshotId)
      .execute();
  } catch (error) {
    // Bad parameters for the data (a zero radius, no events in the bands…) are the analyst's to see.
    await context.db
      .updateTable('analysis_snapshots')
      .set({ status: 'failed', error: (error as Error).message.slice(0, 1000), finished_at: context.now() })
      .where('id', '=', snapshotId)
      .execute();
  }
  return context.db
    .selectFrom('analysis_snapshots')
    .selectAll()
    .where('id', '=', snapshotId)
    .executeTakeFirst();
}
