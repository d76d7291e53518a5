/**
 * Dates as police exports write them, read in the zone's time zone. A date
 * without a time covers the whole local day; a month ("2016-02") the whole
 * local month: the incident gets that range and says how precise it is.
 */
import type { TimePrecision } from '../../platform/database/tables.ts';
import { localToInstant } from '../../platform/time/zone-time.ts';

export const dateFormats = [
  'iso',
  'yyyy-mm-dd',
  'dd/mm/yyyy',
  'mm/dd/yyyy',
  'dd-mm-yyyy',
  'dd.mm.yyyy',
  'yyyy-mm',
] as const;
export type DateFormat = (typeof dateFormats)[number];

export interface ParsedTime {
  from: Date;
  to: Date;
  precision: TimePrecision;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dayRange(timeZone: string, year: number, month: number, day: number): ParsedTime {
  const from = localToInstant(timeZone, year, month, day);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  const to = new Date(
    localToInstant(timeZone, next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()).getTime() - 1,
  );
  return { from, to, precision: 'day' };
}

/**
 * Reads `date` (and an optional separate `time` "HH:MM[:SS]", or a time after
 * the date separated by a space or "T") in the given format. Null when the
 * text does not fit the format or is not a real date.
 */
export function parseIncidentDate(
  date: string,
  format: DateFormat,
  timeZone: string,
  time?: string,
): ParsedTime | null {
  const text = date.trim();
  if (format === 'iso') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseIncidentDate(text, 'yyyy-mm-dd', timeZone, time);
    if (/^\d{4}-\d{2}$/.test(text)) return parseIncidentDate(text, 'yyyy-mm', timeZone);
    // With an explicit offset or Z it is an instant; without, local time.
    if (/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
      const instant = new Date(text);
      return Number.isNaN(instant.getTime()) ? null : { from: instant, to: instant, precision: 'exact' };
    }
    const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}:\d{2}(?::\d{2})?)$/.exec(text);
    return match
      ? parseIncidentDate(`${match[1]}-${match[2]}-${match[3]}`, 'yyyy-mm-dd', timeZone, match[4])
      : null;
  }
  if (format === 'yyyy-mm') {
    const match = /^(\d{4})-(\d{1,2})$/.exec(text);
    if (!match) return null;
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (!validDay(year, month, 1)) return null;
    const from = localToInstant(timeZone, year, month, 1);
    const nextMonth = month === 12 ? [year + 1, 1] : [year, month + 1];
    const to = new Date(
      localToInstant(timeZone, nextMonth[0] as number, nextMonth[1] as number, 1).getTime() - 1,
    );
    return { from, to, precision: 'month' };
  }
  const [datePart, inlineTime] = text.split(/[ T]+/, 2);
  const parts = (datePart ?? '').split(/[/.-]/).map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n))) return null;
  const [a, b, c] = parts as [number, number, number];
  const [year, month, day] =
    format === 'yyyy-mm-dd' ? [a, b, c] : format === 'mm/dd/yyyy' ? [c, a, b] : [c, b, a];
  if (!validDay(year, month, day)) return null;
  const clock = (time ?? inlineTime ?? '').trim();
  if (!clock) return dayRange(timeZone, year, month, day);
  const t = TIME.exec(clock);
  if (!t) return null;
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const instant = localToInstant(timeZone, year, month, day, hour, minute, second);
  return { from: instant, to: instant, precision: 'exact' };
}
