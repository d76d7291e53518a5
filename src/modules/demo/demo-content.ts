/**
 * The fictional parts of the demo zone: districts grouping Ghent's real
 * neighbourhoods, officers, demo accounts and legal texts. Names are made up;
 * phone numbers and addresses use reserved example ranges.
 */
import type { LocalizedText, Role } from '../../platform/database/tables.ts';

export const DEMO_ZONE_SLUG = 'gent';

export const demoDistricts: { code: string; name: LocalizedText; neighbourhoods: string[] }[] = [
  {
    code: 'district-centrum',
    name: {
      nl: 'Wijkpost Centrum',
      fr: 'Poste de quartier Centre',
      de: 'Revier Zentrum',
      en: 'City Centre district',
    },
    neighbourhoods: [
      'Binnenstad',
      'Stationsbuurt Noord',
      'Stationsbuurt Zuid',
      'Elisabethbegijnhof - Papegaai',
      'Macharius - Heirnis',
      'Sluizeken - Tolhuis - Ham',
      'Watersportbaan - Ekkergem',
    ],
  },
  {
    code: 'district-noord',
    name: { nl: 'Wijkpost Noord', fr: 'Poste de quartier Nord', de: 'Revier Nord', en: 'North district' },
    neighbourhoods: [
      'Kanaaldorpen en -zone',
      'Muide - Meulestede - Afrikalaan',
      'Wondelgem',
      'Dampoort',
      'Sint Amandsberg',
      'Oostakker',
    ],
  },
  {
    code: 'district-zuidoost',
    name: {
      nl: 'Wijkpost Zuidoost',
      fr: 'Poste de quartier Sud-Est',
      de: 'Revier Südost',
      en: 'South-East district',
    },
    neighbourhoods: [
      'Gentbrugge',
      'Oud Gentbrugge',
      'Ledeberg',
      'Moscou - Vogelhoek',
      'Nieuw Gent - UZ',
      'Zwijnaarde',
    ],
  },
  {
    code: 'district-west',
    name: { nl: 'Wijkpost West', fr: 'Poste de quartier Ouest', de: 'Revier West', en: 'West district' },
    neighbourhoods: [
      'Brugse Poort - Rooigem',
      'Bloemekenswijk',
      'Rabot - Blaisantvest',
      'Mariakerke',
      'Drongen',
      'Sint Denijs Westrem',
    ],
  },
];

const inspector: LocalizedText = {
  nl: 'Wijkinspecteur',
  fr: 'Inspecteur de quartier',
  de: 'Bezirksinspektor',
  en: 'Neighbourhood inspector',
};

/** Fictional officers and the neighbourhoods they cover (usual officer; deputy is the next officer in the district). */
export const demoOfficers: { name: string; phone: string; neighbourhoods: string[] }[] = [
  { name: 'Sarah De Smet', phone: '+32 9 000 10 01', neighbourhoods: ['Binnenstad'] },
  {
    name: 'Karim El Amrani',
    phone: '+32 9 000 10 02',
    neighbourhoods: ['Stationsbuurt Noord', 'Stationsbuurt Zuid'],
  },
  {
    name: 'Lotte Vermeulen',
    phone: '+32 9 000 10 03',
    neighbourhoods: ['Elisabethbegijnhof - Papegaai', 'Watersportbaan - Ekkergem'],
  },
  {
    name: 'Jan Claeys',
    phone: '+32 9 000 10 04',
    neighbourhoods: ['Macharius - Heirnis', 'Sluizeken - Tolhuis - Ham'],
  },
  {
    name: 'Nadia Peeters',
    phone: '+32 9 000 10 05',
    neighbourhoods: ['Muide - Meulestede - Afrikalaan', 'Kanaaldorpen en -zone'],
  },
  { name: 'Tom Janssens', phone: '+32 9 000 10 06', neighbourhoods: ['Wondelgem', 'Dampoort'] },
  { name: 'Eva Maes', phone: '+32 9 000 10 07', neighbourhoods: ['Sint Amandsberg', 'Oostakker'] },
  { name: 'Youssef Benali', phone: '+32 9 000 10 08', neighbourhoods: ['Gentbrugge', 'Oud Gentbrugge'] },
  { name: 'Ine Willems', phone: '+32 9 000 10 09', neighbourhoods: ['Ledeberg', 'Moscou - Vogelhoek'] },
  { name: 'Pieter Goossens', phone: '+32 9 000 10 10', neighbourhoods: ['Nieuw Gent - UZ', 'Zwijnaarde'] },
  {
    name: 'Marie Dubois',
    phone: '+32 9 000 10 11',
    neighbourhoods: ['Brugse Poort - Rooigem', 'Bloemekenswijk'],
  },
  { name: 'Bram Wouters', phone: '+32 9 000 10 12', neighbourhoods: ['Rabot - Blaisantvest', 'Mariakerke'] },
  // Drongen and Sint Denijs Westrem have no officer in the demo: the lookup shows how to reach the zone instead.
].map((o) => ({ ...o }));

export const demoOfficerTitle = inspector;

/** This officer is absent in the demo, so their neighbourhoods show the deputy. */
export const demoAbsentOfficer = 'Karim El Amrani';

export const demoAccounts: { email: string; name: string; role: Role }[] = [
  { email: 'admin@demo.nabij.example', name: 'Demo administrator', role: 'administrator' },
  { email: 'officer@demo.nabij.example', name: 'Sarah De Smet', role: 'officer' },
  { email: 'analyst@demo.nabij.example', name: 'Demo analyst', role: 'analyst' },
  { email: 'dpo@demo.nabij.example', name: 'Demo data-protection officer', role: 'data_protection_officer' },
  { email: 'supervisor@demo.nabij.example', name: 'Demo supervisor', role: 'supervisor' },
];

/** Shown on the login page in demo mode only; demo accounts exist only in demo zones. */
export const DEMO_PASSWORD = 'nabij-demo-2026';

export const demoLegal: { privacyNotice: LocalizedText; terms: LocalizedText } = {
  privacyNotice: {
    nl: 'Dit is een demonstratie. Gegevens die je hier invoert, zijn niet beschermd en kunnen op elk moment gewist worden. In een echte zone beschrijft deze tekst welke persoonsgegevens de politiezone verwerkt, waarom, hoe lang ze bewaard worden en hoe je je rechten uitoefent (wet van 30 juli 2018, AVG).',
    fr: 'Ceci est une démonstration. Les données saisies ici ne sont pas protégées et peuvent être effacées à tout moment. Dans une vraie zone, ce texte décrit quelles données personnelles la zone de police traite, pourquoi, combien de temps elles sont conservées et comment exercer vos droits (loi du 30 juillet 2018, RGPD).',
    de: 'Dies ist eine Demonstration. Hier eingegebene Daten sind nicht geschützt und können jederzeit gelöscht werden. In einer echten Zone beschreibt dieser Text, welche personenbezogenen Daten die Polizeizone verarbeitet, warum, wie lange sie gespeichert werden und wie Sie Ihre Rechte ausüben (Gesetz vom 30. Juli 2018, DSGVO).',
    en: 'This is a demonstration. Data entered here is not protected and may be erased at any time. In a real zone this text describes which personal data the police zone processes, why, how long it is kept and how to exercise your rights (law of 30 July 2018, GDPR).',
  },
  terms: {
    nl: 'Nabij is geen noodnummer. Bel 112 bij levensbedreigende nood en 101 voor dringende politiehulp. Deze demo gebruikt echte wijkgrenzen van Gent maar fictieve inspecteurs.',
    fr: "Nabij n'est pas un numéro d'urgence. Appelez le 112 en cas d'urgence vitale et le 101 pour une aide policière urgente. Cette démo utilise les vrais quartiers de Gand mais des agents fictifs.",
    de: 'Nabij ist keine Notrufnummer. Rufen Sie bei Lebensgefahr 112 und für dringende Polizeihilfe 101 an. Diese Demo verwendet echte Viertelgrenzen von Gent, aber fiktive Beamte.',
    en: 'Nabij is not an emergency service. Call 112 in a life-threatening emergency and 101 for urgent police help. This demo uses the real neighbourhoods of Ghent but fictional officers.',
  },
};

/**
 * A few public addresses (squares and landmarks; positions approximate) so the
 * demo can show the officer lookup by address. A real zone imports its full
 * address list with `npm run cli -- import-addresses`.
 */
export const demoAddresses: { street: string; houseNumber: string; lon: number; lat: number }[] = [
  { street: 'Korenmarkt', houseNumber: '1', lon: 3.7215, lat: 51.0546 },
  { street: 'Emile Braunplein', houseNumber: '1', lon: 3.7242, lat: 51.0539 },
  { street: 'Vrijdagmarkt', houseNumber: '1', lon: 3.726, lat: 51.0575 },
  { street: 'Sint-Veerleplein', houseNumber: '11', lon: 3.7204, lat: 51.0573 },
  { street: 'Kouter', houseNumber: '1', lon: 3.725, lat: 51.0508 },
  { street: 'Koningin Maria Hendrikaplein', houseNumber: '1', lon: 3.7105, lat: 51.0357 },
  { street: 'Jan Hoetplein', houseNumber: '1', lon: 3.7222, lat: 51.0376 },
  { street: 'Oktrooiplein', houseNumber: '10', lon: 3.7405, lat: 51.0563 },
  { street: 'Ledebergplein', houseNumber: '1', lon: 3.7377, lat: 51.0385 },
];
