/** What incidents a zone has, for the analyst's choices: types, period, precision, generated or not. */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { dayInTimeZone } from '../signals/public-signal-query.ts';

export async function getIncidentOverview(context: AppContext, zone: Zone) {
  const totals = await context.db
    .selectFrom('incidents')
    .select([
      sql<string>`count(*)`.as('total'),
      sql<string>`count(*) filter (where is_generated)`.as('generated'),
      sql<string>`count(*) filter (where area_id is null)`.as('outside'),
      sql<Date | null>`min(occurred_from)`.as('first'),
      sql<Date | null>`max(occurred_from)`.as('last'),
    ])
    .where('zone_id', '=', zone.id)
    .executeTakeFirstOrThrow();
  const types = await context.db
    .selectFrom('incidents')
    .select(['crime_type', sql<string>`count(*)`.as('n')])
    .where('zone_id', '=', zone.id)
    .groupBy('crime_type')
    .orderBy(sql`count(*)`, 'desc')
    .limit(200)
    .execute();
  const precision = await context.db
    .selectFrom('incidents')
    .select(['time_precision', sql<string>`count(*)`.as('n')])
    .where('zone_id', '=', zone.id)
    .groupBy('time_precision')
    .execute();
  const day = (value: Date | string | null) =>
    value ? dayInTimeZone(new Date(value), zone.time_zone) : null;
  return {
    total: Number(totals.total),
    generated: Number(totals.generated),
    outsideAreas: Number(totals.outside),
    firstDate: day(totals.first),
    lastDate: day(totals.last),
    crimeTypes: types.map((t) => ({ crimeType: t.crime_type, count: Number(t.n) })),
    precision: precision.map((p) => ({ precision: p.time_precision, count: Number(p.n) })),
  };
}
