/**
 * The audit log: append-only, hash-chained. Each entry holds ids and an action,
 * never personal data, so purging personal data never breaks the chain.
 *
 * hash(n) = SHA-256(hash(n-1) + canonical(entry n)); the chain head row is
 * locked for the append, so concurrent writers (any number of processes) get
 * consecutive sequence numbers. Call `recordAudit` inside the transaction of
 * the write it describes: both commit or neither does.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newId } from '../ids.ts';
import type { Database } from '../database/tables.ts';

export interface AuditInput {
  zoneId: string | null;
  accountId: string | null;
  /** Verb in the past tense, dotted by domain: "area.imported", "account.personal_data.read". */
  action: string;
  subjectType: string;
  subjectId: string | null;
}

export interface ChainedFields {
  id: string;
  seq: string;
  zone_id: string | null;
  account_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  created_at: Date;
}

export const GENESIS_HASH = '0'.repeat(64);

export function entryHash(prevHash: string, entry: ChainedFields): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.id,
    entry.zone_id,
    entry.account_id,
    entry.action,
    entry.subject_type,
    entry.subject_id,
    entry.created_at.toISOString(),
  ]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

export async function recordAudit(
  db: Kysely<Database>,
  input: AuditInput,
  at: Date = new Date(),
): Promise<void> {
  const append = async (trx: Kysely<Database>) => {
    const head = await trx
      .selectFrom('audit_chain_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const entry: ChainedFields = {
      id: newId(),
      seq: String(BigInt(head.seq) + 1n),
      zone_id: input.zoneId,
      account_id: input.accountId,
      action: input.action,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      // Millisecond precision: what JavaScript keeps is what the hash covers.
      created_at: new Date(Math.floor(at.getTime())),
    };
    const hash = entryHash(head.hash, entry);
    await trx
      .insertInto('audit_entries')
      .values({ ...entry, prev_hash: head.hash, hash })
      .execute();
    await trx.updateTable('audit_chain_head').set({ seq: entry.seq, hash }).where('id', '=', 1).execute();
  };
  if (db.isTransaction) await append(db);
  else await db.transaction().execute(append);
}

export async function recordAudits(db: Kysely<Database>, inputs: AuditInput[], at?: Date): Promise<void> {
  for (const input of inputs) await recordAudit(db, input, at);
}
