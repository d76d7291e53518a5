/**
 * Local wall-clock time of instants in an IANA time zone (e.g. 'Europe/Brussels'), for
 * hour-of-week profiles, weekly and monthly series, and day numbers for the Knox test.
 *
 * Method: the zone's UTC offset at an instant comes from Intl.DateTimeFormat (the platform's
 * tz database): the local date and time it prints, read as if UTC, minus the instant. Offsets
 * change only at transitions (DST, law changes), so each UTC day is probed at its first and
 * last millisecond: equal offsets mean no transition that day (two transitions within one
 * day do not occur in the tz database) and the offset is cached for the day; on a transition
 * day every instant gets its own probe. Local time = instant + offset, so in the autumn hour
 * that repeats (02:00–03:00 in Brussels) both instants read 02:xx, and the spring hour that
 * is skipped never appears.
 */

const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, // throws a RangeError for an unknown zone
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at instant `ms` (milliseconds since the epoch), in milliseconds. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of parts) {
    const value = Number(part.value);
    switch (part.type) {
      case 'year':
        year = value;
        break;
      case 'month':
        month = value;
        break;
      case 'day':
        day = value;
        break;
      case 'hour':
        hour = value;
        break;
      case 'minute':
        minute = value;
        break;
      case 'second':
        second = value;
        break;
      case 'era':
        bc = part.value.startsWith('B');
        break;
      default:
        break;
    }
  }
  const local = new Date(0);
  local.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
  local.setUTCHours(hour, minute, second, 0);
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return local.getTime() - wholeSecond;
}

/** Offsets per UTC day: a cache that probes each day at its first and last millisecond. */
export function offsetResolver(timeZone: string): (ms: number) => number {
  formatterFor(timeZone);
  const byDay = new Map<number, number>(); // NaN marks a transition day
  return (ms: number) => {
    const utcDay = Math.floor(ms / MS_PER_DAY);
    let offset = byDay.get(utcDay);
    if (offset === undefined) {
      const first = zoneOffsetMs(utcDay * MS_PER_DAY, timeZone);
      const last = zoneOffsetMs(utcDay * MS_PER_DAY + MS_PER_DAY - 1, timeZone);
      offset = first === last ? first : Number.NaN;
      byDay.set(utcDay, offset);
    }
    return Number.isNaN(offset) ? zoneOffsetMs(ms, timeZone) : offset;
  };
}

export type LocalTimes = {
  /** Local calendar day: days since 1970-01-01 (local), integer. */
  day: Int32Array;
  /** Minutes since local midnight, 0 … 1439. */
  minuteOfDay: Int32Array;
};

/**
 * Local day numbers and minutes of day of instants (ms since the epoch, UTC) in `timeZone`.
 * NaN instants get day −2³¹ and minute −1.
 */
export function localTimes(timestamps: Float64Array, timeZone: string): LocalTimes {
  const offsetAt = offsetResolver(timeZone);
  const day = new Int32Array(timestamps.length);
  const minuteOfDay = new Int32Array(timestamps.length);
  for (let i = 0; i < timestamps.length; i++) {
    const ms = timestamps[i] as number;
    if (!Number.isFinite(ms)) {
      day[i] = -2147483648;
      minuteOfDay[i] = -1;
      continue;
    }
    const local = ms + offsetAt(ms);
    const d = Math.floor(local / MS_PER_DAY);
    day[i] = d;
    minuteOfDay[i] = Math.floor((local - d * MS_PER_DAY) / 60_000);
  }
  return { day, minuteOfDay };
}

/** Weekday of a day number, Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday). */
export function weekdayMondayFirst(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** ISO date 'YYYY-MM-DD' of a day number. */
export function isoDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of an ISO date 'YYYY-MM-DD'. */
export function dayNumberOf(isoDateText: string): number {
  const ms = Date.parse(`${isoDateText}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date: ${isoDateText}`);
  return Math.round(ms / MS_PER_DAY);
}
