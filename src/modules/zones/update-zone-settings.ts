/** An administrator changes the zone's name, languages, contact, branding or legal texts. */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Database, Zone } from '../../platform/database/tables.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { findZoneById, updateZoneSettings as updateRow } from './zones.repository.ts';
import type { UpdateZoneSettingsBody } from './zones.schema.ts';
import { assertZoneFields } from './validate-zone-fields.ts';

export async function updateZoneSettings(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  accountId: string,
  language: Language,
  body: UpdateZoneSettingsBody,
): Promise<Zone> {
  assertZoneFields(language, {
    timeZone: body.timeZone,
    languages: body.languages ?? zone.languages,
    defaultLanguage: body.defaultLanguage ?? zone.default_language,
  });
  // Signal settings change field by field: what is not sent keeps its value.
  const signalSettings = body.signalSettings
    ? { ...zone.signal_settings, ...body.signalSettings }
    : undefined;
  await updateRow(trx, zone.id, { ...body, ...(signalSettings ? { signalSettings } : {}) }, context.now());
  await recordAudit(
    trx,
    { zoneId: zone.id, accountId, action: 'zone.settings_updated', subjectType: 'zone', subjectId: zone.id },
    context.now(),
  );
  const updated = await findZoneById(trx, zone.id);
  if (!updated) throw new Error('zone vanished during update');
  return updated;
}
