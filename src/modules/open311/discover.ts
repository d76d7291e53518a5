/**
 * GET discovery: where the endpoint is, which formats it speaks, whom to
 * contact and how to get a key. With a jurisdiction (or a single zone) the
 * contact is the zone's published one; otherwise the deployment's address.
 */
import type { AppContext } from '../../platform/app-context.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { translate, type Language } from '../../platform/i18n/i18n.ts';
import type { Open311Object } from './open311-format.ts';

export const OPEN311_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When this endpoint last changed in a way a client may care about. */
export const OPEN311_CHANGESET = '2026-11-29T00:00:00Z';

export function discover(context: AppContext, zone: Zone | null, language: Language): Open311Object {
  const contact = zone
    ? [zone.name, zone.contact.email, zone.contact.phone, zone.contact.website].filter(Boolean).join(', ')
    : context.config.publicUrl;
  return {
    changeset: OPEN311_CHANGESET,
    contact,
    key_service: translate(language, 'open311.discovery.key_service', {
      zone: zone ? zone.name : translate(language, 'open311.discovery.every_zone'),
    }),
    endpoints: [
      {
        specification: OPEN311_SPECIFICATION,
        url: `${context.config.publicUrl}/open311/v2`,
        changeset: OPEN311_CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
