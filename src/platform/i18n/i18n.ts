/**
 * One message catalogue for the web app, API errors and mail, in nl, fr, de
 * and en. Keys are flat ("error.not_found"); placeholders are {name}.
 * English is the fallback only as a safety net: a test requires every key in
 * every language.
 */
import de from './messages/de.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import nl from './messages/nl.json' with { type: 'json' };

export const languages = ['nl', 'fr', 'de', 'en'] as const;
export type Language = (typeof languages)[number];

export type MessageKey = keyof typeof en;

export const catalogues: Record<Language, Record<string, string>> = { nl, fr, de, en };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function translate(
  language: Language,
  key: MessageKey | (string & {}),
  params: Record<string, string | number> = {},
): string {
  const template = catalogues[language][key] ?? catalogues.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * Picks the language from an Accept-Language header, limited to the ones the
 * zone offers. Quality values are honoured; "nl-BE" matches "nl".
 */
export function negotiateLanguage(
  header: string | undefined,
  offered: readonly Language[] = languages,
  fallback: Language = offered[0] ?? 'nl',
): Language {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [rawTag = '', ...rest] = part.trim().split(';');
      const tag = rawTag.trim();
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        base: tag.toLowerCase().split('-')[0] ?? '',
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    const match = offered.find((language) => language === entry.base);
    if (match) return match;
  }
  return fallback;
}
