/**
 * Dates of the Open311 answers: W3C date-times with the zone's own offset
 * ("2026-05-04T00:00:00+02:00"), and the day arithmetic of the date filters,
 * which work on whole days of the zone's calendar (see list-requests.ts).
 */
import { zoneMidnight } from '../signals/list-public-signals.ts';
import { dayInTimeZone } from '../signals/public-signal-query.ts';

const DAY_MS = 24 * 3600_000;

export function w3cDateTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // "GMT+02:00", or "GMT" at offset zero.
  const offset = part('timeZoneName').replace('GMT', '') || '+00:00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${offset}`;
}

/** A calendar day ("2026-05-04") moved by whole days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The start of a day of the zone, as an instant. */
export function startOfDay(day: string, timeZone: string): Date {
  return zoneMidnight(day, timeZone);
}

/** The start of a day of the zone as a W3C date-time. */
export function dayAsDateTime(day: string, timeZone: string): string {
  return w3cDateTime(startOfDay(day, timeZone), timeZone);
}

export function today(now: Date, timeZone: string): string {
  return dayInTimeZone(now, timeZone);
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** "2026-05-04" when it is a real day of the calendar (not "2026-02-30"). */
function realDay(day: string): string | null {
  const at = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === day ? day : null;
}

/**
 * The zone's day of a W3C date or date-time. A date-time with an offset is
 * moved into the zone's time zone first; a date, or a date-time without an
 * offset (the zone's local time), gives its own date. Null when it is neither.
 * An unencoded "+" of the offset arrives as a space in a query string: it is
 * read as the "+" it was.
 */
export function dayOf(raw: string, timeZone: string): string | null {
  const value = raw.replace(/ (\d{2}:?\d{2})$/, '+$1');
  const match = DATE_TIME.exec(value);
  const day = match?.[1];
  if (!match || day === undefined || realDay(day) === null) return null;
  const offset = match[5];
  if (offset === undefined) return day;
  const normalised = offset === 'Z' ? value : value.replace(/([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const at = Date.parse(normalised);
  return Number.isNaN(at) ? null : dayInTimeZone(new Date(at), timeZone);
}
