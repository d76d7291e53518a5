/** Schemas of the audit search (data-protection officer). */
import { Type, type Static } from 'typebox';

export const AuditSearchQuery = Type.Object({
  action: Type.Optional(
    Type.String({ maxLength: 100, description: 'Exact action or a prefix ending in "." (e.g. "account.")' }),
  ),
  subjectType: Type.Optional(Type.String({ maxLength: 60 })),
  subjectId: Type.Optional(Type.String({ maxLength: 100 })),
  accountId: Type.Optional(Type.String({ format: 'uuid' })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type AuditSearchQuery = Static<typeof AuditSearchQuery>;

export const AuditEntryView = Type.Object({
  id: Type.String(),
  seq: Type.String(),
  at: Type.String({ format: 'date-time' }),
  accountId: Type.Union([Type.String(), Type.Null()]),
  accountName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
});

export const AuditVerification = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Integer(),
  brokenAtSeq: Type.Union([Type.String(), Type.Null()]),
  reasonCode: Type.Union([
    Type.Literal('entry_missing'),
    Type.Literal('link_mismatch'),
    Type.Literal('hash_mismatch'),
    Type.Literal('entries_removed_at_end'),
    Type.Null(),
  ]),
  reason: Type.Union([Type.String(), Type.Null()]),
});
