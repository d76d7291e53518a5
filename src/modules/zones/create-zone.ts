/** An operator creates a zone (the tenant). Its slug becomes its URL and Open311 jurisdiction_id. */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Database } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { seedSignalSetup } from '../categories/seed-signal-setup.ts';
import { defaultBranding, emptyLegal } from './zone-defaults.ts';
import { findZoneBySlug, insertZone } from './zones.repository.ts';
import type { CreateZoneBody } from './zones.schema.ts';
import { assertZoneFields } from './validate-zone-fields.ts';

export async function createZone(
  context: AppContext,
  trx: Kysely<Database>,
  accountId: string | null,
  language: Language,
  body: CreateZoneBody,
  options: { isDemo?: boolean } = {},
): Promise<{ id: string; slug: string }> {
  assertZoneFields(language, body);
  if (await findZoneBySlug(trx, body.slug)) throw new AppError('zone_slug_taken', { slug: body.slug });
  const id = newId();
  await insertZone(
    trx,
    {
      id,
      slug: body.slug,
      name: body.name,
      languages: body.languages,
      defaultLanguage: body.defaultLanguage,
      timeZone: body.timeZone,
      projection: body.projection,
      contact: body.contact ?? { phone: null, email: null, address: null, website: null, openingHours: {} },
      branding: defaultBranding(),
      legal: emptyLegal(),
      isDemo: options.isDemo ?? false,
    },
    context.now(),
  );
  await seedSignalSetup(trx, id, { isDemo: options.isDemo ?? false });
  await recordAudit(
    trx,
    { zoneId: id, accountId, action: 'zone.created', subjectType: 'zone', subjectId: id },
    context.now(),
  );
  return { id, slug: body.slug };
}
