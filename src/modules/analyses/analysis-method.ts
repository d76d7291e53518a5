/**
 * What every analysis method provides: its parameters (a schema with
 * defaults, so a snapshot records exactly what was used) and a run over the
 * loaded events that returns a JSON result. Every result carries its limits
 * in plain words (message keys), as DESIGN.md asks: small numbers, recorded
 * crime is not all crime, feedback loops of patrolling, imprecise times,
 * generated demo data.
 *
 * A run is pure: it gets the events and a setting, never the database, so the
 * same definitions serve the web (events from the database) and the CLI
 * (events from a CSV file).
 */
import type { Static, TSchema } from 'typebox';
import type { AnalysisMethod } from './analyses.schema.ts';

/** How precise an event's time is: 0 exact, 1 a day, 2 a month, 3 a range. */
export const PRECISION = { exact: 0, day: 1, month: 2, range: 3 } as const;

/** What a method needs of the times: none, the day (Knox), the hour (hour of week). */
export type TimeNeed = 'any' | 'day' | 'exact';

export interface MethodEvents {
  /** Metres in the setting's projection. */
  x: Float64Array;
  y: Float64Array;
  /** Start of the time window, ms since the epoch. */
  t: Float64Array;
  /** PRECISION per event. */
  precision: Uint8Array;
  /** Area (neighbourhood) id per event, when known. */
  areaIds: (string | null)[];
  generated: number;
}

export interface MethodSetting {
  timeZone: string;
  /** The CRS of x and y when it can be drawn on a map (results get lon/lat); null: x/y only. */
  projection: string | null;
  /** Whether a point (metres) lies in the study area (the chosen areas); null: everywhere. */
  inStudyArea: ((x: number, y: number) => boolean) | null;
  /** The study's areas, for results per area. */
  areas: { id: string; name: string }[];
  /** The period asked for (local ISO dates, inclusive); null: from the first to the last event. */
  period: { from: string; to: string } | null;
}

export interface LimitNote {
  key: string;
  params?: Record<string, string | number>;
}

export interface MethodOutput {
  result: unknown;
  limits: LimitNote[];
  /** Events the method used (after leaving out imprecise times). */
  used: number;
}

export interface AnalysisMethodDefinition<S extends TSchema = TSchema> {
  method: AnalysisMethod;
  parameters: S;
  /** Events whose time is less precise than this are left out, and the limits say so. */
  timeNeed: TimeNeed;
  run(
    events: MethodEvents,
    parameters: Static<S>,
    setting: MethodSetting,
  ): Promise<MethodOutput> | MethodOutput;
}

export function defineMethod<S extends TSchema>(
  definition: AnalysisMethodDefinition<S>,
): AnalysisMethodDefinition<S> {
  return definition;
}

const allowed: Record<TimeNeed, number> = {
  any: PRECISION.range,
  day: PRECISION.day,
  exact: PRECISION.exact,
};

/** The events precise enough for the method (a copy; all of them when nothing is left out). */
export function eventsWithTime(events: MethodEvents, need: TimeNeed): MethodEvents {
  const limit = allowed[need];
  let kept = 0;
  for (const p of events.precision) if (p <= limit) kept++;
  if (kept === events.x.length) return events;
  const out: MethodEvents = {
    x: new Float64Array(kept),
    y: new Float64Array(kept),
    t: new Float64Array(kept),
    precision: new Uint8Array(kept),
    areaIds: new Array<string | null>(kept),
    generated: events.generated,
  };
  let k = 0;
  for (let i = 0; i < events.x.length; i++) {
    if ((events.precision[i] as number) > limit) continue;
    out.x[k] = events.x[i] as number;
    out.y[k] = events.y[i] as number;
    out.t[k] = events.t[i] as number;
    out.precision[k] = events.precision[i] as number;
    out.areaIds[k] = events.areaIds[i] ?? null;
    k++;
  }
  return out;
}

/** The limits every analysis states, plus those its data call for. */
export function commonLimits(events: MethodEvents, used: number, need: TimeNeed): LimitNote[] {
  const notes: LimitNote[] = [
    { key: 'analysis.limit.recorded_only' },
    { key: 'analysis.limit.feedback_loop' },
  ];
  if (used < 30) notes.push({ key: 'analysis.limit.small_numbers', params: { n: used } });
  const left = events.x.length - used;
  if (need !== 'any' && left > 0)
    notes.push({ key: 'analysis.limit.imprecise_left_out', params: { n: left } });
  if (events.generated > 0) notes.push({ key: 'analysis.limit.generated', params: { n: events.generated } });
  return notes;
}

/** Runs a method: leaves out events with too imprecise a time, then runs it. */
export async function runMethod(
  definition: AnalysisMethodDefinition,
  events: MethodEvents,
  parameters: unknown,
  setting: MethodSetting,
): Promise<MethodOutput> {
  const usable = eventsWithTime(events, definition.timeNeed);
  const output = await definition.run(usable, parameters as never, setting);
  const limits = commonLimits(events, usable.x.length, definition.timeNeed);
  for (const note of output.limits) if (!limits.some((l) => l.key === note.key)) limits.push(note);
  return { ...output, limits };
}
