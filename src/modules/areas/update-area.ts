/** An administrator corrects an area's names, population, households or parent district. */
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { findAreaInZone, updateArea as updateRow } from './areas.repository.ts';
import type { UpdateAreaBody } from './areas.schema.ts';
import { toPublicArea } from './to-public-area.ts';
import type { PublicArea } from './areas.schema.ts';

export async function updateArea(
  context: AppContext,
  zone: Zone,
  accountId: string,
  areaId: string,
  body: UpdateAreaBody,
): Promise<PublicArea> {
  return context.db.transaction().execute(async (trx) => {
    const area = await findAreaInZone(trx, zone.id, areaId);
    if (!area) throw new AppError('area_not_found');
    if (body.parentId) {
      const parent = await findAreaInZone(trx, zone.id, body.parentId);
      if (!parent || parent.kind !== 'district' || parent.id === area.id || area.kind === 'district') {
        throw new AppError('area_parent_invalid');
      }
    }
    await updateRow(trx, zone.id, areaId, body, context.now());
    await recordAudit(
      trx,
      { zoneId: zone.id, accountId, action: 'area.updated', subjectType: 'area', subjectId: areaId },
      context.now(),
    );
    const updated = await findAreaInZone(trx, zone.id, areaId);
    if (!updated) throw new AppError('area_not_found');
    return toPublicArea(updated);
  });
}
