/** Checks the schema cannot express: a real IANA time zone, a supported projection. */
import { AppError, type ErrorDetail } from '../../platform/errors/error-catalogue.ts';
import { isSupportedCrs } from '../../platform/geo/projections.ts';
import { translate, type Language } from '../../platform/i18n/i18n.ts';

/** Top-level paths of the web app and the API: a zone cannot take these as its slug. */
export const reservedSlugs = new Set([
  'api',
  'open311',
  'track',
  'login',
  'logout',
  'account',
  'outbox',
  'forgot-password',
  'reset-password',
  'assets',
  'admin',
  'docs',
]);

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function assertZoneFields(
  language: Language,
  fields: {
    slug?: string | undefined;
    timeZone?: string | undefined;
    projection?: string | undefined;
    languages?: string[] | undefined;
    defaultLanguage?: string | undefined;
  },
): void {
  const details: ErrorDetail[] = [];
  if (fields.slug !== undefined && reservedSlugs.has(fields.slug)) {
    details.push({
      path: 'body/slug',
      code: 'slug_reserved',
      message: translate(language, 'validation.slug_reserved'),
    });
  }
  if (fields.timeZone !== undefined && !isValidTimeZone(fields.timeZone)) {
    details.push({
      path: 'body/timeZone',
      code: 'time_zone',
      message: translate(language, 'validation.time_zone'),
    });
  }
  if (fields.projection !== undefined && !isSupportedCrs(fields.projection)) {
    details.push({
      path: 'body/projection',
      code: 'projection',
      message: translate(language, 'validation.projection'),
    });
  }
  if (
    fields.languages !== undefined &&
    fields.defaultLanguage !== undefined &&
    !fields.languages.includes(fields.defaultLanguage)
  ) {
    details.push({
      path: 'body/defaultLanguage',
      code: 'default_language',
      message: translate(language, 'validation.default_language'),
    });
  }
  if (details.length > 0) throw new AppError('validation_failed', {}, details);
}
