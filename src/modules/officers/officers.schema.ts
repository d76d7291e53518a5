/** Schemas of the officer routes (staff management and the public "who is my neighbourhood officer?"). */
import { Type, type Static, type TSchema } from 'typebox';
import { PublicArea } from '../areas/areas.schema.ts';
import { LocalizedTextSchema, ZoneContactSchema } from '../zones/zones.schema.ts';

const Zone = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateOnly = Type.String({ format: 'date' });

export const OfficerParams = Type.Object({ zone: Zone, officerId: Type.String({ format: 'uuid' }) });
export const AbsenceParams = Type.Object({
  zone: Zone,
  officerId: Type.String({ format: 'uuid' }),
  absenceId: Type.String({ format: 'uuid' }),
});
export const AreaOfficerParams = Type.Object({ zone: Zone, areaId: Type.String({ format: 'uuid' }) });

/** What the public sees of an officer: professional contact details only. */
export const PublicOfficer = Type.Object({
  id: Type.String(),
  name: Type.String(),
  title: LocalizedTextSchema,
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  photoUrl: Nullable(Type.String()),
});
export type PublicOfficer = Static<typeof PublicOfficer>;

export const Absence = Type.Object({ id: Type.String(), startsOn: DateOnly, endsOn: DateOnly });

export const StaffOfficer = Type.Object({
  id: Type.String(),
  name: Type.String(),
  title: LocalizedTextSchema,
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  photoUrl: Nullable(Type.String()),
  accountId: Nullable(Type.String()),
  isDemo: Type.Boolean(),
  areaIds: Type.Array(Type.String()),
  deputyForAreaIds: Type.Array(Type.String()),
  absences: Type.Array(Absence),
  absentToday: Type.Boolean(),
});
export type StaffOfficer = Static<typeof StaffOfficer>;

const Phone = Type.String({ minLength: 3, maxLength: 40, pattern: '^[+0-9 ()./-]+$' });

export const OfficerBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 120 }),
    title: LocalizedTextSchema,
    phone: Nullable(Phone),
    email: Nullable(Type.String({ format: 'email', maxLength: 200 })),
    photoUrl: Type.Optional(Nullable(Type.String({ maxLength: 500, pattern: '^(https://|/)' }))),
    accountId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  },
  { additionalProperties: false },
);
export type OfficerBody = Static<typeof OfficerBody>;

export const OfficerPatchBody = Type.Partial(OfficerBody, { additionalProperties: false, minProperties: 1 });
export type OfficerPatchBody = Static<typeof OfficerPatchBody>;

export const AssignmentBody = Type.Object(
  {
    officerId: Nullable(Type.String({ format: 'uuid' })),
    deputyOfficerId: Nullable(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
export type AssignmentBody = Static<typeof AssignmentBody>;

export const Assignment = Type.Object({
  areaId: Type.String(),
  officerId: Nullable(Type.String()),
  deputyOfficerId: Nullable(Type.String()),
  history: Type.Array(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      officerId: Nullable(Type.String()),
      deputyOfficerId: Nullable(Type.String()),
      /** Staff member who made the change (null: the system, e.g. the demo). */
      changedBy: Nullable(Type.String()),
    }),
  ),
});

export const AbsenceBody = Type.Object(
  { startsOn: DateOnly, endsOn: DateOnly },
  { additionalProperties: false },
);
export type AbsenceBody = Static<typeof AbsenceBody>;

export const Availability = Type.Union([
  Type.Literal('available'),
  Type.Literal('deputy'),
  Type.Literal('nobody'),
]);

export const NeighbourhoodOfficer = Type.Object({
  area: PublicArea,
  availability: Availability,
  officer: Nullable(PublicOfficer),
  /** When the deputy is shown: whom they stand in for. */
  usualOfficerName: Nullable(Type.String()),
  zoneName: Type.String(),
  zoneContact: ZoneContactSchema,
});
export type NeighbourhoodOfficer = Static<typeof NeighbourhoodOfficer>;

export const OfficerLookupQuery = Type.Object({
  lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  areaId: Type.Optional(Type.String({ format: 'uuid' })),
  addressId: Type.Optional(Type.String({ format: 'uuid' })),
});

export const Staffing = Type.Object({
  population: Type.Integer(),
  neighbourhoods: Type.Integer(),
  neighbourhoodsWithoutOfficer: Type.Integer(),
  inspectors: Type.Integer(),
  inhabitantsPerInspectorNorm: Type.Integer(),
  inspectorsNeeded: Type.Number(),
  /** inspectors / inspectorsNeeded: 1 means the norm is met. */
  coverage: Nullable(Type.Number()),
  inhabitantsPerInspector: Nullable(Type.Number()),
  areas: Type.Array(
    Type.Object({
      areaId: Type.String(),
      /** The district, to group the table. */
      parentId: Nullable(Type.String()),
      name: LocalizedTextSchema,
      population: Nullable(Type.Integer()),
      officerId: Nullable(Type.String()),
      officerName: Nullable(Type.String()),
      hasDeputy: Type.Boolean(),
    }),
  ),
});
