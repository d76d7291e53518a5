/**
 * What the admin screens share: the shapes of the admin API's answers (the
 * types of the server's *.schema.ts themselves), the role list, and helpers
 * that turn an ApiError into a message plus per-field messages for forms.
 */
import type { Static } from 'typebox';
import type {
  GrantInput as GrantInputSchema,
  RoleSchema,
  ZoneAccount,
} from '../../../../src/modules/accounts/accounts.schema.ts';
import type {
  AreaImportSummary as AreaImportSummarySchema,
  FeatureReportSchema,
  ImportReportSchema,
} from '../../../../src/modules/areas/areas.schema.ts';
import type {
  AuditEntryView,
  AuditVerification as AuditVerificationSchema,
} from '../../../../src/modules/audit/audit.schema.ts';
import type {
  Absence as AbsenceSchema,
  Assignment as AssignmentSchema,
  StaffOfficer,
} from '../../../../src/modules/officers/officers.schema.ts';
import { ApiError, newIdempotencyKey } from '../../lib/api.ts';
import { dayIn } from '../../lib/signals-api.ts';
import type { LocalizedText } from '../../lib/i18n.svelte.ts';
import type { AreaKind, PublicArea } from '../../lib/zone-api.ts';

export type { AreaKind, StaffOfficer, ZoneAccount };
export { query, zoneApiPath as zoneApi } from '../../lib/api.ts';
export type { Staffing } from '../../lib/zone-api.ts';
export type Area = PublicArea;
export const areaKinds: readonly AreaKind[] = ['district', 'neighbourhood', 'sector'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type FeatureReport = Static<typeof FeatureReportSchema>;
export type RepairWarning = FeatureReport['warnings'][number];
export type FeatureStatus = 'imported' | 'repaired' | 'refused' | 'skipped';
export type ImportReport = Static<typeof ImportReportSchema>;
export type AreaImportSummary = Static<typeof AreaImportSummarySchema>;

export type Role = Static<typeof RoleSchema>;
/** Every role, in the order the role editor lists them. */
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
] as const satisfies readonly Role[];
/** Roles whose grant can be limited to some neighbourhoods. */
export const scopedRoles: readonly Role[] = ['officer', 'partner'];
export type GrantInput = Static<typeof GrantInputSchema>;

export type Absence = Static<typeof AbsenceSchema>;
export type Assignment = Static<typeof AssignmentSchema>;
export type AuditEntry = Static<typeof AuditEntryView>;
export type AuditVerification = Static<typeof AuditVerificationSchema>;

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

/** Today's date (yyyy-mm-dd) in a time zone; in UTC when the time zone is unknown. */
export function todayIn(timeZone: string): string {
  try {
    return dayIn(timeZone);
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
