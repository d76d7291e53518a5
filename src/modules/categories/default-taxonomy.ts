/**
 * The taxonomy of safety and livability a new zone starts with (DESIGN.md,
 * "Category"), the statuses of a signal with their types, the allowed
 * transitions between them, and answer templates. Administrators edit them
 * afterwards; these are only the starting point.
 */
import type {
  CategoryKind,
  CategoryQuestion,
  LocalizedText,
  StatusType,
} from '../../platform/database/tables.ts';

export interface DefaultCategory {
  code: string;
  name: LocalizedText;
  kind: CategoryKind;
  isPublic: boolean;
  isSensitive?: boolean;
  isUrgent?: boolean;
  asksBehaviour?: boolean;
  blockingNotice?: LocalizedText;
  questions?: CategoryQuestion[];
  answerTargetDays: number;
}

const emergencyNotice: LocalizedText = {
  nl: 'Is het nu aan de gang of is iemand in gevaar? Bel meteen 112 (nood) of 101 (politie). Dit formulier wordt niet meteen gelezen.',
  fr: "Est-ce en cours ou quelqu'un est-il en danger ? Appelez immédiatement le 112 (urgence) ou le 101 (police). Ce formulaire n'est pas lu immédiatement.",
  de: 'Passiert es gerade oder ist jemand in Gefahr? Rufen Sie sofort 112 (Notruf) oder 101 (Polizei) an. Dieses Formular wird nicht sofort gelesen.',
  en: 'Is it happening now or is someone in danger? Call 112 (emergency) or 101 (police) straight away. This form is not read immediately.',
};

const violenceNotice: LocalizedText = {
  nl: 'Geweld in het gezin of seksueel geweld meld je niet via dit formulier. Bel 101 of bij gevaar 112, of contacteer 1712 (gratis, anoniem) of een Zorgcentrum na Seksueel Geweld.',
  fr: 'Les violences intrafamiliales ou sexuelles ne se signalent pas via ce formulaire. Appelez le 101 ou, en cas de danger, le 112, ou contactez le 0800 30 030 (gratuit, anonyme) ou un Centre de prise en charge des violences sexuelles.',
  de: 'Häusliche oder sexuelle Gewalt melden Sie nicht über dieses Formular. Rufen Sie 101 oder bei Gefahr 112 an, oder wenden Sie sich an eine Hilfestelle (kostenlos, anonym) oder ein Zentrum für Opfer sexueller Gewalt.',
  en: 'Do not report domestic or sexual violence with this form. Call 101, or 112 if there is danger, or contact a free and anonymous helpline or a sexual violence care centre.',
};

const vehicleQuestion: CategoryQuestion = {
  code: 'vehicle_type',
  label: { nl: 'Welk voertuig?', fr: 'Quel véhicule ?', de: 'Welches Fahrzeug?', en: 'Which vehicle?' },
  type: 'singlevaluelist',
  required: false,
  options: [
    { key: 'car', label: { nl: 'Auto', fr: 'Voiture', de: 'Auto', en: 'Car' } },
    { key: 'bicycle', label: { nl: 'Fiets', fr: 'Vélo', de: 'Fahrrad', en: 'Bicycle' } },
    {
      key: 'motorbike',
      label: {
        nl: 'Bromfiets of motor',
        fr: 'Cyclomoteur ou moto',
        de: 'Moped oder Motorrad',
        en: 'Moped or motorbike',
      },
    },
    { key: 'other', label: { nl: 'Ander', fr: 'Autre', de: 'Anderes', en: 'Other' } },
  ],
};

export const defaultCategories: DefaultCategory[] = [
  {
    code: 'burglary',
    kind: 'crime',
    isPublic: true,
    answerTargetDays: 5,
    name: { nl: 'Inbraak', fr: 'Cambriolage', de: 'Einbruch', en: 'Burglary' },
  },
  {
    code: 'vehicle-crime',
    kind: 'crime',
    isPublic: true,
    answerTargetDays: 7,
    questions: [vehicleQuestion],
    name: {
      nl: 'Diefstal van of uit voertuig',
      fr: 'Vol de ou dans un véhicule',
      de: 'Diebstahl von oder aus Fahrzeug',
      en: 'Vehicle crime',
    },
  },
  {
    code: 'drugs',
    kind: 'crime',
    isPublic: true,
    answerTargetDays: 10,
    name: { nl: 'Drugs', fr: 'Drogues', de: 'Drogen', en: 'Drugs' },
  },
  {
    code: 'vandalism',
    kind: 'crime',
    isPublic: true,
    answerTargetDays: 10,
    name: { nl: 'Vandalisme', fr: 'Vandalisme', de: 'Vandalismus', en: 'Vandalism' },
  },
  {
    code: 'suspicious-behaviour',
    kind: 'crime',
    isPublic: false,
    asksBehaviour: true,
    answerTargetDays: 3,
    name: {
      nl: 'Verdacht gedrag',
      fr: 'Comportement suspect',
      de: 'Verdächtiges Verhalten',
      en: 'Suspicious behaviour',
    },
  },
  {
    code: 'noise',
    kind: 'livability',
    isPublic: true,
    answerTargetDays: 14,
    name: { nl: 'Geluidsoverlast', fr: 'Nuisances sonores', de: 'Lärmbelästigung', en: 'Noise' },
  },
  {
    code: 'dumping',
    kind: 'livability',
    isPublic: true,
    answerTargetDays: 14,
    name: { nl: 'Sluikstort', fr: 'Dépôt clandestin', de: 'Illegale Müllablagerung', en: 'Fly-tipping' },
  },
  {
    code: 'speeding',
    kind: 'livability',
    isPublic: true,
    answerTargetDays: 21,
    name: { nl: 'Te snel rijden', fr: 'Vitesse excessive', de: 'Zu schnelles Fahren', en: 'Speeding' },
    questions: [
      {
        code: 'time_of_day',
        label: {
          nl: 'Wanneer meestal?',
          fr: 'Quand le plus souvent ?',
          de: 'Wann meistens?',
          en: 'When mostly?',
        },
        type: 'singlevaluelist',
        required: false,
        options: [
          { key: 'morning', label: { nl: "'s Ochtends", fr: 'Le matin', de: 'Morgens', en: 'Mornings' } },
          { key: 'day', label: { nl: 'Overdag', fr: 'En journée', de: 'Tagsüber', en: 'During the day' } },
          { key: 'evening', label: { nl: "'s Avonds", fr: 'Le soir', de: 'Abends', en: 'Evenings' } },
          { key: 'night', label: { nl: "'s Nachts", fr: 'La nuit', de: 'Nachts', en: 'At night' } },
        ],
      },
    ],
  },
  {
    code: 'youth-nuisance',
    kind: 'livability',
    isPublic: true,
    answerTargetDays: 14,
    name: {
      nl: 'Overlast door jongeren',
      fr: 'Nuisances causées par des jeunes',
      de: 'Belästigung durch Jugendliche',
      en: 'Youth nuisance',
    },
  },
  {
    code: 'feeling-unsafe',
    kind: 'livability',
    isPublic: true,
    answerTargetDays: 14,
    name: {
      nl: 'Onveiligheidsgevoel',
      fr: "Sentiment d'insécurité",
      de: 'Unsicherheitsgefühl',
      en: 'Feeling unsafe',
    },
  },
  {
    code: 'domestic-violence',
    kind: 'crime',
    isPublic: false,
    isSensitive: true,
    isUrgent: true,
    answerTargetDays: 1,
    blockingNotice: violenceNotice,
    name: {
      nl: 'Intrafamiliaal of seksueel geweld',
      fr: 'Violences intrafamiliales ou sexuelles',
      de: 'Häusliche oder sexuelle Gewalt',
      en: 'Domestic or sexual violence',
    },
  },
  {
    code: 'in-progress',
    kind: 'other',
    isPublic: false,
    isUrgent: true,
    answerTargetDays: 1,
    blockingNotice: emergencyNotice,
    name: {
      nl: 'Iets dat nu gebeurt',
      fr: 'Quelque chose qui se passe maintenant',
      de: 'Etwas, das gerade passiert',
      en: 'Something happening now',
    },
  },
  {
    code: 'other',
    kind: 'other',
    isPublic: false,
    answerTargetDays: 14,
    name: { nl: 'Iets anders', fr: 'Autre chose', de: 'Etwas anderes', en: 'Something else' },
  },
];

export interface DefaultStatus {
  code: string;
  type: StatusType;
  initial?: boolean;
  name: LocalizedText;
}

export const defaultStatuses: DefaultStatus[] = [
  { code: 'new', type: 'open', initial: true, name: { nl: 'Nieuw', fr: 'Nouveau', de: 'Neu', en: 'New' } },
  {
    code: 'in_progress',
    type: 'open',
    name: { nl: 'In behandeling', fr: 'En cours de traitement', de: 'In Bearbeitung', en: 'In progress' },
  },
  {
    code: 'referred',
    type: 'open',
    name: {
      nl: 'Doorgegeven aan een partner',
      fr: 'Transmis à un partenaire',
      de: 'An einen Partner weitergegeben',
      en: 'Referred to a partner',
    },
  },
  {
    code: 'closed_answered',
    type: 'closed',
    name: {
      nl: 'Afgesloten: beantwoord',
      fr: 'Clôturé : réponse donnée',
      de: 'Abgeschlossen: beantwortet',
      en: 'Closed: answered',
    },
  },
  {
    code: 'closed_not_police',
    type: 'closed',
    name: {
      nl: 'Afgesloten: geen politiezaak',
      fr: 'Clôturé : pas du ressort de la police',
      de: 'Abgeschlossen: keine Polizeisache',
      en: 'Closed: not a police matter',
    },
  },
  {
    code: 'closed_no_action',
    type: 'closed',
    name: {
      nl: 'Afgesloten: geen verdere actie mogelijk',
      fr: 'Clôturé : aucune autre action possible',
      de: 'Abgeschlossen: keine weitere Maßnahme möglich',
      en: 'Closed: no further action possible',
    },
  },
  {
    code: 'closed_duplicate',
    type: 'closed',
    name: {
      nl: 'Afgesloten: dubbele melding',
      fr: 'Clôturé : signalement en double',
      de: 'Abgeschlossen: doppelte Meldung',
      en: 'Closed: duplicate',
    },
  },
  {
    code: 'fixed',
    type: 'fixed',
    name: {
      nl: 'Opgelost volgens de politie',
      fr: 'Résolu selon la police',
      de: 'Laut Polizei gelöst',
      en: 'Fixed according to the police',
    },
  },
];

const open = ['new', 'in_progress', 'referred'];
const closed = ['closed_answered', 'closed_not_police', 'closed_no_action', 'closed_duplicate'];

/** Open statuses move anywhere forward; closed and fixed can only be reopened. */
export const defaultTransitions: [string, string][] = [
  ...open.flatMap((from) =>
    [...open, ...closed, 'fixed']
      .filter((to) => to !== from && to !== 'new')
      .map((to): [string, string] => [from, to]),
  ),
  ...closed.map((from): [string, string] => [from, 'in_progress']),
  ['fixed', 'in_progress'],
];

export const defaultAnswerTemplates: { status: string; title: string; body: LocalizedText }[] = [
  {
    status: 'in_progress',
    title: 'Acknowledged',
    body: {
      nl: 'Bedankt voor je melding. Je wijkinspecteur bekijkt ze en houdt je op de hoogte.',
      fr: 'Merci pour votre signalement. Votre agent de quartier l’examine et vous tiendra informé(e).',
      de: 'Danke für Ihre Meldung. Ihr Bezirksbeamter prüft sie und hält Sie auf dem Laufenden.',
      en: 'Thank you for your report. Your neighbourhood officer is looking into it and will keep you informed.',
    },
  },
  {
    status: 'closed_not_police',
    title: 'Not a police matter',
    body: {
      nl: 'Dit valt niet onder de bevoegdheid van de politie. We hebben je melding doorgegeven aan de bevoegde dienst.',
      fr: 'Cela ne relève pas de la compétence de la police. Nous avons transmis votre signalement au service compétent.',
      de: 'Dies fällt nicht in die Zuständigkeit der Polizei. Wir haben Ihre Meldung an die zuständige Stelle weitergeleitet.',
      en: 'This is not a matter for the police. We have passed your report on to the service responsible.',
    },
  },
  {
    status: 'fixed',
    title: 'Fixed',
    body: {
      nl: 'Volgens ons is het probleem opgelost. Klopt dat niet? Laat het ons weten via je opvolglink.',
      fr: 'Selon nous, le problème est résolu. Ce n’est pas le cas ? Dites-le-nous via votre lien de suivi.',
      de: 'Nach unserer Einschätzung ist das Problem gelöst. Stimmt das nicht? Sagen Sie es uns über Ihren Link zur Verfolgung.',
      en: 'As far as we can tell the problem has been fixed. Is that not so? Tell us through your tracking link.',
    },
  },
];
