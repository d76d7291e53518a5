/** Schemas of categories, statuses, answer templates and partner organisations. */
import { literals } from '../../platform/http/literals.ts';
import { Type, type Static, type TSchema } from 'typebox';
import { LocalizedTextSchema } from '../zones/zones.schema.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const ZoneSlug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });
const Uuid = Type.String({ format: 'uuid' });

export const QuestionSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }),
    label: LocalizedTextSchema,
    type: literals(['text', 'number', 'datetime', 'singlevaluelist', 'multivaluelist'] as const),
    required: Type.Boolean(),
    options: Type.Array(
      Type.Object(
        { key: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,62}$' }), label: LocalizedTextSchema },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);

export const KindSchema = Type.Union([
  Type.Literal('crime'),
  Type.Literal('livability'),
  Type.Literal('other'),
]);

/** What the report form needs to know about a category. */
export const PublicCategory = Type.Object({
  code: Type.String(),
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
  kind: KindSchema,
  isPublic: Type.Boolean(),
  asksBehaviour: Type.Boolean(),
  blockingNotice: Nullable(LocalizedTextSchema),
  questions: Type.Array(QuestionSchema),
  answerTargetDays: Type.Integer(),
});

export const AdminCategory = Type.Object({
  ...PublicCategory.properties,
  id: Type.String(),
  isSensitive: Type.Boolean(),
  isUrgent: Type.Boolean(),
  partnerId: Nullable(Type.String()),
  active: Type.Boolean(),
  sortOrder: Type.Integer(),
});

const categoryFields = {
  name: LocalizedTextSchema,
  description: Type.Optional(LocalizedTextSchema),
  kind: KindSchema,
  isPublic: Type.Boolean(),
  isSensitive: Type.Optional(Type.Boolean()),
  isUrgent: Type.Optional(Type.Boolean()),
  asksBehaviour: Type.Optional(Type.Boolean()),
  blockingNotice: Type.Optional(Nullable(LocalizedTextSchema)),
  partnerId: Type.Optional(Nullable(Uuid)),
  questions: Type.Optional(Type.Array(QuestionSchema, { maxItems: 20 })),
  answerTargetDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  active: Type.Optional(Type.Boolean()),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
};

export const CreateCategoryBody = Type.Object(
  { code: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,62}$' }), ...categoryFields },
  { additionalProperties: false },
);
export type CreateCategoryBody = Static<typeof CreateCategoryBody>;

export const UpdateCategoryBody = Type.Partial(Type.Object(categoryFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateCategoryBody = Static<typeof UpdateCategoryBody>;

export const CategoryParams = Type.Object({ zone: ZoneSlug, categoryId: Uuid });

export const StatusWithTransitions = Type.Object({
  id: Type.String(),
  code: Type.String(),
  type: Type.String(),
  name: LocalizedTextSchema,
  isInitial: Type.Boolean(),
  next: Type.Array(Type.String()),
});

export const AnswerTemplate = Type.Object({
  id: Type.String(),
  statusId: Nullable(Type.String()),
  title: Type.String(),
  body: LocalizedTextSchema,
});

export const AnswerTemplateBody = Type.Object(
  {
    statusId: Nullable(Uuid),
    title: Type.String({ minLength: 1, maxLength: 120 }),
    body: LocalizedTextSchema,
  },
  { additionalProperties: false },
);
export type AnswerTemplateBody = Static<typeof AnswerTemplateBody>;

export const TemplateParams = Type.Object({ zone: ZoneSlug, templateId: Uuid });

export const Partner = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Nullable(Type.String()),
});
export const PartnerBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    email: Nullable(Type.String({ format: 'email', maxLength: 254 })),
  },
  { additionalProperties: false },
);
