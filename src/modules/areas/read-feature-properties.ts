/**
 * Finds a feature's name(s), code, population and households among its
 * properties. Boundary files name these differently (Ghent: name; Belgian
 * municipalities: name_nl/name_fr, nis, population; ONS wards: wd22nm,
 * wd22cd), so common spellings are tried unless the importer names the
 * property explicitly.
 */
import type { LocalizedText } from '../../platform/database/tables.ts';
import type { Language } from '../../platform/i18n/i18n.ts';

export interface PropertyChoices {
  nameProperty?: string | undefined;
  codeProperty?: string | undefined;
  populationProperty?: string | undefined;
  householdsProperty?: string | undefined;
}

const NAME_KEYS = ['name', 'naam', 'nom', 'NAME', 'Name', 'wd22nm', 'label', 'title'];
const CODE_KEYS = ['code', 'nis', 'NIS', 'wd22cd', 'id', 'ID', 'ref', 'cd'];
const POPULATION_KEYS = ['population', 'pop', 'inwoners', 'inhabitants', 'POPULATION'];
const HOUSEHOLD_KEYS = ['households', 'huishoudens', 'menages', 'ménages'];
const LANGUAGES: Language[] = ['nl', 'fr', 'de', 'en'];

function textOf(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function countOf(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value.replace(/[\s.,](?=\d{3}\b)/g, '')) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.round(n) : null;
}

function firstOf<T>(
  props: Record<string, unknown>,
  keys: string[],
  read: (v: unknown) => T | null,
): T | null {
  for (const key of keys) {
    const value = read(props[key]);
    if (value !== null) return value;
  }
  return null;
}

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

export interface FeatureFacts {
  name: LocalizedText;
  /** The name to show in a report when no language matters. */
  label: string | null;
  code: string | null;
  population: number | null;
  households: number | null;
}

export function readFeatureProperties(
  props: Record<string, unknown>,
  featureId: unknown,
  choices: PropertyChoices,
  fileLanguage: Language,
): FeatureFacts {
  const name: LocalizedText = {};
  if (choices.nameProperty) {
    const value = textOf(props[choices.nameProperty]);
    if (value) name[fileLanguage] = value;
  } else {
    for (const language of LANGUAGES) {
      const value = textOf(props[`name_${language}`]) ?? textOf(props[`naam_${language}`]);
      if (value) name[language] = value;
    }
    if (Object.keys(name).length === 0) {
      const value = firstOf(props, NAME_KEYS, textOf);
      if (value) name[fileLanguage] = value;
    }
  }
  const label = name[fileLanguage] ?? Object.values(name)[0] ?? null;
  const code = choices.codeProperty
    ? textOf(props[choices.codeProperty])
    : (firstOf(props, CODE_KEYS, textOf) ?? textOf(featureId) ?? (label ? slugify(label) : null));
  return {
    name,
    label,
    code,
    population: choices.populationProperty
      ? countOf(props[choices.populationProperty])
      : firstOf(props, POPULATION_KEYS, countOf),
    households: choices.householdsProperty
      ? countOf(props[choices.householdsProperty])
      : firstOf(props, HOUSEHOLD_KEYS, countOf),
  };
}
