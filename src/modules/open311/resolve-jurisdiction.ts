/**
 * Which zone an Open311 call is about, and in which language to answer.
 * `jurisdiction_id` is the zone's slug (DESIGN.md, "Decisions already
 * taken"); it may be left out only while the deployment holds a single zone.
 */
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import type { LocalizedText, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { isLanguage, negotiateLanguage, type Language } from '../../platform/i18n/i18n.ts';
import { findZoneBySlug } from '../zones/zones.repository.ts';
import { firstZones } from './open311.repository.ts';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export async function resolveJurisdiction(context: AppContext, jurisdictionId: unknown): Promise<Zone> {
  if (typeof jurisdictionId === 'string' && jurisdictionId !== '') {
    const zone = SLUG.test(jurisdictionId) ? await findZoneBySlug(context.db, jurisdictionId) : undefined;
    if (!zone) throw new AppError('zone_not_found', { zone: jurisdictionId.slice(0, 63) });
    return zone;
  }
  const zones = await firstZones(context.db);
  if (zones.length === 1 && zones[0]) return zones[0];
  throw new AppError('open311_jurisdiction_required');
}

/** Discovery: the named zone, the only zone, or none when the server holds several. */
export async function optionalJurisdiction(
  context: AppContext,
  jurisdictionId: unknown,
): Promise<Zone | null> {
  if (typeof jurisdictionId === 'string' && jurisdictionId !== '') {
    return resolveJurisdiction(context, jurisdictionId);
  }
  const zones = await firstZones(context.db);
  return zones.length === 1 ? (zones[0] ?? null) : null;
}

/** Resolves the zone and keeps it on the request, so errors are told in the zone's languages. */
export async function zoneOfRequest(
  context: AppContext,
  request: FastifyRequest,
  jurisdictionId: unknown,
): Promise<{ zone: Zone; language: Language }> {
  const zone = await resolveJurisdiction(context, jurisdictionId);
  request.zone = zone;
  return { zone, language: open311Language(request, zone) };
}

/**
 * The answer's language: `?lang=` when the zone offers it, else the best of
 * Accept-Language among the zone's languages, else the zone's default.
 */
export function open311Language(request: FastifyRequest, zone: Zone | null): Language {
  if (!zone) return request.language;
  const query = request.query as Record<string, unknown> | undefined;
  const asked = query?.['lang'];
  if (isLanguage(asked) && zone.languages.includes(asked)) return asked;
  return negotiateLanguage(request.headers['accept-language'], zone.languages, zone.default_language);
}

/** A multilingual text in the answer's language, else the zone's default, else any. */
export function localized(text: LocalizedText | null, language: Language, zone: Zone): string {
  if (!text) return '';
  return text[language] ?? text[zone.default_language] ?? Object.values(text).find((v) => v) ?? '';
}
