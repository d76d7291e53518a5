/**
 * What every analysis method provides: its parameters (a schema with
 * defaults, so a snapshot records exactly what was used) and a run over the
 * loaded events that returns a JSON result. Every result carries its limits
 * in plain words (message keys), as DESIGN.md asks: small numbers, recorded
 * crime is not all crime, feedback loops of patrolling, imprecise times,
 * generated demo data.
 */
import type { Static, TSchema } from 'typebox';
import type { AppContext } from '../../platform/app-context.ts';
import type { Zone } from '../../platform/database/tables.ts';
import type { AnalysisMethod } from './analyses.schema.ts';
import type { AnalysisEvents } from './load-analysis-events.ts';

export interface LimitNote {
  key: string;
  params?: Record<string, string | number>;
}

export interface MethodOutput {
  result: unknown;
  limits: LimitNote[];
}

export interface AnalysisMethodDefinition<S extends TSchema = TSchema> {
  method: AnalysisMethod;
  parameters: S;
  /** Needs exact times (hours, days): month-precision events are left out and said so. */
  needsExactTimes: boolean;
  run(context: AppContext, zone: Zone, events: AnalysisEvents, parameters: Static<S>): Promise<MethodOutput>;
}

export function defineMethod<S extends TSchema>(
  definition: AnalysisMethodDefinition<S>,
): AnalysisMethodDefinition<S> {
  return definition;
}

/** The limits every analysis states, plus those its data call for. */
export function commonLimits(events: AnalysisEvents, used: number, needsExactTimes: boolean): LimitNote[] {
  const notes: LimitNote[] = [
    { key: 'analysis.limit.recorded_only' },
    { key: 'analysis.limit.feedback_loop' },
  ];
  if (used < 30) notes.push({ key: 'analysis.limit.small_numbers', params: { n: used } });
  const imprecise =
    events.imprecise.month + events.imprecise.range + (needsExactTimes ? events.imprecise.day : 0);
  if (needsExactTimes && imprecise > 0)
    notes.push({ key: 'analysis.limit.imprecise_left_out', params: { n: imprecise } });
  if (events.generated > 0) notes.push({ key: 'analysis.limit.generated', params: { n: events.generated } });
  return notes;
}
