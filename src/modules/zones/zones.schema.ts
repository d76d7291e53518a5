/** Request and response schemas of the zone routes; types are inferred from them. */
import { Type, type Static, type TSchema } from 'typebox';

export const LanguageSchema = Type.Union([
  Type.Literal('nl'),
  Type.Literal('fr'),
  Type.Literal('de'),
  Type.Literal('en'),
]);

export const LocalizedTextSchema = Type.Object(
  {
    nl: Type.Optional(Type.String({ maxLength: 20000 })),
    fr: Type.Optional(Type.String({ maxLength: 20000 })),
    de: Type.Optional(Type.String({ maxLength: 20000 })),
    en: Type.Optional(Type.String({ maxLength: 20000 })),
  },
  { additionalProperties: false },
);

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ZoneContactSchema = Type.Object(
  {
    phone: Nullable(Type.String({ maxLength: 40 })),
    email: Nullable(Type.String({ format: 'email', maxLength: 200 })),
    address: Nullable(Type.String({ maxLength: 300 })),
    website: Nullable(Type.String({ format: 'uri', maxLength: 300 })),
    openingHours: LocalizedTextSchema,
  },
  { additionalProperties: false },
);

const Colour = Type.String({ pattern: '^#[0-9a-fA-F]{6}$' });

export const ZoneBrandingSchema = Type.Object(
  {
    logoUrl: Nullable(Type.String({ maxLength: 500, pattern: '^(https://|/)' })),
    primaryColour: Colour,
    accentColour: Colour,
  },
  { additionalProperties: false },
);

export const ZoneLegalSchema = Type.Object(
  { privacyNotice: LocalizedTextSchema, terms: LocalizedTextSchema },
  { additionalProperties: false },
);

export const SignalSettingsSchema = Type.Object(
  {
    duplicateRadiusM: Type.Integer({
      minimum: 25,
      maximum: 5000,
      description: 'Nearby open signals shown while reporting: within this distance (m)',
    }),
    duplicateWindowDays: Type.Integer({
      minimum: 1,
      maximum: 365,
      description: '…and reported within these many days',
    }),
    anonymityHouseholds: Type.Integer({
      minimum: 8,
      maximum: 1000,
      description: 'k: households a public point must stand for (at least 8)',
    }),
    smallCountThreshold: Type.Integer({
      minimum: 3,
      maximum: 50,
      description: 'Counts below this are published as "fewer than"',
    }),
    questionnaireDelayDays: Type.Integer({
      minimum: 1,
      maximum: 180,
      description: 'Days after closing before the reporter is asked whether it was solved',
    }),
    digestHour: Type.Integer({
      minimum: 0,
      maximum: 23,
      description: "Hour (zone time) of the officers' daily digest",
    }),
  },
  { additionalProperties: false },
);

export const ZoneParams = Type.Object({ zone: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) });

export const PublicZone = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  languages: Type.Array(LanguageSchema),
  defaultLanguage: LanguageSchema,
  timeZone: Type.String(),
  projection: Type.String(),
  contact: ZoneContactSchema,
  branding: ZoneBrandingSchema,
  legal: ZoneLegalSchema,
  signalSettings: SignalSettingsSchema,
  isDemo: Type.Boolean(),
  hasAddresses: Type.Boolean(),
});
export type PublicZone = Static<typeof PublicZone>;

export const ZoneSummary = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  isDemo: Type.Boolean(),
});

export const CreateZoneBody = Type.Object(
  {
    slug: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }),
    name: Type.String({ minLength: 2, maxLength: 120 }),
    languages: Type.Array(LanguageSchema, { minItems: 1, maxItems: 4, uniqueItems: true }),
    defaultLanguage: LanguageSchema,
    timeZone: Type.String({ minLength: 3, maxLength: 60 }),
    projection: Type.String({ pattern: '^EPSG:\\d{4,5}$' }),
    contact: Type.Optional(ZoneContactSchema),
  },
  { additionalProperties: false },
);
export type CreateZoneBody = Static<typeof CreateZoneBody>;

export const UpdateZoneSettingsBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })),
    languages: Type.Optional(Type.Array(LanguageSchema, { minItems: 1, maxItems: 4, uniqueItems: true })),
    defaultLanguage: Type.Optional(LanguageSchema),
    timeZone: Type.Optional(Type.String({ minLength: 3, maxLength: 60 })),
    contact: Type.Optional(ZoneContactSchema),
    branding: Type.Optional(ZoneBrandingSchema),
    legal: Type.Optional(ZoneLegalSchema),
    signalSettings: Type.Optional(Type.Partial(SignalSettingsSchema, { additionalProperties: false })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateZoneSettingsBody = Static<typeof UpdateZoneSettingsBody>;
