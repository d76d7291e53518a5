/**
 * The web app's side of the one message catalogue (src/platform/i18n/messages).
 * The chosen language is kept in a cookie the server reads too, so API errors
 * and mails speak the same language. The catalogues are not bundled into the
 * JavaScript: each is a JSON asset fetched when its language is first chosen
 * (App awaits the first one before it shows anything), which keeps every
 * page's script small (DESIGN.md: a report page under 100 KB of JavaScript).
 */
import deUrl from '../../../src/platform/i18n/messages/de.json?url';
import enUrl from '../../../src/platform/i18n/messages/en.json?url';
import frUrl from '../../../src/platform/i18n/messages/fr.json?url';
import nlUrl from '../../../src/platform/i18n/messages/nl.json?url';

export const languages = ['nl', 'fr', 'de', 'en'] as const;
export type Language = (typeof languages)[number];
export type LocalizedText = Partial<Record<Language, string>>;

export const languageNames: Record<Language, string> = {
  nl: 'Nederlands',
  fr: 'Français',
  de: 'Deutsch',
  en: 'English',
};

const catalogueUrls: Record<Language, string> = { nl: nlUrl, fr: frUrl, de: deUrl, en: enUrl };
const catalogues = new Map<Language, Promise<Record<string, string>>>();

/** Fetches a language's messages once (a failed fetch may be tried again). */
function loadCatalogue(language: Language): Promise<Record<string, string>> {
  let pending = catalogues.get(language);
  if (!pending) {
    pending = fetch(catalogueUrls[language], { credentials: 'same-origin' }).then(async (response) => {
      if (!response.ok) throw new Error(`Messages (${language}) could not be loaded: ${response.status}`);
      return (await response.json()) as Record<string, string>;
    });
    pending.catch(() => catalogues.delete(language));
    catalogues.set(language, pending);
  }
  return pending;
}

export const i18n = $state<{ language: Language; messages: Record<string, string> }>({
  language: 'nl',
  messages: {},
});

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function t(key: string, params: Record<string, string | number> = {}): string {
  const template = i18n.messages[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Picks the text of a multilingual value in the current language, falling back sensibly. */
export function localized(text: LocalizedText | null | undefined, fallback = ''): string {
  if (!text) return fallback;
  return text[i18n.language] ?? text.nl ?? text.fr ?? text.en ?? text.de ?? fallback;
}

export async function setLanguage(language: Language): Promise<void> {
  i18n.messages = await loadCatalogue(language);
  i18n.language = language;
  document.documentElement.lang = language;
  document.cookie = `nabij_lang=${language}; path=/; max-age=31536000; samesite=lax`;
}

/** Stored choice first, then the browser's preferences. */
export function initialLanguage(): Language {
  const fromCookie = /(?:^|; )nabij_lang=([a-z]{2})/.exec(document.cookie)?.[1];
  if (isLanguage(fromCookie)) return fromCookie;
  for (const preferred of navigator.languages ?? [navigator.language]) {
    const base = preferred.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'nl';
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(`${i18n.language}-BE`, options).format(value);
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(`${i18n.language}-BE`, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatDate(isoDate: string): string {
  return new Intl.DateTimeFormat(`${i18n.language}-BE`, { dateStyle: 'medium' }).format(
    new Date(`${isoDate}T12:00:00`),
  );
}
