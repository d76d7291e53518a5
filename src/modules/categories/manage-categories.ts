/** An administrator's work on categories: list, add, change. Codes are stable (Open311 service codes). */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Category, Database, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { translate, type Language } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { findCategory, findCategoryByCode } from './categories.repository.ts';
import type { CreateCategoryBody, UpdateCategoryBody } from './categories.schema.ts';

export function toPublicCategory(c: Category) {
  return {
    code: c.code,
    name: c.name,
    description: c.description,
    kind: c.kind,
    isPublic: c.is_public,
    asksBehaviour: c.asks_behaviour,
    blockingNotice: c.blocking_notice,
    questions: c.questions,
    answerTargetDays: c.answer_target_days,
  };
}

export function toAdminCategory(c: Category) {
  return {
    ...toPublicCategory(c),
    id: c.id,
    isSensitive: c.is_sensitive,
    isUrgent: c.is_urgent,
    partnerId: c.partner_id,
    active: c.active,
    sortOrder: c.sort_order,
  };
}

async function assertPartner(db: Kysely<Database>, zone: Zone, partnerId: string | null | undefined) {
  if (!partnerId) return;
  const partner = await db
    .selectFrom('partner_organisations')
    .select('id')
    .where('zone_id', '=', zone.id)
    .where('id', '=', partnerId)
    .executeTakeFirst();
  if (!partner) throw new AppError('partner_not_found');
}

function columns(body: UpdateCategoryBody) {
  return {
    ...(body.name !== undefined ? { name: JSON.stringify(body.name) } : {}),
    ...(body.description !== undefined ? { description: JSON.stringify(body.description) } : {}),
    ...(body.kind !== undefined ? { kind: body.kind } : {}),
    ...(body.isPublic !== undefined ? { is_public: body.isPublic } : {}),
    ...(body.isSensitive !== undefined ? { is_sensitive: body.isSensitive } : {}),
    ...(body.isUrgent !== undefined ? { is_urgent: body.isUrgent } : {}),
    ...(body.asksBehaviour !== undefined ? { asks_behaviour: body.asksBehaviour } : {}),
    ...(body.blockingNotice !== undefined
      ? { blocking_notice: body.blockingNotice ? JSON.stringify(body.blockingNotice) : null }
      : {}),
    ...(body.partnerId !== undefined ? { partner_id: body.partnerId } : {}),
    ...(body.questions !== undefined ? { questions: JSON.stringify(body.questions) } : {}),
    ...(body.answerTargetDays !== undefined ? { answer_target_days: body.answerTargetDays } : {}),
    ...(body.active !== undefined ? { active: body.active } : {}),
    ...(body.sortOrder !== undefined ? { sort_order: body.sortOrder } : {}),
  };
}

/** Runs in the caller's transaction (the route's, with its idempotency key). */
export async function createCategory(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  actorId: string,
  language: Language,
  body: CreateCategoryBody,
) {
  if (await findCategoryByCode(trx, zone.id, body.code)) {
    const params = { code: body.code };
    throw new AppError('category_code_taken', params, [
      {
        path: 'body/code',
        code: 'category_code_taken',
        message: translate(language, 'error.category_code_taken', params),
      },
    ]);
  }
  await assertPartner(trx, zone, body.partnerId);
  const id = newId();
  const { code, ...rest } = body;
  await trx
    .insertInto('categories')
    .values({
      id,
      zone_id: zone.id,
      code,
      name: JSON.stringify(rest.name),
      kind: rest.kind,
      is_public: rest.isPublic,
      ...columns(rest),
    })
    .execute();
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId: actorId,
      action: 'category.created',
      subjectType: 'category',
      subjectId: id,
    },
    context.now(),
  );
  const created = await findCategory(trx, zone.id, id);
  if (!created) throw new Error('category vanished');
  return toAdminCategory(created);
}

export async function updateCategory(
  context: AppContext,
  zone: Zone,
  actorId: string,
  categoryId: string,
  body: UpdateCategoryBody,
) {
  if (!(await findCategory(context.db, zone.id, categoryId))) throw new AppError('category_unknown');
  await assertPartner(context.db, zone, body.partnerId);
  await context.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('categories')
      .set({ ...columns(body), updated_at: context.now() })
      .where('zone_id', '=', zone.id)
      .where('id', '=', categoryId)
      .execute();
    await recordAudit(
      trx,
      {
        zoneId: zone.id,
        accountId: actorId,
        action: 'category.updated',
        subjectType: 'category',
        subjectId: categoryId,
      },
      context.now(),
    );
  });
  const updated = await findCategory(context.db, zone.id, categoryId);
  if (!updated) throw new Error('category vanished');
  return toAdminCategory(updated);
}
