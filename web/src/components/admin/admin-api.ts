/**
 * What the admin screens share: the shapes of the admin API's answers (see
 * the server's *.schema.ts), the role list, and helpers that turn an ApiError
 * into a message plus per-field messages for forms.
 */
import { ApiError, newIdempotencyKey } from '../../lib/api.ts';
import type { LocalizedText } from '../../lib/i18n.svelte.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

import type { AreaKind, PublicArea } from '../../lib/zone-api.ts';
export type { AreaKind };
export type Area = PublicArea;
export const areaKinds: readonly AreaKind[] = ['district', 'neighbourhood', 'sector'];

export interface RepairWarning {
  code: string;
  count: number;
  detail?: string;
}

export type FeatureStatus = 'imported' | 'repaired' | 'refused' | 'skipped';

export interface FeatureReport {
  index: number;
  name: string | null;
  code: string | null;
  status: string;
  updated?: boolean;
  warnings: RepairWarning[];
  reason?: string;
  detail?: string;
  areaId?: string;
}

export interface ImportReport {
  importId: string | null;
  fileName: string;
  format: string;
  sourceCrs: string;
  objectNames: string[];
  dryRun: boolean;
  imported: number;
  repaired: number;
  refused: number;
  skipped: number;
  features: FeatureReport[];
}

export interface AreaImportSummary {
  id: string;
  fileName: string;
  format: string;
  sourceCrs: string;
  imported: number;
  repaired: number;
  refused: number;
  createdAt: string;
  features: FeatureReport[];
}

export const roles = [
  'resident',
  'network_coordinator',
  'officer',
  'analyst',
  'civilian_staff',
  'supervisor',
  'partner',
  'data_protection_officer',
  'administrator',
] as const;
export type Role = (typeof roles)[number];
/** Roles whose grant can be limited to some neighbourhoods. */
export const scopedRoles: readonly Role[] = ['officer', 'partner'];

export interface GrantInput {
  role: Role;
  areaIds: string[];
}

export interface ZoneAccount {
  id: string;
  email: string;
  displayName: string;
  totpEnabled: boolean;
  locked: boolean;
  disabled: boolean;
  invitationPending: boolean;
  isDemo: boolean;
  grants: { role: string; areaIds: string[] }[];
}

export interface Absence {
  id: string;
  startsOn: string;
  endsOn: string;
}

export interface StaffOfficer {
  id: string;
  name: string;
  title: LocalizedText;
  phone: string | null;
  email: string | null;
  photoUrl: string | null;
  accountId: string | null;
  isDemo: boolean;
  areaIds: string[];
  deputyForAreaIds: string[];
  absences: Absence[];
  absentToday: boolean;
}

export interface Assignment {
  areaId: string;
  officerId: string | null;
  deputyOfficerId: string | null;
  history: {
    at: string;
    officerId: string | null;
    deputyOfficerId: string | null;
    changedBy: string | null;
  }[];
}

export interface Staffing {
  population: number;
  neighbourhoods: number;
  neighbourhoodsWithoutOfficer: number;
  inspectors: number;
  inhabitantsPerInspectorNorm: number;
  inspectorsNeeded: number;
  coverage: number | null;
  inhabitantsPerInspector: number | null;
  areas: {
    areaId: string;
    name: LocalizedText;
    population: number | null;
    officerId: string | null;
    officerName: string | null;
    hasDeputy: boolean;
  }[];
}

export interface AuditEntry {
  id: string;
  seq: string;
  at: string;
  accountId: string | null;
  accountName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  brokenAtSeq: string | null;
  reasonCode: 'entry_missing' | 'link_mismatch' | 'hash_mismatch' | 'entries_removed_at_end' | null;
  reason: string | null;
}

/** `/api/zones/<zone><rest>` with the slug escaped. */
export function zoneApi(zone: string, rest = ''): string {
  return `/api/zones/${encodeURIComponent(zone)}${rest}`;
}

/** A query string from the non-empty values. */
export function query(values: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A failed request as a form shows it: one message, and messages per field. */
export interface FormError {
  code: string;
  status: number;
  message: string;
  /** By field path without the leading "body/", e.g. "contact/email". */
  fields: Record<string, string>;
  /** Details about fields the form does not show, listed under the message. */
  other: string[];
}

export function toFormError(error: unknown, shownFields: readonly string[] = []): FormError {
  if (!(error instanceof ApiError)) {
    return {
      code: 'internal',
      status: 0,
      message: (error as Error)?.message ?? String(error),
      fields: {},
      other: [],
    };
  }
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const detail of error.details) {
    const path = detail.path.replace(/^body\/?/, '');
    const match = shownFields.find((field) => path === field || path.startsWith(`${field}/`));
    if (match && !(match in fields)) fields[match] = detail.message;
    else if (!match) other.push(detail.message);
  }
  return { code: error.code, status: error.status, message: error.message, fields, other };
}

/** The ids that describe a field (hint, error), skipping those not shown. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}

/**
 * One Idempotency-Key per intended creation: the same body (a retry, a double
 * click) reuses the key, a changed body gets a fresh one.
 */
export class IdempotencyKeys {
  private lastBody = '';
  private key = newIdempotencyKey();
  for(body: unknown): string {
    const text = JSON.stringify(body);
    if (text !== this.lastBody) {
      this.lastBody = text;
      this.key = newIdempotencyKey();
    }
    return this.key;
  }
  /** After a creation succeeded: the next one is a new intention. */
  reset(): void {
    this.lastBody = '';
  }
}

/** Today's date (yyyy-mm-dd) in a time zone. */
export function todayIn(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

/** Languages with a non-empty text, trimmed; empty languages are left out. */
export function cleanLocalized(text: LocalizedText): LocalizedText {
  const result: LocalizedText = {};
  for (const [language, value] of Object.entries(text) as [keyof LocalizedText, string | undefined][]) {
    const trimmed = value?.trim();
    if (trimmed) result[language] = trimmed;
  }
  return result;
}

/** "" → null, other text trimmed. */
export function nullIfBlank(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
