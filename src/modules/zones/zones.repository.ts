/** Typed SQL for zones. No rules here: use cases decide. */
import type { Kysely } from 'kysely';
import type {
  Database,
  Zone,
  ZoneBranding,
  ZoneContact,
  ZoneLegal,
  Language,
  SignalSettings,
} from '../../platform/database/tables.ts';

export function findZoneBySlug(db: Kysely<Database>, slug: string): Promise<Zone | undefined> {
  return db.selectFrom('zones').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findZoneById(db: Kysely<Database>, id: string): Promise<Zone | undefined> {
  return db.selectFrom('zones').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listZones(db: Kysely<Database>): Promise<Zone[]> {
  return db.selectFrom('zones').selectAll().orderBy('name').execute();
}

export interface ZoneRow {
  id: string;
  slug: string;
  name: string;
  languages: Language[];
  defaultLanguage: Language;
  timeZone: string;
  projection: string;
  contact: ZoneContact;
  branding: ZoneBranding;
  legal: ZoneLegal;
  isDemo: boolean;
}

export async function insertZone(db: Kysely<Database>, zone: ZoneRow, now: Date): Promise<void> {
  await db
    .insertInto('zones')
    .values({
      id: zone.id,
      slug: zone.slug,
      name: zone.name,
      languages: JSON.stringify(zone.languages),
      default_language: zone.defaultLanguage,
      time_zone: zone.timeZone,
      projection: zone.projection,
      contact: JSON.stringify(zone.contact),
      branding: JSON.stringify(zone.branding),
      legal: JSON.stringify(zone.legal),
      is_demo: zone.isDemo,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export interface ZoneSettingsRow {
  name?: string;
  languages?: Language[];
  defaultLanguage?: Language;
  timeZone?: string;
  contact?: ZoneContact;
  branding?: ZoneBranding;
  legal?: ZoneLegal;
  signalSettings?: Partial<SignalSettings>;
}

export async function updateZoneSettings(
  db: Kysely<Database>,
  zoneId: string,
  settings: ZoneSettingsRow,
  now: Date,
): Promise<void> {
  await db
    .updateTable('zones')
    .set({
      updated_at: now,
      ...(settings.name !== undefined ? { name: settings.name } : {}),
      ...(settings.languages !== undefined ? { languages: JSON.stringify(settings.languages) } : {}),
      ...(settings.defaultLanguage !== undefined ? { default_language: settings.defaultLanguage } : {}),
      ...(settings.timeZone !== undefined ? { time_zone: settings.timeZone } : {}),
      ...(settings.contact !== undefined ? { contact: JSON.stringify(settings.contact) } : {}),
      ...(settings.branding !== undefined ? { branding: JSON.stringify(settings.branding) } : {}),
      ...(settings.legal !== undefined ? { legal: JSON.stringify(settings.legal) } : {}),
      ...(settings.signalSettings !== undefined
        ? { signal_settings: JSON.stringify(settings.signalSettings) }
        : {}),
    })
    .where('id', '=', zoneId)
    .execute();
}
