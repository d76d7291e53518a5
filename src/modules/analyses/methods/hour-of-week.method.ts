/**
 * When in the week: 168 hourly bins in the zone's local time (src/analysis/time-patterns.ts).
 * Needs exact times: events known only to the day or month are left out.
 */
import { Type } from 'typebox';
import { hourOfWeekProfile } from '../../../analysis/time-patterns.ts';
import type { HourOfWeekResult } from '../method-results.ts';
import { defineMethod } from '../analysis-method.ts';

export const hourOfWeekMethod = defineMethod({
  method: 'hour-of-week',
  timeNeed: 'exact',
  parameters: Type.Object({}, { additionalProperties: false }),
  run(events, _parameters, setting) {
    const used = events.x.length;
    const bins = hourOfWeekProfile(events.t, setting.timeZone);
    const byWeekday = Array.from({ length: 7 }, (_, d) =>
      bins.subarray(24 * d, 24 * d + 24).reduce((a, b) => a + b, 0),
    );
    const byHour = Array.from({ length: 24 }, (_, h) => {
      let sum = 0;
      for (let d = 0; d < 7; d++) sum += bins[24 * d + h] ?? 0;
      return sum;
    });
    let peak = 0;
    for (let k = 1; k < 168; k++) if ((bins[k] ?? 0) > (bins[peak] ?? 0)) peak = k;
    return {
      result: {
        timeZone: setting.timeZone,
        counts: Array.from(bins),
        byWeekday,
        byHour,
        peak: used > 0 ? { weekday: Math.floor(peak / 24), hour: peak % 24, count: bins[peak] ?? 0 } : null,
      } satisfies HourOfWeekResult,
      limits: [],
      used,
    };
  },
});
