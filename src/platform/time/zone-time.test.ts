import { describe, expect, it } from 'vitest';
import { localParts, localToInstant, offsetMinutes } from './zone-time.ts';

describe('zone time', () => {
  it('converts local Brussels time to instants in winter and summer', () => {
    expect(localToInstant('Europe/Brussels', 2024, 1, 15, 22, 15).toISOString()).toBe(
      '2024-01-15T21:15:00.000Z',
    );
    expect(localToInstant('Europe/Brussels', 2024, 7, 15, 22, 15).toISOString()).toBe(
      '2024-07-15T20:15:00.000Z',
    );
    expect(localToInstant('Europe/London', 2018, 6, 1).toISOString()).toBe('2018-05-31T23:00:00.000Z');
  });

  it('handles the spring-forward gap and the autumn repeat', () => {
    // 31 March 2024, 02:30 does not exist in Brussels: the instant after the gap.
    expect(localToInstant('Europe/Brussels', 2024, 3, 31, 2, 30).toISOString()).toBe(
      '2024-03-31T01:30:00.000Z',
    );
    // 27 October 2024, 02:30 happens twice: the first one (summer time).
    expect(localToInstant('Europe/Brussels', 2024, 10, 27, 2, 30).toISOString()).toBe(
      '2024-10-27T00:30:00.000Z',
    );
  });

  it('gives local parts and offsets', () => {
    const at = new Date('2024-07-01T10:00:00Z');
    expect(offsetMinutes(at, 'Europe/Brussels')).toBe(120);
    expect(localParts(at, 'Europe/Brussels')).toMatchObject({ year: 2024, month: 7, day: 1, hour: 12 });
  });

  it('agrees with the wall clock every hour of two years, around every clock change (the day cache)', () => {
    for (const timeZone of ['Europe/Brussels', 'Europe/London', 'America/New_York']) {
      for (let d = 0; d < 731; d++) {
        const date = new Date(Date.UTC(2023, 0, 1 + d));
        const [y, m, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        for (const hour of [0, 1, 2, 3, 12, 23]) {
          // Twice: the first call fills the cache, the second reads it.
          const first = localToInstant(timeZone, y, m, day, hour, 30);
          const second = localToInstant(timeZone, y, m, day, hour, 30);
          expect(second.getTime()).toBe(first.getTime());
          const back = localParts(first, timeZone);
          // A time in a spring-forward gap has no wall clock of its own: it moves on by the gap.
          if (back.hour !== hour) expect(back).toMatchObject({ hour: hour + 1, minute: 30 });
          else expect(back).toMatchObject({ year: y, month: m, day, hour, minute: 30 });
        }
      }
    }
  });
});
