/**
 * Trend: counts per week (or month) against a seasonal baseline, with an alert when a count is
 * improbably high under it (src/analysis/seasonal-alert.ts states the model and its test).
 * Weeks need the day of each event; with month-only dates the series is monthly.
 */
import { Type } from 'typebox';
import { dayNumberOf } from '../../../analysis/local-time.ts';
import { seasonalAlerts } from '../../../analysis/seasonal-alert.ts';
import { monthlyCounts, weeklyCounts, type Series } from '../../../analysis/time-patterns.ts';
import { literals } from '../../../platform/http/literals.ts';
import type { TrendPoint, TrendResult } from '../method-results.ts';
import { defineMethod, eventsWithTime, PRECISION } from '../analysis-method.ts';

const MODELS = ['none', 'poisson', 'negative-binomial'] as const satisfies TrendPoint['model'][];
const BASELINES = ['none', 'seasonal', 'recent'] as const satisfies TrendPoint['baseline'][];

export const trendMethod = defineMethod({
  method: 'trend',
  timeNeed: 'any',
  parameters: Type.Object(
    {
      interval: literals(['auto', 'week', 'month'] as const, {
        default: 'auto',
        description: 'auto: weeks when every event has its day, else months',
      }),
      alpha: Type.Number({
        exclusiveMinimum: 0,
        maximum: 0.1,
        default: 0.01,
        description: 'Significance level',
      }),
      minCount: Type.Integer({
        minimum: 1,
        maximum: 1000,
        default: 5,
        description: 'Smallest count that can alert',
      }),
    },
    { additionalProperties: false },
  ),
  run(all, parameters, setting) {
    const monthOnly = all.precision.some((p) => p > PRECISION.day);
    const interval = parameters.interval === 'auto' ? (monthOnly ? 'month' : 'week') : parameters.interval;
    // Weekly counts need the day: month-only events are left out (and counted in the limits).
    const events = interval === 'week' ? eventsWithTime(all, 'day') : all;
    const used = events.x.length;
    const range = setting.period
      ? { fromDay: dayNumberOf(setting.period.from), toDay: dayNumberOf(setting.period.to) }
      : {};
    const series: Series =
      interval === 'week'
        ? weeklyCounts(events.t, setting.timeZone, range)
        : monthlyCounts(events.t, setting.timeZone, range);
    const assessed = seasonalAlerts(series.counts, {
      alpha: parameters.alpha,
      minCount: parameters.minCount,
      // Months: 12 a year; the same month ± 1 a year earlier is 3 months, enough for a baseline
      // (weeks need 4), so the second year is already assessed against the first.
      // Weeks: the same week ± 3 in earlier years (Farrington's window), 7 weeks a year.
      ...(interval === 'month' ? { period: 12, recentWeeks: 6, minBaseline: 3 } : { halfWindow: 3 }),
    });
    const length = interval === 'week' ? 7 : null;
    const points = series.labels.map((label, k) => {
      const start = series.starts[k] ?? 0;
      const end = length ? start + length - 1 : (series.starts[k + 1] ?? start + 31) - 1;
      const partial = range.fromDay !== undefined && (start < range.fromDay || end > (range.toDay ?? end));
      const expected = assessed.expected[k] ?? Number.NaN;
      const p = assessed.pValue[k] ?? Number.NaN;
      return {
        label,
        count: series.counts[k] ?? 0,
        expected: Number.isFinite(expected) ? expected : null,
        p: Number.isFinite(p) ? p : null,
        alert: assessed.alert[k] === 1,
        partial,
        baseline: BASELINES[assessed.baselineKind[k] ?? 0] ?? 'none',
        model: MODELS[assessed.model[k] ?? 0] ?? 'none',
      };
    });
    const limits = [];
    if (interval === 'week' && used < all.x.length)
      limits.push({ key: 'analysis.limit.imprecise_left_out', params: { n: all.x.length - used } });
    return {
      result: {
        interval,
        alpha: parameters.alpha,
        minCount: parameters.minCount,
        points,
        alerts: points.filter((point) => point.alert).length,
      } satisfies TrendResult,
      limits,
      used,
    };
  },
});
