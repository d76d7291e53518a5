/**
 * The anti-profiling rule (DESIGN.md, "Privacy" 5) for categories about
 * suspicious people or behaviour. The form asks, in this order, what the
 * person *did*, where and when; a description of the person comes last and
 * is optional. A report whose account of behaviour is missing, or is only a
 * description of appearance, is refused: "a man with a hoodie" is not a
 * reason for police attention, "tried the door handles of three cars" is.
 *
 * Checks: the behaviour text must hold at least 20 characters and at least
 * one verb-like word of action from a short list per language, or be long
 * enough (60+ characters) to be an account; and it must not consist mainly of
 * appearance words (skin colour, origin, clothing, age, build).
 */

const appearanceWords = [
  // nl
  'zwart',
  'zwarte',
  'wit',
  'witte',
  'donker',
  'donkere',
  'getint',
  'getinte',
  'allochtoon',
  'allochtone',
  'buitenlander',
  'buitenlanders',
  'marokkaan',
  'marokkaanse',
  'roma',
  'zigeuner',
  'hoodie',
  'kap',
  'kapuchon',
  'trainingspak',
  'jongere',
  'jongeren',
  'man',
  'vrouw',
  'baard',
  'hoofddoek',
  // fr
  'noir',
  'noire',
  'blanc',
  'blanche',
  'basané',
  'basanée',
  'étranger',
  'étrangers',
  'arabe',
  'maghrébin',
  'rom',
  'capuche',
  'survêtement',
  'jeune',
  'jeunes',
  'homme',
  'femme',
  'barbe',
  'voile',
  // de
  'schwarz',
  'schwarzer',
  'weiß',
  'weißer',
  'dunkel',
  'dunkler',
  'ausländer',
  'südländisch',
  'südländer',
  'kapuze',
  'kapuzenpulli',
  'jogginganzug',
  'jugendlicher',
  'jugendliche',
  'mann',
  'frau',
  'bart',
  'kopftuch',
  // en
  'black',
  'white',
  'dark-skinned',
  'brown',
  'foreigner',
  'foreigners',
  'foreign',
  'gypsy',
  'hoodie',
  'hood',
  'tracksuit',
  'youth',
  'youths',
  'guy',
  'man',
  'woman',
  'beard',
  'headscarf',
  'looked',
  'looking',
  'dressed',
  'wearing',
];

const actionWords = [
  // nl
  'probeerde',
  'probeert',
  'keek',
  'gluurde',
  'trok',
  'opende',
  'brak',
  'klom',
  'klimt',
  'liep',
  'rende',
  'bleef',
  'stond',
  'reed',
  'fotografeerde',
  'filmde',
  'belde',
  'droeg',
  'duwde',
  'gooide',
  'sloeg',
  'verkocht',
  'dealde',
  'ruilde',
  'stal',
  'nam',
  'tilde',
  'rammelde',
  'voelde',
  'controleerde',
  'volgde',
  'bedreigde',
  // fr
  'essayait',
  'essayé',
  'regardait',
  'tirait',
  'ouvrait',
  'ouvert',
  'cassé',
  'grimpé',
  'escaladé',
  'marchait',
  'couru',
  'restait',
  'roulait',
  'photographiait',
  'filmait',
  'poussait',
  'jeté',
  'frappé',
  'vendait',
  'volé',
  'pris',
  'secouait',
  'suivait',
  'menacé',
  'forcé',
  // de
  'versuchte',
  'schaute',
  'spähte',
  'zog',
  'öffnete',
  'brach',
  'kletterte',
  'lief',
  'rannte',
  'blieb',
  'stand',
  'fuhr',
  'fotografierte',
  'filmte',
  'drückte',
  'warf',
  'schlug',
  'verkaufte',
  'stahl',
  'nahm',
  'rüttelte',
  'folgte',
  'bedrohte',
  // en
  'tried',
  'trying',
  'looked into',
  'peered',
  'pulled',
  'opened',
  'broke',
  'climbed',
  'walked',
  'ran',
  'stayed',
  'stood',
  'drove',
  'photographed',
  'filmed',
  'pushed',
  'threw',
  'hit',
  'sold',
  'dealing',
  'stole',
  'took',
  'rattled',
  'checked',
  'followed',
  'threatened',
  'forced',
];

export type BehaviourProblem = 'behaviour_missing' | 'behaviour_too_short' | 'appearance_only';

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);
}

/** Null when the account of behaviour is acceptable; otherwise what is wrong with it. */
export function checkBehaviourAccount(behaviour: string | undefined | null): BehaviourProblem | null {
  const text = (behaviour ?? '').trim();
  if (text.length === 0) return 'behaviour_missing';
  if (text.length < 20) return 'behaviour_too_short';
  const all = words(text);
  const lower = text.toLowerCase();
  const hasAction = actionWords.some((w) => (w.includes(' ') ? lower.includes(w) : all.includes(w)));
  const appearance = all.filter((w) => appearanceWords.includes(w)).length;
  // Mostly appearance and no action at all: a description of a person, not of what they did.
  if (!hasAction && appearance > 0 && appearance / all.length >= 0.15) return 'appearance_only';
  if (!hasAction && text.length < 60) return 'appearance_only';
  return null;
}
