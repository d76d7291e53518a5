/** Gives a zone its starting categories, statuses, transitions and answer templates. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/tables.ts';
import { newId } from '../../platform/ids.ts';
import {
  defaultAnswerTemplates,
  defaultCategories,
  defaultStatuses,
  defaultTransitions,
} from './default-taxonomy.ts';

export async function seedSignalSetup(
  db: Kysely<Database>,
  zoneId: string,
  options: { isDemo?: boolean } = {},
) {
  const statusIds = new Map<string, string>();
  for (const [index, status] of defaultStatuses.entries()) {
    const id = newId();
    statusIds.set(status.code, id);
    await db
      .insertInto('signal_statuses')
      .values({
        id,
        zone_id: zoneId,
        code: status.code,
        name: JSON.stringify(status.name),
        type: status.type,
        is_initial: status.initial ?? false,
        sort_order: index,
      })
      .execute();
  }
  await db
    .insertInto('signal_status_transitions')
    .values(
      defaultTransitions.map(([from, to]) => ({
        zone_id: zoneId,
        from_status_id: statusIds.get(from) as string,
        to_status_id: statusIds.get(to) as string,
      })),
    )
    .execute();
  await db
    .insertInto('categories')
    .values(
      defaultCategories.map((c, index) => ({
        id: newId(),
        zone_id: zoneId,
        code: c.code,
        name: JSON.stringify(c.name),
        kind: c.kind,
        is_public: c.isPublic,
        is_sensitive: c.isSensitive ?? false,
        is_urgent: c.isUrgent ?? false,
        asks_behaviour: c.asksBehaviour ?? false,
        blocking_notice: c.blockingNotice ? JSON.stringify(c.blockingNotice) : null,
        questions: JSON.stringify(c.questions ?? []),
        answer_target_days: c.answerTargetDays,
        sort_order: index,
        is_demo: options.isDemo ?? false,
      })),
    )
    .execute();
  await db
    .insertInto('answer_templates')
    .values(
      defaultAnswerTemplates.map((t) => ({
        id: newId(),
        zone_id: zoneId,
        status_id: statusIds.get(t.status) ?? null,
        title: t.title,
        body: JSON.stringify(t.body),
      })),
    )
    .execute();
}
