/** The public view of a zone: everything here is published by the zone itself. */
import type { Zone } from '../../platform/database/tables.ts';
import { signalSettings } from '../signals/signal-settings.ts';
import type { PublicZone } from './zones.schema.ts';

/** `hasAddresses`: whether the zone has an address list, so pages can offer a search by address. */
export function toPublicZone(zone: Zone, hasAddresses: boolean): PublicZone {
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
    signalSettings: signalSettings(zone),
    isDemo: zone.is_demo,
    hasAddresses,
  };
}
