/** Schemas of incident imports. */
import { Type, type Static, type TSchema } from 'typebox';
import { literals } from '../../platform/http/literals.ts';
import { dateFormats } from './parse-incident-date.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const ZoneSlug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });
const Column = Type.String({ minLength: 1, maxLength: 100 });

export const FormatSchema = literals(['nabij', 'police-uk', 'mapped'] as const);

export const MappingSchema = Type.Object(
  {
    id: Type.Optional(Column),
    category: Type.Optional(Column),
    fixedCategory: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    date: Column,
    time: Type.Optional(Column),
    dateTo: Type.Optional(Column),
    dateFormat: literals(dateFormats),
    x: Column,
    y: Column,
    crs: Type.String({ pattern: '^EPSG:\\d{4,5}$' }),
    outcome: Type.Optional(Column),
    location: Type.Optional(Column),
  },
  { additionalProperties: false },
);

export const CreateImportBody = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    format: FormatSchema,
    mapping: Type.Optional(MappingSchema),
    allOrNothing: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type CreateImportBody = Static<typeof CreateImportBody>;

export const ImportParams = Type.Object({ zone: ZoneSlug, importId: Type.String({ format: 'uuid' }) });

export const IncidentImportView = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  format: Type.String(),
  mapping: Type.Record(Type.String(), Type.Unknown()),
  allOrNothing: Type.Boolean(),
  status: Type.String(),
  bytes: Type.Number(),
  bytesRead: Type.Number(),
  rowsRead: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  badRows: Type.Integer(),
  outsideAreas: Type.Integer(),
  badRowSamples: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() })),
  error: Nullable(Type.String()),
  isGenerated: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  startedAt: Nullable(Type.String({ format: 'date-time' })),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  uploadUrl: Nullable(Type.String()),
});
