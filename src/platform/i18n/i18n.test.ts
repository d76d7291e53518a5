import { describe, expect, it } from 'vitest';
import { errorCodes } from '../errors/error-catalogue.ts';
import { mailTemplates } from '../mail/render-mail.ts';
import { catalogues, isLanguage, languages, negotiateLanguage, translate } from './i18n.ts';

function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

describe('message catalogues', () => {
  it('offers nl, fr, de and en', () => {
    expect([...languages].sort()).toEqual(['de', 'en', 'fr', 'nl']);
    expect(Object.keys(catalogues).sort()).toEqual(['de', 'en', 'fr', 'nl']);
  });

  it.each(languages.filter((l) => l !== 'en'))('%s has every key of en.json and no other', (language) => {
    const english = Object.keys(catalogues.en).sort();
    const other = Object.keys(catalogues[language]).sort();
    expect(
      other.filter((key) => !english.includes(key)),
      `keys in ${language} but not in en`,
    ).toEqual([]);
    expect(
      english.filter((key) => !other.includes(key)),
      `keys in en but not in ${language}`,
    ).toEqual([]);
  });

  it.each(languages)('%s has no empty message', (language) => {
    const empty = Object.entries(catalogues[language])
      .filter(([, message]) => typeof message !== 'string' || message.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders for a key in every language', () => {
    const mismatches: string[] = [];
    for (const [key, english] of Object.entries(catalogues.en)) {
      const expected = placeholders(english);
      for (const language of languages) {
        const message = catalogues[language][key];
        if (message === undefined) continue; // reported by the key test
        const found = placeholders(message);
        if (JSON.stringify(found) !== JSON.stringify(expected)) {
          mismatches.push(`${language} ${key}: {${found.join('},{')}} instead of {${expected.join('},{')}}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('has a message for every error code in every language', () => {
    const missing = errorCodes.flatMap((code) =>
      languages
        .filter((language) => catalogues[language][`error.${code}`] === undefined)
        .map((l) => `${l} error.${code}`),
    );
    expect(errorCodes.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('has a subject and a body for every mail template, and the footer, in every language', () => {
    const keys = [...mailTemplates.flatMap((t) => [`mail.${t}.subject`, `mail.${t}.body`]), 'mail.footer'];
    const missing = keys.flatMap((key) =>
      languages.filter((language) => catalogues[language][key] === undefined).map((l) => `${l} ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('has the fallback validation message the error handler relies on', () => {
    for (const language of languages) expect(catalogues[language]['validation.invalid']).toBeTruthy();
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones as they are', () => {
    const key = Object.keys(catalogues.en).find((k) => placeholders(catalogues.en[k] ?? '').length > 0);
    expect(key).toBeDefined();
    const template = catalogues.nl[key ?? ''] ?? '';
    const names = placeholders(template);
    const params = Object.fromEntries(names.map((name, i) => [name, `«value${i}»`]));
    const result = translate('nl', key ?? '', params);
    for (const [i] of names.entries()) expect(result).toContain(`«value${i}»`);
    expect(result).not.toMatch(/\{\w+\}/);
    expect(translate('nl', key ?? '', {})).toBe(template);
  });

  it('gives each language its own message', () => {
    const messages = languages.map((language) => translate(language, 'error.invalid_credentials'));
    expect(new Set(messages).size).toBe(languages.length);
    expect(messages[languages.indexOf('en')]).toBe(catalogues.en['error.invalid_credentials']);
  });

  it('answers the key itself for an unknown key', () => {
    expect(translate('fr', 'no.such.key')).toBe('no.such.key');
  });
});

describe('negotiateLanguage', () => {
  it.each<[string | undefined, string]>([
    ['nl-BE,nl;q=0.9', 'nl'],
    ['fr-BE', 'fr'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['EN-GB', 'en'],
    ['fr;q=0.5, de;q=0.8', 'de'],
    ['en;q=0.4, fr;q=0.9, nl;q=0.7', 'fr'],
    ['es-ES, fr;q=0.3', 'fr'],
    ['de, fr', 'de'],
    ['fr, de', 'fr'],
    ['de;q=0, fr;q=0.1', 'fr'],
    [' nl-be;q=0.8 , en;q=0.9 ', 'en'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  // RFC 9110 §12.4.2: weight = OWS ";" OWS "q=" qvalue, so "en ;q=0.9" is a valid header.
  it('allows whitespace before the ";" of a quality value', () => {
    expect(negotiateLanguage('en ;q=0.9, nl;q=0.8')).toBe('en');
    expect(negotiateLanguage('fr ; q=0.5', ['nl', 'fr'])).toBe('fr');
  });

  it('falls back when nothing offered is acceptable', () => {
    expect(negotiateLanguage(undefined)).toBe('nl');
    expect(negotiateLanguage('')).toBe('nl');
    expect(negotiateLanguage('es, it;q=0.8')).toBe('nl');
    expect(negotiateLanguage('*')).toBe('nl');
    expect(negotiateLanguage('de;q=0')).toBe('nl');
    expect(negotiateLanguage('es', undefined, 'en')).toBe('en');
    expect(negotiateLanguage('es', ['fr', 'nl'])).toBe('fr');
    expect(negotiateLanguage('garbage;q=abc')).toBe('nl');
  });

  it('keeps to the languages the zone offers', () => {
    expect(negotiateLanguage('en, de;q=0.5', ['nl', 'fr'])).toBe('nl');
    expect(negotiateLanguage('en, fr;q=0.5', ['nl', 'fr'])).toBe('fr');
    expect(negotiateLanguage('de', ['fr', 'de'], 'fr')).toBe('de');
  });

  it('recognises only the four languages', () => {
    expect(isLanguage('nl')).toBe(true);
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('es')).toBe(false);
    expect(isLanguage('NL')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});
