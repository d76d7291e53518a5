/**
 * Adds or replaces messages in the four catalogues at once, keeping keys
 * sorted. Input: a JSON file { "key": { "en": "…", "nl": "…", "fr": "…", "de": "…" } }.
 *   npx tsx scripts/add-messages.ts messages.json
 * Refuses input that lacks a language, so the catalogues never drift apart.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const languages = ['en', 'nl', 'fr', 'de'] as const;
const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/platform/i18n/messages');
const file = process.argv[2];
if (!file) {
  console.error('usage: tsx scripts/add-messages.ts <messages.json>');
  process.exit(2);
}
const input = JSON.parse(readFileSync(file, 'utf8')) as Record<
  string,
  Partial<Record<(typeof languages)[number], string>>
>;
for (const [key, texts] of Object.entries(input)) {
  const missing = languages.filter((l) => typeof texts[l] !== 'string' || texts[l] === '');
  if (missing.length > 0) {
    console.error(`${key}: missing ${missing.join(', ')}`);
    process.exit(1);
  }
}
for (const language of languages) {
  const target = path.join(folder, `${language}.json`);
  const catalogue = JSON.parse(readFileSync(target, 'utf8')) as Record<string, string>;
  for (const [key, texts] of Object.entries(input)) catalogue[key] = texts[language] as string;
  const sorted = Object.fromEntries(
    Object.entries(catalogue).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  writeFileSync(target, `${JSON.stringify(sorted, null, 2)}\n`);
}
console.log(`${Object.keys(input).length} messages written to ${languages.length} catalogues`);
