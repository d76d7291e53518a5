/**
 * The public list and map of a zone's signals (public categories only),
 * newest first, filtered by neighbourhood, category, status type, period and
 * map extent; and the public counts per neighbourhood and category, where
 * sensitive categories appear only as counts and small counts as "fewer than N".
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import { publicSignalQuery, toPublicSignal } from './public-signal-query.ts';
import { signalSettings } from './signal-settings.ts';
import type { PublicSignal } from './signals.schema.ts';

export interface PublicListFilter {
  areaId?: string | undefined;
  category?: string | undefined;
  status?: 'open' | 'closed' | 'fixed' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  bbox?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** Midnight of a date in the zone's time zone, as an instant. */
export function zoneMidnight(date: string, timeZone: string): Date {
  const utc = new Date(`${date}T00:00:00Z`);
  const local = new Date(utc.toLocaleString('en-US', { timeZone }));
  return new Date(utc.getTime() - (local.getTime() - utc.getTime()));
}

export async function listPublicSignals(
  context: AppContext,
  zone: Zone,
  filter: PublicListFilter,
): Promise<Page<PublicSignal>> {
  const limit = filter.limit ?? 100;
  const cursor = decodeCursor(filter.cursor, ['string']);
  let query = publicSignalQuery(context.db, zone.id)
    .orderBy('signals.id', 'desc')
    .limit(limit + 1);
  if (cursor) query = query.where('signals.id', '<', String(cursor[0]));
  if (filter.areaId) query = query.where('signals.area_id', '=', filter.areaId);
  if (filter.category) query = query.where('categories.code', '=', filter.category);
  if (filter.status) query = query.where('signal_statuses.type', '=', filter.status);
  if (filter.from) query = query.where('signals.created_at', '>=', zoneMidnight(filter.from, zone.time_zone));
  if (filter.to) {
    const end = zoneMidnight(filter.to, zone.time_zone);
    query = query.where('signals.created_at', '<', new Date(end.getTime() + 24 * 3600_000));
  }
  if (filter.bbox) {
    const [west, south, east, north] = filter.bbox.split(',').map(Number) as [number, number, number, number];
    if (!(west < east && south < north)) throw new AppError('validation_failed');
    query = query
      .where('signals.public_lon', '>=', west)
      .where('signals.public_lon', '<=', east)
      .where('signals.public_lat', '>=', south)
      .where('signals.public_lat', '<=', north);
  }
  const rows = await query.execute();
  const page = toPage(rows, limit, (r) => [r.id]);
  return { items: page.items.map((r) => toPublicSignal(r, zone.time_zone)), nextCursor: page.nextCursor };
}

export async function countPublicSignals(context: AppContext, zone: Zone, from: string, to: string) {
  const threshold = signalSettings(zone).smallCountThreshold;
  const start = zoneMidnight(from, zone.time_zone);
  const end = new Date(zoneMidnight(to, zone.time_zone).getTime() + 24 * 3600_000);
  const rows = await context.db
    .selectFrom('signals')
    .innerJoin('categories', 'categories.id', 'signals.category_id')
    .select(['signals.area_id', 'categories.code', sql<string>`count(*)`.as('n')])
    .where('signals.zone_id', '=', zone.id)
    // Public and sensitive categories are counted; internal-only ones are not published at all.
    .where((eb) => eb.or([eb('categories.is_public', '=', true), eb('categories.is_sensitive', '=', true)]))
    .where('signals.created_at', '>=', start)
    .where('signals.created_at', '<', end)
    .groupBy(['signals.area_id', 'categories.code'])
    .orderBy('categories.code')
    .execute();
  return {
    from,
    to,
    threshold,
    rows: rows.map((r) => {
      const n = Number(r.n);
      return n < threshold
        ? { areaId: r.area_id, category: r.code, count: null, fewerThan: threshold }
        : { areaId: r.area_id, category: r.code, count: n, fewerThan: null };
    }),
  };
}
