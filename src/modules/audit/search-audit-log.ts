/**
 * The data-protection officer's search of the zone's audit entries, newest
 * first. Entries carry ids only; the searcher's own search is audited too.
 * Account names are joined for readability (staff names are not resident data).
 */
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { AuditSearchQuery } from './audit.schema.ts';

export async function searchAuditLog(
  context: AppContext,
  zone: Zone,
  readerId: string,
  query: AuditSearchQuery,
) {
  const limit = query.limit ?? 50;
  const cursor = decodeCursor(query.cursor, ['string']);
  let q = context.db
    .selectFrom('audit_entries')
    .leftJoin('accounts', 'accounts.id', 'audit_entries.account_id')
    .select([
      'audit_entries.id',
      'audit_entries.seq',
      'audit_entries.created_at',
      'audit_entries.account_id',
      'accounts.display_name',
      'audit_entries.action',
      'audit_entries.subject_type',
      'audit_entries.subject_id',
      'audit_entries.hash',
    ])
    .where('audit_entries.zone_id', '=', zone.id)
    .orderBy('audit_entries.seq', 'desc')
    .limit(limit + 1);
  if (cursor) q = q.where('audit_entries.seq', '<', String(cursor[0]));
  if (query.action) {
    q = query.action.endsWith('.')
      ? q.where('audit_entries.action', 'like', `${query.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      : q.where('audit_entries.action', '=', query.action);
  }
  if (query.subjectType) q = q.where('audit_entries.subject_type', '=', query.subjectType);
  if (query.subjectId) q = q.where('audit_entries.subject_id', '=', query.subjectId);
  if (query.accountId) q = q.where('audit_entries.account_id', '=', query.accountId);
  if (query.from) q = q.where('audit_entries.created_at', '>=', new Date(query.from));
  if (query.to) q = q.where('audit_entries.created_at', '<', new Date(query.to));
  const page = toPage(await q.execute(), limit, (row) => [row.seq]);
  await recordAudit(
    context.db,
    {
      zoneId: zone.id,
      accountId: readerId,
      action: 'audit.searched',
      subjectType: 'audit_log',
      subjectId: null,
    },
    context.now(),
  );
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      id: row.id,
      seq: row.seq,
      at: row.created_at.toISOString(),
      accountId: row.account_id,
      accountName: row.display_name ?? null,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      hash: row.hash,
    })),
  };
}
