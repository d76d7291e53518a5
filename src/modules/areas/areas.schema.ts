/** Schemas of the area routes. */
import { Type, type Static } from 'typebox';
import { LanguageSchema, LocalizedTextSchema } from '../zones/zones.schema.ts';

const Zone = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });
export const AreaKindSchema = Type.Union([
  Type.Literal('district'),
  Type.Literal('neighbourhood'),
  Type.Literal('sector'),
]);

export const AreaParams = Type.Object({ zone: Zone, areaId: Type.String({ format: 'uuid' }) });

export const PublicArea = Type.Object({
  id: Type.String(),
  code: Type.String(),
  kind: AreaKindSchema,
  parentId: Type.Union([Type.String(), Type.Null()]),
  name: LocalizedTextSchema,
  population: Type.Union([Type.Integer(), Type.Null()]),
  households: Type.Union([Type.Integer(), Type.Null()]),
  areaKm2: Type.Number(),
  bbox: Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }),
  isDemo: Type.Boolean(),
});
export type PublicArea = Static<typeof PublicArea>;

export const AreaBoundaries = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.String(),
      properties: Type.Object({
        id: Type.String(),
        code: Type.String(),
        kind: AreaKindSchema,
        parentId: Type.Union([Type.String(), Type.Null()]),
        name: LocalizedTextSchema,
        labelPoint: Type.Array(Type.Number()),
      }),
      geometry: Type.Object({
        type: Type.Literal('MultiPolygon'),
        coordinates: Type.Array(Type.Array(Type.Array(Type.Array(Type.Number())))),
      }),
    }),
  ),
});

export const BoundariesQuery = Type.Object({ kind: Type.Optional(AreaKindSchema) });

export const LocateQuery = Type.Object({
  lon: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
});

export const LocateResult = Type.Object({ area: Type.Union([PublicArea, Type.Null()]) });

export const UpdateAreaBody = Type.Object(
  {
    name: Type.Optional(LocalizedTextSchema),
    population: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 50_000_000 }), Type.Null()])),
    households: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 50_000_000 }), Type.Null()])),
    parentId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAreaBody = Static<typeof UpdateAreaBody>;

export const ImportAreasBody = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    content: Type.String({ minLength: 1, description: 'The GeoJSON or TopoJSON text.' }),
    kind: AreaKindSchema,
    parentCode: Type.Optional(Type.String({ maxLength: 100 })),
    topojsonObject: Type.Optional(Type.String({ maxLength: 100 })),
    nameProperty: Type.Optional(Type.String({ maxLength: 100 })),
    codeProperty: Type.Optional(Type.String({ maxLength: 100 })),
    populationProperty: Type.Optional(Type.String({ maxLength: 100 })),
    householdsProperty: Type.Optional(Type.String({ maxLength: 100 })),
    nameLanguage: Type.Optional(LanguageSchema),
    where: Type.Optional(
      Type.Object(
        {
          property: Type.String({ minLength: 1, maxLength: 100 }),
          values: Type.Array(Type.String({ maxLength: 200 }), { minItems: 1, maxItems: 1000 }),
        },
        { additionalProperties: false },
      ),
    ),
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ImportAreasBody = Static<typeof ImportAreasBody>;

const Warning = Type.Object({
  code: Type.String(),
  count: Type.Integer(),
  detail: Type.Optional(Type.String()),
});

export const FeatureReportSchema = Type.Object({
  index: Type.Integer(),
  name: Type.Union([Type.String(), Type.Null()]),
  code: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  updated: Type.Optional(Type.Boolean()),
  warnings: Type.Array(Warning),
  reason: Type.Optional(Type.String()),
  detail: Type.Optional(Type.String()),
  areaId: Type.Optional(Type.String()),
});

export const ImportReportSchema = Type.Object({
  importId: Type.Union([Type.String(), Type.Null()]),
  fileName: Type.String(),
  format: Type.String(),
  sourceCrs: Type.String(),
  objectNames: Type.Array(Type.String()),
  dryRun: Type.Boolean(),
  imported: Type.Integer(),
  repaired: Type.Integer(),
  refused: Type.Integer(),
  skipped: Type.Integer(),
  features: Type.Array(FeatureReportSchema),
});

export const AreaImportSummary = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  format: Type.String(),
  sourceCrs: Type.String(),
  imported: Type.Integer(),
  repaired: Type.Integer(),
  refused: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  features: Type.Array(FeatureReportSchema),
});
