/** An administrator adds a partner organisation that categories (and later referrals) can route to. */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Database, Zone } from '../../platform/database/tables.ts';
import { newId } from '../../platform/ids.ts';

export async function createPartner(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  actorId: string | null,
  body: { name: string; email: string | null },
) {
  const id = newId();
  await trx
    .insertInto('partner_organisations')
    .values({ id, zone_id: zone.id, name: body.name, email: body.email })
    .execute();
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId: actorId,
      action: 'partner.created',
      subjectType: 'partner_organisation',
      subjectId: id,
    },
    context.now(),
  );
  return { id, name: body.name, email: body.email };
}
