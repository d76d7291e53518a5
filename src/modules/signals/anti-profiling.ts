/**
 * The anti-profiling rule (DESIGN.md, "Privacy" 5) for categories about
 * suspicious people or behaviour. The form asks, in this order, what the
 * person *did*, where and when; a description of the person comes last and
 * is optional. A report whose account of behaviour is missing, or is only
 * about appearance, origin or mere presence, is refused: "a man with a
 * hoodie walked down our street" is not a reason for police attention,
 * "tried the door handles of three cars" is.
 *
 * The rule (see docs/signals.md, "Anti-profiling rule"):
 *  - at least 20 characters;
 *  - a mention of origin, skin colour or "not from here" needs a word of
 *    conduct (an act: tried, opened, filmed, threatened…) whatever the length;
 *  - without a word of conduct, a text is refused when it is short (< 60
 *    characters) or when appearance words make up 15 % or more of it.
 * Walking, standing, staying or hanging around are presence, not conduct.
 * A long account without a listed act still passes: the rule must not block
 * honest reports written in other words.
 */

/** Origin, skin colour and belonging: matched as the start of a word. */
const originStems = [
  // nl
  'marokkan',
  'turk',
  'allochto',
  'buitenland',
  'vreemdeling',
  'zigeuner',
  'afrikan',
  'arabi',
  'asielzoek',
  'migrant',
  'getint',
  'kleurling',
  // fr
  'étranger',
  'étrangère',
  'etranger',
  'maghréb',
  'maghreb',
  'arabe',
  'basané',
  'basane',
  'africain',
  'gitan',
  // de
  'ausländ',
  'südländ',
  'dunkelhäutig',
  'arabisch',
  'afrikanisch',
  'zigeun',
  // en
  'foreign',
  'immigrant',
  'gypsy',
  'arab',
  'african',
  'dark-skinned',
  'darkskinned',
];

/** Phrases of not belonging. */
const belongingPhrases = [
  'niet van hier',
  'horen hier niet',
  'hoort hier niet',
  'niet thuis hier',
  "pas d'ici",
  'pas du quartier',
  "n'ont rien à faire ici",
  'nicht von hier',
  'gehören nicht hierher',
  'not from here',
  "don't belong",
  'do not belong',
  'do not live here',
  "don't live here",
];

/** Appearance: matched as whole words. */
const appearanceWords = new Set([
  // nl
  'zwart',
  'zwarte',
  'wit',
  'witte',
  'donker',
  'donkere',
  'bruin',
  'bruine',
  'kap',
  'kapuchon',
  'hoodie',
  'trainingspak',
  'jongere',
  'jongeren',
  'jongen',
  'jongens',
  'man',
  'mannen',
  'vrouw',
  'vrouwen',
  'baard',
  'hoofddoek',
  'tatoeage',
  'petje',
  'pet',
  // fr
  'noir',
  'noire',
  'noirs',
  'blanc',
  'blanche',
  'capuche',
  'survêtement',
  'jeune',
  'jeunes',
  'homme',
  'hommes',
  'femme',
  'femmes',
  'barbe',
  'voile',
  'casquette',
  'origine',
  // de
  'schwarz',
  'schwarzer',
  'schwarze',
  'weiß',
  'weißer',
  'dunkel',
  'dunkler',
  'kapuze',
  'kapuzenpulli',
  'jogginganzug',
  'jugendlicher',
  'jugendliche',
  'mann',
  'männer',
  'frau',
  'frauen',
  'bart',
  'kopftuch',
  'mütze',
  // en
  'black',
  'white',
  'brown',
  'hoodie',
  'hood',
  'tracksuit',
  'youth',
  'youths',
  'guy',
  'guys',
  'man',
  'men',
  'woman',
  'women',
  'beard',
  'headscarf',
  'looking',
  'dressed',
  'wearing',
  'cap',
]);

/** Acts: matched as the start of a word (conjugations differ). */
const conductStems = [
  // nl
  'probeer',
  'gluur',
  'trok',
  'trokk',
  'opende',
  'openden',
  'brak',
  'breek',
  'inbr',
  'klom',
  'klim',
  'rende',
  'renden',
  'fotografe',
  'filmde',
  'filmt',
  'noteerde',
  'belde',
  'aangebeld',
  'duwde',
  'gooide',
  'sloeg',
  'verkoch',
  'dealde',
  'deald',
  'stal',
  'stelen',
  'steelt',
  'rammel',
  'controleerde',
  'volgde',
  'achtervolg',
  'bedreig',
  'schreeuw',
  'vocht',
  'trapte',
  'bekladd',
  'beschadig',
  'vernield',
  'doorzocht',
  'forceer',
  'wrik',
  'spoot',
  'keek',
  'keken',
  // fr
  'essay',
  'regardait',
  'tirait',
  'ouvr',
  'cass',
  'forç',
  'forc',
  'grimp',
  'escalad',
  'photographi',
  'filmai',
  'sonn',
  'pouss',
  'jeté',
  'jetait',
  'jetaient',
  'frapp',
  'vendai',
  'volé',
  'volait',
  'volaient',
  'secou',
  'suivai',
  'menaç',
  'menac',
  'criait',
  'criaient',
  'crié',
  'fouill',
  'tagu',
  'dégrad',
  // de
  'versuch',
  'spähte',
  'zog',
  'öffne',
  'brach',
  'einbr',
  'kletter',
  'rannte',
  'fotografier',
  'filmte',
  'klingel',
  'drückte',
  'warf',
  'schlug',
  'verkauf',
  'stahl',
  'rüttel',
  'folgte',
  'verfolg',
  'bedroh',
  'schrie',
  'prügel',
  'beschmier',
  'beschädig',
  'durchsuch',
  'aufgebrochen',
  'schaute',
  // en
  'tried',
  'trying',
  'peer',
  'pulled',
  'opened',
  'opening',
  'broke',
  'break',
  'climb',
  'ran off',
  'photograph',
  'filmed',
  'filming',
  'rang the',
  'ringing',
  'pushed',
  'threw',
  'throwing',
  'hit',
  'sold',
  'selling',
  'dealing',
  'stole',
  'steal',
  'rattl',
  'checked',
  'checking',
  'followed',
  'following',
  'threaten',
  'shout',
  'fought',
  'fighting',
  'kicked',
  'kicking',
  'sprayed',
  'damag',
  'smashed',
  'forced',
  'looked into',
];

export type BehaviourProblem = 'behaviour_missing' | 'behaviour_too_short' | 'appearance_only';

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, ''))
    .filter(Boolean);
}

function startsAny(allWords: string[], stems: readonly string[]): boolean {
  return allWords.some((word) => stems.some((stem) => !stem.includes(' ') && word.startsWith(stem)));
}

function hasPhrase(lower: string, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => lower.includes(phrase));
}

/** Null when the account of behaviour is acceptable; otherwise what is wrong with it. */
export function checkBehaviourAccount(behaviour: string | undefined | null): BehaviourProblem | null {
  const text = (behaviour ?? '').trim();
  if (text.length === 0) return 'behaviour_missing';
  if (text.length < 20) return 'behaviour_too_short';
  const lower = text.toLowerCase().replace(/’/g, "'");
  const all = words(lower);
  // French elisions ("d'origine", "l'étranger") hide the word after the apostrophe.
  const expanded = all.flatMap((w) => (w.includes("'") ? [w, ...w.split("'")] : [w]));
  const conduct =
    startsAny(expanded, conductStems) ||
    hasPhrase(
      lower,
      conductStems.filter((s) => s.includes(' ')),
    );
  if (conduct) return null;
  const origin = startsAny(expanded, originStems) || hasPhrase(lower, belongingPhrases);
  if (origin) return 'appearance_only';
  const appearance = expanded.filter((w) => appearanceWords.has(w)).length;
  if (appearance / Math.max(all.length, 1) >= 0.15) return 'appearance_only';
  if (text.length < 60) return 'appearance_only';
  return null;
}
