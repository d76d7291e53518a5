/**
 * When events happen: the hour-of-week profile and weekly and monthly series, all in the
 * zone's local time (local-time.ts handles daylight saving time through the tz database).
 *
 * - Hour of week: 168 bins, bin = 24·weekday + hour with weekday Monday = 0 … Sunday = 6 and
 *   hour 0 … 23 of local time, so bin 0 is Monday 00:00–00:59. (With DST, the repeated autumn
 *   hour collects both instants; the skipped spring hour has no instants that week: a
 *   profile over many weeks is unaffected in practice.)
 * - Weeks start on Monday 00:00 local time (ISO 8601 weeks); months are calendar months.
 * Series cover every week (month) from the first to the last event, or a given range,
 * including empty ones (zeros), which is what a baseline needs (seasonal-alert.ts).
 * Instants are milliseconds since the epoch (UTC); NaN instants are skipped.
 */
import { isoDate, localTimes, weekdayMondayFirst } from './local-time.ts';

/** Counts (or summed weights) per hour of week, 168 bins from Monday 00:00 local time. */
export function hourOfWeekProfile(
  timestamps: Float64Array,
  timeZone: string,
  weights?: Float64Array,
): Float64Array {
  if (weights && weights.length !== timestamps.length)
    throw new RangeError('weights and timestamps differ in length');
  const { day, minuteOfDay } = localTimes(timestamps, timeZone);
  const bins = new Float64Array(168);
  for (let i = 0; i < timestamps.length; i++) {
    const minute = minuteOfDay[i] as number;
    if (minute < 0) continue;
    const bin = 24 * weekdayMondayFirst(day[i] as number) + Math.floor(minute / 60);
    bins[bin] = (bins[bin] as number) + (weights ? (weights[i] as number) : 1);
  }
  return bins;
}

/** The day number of the Monday that starts the week holding `dayNumber`. */
export function weekStartOf(dayNumber: number): number {
  return dayNumber - weekdayMondayFirst(dayNumber);
}

export type Series = {
  /** First local day of each period (day numbers since 1970-01-01) and its ISO date / 'YYYY-MM' label. */
  starts: Int32Array;
  labels: string[];
  counts: Float64Array;
};

/** First and last day of the events, or the given range (ISO dates, inclusive). */
function dayRange(days: Int32Array, from?: number, to?: number): [number, number] | null {
  let first = Infinity;
  let last = -Infinity;
  for (const d of days) {
    if (d === -2147483648) continue;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const start = from ?? first;
  const end = to ?? last;
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return null;
  return [start, end];
}

/**
 * Events per week (Monday 00:00 local time), every week from the first to the last event or
 * over [fromDay, toDay] (day numbers, see local-time.ts dayNumberOf); events outside are skipped.
 */
export function weeklyCounts(
  timestamps: Float64Array,
  timeZone: string,
  range: { fromDay?: number; toDay?: number } = {},
): Series {
  const { day } = localTimes(timestamps, timeZone);
  const span = dayRange(day, range.fromDay, range.toDay);
  if (!span) return { starts: new Int32Array(0), labels: [], counts: new Float64Array(0) };
  const firstWeek = weekStartOf(span[0]);
  const weeks = Math.floor((weekStartOf(span[1]) - firstWeek) / 7) + 1;
  const counts = new Float64Array(weeks);
  for (const d of day) {
    if (d === -2147483648 || d < span[0] || d > span[1]) continue;
    const week = (weekStartOf(d) - firstWeek) / 7;
    counts[week] = (counts[week] as number) + 1;
  }
  const starts = Int32Array.from({ length: weeks }, (_, w) => firstWeek + 7 * w);
  return { starts, labels: Array.from(starts, isoDate), counts };
}

/** Events per calendar month (local time), every month from the first to the last event or over the range. */
export function monthlyCounts(
  timestamps: Float64Array,
  timeZone: string,
  range: { fromDay?: number; toDay?: number } = {},
): Series {
  const { day } = localTimes(timestamps, timeZone);
  const span = dayRange(day, range.fromDay, range.toDay);
  if (!span) return { starts: new Int32Array(0), labels: [], counts: new Float64Array(0) };
  const monthIndex = (d: number): number => {
    const date = new Date(d * 86_400_000);
    return date.getUTCFullYear() * 12 + date.getUTCMonth();
  };
  const firstMonth = monthIndex(span[0]);
  const months = monthIndex(span[1]) - firstMonth + 1;
  const counts = new Float64Array(months);
  for (const d of day) {
    if (d === -2147483648 || d < span[0] || d > span[1]) continue;
    const month = monthIndex(d) - firstMonth;
    counts[month] = (counts[month] as number) + 1;
  }
  const starts = new Int32Array(months);
  const labels: string[] = [];
  for (let m = 0; m < months; m++) {
    const year = Math.floor((firstMonth + m) / 12);
    const month = (firstMonth + m) % 12;
    starts[m] = Math.round(Date.UTC(year, month, 1) / 86_400_000);
    labels.push(`${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`);
  }
  return { starts, labels, counts };
}
