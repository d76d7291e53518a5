/** Schemas of the staff's work on signals: queue, detail, changes, notes, answers, moderation. */
import { literals } from '../../platform/http/literals.ts';
import { Type, type Static, type TSchema } from 'typebox';
import { LocalizedTextSchema } from '../zones/zones.schema.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });

export const QueueQuery = Type.Object({
  mine: Type.Optional(
    Type.Boolean({ description: 'Only signals assigned to me or in the neighbourhoods I cover.' }),
  ),
  areaId: Type.Optional(Uuid),
  officerId: Type.Optional(Uuid),
  statusType: Type.Optional(
    Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('fixed')]),
  ),
  statusId: Type.Optional(Uuid),
  category: Type.Optional(Type.String({ maxLength: 63 })),
  channel: Type.Optional(Type.String({ maxLength: 20 })),
  priority: Type.Optional(Type.String({ maxLength: 10 })),
  olderThanDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
  overdue: Type.Optional(Type.Boolean()),
  search: Type.Optional(
    Type.String({ maxLength: 60, description: 'Reference or words of the description.' }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type QueueQuery = Static<typeof QueueQuery>;

export const StatusView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  type: Type.String(),
  name: LocalizedTextSchema,
});

export const QueueItem = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  category: Type.Object({
    id: Type.String(),
    code: Type.String(),
    name: LocalizedTextSchema,
    isUrgent: Type.Boolean(),
  }),
  area: Nullable(Type.Object({ id: Type.String(), name: LocalizedTextSchema })),
  status: StatusView,
  priority: Type.String(),
  channel: Type.String(),
  assignedOfficer: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  createdAt: Type.String({ format: 'date-time' }),
  /** When the zone's answer-time target for the category runs out. */
  dueAt: Type.String({ format: 'date-time' }),
  overdue: Type.Boolean(),
  answered: Type.Boolean(),
  moderation: Type.String(),
  personalDataFlags: Type.Array(Type.String()),
  duplicateOf: Nullable(Type.String()),
});

export const SignalDetail = Type.Object({
  ...QueueItem.properties,
  description: Type.String(),
  answers: Type.Record(Type.String(), Type.Unknown()),
  location: Type.Object({ lon: Type.Number(), lat: Type.Number() }),
  publicPoint: Type.Object({ lon: Type.Number(), lat: Type.Number(), cellM: Type.Integer() }),
  occurredAt: Nullable(Type.String({ format: 'date-time' })),
  publicText: Nullable(Type.String()),
  suggestedPublicText: Type.String(),
  publicAnswer: Nullable(Type.String()),
  reporterFeedback: Nullable(Type.String()),
  reporterFeedbackComment: Nullable(Type.String()),
  hasReporterContact: Type.Boolean(),
  /** The language to answer in (the reporter's). */
  reporterLanguage: Type.String(),
  duplicateOfReference: Nullable(Type.String()),
  photos: Type.Array(Type.Object({ id: Type.String(), width: Type.Integer(), height: Type.Integer() })),
  duplicates: Type.Array(Type.Object({ id: Type.String(), reference: Type.String() })),
  allowedStatuses: Type.Array(StatusView),
  timeline: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Type.String({ format: 'date-time' }),
      kind: Type.String(),
      visibility: Type.String(),
      by: Nullable(Type.String()),
      data: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});

export const ReporterContact = Type.Object({
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  wantsUpdates: Type.Boolean(),
  consentShareWithPartner: Type.Boolean(),
});

export const UpdateSignalBody = Type.Object(
  {
    statusId: Type.Optional(Uuid),
    priority: Type.Optional(literals(['low', 'normal', 'high', 'urgent'] as const)),
    assignedOfficerId: Type.Optional(Nullable(Uuid)),
    categoryId: Type.Optional(Uuid),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSignalBody = Static<typeof UpdateSignalBody>;

export const NoteBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);

export const AnswerBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 5000 }),
    statusId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type AnswerBody = Static<typeof AnswerBody>;

export const ModerationBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
    publicText: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type ModerationBody = Static<typeof ModerationBody>;

export const DuplicateBody = Type.Object({ ofSignalId: Uuid }, { additionalProperties: false });

export const PhotoParams = Type.Object({
  zone: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }),
  signalId: Uuid,
  photoId: Uuid,
});
