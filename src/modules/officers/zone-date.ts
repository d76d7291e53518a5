/** Today's date (YYYY-MM-DD) in the zone's time zone: absences are whole days there. */
export function dateInTimeZone(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
