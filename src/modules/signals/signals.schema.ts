/** Schemas of reporting, tracking and the public view of signals. */
import { literals } from '../../platform/http/literals.ts';
import { Type, type Static, type TSchema } from 'typebox';
import { LanguageSchema, LocalizedTextSchema } from '../zones/zones.schema.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const ZoneSlug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });

export const LocationInput = Type.Object(
  {
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
  },
  { additionalProperties: false },
);

export const PhotoInput = Type.Object(
  {
    /** Base64 of the image bytes (JPEG, PNG or WebP; at most 10 MB). */
    data: Type.String({ minLength: 16, maxLength: 14_000_000, pattern: '^[A-Za-z0-9+/=\\s]+$' }),
  },
  { additionalProperties: false },
);

export const ReporterInput = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    phone: Type.Optional(Type.String({ minLength: 6, maxLength: 30, pattern: '^[+0-9 ()./-]+$' })),
    wantsUpdates: Type.Optional(Type.Boolean({ default: true })),
    consentShareWithPartner: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);

const AnswerValue = Type.Union([
  Type.String({ maxLength: 1000 }),
  Type.Number(),
  Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 }),
]);

export const SubmitSignalBody = Type.Object(
  {
    category: Type.String({
      minLength: 1,
      maxLength: 63,
      description: 'Category code (Open311 service_code).',
    }),
    description: Type.String({
      minLength: 10,
      maxLength: 5000,
      description:
        'What happened. For categories about suspicious behaviour: what the person did, where and when.',
    }),
    personDescription: Type.Optional(
      Type.String({ maxLength: 500, description: 'Only for suspicious behaviour, optional, asked last.' }),
    ),
    location: LocationInput,
    occurredAt: Type.Optional(Type.String({ format: 'date-time' })),
    answers: Type.Optional(Type.Record(Type.String({ maxLength: 63 }), AnswerValue)),
    photos: Type.Optional(Type.Array(PhotoInput, { maxItems: 3 })),
    anonymous: Type.Optional(Type.Boolean({ default: false })),
    reporter: Type.Optional(ReporterInput),
    language: Type.Optional(LanguageSchema),
  },
  { additionalProperties: false },
);
export type SubmitSignalBody = Static<typeof SubmitSignalBody>;

export const StaffChannel = literals(['phone', 'counter', 'email', 'patrol', 'network'] as const);

export const RecordSignalBody = Type.Object(
  { ...SubmitSignalBody.properties, channel: StaffChannel },
  { additionalProperties: false },
);
export type RecordSignalBody = Static<typeof RecordSignalBody>;

export const SubmittedSignal = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  /** The private link to follow the signal: shown once, never stored in clear. */
  trackingUrl: Type.String(),
  trackingToken: Type.String(),
  areaId: Nullable(Type.String()),
  acknowledgement: Type.String(),
});

export const PublicStatus = Type.Object({
  type: Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('fixed')]),
  /** The status name (for closed ones: the reason) in every language. */
  name: LocalizedTextSchema,
});

export const ReporterFeedback = Nullable(Type.Union([Type.Literal('solved'), Type.Literal('not_solved')]));

/** A signal as the public may see it: no personal data, no exact location, moderated text only. */
export const PublicSignal = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  category: Type.Object({ code: Type.String(), name: LocalizedTextSchema }),
  areaId: Nullable(Type.String()),
  publicPoint: Type.Object({ lon: Type.Number(), lat: Type.Number(), cellM: Type.Integer() }),
  text: Nullable(Type.String()),
  status: PublicStatus,
  answer: Nullable(Type.String()),
  answeredAt: Nullable(Type.String({ format: 'date-time' })),
  reporterFeedback: ReporterFeedback,
  /** Day of reporting only. */
  reportedOn: Type.String({ format: 'date' }),
  duplicateOf: Nullable(Type.String()),
});
export type PublicSignal = Static<typeof PublicSignal>;

export const TimelineEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  kind: Type.String(),
  status: Nullable(PublicStatus),
  answer: Nullable(Type.String()),
  /** For the reporter's own feedback: whether they said it was solved. */
  solved: Nullable(Type.Boolean()),
});

export const TrackedSignal = Type.Object({
  ...PublicSignal.properties,
  /** The reporter's own words, for the reporter only (null for followers). */
  description: Nullable(Type.String()),
  occurredAt: Nullable(Type.String({ format: 'date-time' })),
  timeline: Type.Array(TimelineEntry),
  canGiveFeedback: Type.Boolean(),
  isFollower: Type.Boolean(),
  zone: Type.Object({ slug: Type.String(), name: Type.String() }),
  areaName: Nullable(LocalizedTextSchema),
});

export const TrackParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });

export const FeedbackBody = Type.Object(
  {
    solved: Type.Boolean(),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const FollowBody = Type.Object(
  {
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    language: Type.Optional(LanguageSchema),
  },
  { additionalProperties: false },
);

export const SignalParams = Type.Object({ zone: ZoneSlug, signalId: Type.String({ format: 'uuid' }) });

export const NearbySignal = Type.Object({ ...PublicSignal.properties, distanceM: Type.Integer() });

export const FollowResult = Type.Object({ trackingUrl: Type.String(), trackingToken: Type.String() });

export const PublicListQuery = Type.Object({
  areaId: Type.Optional(Type.String({ format: 'uuid' })),
  category: Type.Optional(Type.String({ maxLength: 63 })),
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('fixed')])),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  bbox: Type.Optional(Type.String({ pattern: '^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$' })),
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});

export const NearbyQuery = Type.Object({
  category: Type.String({ maxLength: 63 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
});

export const CountsQuery = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
});

export const PublicCounts = Type.Object({
  from: Type.String(),
  to: Type.String(),
  /** Counts below this are given as null with `fewerThan` set. */
  threshold: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      areaId: Nullable(Type.String()),
      category: Type.String(),
      count: Nullable(Type.Integer()),
      fewerThan: Nullable(Type.Integer()),
    }),
  ),
});
