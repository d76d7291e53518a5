import { describe, expect, it } from 'vitest';
import {
  dayNumberOf,
  isoDate,
  localTimes,
  offsetResolver,
  weekdayMondayFirst,
  zoneOffsetMs,
} from './local-time.ts';
import { hourOfWeekProfile, monthlyCounts, weekStartOf, weeklyCounts } from './time-patterns.ts';

const at = (iso: string): number => Date.parse(iso);
const instants = (...iso: string[]): Float64Array => Float64Array.from(iso, at);
/** The bin each single instant falls in. */
const binOf = (iso: string, zone: string): number =>
  hourOfWeekProfile(instants(iso), zone).findIndex((v) => v > 0);

describe('local time in an IANA zone', () => {
  it('offsets around the Brussels DST changes of 2024', () => {
    expect(zoneOffsetMs(at('2024-01-15T12:00:00Z'), 'Europe/Brussels')).toBe(3_600_000);
    expect(zoneOffsetMs(at('2024-07-15T12:00:00Z'), 'Europe/Brussels')).toBe(7_200_000);
    // Spring forward at 01:00 UTC on 31 March: 00:59:59 UTC is +1 h, 01:00:00 UTC is +2 h.
    expect(zoneOffsetMs(at('2024-03-31T00:59:59Z'), 'Europe/Brussels')).toBe(3_600_000);
    expect(zoneOffsetMs(at('2024-03-31T01:00:00Z'), 'Europe/Brussels')).toBe(7_200_000);
    expect(zoneOffsetMs(at('2024-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe(19_800_000);
    expect(() => zoneOffsetMs(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('the cached resolver agrees with a probe per instant, also on transition days', () => {
    const resolve = offsetResolver('America/New_York');
    // Every 7 minutes through March and November 2024 (both DST changes).
    for (const [from, to] of [
      ['2024-03-09T00:00:00Z', '2024-03-12T00:00:00Z'],
      ['2024-11-02T00:00:00Z', '2024-11-05T00:00:00Z'],
    ] as const) {
      for (let ms = at(from); ms < at(to); ms += 7 * 60_000) {
        expect(resolve(ms)).toBe(zoneOffsetMs(ms, 'America/New_York'));
      }
    }
  });

  it('day numbers and weekdays', () => {
    expect(weekdayMondayFirst(0)).toBe(3); // 1970-01-01 was a Thursday
    expect(weekdayMondayFirst(dayNumberOf('2024-01-01'))).toBe(0); // a Monday
    expect(isoDate(dayNumberOf('2024-02-29'))).toBe('2024-02-29');
    // 23:30 UTC on 31 Jan is 00:30 on 1 Feb in Brussels.
    const { day, minuteOfDay } = localTimes(instants('2024-01-31T23:30:00Z'), 'Europe/Brussels');
    expect(isoDate(day[0] as number)).toBe('2024-02-01');
    expect(minuteOfDay[0]).toBe(30);
  });
});

describe('hour-of-week profile', () => {
  it('puts Monday 00:00 local time in bin 0 and follows DST', () => {
    // Monday 1 Jan 2024 00:00 in Brussels = 31 Dec 23:00 UTC → bin 0.
    expect(binOf('2023-12-31T23:00:00Z', 'Europe/Brussels')).toBe(0);
    // Sunday 31 March 2024: 00:59 UTC = 01:59 CET → 24·6 + 1 = 145; 01:00 UTC = 03:00 CEST → 147.
    expect(binOf('2024-03-31T00:59:00Z', 'Europe/Brussels')).toBe(145);
    expect(binOf('2024-03-31T01:00:00Z', 'Europe/Brussels')).toBe(147);
    // Sunday 27 October 2024: 00:30 UTC = 02:30 CEST and 01:30 UTC = 02:30 CET: both bin 146.
    const autumn = hourOfWeekProfile(
      instants('2024-10-27T00:30:00Z', '2024-10-27T01:30:00Z'),
      'Europe/Brussels',
    );
    expect(autumn[146]).toBe(2);
    // Kolkata, +05:30: Monday 1 Jan 2024 00:00 UTC is 05:30 → bin 5; Sunday 18:29 UTC is 23:59 → bin 167.
    expect(binOf('2024-01-01T00:00:00Z', 'Asia/Kolkata')).toBe(5);
    expect(binOf('2024-01-07T18:29:00Z', 'Asia/Kolkata')).toBe(167);
    // The same instant in New York (−05:00) is Sunday 31 Dec 19:00 → 24·6 + 19 = 163.
    expect(binOf('2024-01-01T00:00:00Z', 'America/New_York')).toBe(163);
  });

  it('sums weights and skips NaN instants', () => {
    const profile = hourOfWeekProfile(
      Float64Array.of(at('2024-01-01T10:15:00Z'), Number.NaN, at('2024-01-01T10:45:00Z')),
      'UTC',
      Float64Array.of(2, 5, 3),
    );
    expect(profile[10]).toBe(5);
    expect(profile.reduce((s, v) => s + v, 0)).toBe(5);
  });
});

describe('weekly and monthly series', () => {
  it('weeks start on Monday 00:00 local time and include empty weeks', () => {
    const series = weeklyCounts(
      instants(
        '2024-01-07T22:30:00Z', // Sunday 23:30 in Brussels: week of 1 Jan
        '2024-01-07T23:30:00Z', // Monday 8 Jan 00:30 in Brussels: week of 8 Jan
        '2024-01-29T12:00:00Z', // week of 29 Jan; the weeks of 15 and 22 Jan are empty
      ),
      'Europe/Brussels',
    );
    expect(series.labels).toEqual(['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22', '2024-01-29']);
    expect(Array.from(series.counts)).toEqual([1, 1, 0, 0, 1]);
    expect(weekStartOf(dayNumberOf('2024-01-07'))).toBe(dayNumberOf('2024-01-01'));
  });

  it('months by local calendar, over a given range', () => {
    const series = monthlyCounts(
      instants('2023-12-31T23:30:00Z', '2024-01-31T23:30:00Z', '2024-03-10T10:00:00Z'),
      'Europe/Brussels',
      { fromDay: dayNumberOf('2024-01-01'), toDay: dayNumberOf('2024-04-30') },
    );
    // 2023-12-31 23:30 UTC is 1 January local; 2024-01-31 23:30 UTC is 1 February local.
    expect(series.labels).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(Array.from(series.counts)).toEqual([1, 1, 1, 0]);
  });
});
