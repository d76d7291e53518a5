/**
 * The typed shape of every table, as Kysely sees it. Migrations create these
 * tables; this file must follow them. Timestamps are `timestamptz` (Date in
 * code), multilingual texts are jsonb maps from language to text, bigint
 * columns arrive as strings (pg does not narrow int8 to number).
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AnswerTemplatesTable,
  CategoriesTable,
  Open311ClientsTable,
  PartnerOrganisationsTable,
  SignalCountersTable,
  SignalEventsTable,
  SignalFollowersTable,
  SignalNotificationsTable,
  SignalPhotosTable,
  SignalReportersTable,
  SignalSettings,
  SignalStatusesTable,
  SignalStatusTransitionsTable,
  SignalsTable,
} from './signal-tables.ts';

export * from './signal-tables.ts';
export * from './incident-tables.ts';
import type { AnalysisSnapshotsTable, IncidentImportsTable, IncidentsTable } from './incident-tables.ts';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type Json<T> = ColumnType<T, string, string>;

export type Language = 'nl' | 'fr' | 'de' | 'en';
export type LocalizedText = Partial<Record<Language, string>>;

export interface ZoneContact {
  phone: string | null;
  email: string | null;
  address: string | null;
  website: string | null;
  openingHours: LocalizedText;
}

export interface ZoneBranding {
  logoUrl: string | null;
  primaryColour: string;
  accentColour: string;
}

export interface ZoneLegal {
  privacyNotice: LocalizedText;
  terms: LocalizedText;
}

export interface ZonesTable {
  id: string;
  slug: string;
  name: string;
  languages: Json<Language[]>;
  default_language: Language;
  time_zone: string;
  /** EPSG code of the zone's local metric projection, e.g. "EPSG:31370". */
  projection: string;
  contact: Json<ZoneContact>;
  branding: Json<ZoneBranding>;
  legal: Json<ZoneLegal>;
  /** Zone-tuned parameters of signals (duplicates radius, anonymisation k, …); defaults apply when absent. */
  signal_settings: ColumnType<Partial<SignalSettings>, string | undefined, string>;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type AreaKind = 'district' | 'neighbourhood' | 'sector';

export interface AreasTable {
  id: string;
  zone_id: string;
  parent_id: string | null;
  kind: AreaKind;
  /** Stable code from the source (NIS code, ward code) or a slug of the name. */
  code: string;
  name: Json<LocalizedText>;
  /** GeoJSON MultiPolygon in WGS84, valid and RFC 7946 oriented. */
  boundary: Json<GeoJsonMultiPolygon>;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  /** Area in square metres, computed in the zone's projection. */
  area_m2: number;
  population: number | null;
  households: number | null;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface GeoJsonMultiPolygon {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}

export interface AreaImportsTable {
  id: string;
  zone_id: string;
  account_id: string | null;
  file_name: string;
  format: string;
  source_crs: string;
  imported: number;
  repaired: number;
  refused: number;
  report: Json<unknown>;
  created_at: CreatedAt;
}

export interface AddressesTable {
  id: string;
  zone_id: string;
  street: string;
  house_number: string;
  postcode: string;
  municipality: string;
  /** Lower-case, accent-free "street number postcode municipality" for search. */
  search_text: string;
  lon: number;
  lat: number;
  area_id: string | null;
}

export interface OfficersTable {
  id: string;
  zone_id: string;
  account_id: string | null;
  name: string;
  title: Json<LocalizedText>;
  /** Professional contact details, published by the zone. */
  phone: string | null;
  email: string | null;
  photo_url: string | null;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AreaOfficersTable {
  zone_id: string;
  area_id: string;
  officer_id: string;
  deputy_officer_id: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Append-only history of who covered an area, so past staffing can be shown. */
export interface AreaOfficerEventsTable {
  id: string;
  zone_id: string;
  area_id: string;
  officer_id: string | null;
  deputy_officer_id: string | null;
  account_id: string | null;
  created_at: CreatedAt;
}

export interface OfficerAbsencesTable {
  id: string;
  zone_id: string;
  officer_id: string;
  /** Inclusive dates in the zone's time zone (YYYY-MM-DD). */
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string, string, string>;
  created_at: CreatedAt;
}

export interface AccountsTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  /** TOTP secret, encrypted with the personal-data key (see platform/crypto). */
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  totp_enabled: Generated<boolean>;
  /** A new secret being set up: replaces totp_secret only once a code from it is confirmed. */
  totp_pending_secret: ColumnType<string | null, string | null | undefined, string | null>;
  /** Last accepted TOTP step: a code is accepted once. */
  totp_last_step: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  failed_logins: Generated<number>;
  locked_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  is_operator: Generated<boolean>;
  language: ColumnType<Language | null, Language | null | undefined, Language | null>;
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type Role =
  | 'resident'
  | 'network_coordinator'
  | 'officer'
  | 'analyst'
  | 'civilian_staff'
  | 'supervisor'
  | 'partner'
  | 'data_protection_officer'
  | 'administrator';

export interface RoleGrantsTable {
  id: string;
  zone_id: string;
  account_id: string;
  role: Role;
  /** For officers and partners: the areas they work in; empty means the whole zone. */
  area_ids: ColumnType<string[], string | undefined, string>;
  created_at: CreatedAt;
}

export interface SessionsTable {
  /** HMAC of the cookie token: a leaked table does not give working sessions. */
  id: string;
  account_id: string;
  csrf_token: string;
  /** True between a correct password and the second factor. */
  second_factor_pending: Generated<boolean>;
  /** True once this session passed TOTP; administrator powers need it. */
  second_factor_verified: Generated<boolean>;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface PasswordResetsTable {
  token_hash: string;
  account_id: string;
  expires_at: Timestamp;
  used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
}

export interface IdempotencyKeysTable {
  /** Caller scope: the session's account or, for anonymous callers, "anonymous". */
  scope: string;
  key: string;
  route: string;
  request_hash: string;
  status_code: number | null;
  response: ColumnType<unknown, string | null, string | null>;
  created_at: CreatedAt;
}

export interface RateLimitBucketsTable {
  key: string;
  window_start: Timestamp;
  hits: number;
}

export interface AuditEntriesTable {
  id: string;
  /** Position in the chain, from 1, with no gaps. */
  seq: ColumnType<string, string | number, never>;
  zone_id: string | null;
  account_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  created_at: Timestamp;
  prev_hash: string;
  hash: string;
}

export interface AuditChainHeadTable {
  id: number;
  seq: ColumnType<string, string | number, string | number>;
  hash: string;
}

export type MailStatus = 'pending' | 'sent' | 'failed';

export interface MailMessagesTable {
  id: string;
  zone_id: string | null;
  to_address: string;
  template: string;
  language: Language;
  subject: string;
  body_text: string;
  body_html: string;
  status: MailStatus;
  /** "smtp" or "outbox" (demo only: kept for reading in the web app). */
  transport: ColumnType<string | null, string | null | undefined, string | null>;
  attempts: Generated<number>;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface Database {
  zones: ZonesTable;
  areas: AreasTable;
  area_imports: AreaImportsTable;
  addresses: AddressesTable;
  officers: OfficersTable;
  area_officers: AreaOfficersTable;
  area_officer_events: AreaOfficerEventsTable;
  officer_absences: OfficerAbsencesTable;
  accounts: AccountsTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limit_buckets: RateLimitBucketsTable;
  audit_entries: AuditEntriesTable;
  audit_chain_head: AuditChainHeadTable;
  mail_messages: MailMessagesTable;
  partner_organisations: PartnerOrganisationsTable;
  categories: CategoriesTable;
  signal_statuses: SignalStatusesTable;
  signal_status_transitions: SignalStatusTransitionsTable;
  signal_counters: SignalCountersTable;
  signals: SignalsTable;
  signal_reporters: SignalReportersTable;
  signal_followers: SignalFollowersTable;
  signal_photos: SignalPhotosTable;
  signal_events: SignalEventsTable;
  answer_templates: AnswerTemplatesTable;
  open311_clients: Open311ClientsTable;
  signal_notifications: SignalNotificationsTable;
  incident_imports: IncidentImportsTable;
  incidents: IncidentsTable;
  analysis_snapshots: AnalysisSnapshotsTable;
}

export type Zone = Selectable<ZonesTable>;
export type Area = Selectable<AreasTable>;
export type NewArea = Insertable<AreasTable>;
export type AreaUpdate = Updateable<AreasTable>;
export type Officer = Selectable<OfficersTable>;
export type Account = Selectable<AccountsTable>;
export type RoleGrant = Selectable<RoleGrantsTable>;
export type Session = Selectable<SessionsTable>;
export type MailMessage = Selectable<MailMessagesTable>;
export type AuditEntry = Selectable<AuditEntriesTable>;
