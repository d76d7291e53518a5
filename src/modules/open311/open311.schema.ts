/**
 * Schemas of the Open311 GeoReport v2 routes (parameters, and the JSON
 * shapes for the OpenAPI document: the XML variants carry the same fields)
 * and of the administrators' API-client routes.
 */
import { Type, type Static, type TSchema } from 'typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const ZoneSlug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });

const Format = Type.String({ maxLength: 10, description: '`json` or `xml`' });
const Jurisdiction = Type.Optional(
  Type.String({
    maxLength: 63,
    description: "The zone's slug; may be left out while the server holds a single zone.",
  }),
);

export const FormatParams = Type.Object({ format: Format });
export const ServiceParams = Type.Object({ service_code: Type.String({ maxLength: 63 }), format: Format });
export const RequestParams = Type.Object({
  service_request_id: Type.String({ maxLength: 100 }),
  format: Format,
});
export const TokenParams = Type.Object({ token: Type.String({ maxLength: 100 }), format: Format });

export const JurisdictionQuery = Type.Object({ jurisdiction_id: Jurisdiction });

export const RequestsQuery = Type.Object({
  jurisdiction_id: Jurisdiction,
  service_request_id: Type.Optional(
    Type.String({
      maxLength: 40_000,
      description: 'Comma-separated ids; when given, other filters are ignored.',
    }),
  ),
  service_code: Type.Optional(
    Type.String({ maxLength: 4000, description: 'Comma-separated service codes.' }),
  ),
  start_date: Type.Optional(
    Type.String({ maxLength: 40, description: 'W3C date or date-time (whole days).' }),
  ),
  end_date: Type.Optional(Type.String({ maxLength: 40, description: 'W3C date or date-time (whole days).' })),
  status: Type.Optional(Type.String({ maxLength: 40, description: '`open`, `closed` or `open,closed`.' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1000 })),
});
export type RequestsQuery = Static<typeof RequestsQuery>;

export const Open311Error = Type.Array(Type.Object({ code: Type.Integer(), description: Type.String() }));

export const Discovery = Type.Object({
  changeset: Type.String(),
  contact: Type.String(),
  key_service: Type.String(),
  endpoints: Type.Array(
    Type.Object({
      specification: Type.String(),
      url: Type.String(),
      changeset: Type.String(),
      type: Type.String(),
      formats: Type.Array(Type.String()),
    }),
  ),
});

export const Service = Type.Object({
  service_code: Type.String(),
  service_name: Type.String(),
  description: Type.String(),
  metadata: Type.Boolean(),
  type: Type.String(),
  keywords: Type.String(),
  group: Type.String(),
});

export const ServiceDefinition = Type.Object({
  service_code: Type.String(),
  attributes: Type.Array(
    Type.Object({
      variable: Type.Boolean(),
      code: Type.String(),
      datatype: Type.String(),
      required: Type.Boolean(),
      datatype_description: Type.String(),
      order: Type.Integer(),
      description: Type.String(),
      values: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
    }),
  ),
});

export const ServiceRequest = Type.Object({
  service_request_id: Type.String(),
  status: Type.String(),
  status_notes: Type.String(),
  service_name: Type.String(),
  service_code: Type.String(),
  description: Type.String(),
  agency_responsible: Type.String(),
  service_notice: Type.String(),
  requested_datetime: Type.String(),
  updated_datetime: Type.String(),
  expected_datetime: Type.String(),
  address: Type.String(),
  address_id: Type.String(),
  zipcode: Type.String(),
  lat: Type.Number(),
  long: Type.Number(),
  media_url: Type.String(),
});

export const CreatedRequest = Type.Array(
  Type.Object({
    service_request_id: Type.String(),
    service_notice: Type.String(),
    account_id: Type.Null(),
  }),
);

export const TokenAnswer = Type.Array(
  Type.Object({ service_request_id: Type.String(), token: Type.String() }),
);

export const Open311Client = Type.Object({
  id: Type.String(),
  name: Type.String(),
  keyHint: Type.String({ description: 'The last four characters of the key.' }),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type Open311Client = Static<typeof Open311Client>;

export const IssuedOpen311Client = Type.Object({
  ...Open311Client.properties,
  apiKey: Nullable(
    Type.String({
      description:
        'Shown once. Null when an Idempotency-Key replays the issue: the key was never stored, revoke and issue another.',
    }),
  ),
});

export const IssueClientBody = Type.Object(
  { name: Type.String({ minLength: 2, maxLength: 120 }) },
  { additionalProperties: false },
);

export const ClientParams = Type.Object({ zone: ZoneSlug, clientId: Type.String({ format: 'uuid' }) });
