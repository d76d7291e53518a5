/** Schemas of analyses and their saved snapshots. */
import { Type, type Static, type TSchema } from 'typebox';
import { literals } from '../../platform/http/literals.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const ZoneSlug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });

export const analysisMethods = [
  'kernel-density',
  'getis-ord',
  'near-repeat',
  'concentration',
  'hour-of-week',
  'trend',
] as const;
export type AnalysisMethod = (typeof analysisMethods)[number];

export const AnalysisFilters = Type.Object(
  {
    /** Neighbourhoods or districts; empty: the whole zone (incidents outside every area excluded). */
    areaIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 500, default: [] }),
    /** Crime types as recorded; empty: all. */
    crimeTypes: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 100, default: [] }),
    from: Type.String({ format: 'date' }),
    to: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);
export type AnalysisFilters = Static<typeof AnalysisFilters>;

export const CreateAnalysisBody = Type.Object(
  {
    method: literals(analysisMethods),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    filters: AnalysisFilters,
    /** Method parameters (see the method's documentation); unknown ones are refused. */
    parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);
export type CreateAnalysisBody = Static<typeof CreateAnalysisBody>;

export const SnapshotParams = Type.Object({ zone: ZoneSlug, snapshotId: Type.String({ format: 'uuid' }) });

export const SnapshotView = Type.Object({
  id: Type.String(),
  method: Type.String(),
  title: Type.String(),
  parameters: Type.Record(Type.String(), Type.Unknown()),
  filters: Type.Record(Type.String(), Type.Unknown()),
  periodFrom: Nullable(Type.String({ format: 'date-time' })),
  periodTo: Nullable(Type.String({ format: 'date-time' })),
  eventCount: Type.Integer(),
  status: Type.String(),
  result: Type.Unknown(),
  error: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const SnapshotSummary = Type.Object({
  id: Type.String(),
  method: Type.String(),
  title: Type.String(),
  eventCount: Type.Integer(),
  status: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const IncidentOverview = Type.Object({
  total: Type.Integer(),
  generated: Type.Integer(),
  outsideAreas: Type.Integer(),
  firstDate: Nullable(Type.String()),
  lastDate: Nullable(Type.String()),
  crimeTypes: Type.Array(Type.Object({ crimeType: Type.String(), count: Type.Integer() })),
  precision: Type.Array(Type.Object({ precision: Type.String(), count: Type.Integer() })),
});
