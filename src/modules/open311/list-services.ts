/**
 * GET services: the zone's active categories, as a resident may choose them
 * on the web. Categories with a blocking notice (an emergency, domestic
 * violence) are listed too, with the notice as their description, because a
 * client should show it; a request for them is refused with the notice.
 * Descriptions say when the anti-profiling form applies and when reports
 * are not published.
 */
import type { AppContext } from '../../platform/app-context.ts';
import type { Category, Zone } from '../../platform/database/tables.ts';
import { translate, type Language } from '../../platform/i18n/i18n.ts';
import { listCategories } from '../categories/categories.repository.ts';
import type { Open311Object } from './open311-format.ts';
import { localized } from './resolve-jurisdiction.ts';

export function serviceHasAttributes(category: Category): boolean {
  return category.questions.length > 0 || category.asks_behaviour;
}

function describe(category: Category, zone: Zone, language: Language): string {
  if (category.blocking_notice) return localized(category.blocking_notice, language, zone);
  const parts = [localized(category.description, language, zone) || localized(category.name, language, zone)];
  if (category.asks_behaviour) parts.push(translate(language, 'open311.service.behaviour'));
  if (!category.is_public || category.is_sensitive)
    parts.push(translate(language, 'open311.service.not_published'));
  return parts.join(' ');
}

export function toService(category: Category, zone: Zone, language: Language): Open311Object {
  const name = localized(category.name, language, zone);
  const otherNames = zone.languages
    .map((l) => category.name[l])
    .filter((n): n is string => typeof n === 'string' && n !== '' && n !== name);
  return {
    service_code: category.code,
    service_name: name,
    description: describe(category, zone, language),
    metadata: serviceHasAttributes(category),
    type: 'realtime',
    keywords: [...new Set([name, ...otherNames])].join(', '),
    group: translate(language, `open311.group.${category.kind}`),
  };
}

export async function listServices(
  context: AppContext,
  zone: Zone,
  language: Language,
): Promise<Open311Object[]> {
  const categories = await listCategories(context.db, zone.id, { activeOnly: true });
  return categories.map((category) => toService(category, zone, language));
}
