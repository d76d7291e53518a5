/** Typed SQL for categories, statuses, transitions and answer templates. No rules here. */
import type { Kysely } from 'kysely';
import type { Category, Database, SignalStatus } from '../../platform/database/tables.ts';

export function listCategories(db: Kysely<Database>, zoneId: string, options: { activeOnly?: boolean } = {}) {
  let query = db
    .selectFrom('categories')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .orderBy('sort_order')
    .orderBy('code');
  if (options.activeOnly) query = query.where('active', '=', true);
  return query.execute();
}

export function findCategoryByCode(
  db: Kysely<Database>,
  zoneId: string,
  code: string,
): Promise<Category | undefined> {
  return db
    .selectFrom('categories')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function findCategory(
  db: Kysely<Database>,
  zoneId: string,
  id: string,
): Promise<Category | undefined> {
  return db
    .selectFrom('categories')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listStatuses(db: Kysely<Database>, zoneId: string): Promise<SignalStatus[]> {
  return db
    .selectFrom('signal_statuses')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .orderBy('sort_order')
    .execute();
}

export function findStatus(
  db: Kysely<Database>,
  zoneId: string,
  id: string,
): Promise<SignalStatus | undefined> {
  return db
    .selectFrom('signal_statuses')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findStatusByCode(
  db: Kysely<Database>,
  zoneId: string,
  code: string,
): Promise<SignalStatus | undefined> {
  return db
    .selectFrom('signal_statuses')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function findInitialStatus(db: Kysely<Database>, zoneId: string): Promise<SignalStatus | undefined> {
  return db
    .selectFrom('signal_statuses')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .where('is_initial', '=', true)
    .orderBy('sort_order')
    .executeTakeFirst();
}

export function listTransitions(db: Kysely<Database>, zoneId: string) {
  return db.selectFrom('signal_status_transitions').selectAll().where('zone_id', '=', zoneId).execute();
}

export async function transitionAllowed(db: Kysely<Database>, zoneId: string, fromId: string, toId: string) {
  const row = await db
    .selectFrom('signal_status_transitions')
    .select('to_status_id')
    .where('zone_id', '=', zoneId)
    .where('from_status_id', '=', fromId)
    .where('to_status_id', '=', toId)
    .executeTakeFirst();
  return row !== undefined;
}

export function listAnswerTemplates(db: Kysely<Database>, zoneId: string) {
  return db
    .selectFrom('answer_templates')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .orderBy('title')
    .execute();
}

export function listPartners(db: Kysely<Database>, zoneId: string) {
  return db
    .selectFrom('partner_organisations')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .orderBy('name')
    .execute();
}
