/** Reusable answers per status, in the zone's languages, maintained by administrators. */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Database, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { newId } from '../../platform/ids.ts';
import { findStatus, listAnswerTemplates } from './categories.repository.ts';
import type { AnswerTemplateBody } from './categories.schema.ts';

export async function listTemplates(context: AppContext, zone: Zone) {
  return (await listAnswerTemplates(context.db, zone.id)).map((t) => ({
    id: t.id,
    statusId: t.status_id,
    title: t.title,
    body: t.body,
  }));
}

export async function saveTemplate(
  context: AppContext,
  zone: Zone,
  actorId: string,
  templateId: string | null,
  body: AnswerTemplateBody,
  db: Kysely<Database> = context.db,
) {
  if (body.statusId && !(await findStatus(db, zone.id, body.statusId)))
    throw new AppError('status_not_found');
  const id = templateId ?? newId();
  const write = async (trx: Kysely<Database>) => {
    if (templateId) {
      const updated = await trx
        .updateTable('answer_templates')
        .set({
          status_id: body.statusId,
          title: body.title,
          body: JSON.stringify(body.body),
          updated_at: context.now(),
        })
        .where('zone_id', '=', zone.id)
        .where('id', '=', templateId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new AppError('template_not_found');
    } else {
      await trx
        .insertInto('answer_templates')
        .values({
          id,
          zone_id: zone.id,
          status_id: body.statusId,
          title: body.title,
          body: JSON.stringify(body.body),
        })
        .execute();
    }
    await recordAudit(
      trx,
      {
        zoneId: zone.id,
        accountId: actorId,
        action: templateId ? 'answer_template.updated' : 'answer_template.created',
        subjectType: 'answer_template',
        subjectId: id,
      },
      context.now(),
    );
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
  return { id, statusId: body.statusId, title: body.title, body: body.body };
}

export async function deleteTemplate(context: AppContext, zone: Zone, actorId: string, templateId: string) {
  await context.db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('answer_templates')
      .where('zone_id', '=', zone.id)
      .where('id', '=', templateId)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw new AppError('template_not_found');
    await recordAudit(
      trx,
      {
        zoneId: zone.id,
        accountId: actorId,
        action: 'answer_template.deleted',
        subjectType: 'answer_template',
        subjectId: templateId,
      },
      context.now(),
    );
  });
}
