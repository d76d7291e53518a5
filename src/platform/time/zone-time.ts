/**
 * Local wall-clock time in a zone's IANA time zone ↔ instants. Police data
 * carry local times ("14/03/2024 22:15" in Ghent); analyses count in local
 * hours and days. Daylight saving is handled by asking Intl for the offset.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(at: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/** Offset of the zone from UTC at an instant, in minutes (e.g. +60 in Brussels in winter). */
export function offsetMinutes(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The offset of each local day (ms to add to the naive UTC reading of a local time), or null
 * for a day with a clock change. Asking Intl costs ~18 µs a time; an import of a million rows
 * asks for a few thousand distinct days, so the answer is kept (bounded).
 */
const dayOffsets = new Map<string, number | null>();
const MAX_CACHED_DAYS = 100_000;

/**
 * The instant of a local wall-clock time. For a time that does not exist
 * (skipped by a spring-forward) the instant after the gap is given; for one
 * that occurs twice (autumn), the first.
 */
export function localToInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const dayStart = Date.UTC(year, month - 1, day);
  const key = `${timeZone} ${dayStart}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    // The same offset at the day's first and last second: no clock change that day.
    const first = exactLocalToInstant(timeZone, year, month, day).getTime() - dayStart;
    const last =
      exactLocalToInstant(timeZone, year, month, day, 23, 59, 59).getTime() - (dayStart + 86_399_000);
    offset = first === last ? first : null;
    if (dayOffsets.size >= MAX_CACHED_DAYS) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  if (offset === null) return exactLocalToInstant(timeZone, year, month, day, hour, minute, second);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) + offset);
}

function exactLocalToInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute, second);
  // The offsets a day before and after cover both sides of any transition.
  const before = naive - offsetMinutes(new Date(naive - 86_400_000), timeZone) * 60_000;
  const after = naive - offsetMinutes(new Date(naive + 86_400_000), timeZone) * 60_000;
  const valid = [before, after].filter((candidate) => offsetCheck(candidate, timeZone, naive));
  if (valid.length > 0) return new Date(Math.min(...valid));
  // In a gap: the wall clock jumps over this time; take the offset from before the jump.
  return new Date(before);
}

function offsetCheck(candidate: number, timeZone: string, naive: number): boolean {
  return candidate + offsetMinutes(new Date(candidate), timeZone) * 60_000 === naive;
}
