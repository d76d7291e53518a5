/** The public view of a zone: everything here is published by the zone itself. */
import type { Zone } from '../../platform/database/tables.ts';
import type { PublicZone } from './zones.schema.ts';

export function toPublicZone(zone: Zone): PublicZone {
  return {
    id: zone.id,
    slug: zone.slug,
    name: zone.name,
    languages: zone.languages,
    defaultLanguage: zone.default_language,
    timeZone: zone.time_zone,
    projection: zone.projection,
    contact: zone.contact,
    branding: zone.branding,
    legal: zone.legal,
    isDemo: zone.is_demo,
  };
}
