/**
 * Walks the whole chain in order and recomputes every hash. Reports the first
 * entry whose stored hash, link or sequence does not match: that is where the
 * log was altered (or where a row was removed).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../database/tables.ts';
import { entryHash, GENESIS_HASH } from './audit-log.ts';

export type AuditChainResult =
  | { ok: true; entries: number; headHash: string }
  | {
      ok: false;
      entries: number;
      brokenAt: { seq: string; id: string | null };
      /** Stable code for screens to translate; `reason` is the English sentence for logs and the CLI. */
      reasonCode: AuditBreak;
      reason: string;
    };

export type AuditBreak = 'entry_missing' | 'link_mismatch' | 'hash_mismatch' | 'entries_removed_at_end';

export async function verifyAuditChain(db: Kysely<Database>, batchSize = 5000): Promise<AuditChainResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_entries')
      .selectAll()
      .where('seq', '>=', String(expectedSeq))
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const seq = BigInt(row.seq);
      if (seq !== expectedSeq) {
        return {
          ok: false,
          entries: checked,
          brokenAt: { seq: String(expectedSeq), id: null },
          reasonCode: 'entry_missing',
          reason: `entry ${expectedSeq} is missing (next present is ${seq})`,
        };
      }
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          entries: checked,
          brokenAt: { seq: row.seq, id: row.id },
          reasonCode: 'link_mismatch',
          reason: 'link to the previous entry does not match',
        };
      }
      const expected = entryHash(prevHash, row);
      if (expected !== row.hash) {
        return {
          ok: false,
          entries: checked,
          brokenAt: { seq: row.seq, id: row.id },
          reasonCode: 'hash_mismatch',
          reason: 'content does not match its hash (the row was altered)',
        };
      }
      prevHash = row.hash;
      expectedSeq += 1n;
      checked += 1;
    }
    if (rows.length < batchSize) break;
  }
  const head = await db
    .selectFrom('audit_chain_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (head && (BigInt(head.seq) !== expectedSeq - 1n || head.hash !== prevHash)) {
    return {
      ok: false,
      entries: checked,
      brokenAt: { seq: String(expectedSeq), id: null },
      reasonCode: 'entries_removed_at_end',
      reason: `the chain ends at ${expectedSeq - 1n} but its head says ${head.seq} (entries were removed from the end)`,
    };
  }
  return { ok: true, entries: checked, headHash: prevHash };
}
