/**
 * Table types of signals and what surrounds them (migration 0002). Part of
 * the Database interface in tables.ts; split out to keep each file readable.
 */
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, Json, Language, LocalizedText } from './tables.ts';

export interface SignalSettings {
  /** Nearby open signals shown while reporting: within this distance (m)… */
  duplicateRadiusM: number;
  /** …and created within these many days. */
  duplicateWindowDays: number;
  /** A public point's cell must hold at least k households (DESIGN.md rule 2). */
  anonymityHouseholds: number;
  /** Counts below this are published as "fewer than N". */
  smallCountThreshold: number;
  /** Days after closing when the reporter is asked whether it was solved. */
  questionnaireDelayDays: number;
  /** Hour (zone time) of the daily digest to officers. */
  digestHour: number;
}

export interface CategoryQuestion {
  code: string;
  label: LocalizedText;
  type: 'text' | 'number' | 'datetime' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  options: { key: string; label: LocalizedText }[];
}

export type CategoryKind = 'crime' | 'livability' | 'other';
export type StatusType = 'open' | 'closed' | 'fixed';
export type SignalChannel = 'web' | 'phone' | 'counter' | 'email' | 'patrol' | 'network' | 'open311';
export type SignalPriority = 'low' | 'normal' | 'high' | 'urgent';
export type Moderation = 'pending' | 'approved' | 'rejected';

export interface PartnerOrganisationsTable {
  id: string;
  zone_id: string;
  name: string;
  email: string | null;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CategoriesTable {
  id: string;
  zone_id: string;
  code: string;
  name: Json<LocalizedText>;
  description: ColumnType<LocalizedText, string | undefined, string>;
  kind: CategoryKind;
  is_public: boolean;
  /** Published only as counts per neighbourhood (domestic violence, sexual offences…). */
  is_sensitive: Generated<boolean>;
  /** New signals notify the officer at once instead of in the daily digest. */
  is_urgent: Generated<boolean>;
  /** About suspicious people or behaviour: the anti-profiling form applies. */
  asks_behaviour: Generated<boolean>;
  /** Shown instead of the form: submission is blocked (e.g. "an emergency? call 112"). */
  blocking_notice: ColumnType<LocalizedText | null, string | null | undefined, string | null>;
  partner_id: ColumnType<string | null, string | null | undefined, string | null>;
  questions: ColumnType<CategoryQuestion[], string | undefined, string>;
  answer_target_days: Generated<number>;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SignalStatusesTable {
  id: string;
  zone_id: string;
  code: string;
  name: Json<LocalizedText>;
  type: StatusType;
  is_initial: Generated<boolean>;
  sort_order: Generated<number>;
}

export interface SignalStatusTransitionsTable {
  zone_id: string;
  from_status_id: string;
  to_status_id: string;
}

export interface SignalCountersTable {
  zone_id: string;
  year: number;
  value: number;
}

type Optional<T> = ColumnType<T, T | undefined, T>;

export interface SignalsTable {
  id: string;
  zone_id: string;
  /** Human reference, e.g. "GENT-2026-00042". */
  reference: string;
  category_id: string;
  channel: SignalChannel;
  /** The reporter's own words: staff only. */
  description: string;
  answers: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** The moderated summary: the only text ever published. */
  public_text: Optional<string | null>;
  moderation: Optional<Moderation>;
  personal_data_flags: ColumnType<string[], string | undefined, string>;
  /** Exact position: internal only. */
  lon: number;
  lat: number;
  area_id: string | null;
  /** Anonymised public point (centre of a cell holding ≥ k households). */
  public_lon: number;
  public_lat: number;
  public_cell_m: number;
  occurred_at: Date | null;
  status_id: string;
  priority: Optional<SignalPriority>;
  assigned_officer_id: Optional<string | null>;
  public_answer: Optional<string | null>;
  public_answer_at: Optional<Date | null>;
  duplicate_of_id: Optional<string | null>;
  tracking_token_hash: string;
  reporter_language: Language;
  reporter_feedback: Optional<'solved' | 'not_solved' | null>;
  reporter_feedback_at: Optional<Date | null>;
  reporter_feedback_comment: Optional<string | null>;
  questionnaire_sent_at: Optional<Date | null>;
  closed_at: Optional<Date | null>;
  open311_client_id: Optional<string | null>;
  created_by_account_id: Optional<string | null>;
  is_demo: Generated<boolean>;
  /** Demo records are back-dated, so this one can be set. */
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SignalReportersTable {
  signal_id: string;
  zone_id: string;
  name_encrypted: string | null;
  email_encrypted: string | null;
  phone_encrypted: string | null;
  consent_share_with_partner: boolean;
  wants_updates: boolean;
  tracking_token_encrypted: string | null;
  created_at: CreatedAt;
}

export interface SignalFollowersTable {
  id: string;
  zone_id: string;
  signal_id: string;
  tracking_token_hash: string;
  email_encrypted: string | null;
  tracking_token_encrypted: string | null;
  language: Language;
  created_at: CreatedAt;
}

export interface SignalPhotosTable {
  id: string;
  zone_id: string;
  signal_id: string;
  storage_key: string;
  content_type: string;
  width: number;
  height: number;
  bytes: number;
  created_at: CreatedAt;
}

export type SignalEventKind =
  | 'created'
  | 'status_changed'
  | 'assigned'
  | 'priority_changed'
  | 'category_changed'
  | 'note_added'
  | 'answer_published'
  | 'moderated'
  | 'duplicate_marked'
  | 'photo_added'
  | 'reporter_feedback'
  | 'follower_added';

export interface SignalEventsTable {
  id: string;
  zone_id: string;
  signal_id: string;
  kind: SignalEventKind;
  visibility: 'public' | 'internal';
  account_id: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Date;
}

export interface AnswerTemplatesTable {
  id: string;
  zone_id: string;
  status_id: string | null;
  title: string;
  body: Json<LocalizedText>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface Open311ClientsTable {
  id: string;
  zone_id: string;
  name: string;
  key_hash: string;
  key_hint: string;
  created_by_account_id: string | null;
  created_at: CreatedAt;
  revoked_at: Optional<Date | null>;
}

export interface SignalNotificationsTable {
  id: string;
  zone_id: string;
  kind: string;
  recipient_key: string;
  signal_id: string | null;
  digest_date: ColumnType<string | null, string | null | undefined, string | null>;
  mail_message_id: Optional<string | null>;
  created_at: CreatedAt;
}

export type Category = Selectable<CategoriesTable>;
export type Signal = Selectable<SignalsTable>;
export type SignalStatus = Selectable<SignalStatusesTable>;
