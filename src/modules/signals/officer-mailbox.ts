/** Where an officer receives work mail: the professional address, or else their account's. */
import type { Kysely } from 'kysely';
import type { Database, Officer } from '../../platform/database/tables.ts';

export async function officerMailbox(db: Kysely<Database>, officer: Officer): Promise<string | null> {
  if (officer.email) return officer.email;
  if (!officer.account_id) return null;
  const account = await db
    .selectFrom('accounts')
    .select('email')
    .where('id', '=', officer.account_id)
    .executeTakeFirst();
  return account?.email ?? null;
}
