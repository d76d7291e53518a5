/** Typed SQL for accounts, role grants and password resets. No rules here. */
import { sql, type Kysely } from 'kysely';
import type { Account, Database, Language, Role, RoleGrant } from '../../platform/database/tables.ts';

export function findAccountByEmail(db: Kysely<Database>, email: string): Promise<Account | undefined> {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where(sql`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export function findAccountById(db: Kysely<Database>, id: string): Promise<Account | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface NewAccountRow {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  language: Language | null;
  isOperator?: boolean;
  isDemo?: boolean;
}

export async function insertAccount(db: Kysely<Database>, row: NewAccountRow, now: Date): Promise<void> {
  await db
    .insertInto('accounts')
    .values({
      id: row.id,
      email: row.email.trim(),
      display_name: row.displayName,
      password_hash: row.passwordHash,
      language: row.language,
      is_operator: row.isOperator ?? false,
      is_demo: row.isDemo ?? false,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function recordFailedLogin(
  db: Kysely<Database>,
  accountId: string,
  maxFailures: number,
  lockUntil: Date,
): Promise<{ failed_logins: number; locked_until: Date | null }> {
  return db
    .updateTable('accounts')
    .set((eb) => ({
      failed_logins: eb('failed_logins', '+', 1),
      locked_until: eb
        .case()
        .when('failed_logins', '>=', maxFailures - 1)
        .then(lockUntil)
        .else(eb.ref('locked_until'))
        .end(),
    }))
    .where('id', '=', accountId)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow();
}

export async function clearFailedLogins(db: Kysely<Database>, accountId: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', accountId)
    .execute();
}

export async function setPasswordHash(
  db: Kysely<Database>,
  accountId: string,
  passwordHash: string,
  now: Date,
) {
  await db
    .updateTable('accounts')
    .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: now })
    .where('id', '=', accountId)
    .execute();
}

export async function setTotp(
  db: Kysely<Database>,
  accountId: string,
  fields: {
    secret?: string | null;
    pendingSecret?: string | null;
    enabled?: boolean;
    lastStep?: number | null;
  },
  now: Date,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({
      updated_at: now,
      ...(fields.secret !== undefined ? { totp_secret: fields.secret } : {}),
      ...(fields.pendingSecret !== undefined ? { totp_pending_secret: fields.pendingSecret } : {}),
      ...(fields.enabled !== undefined ? { totp_enabled: fields.enabled } : {}),
      ...(fields.lastStep !== undefined ? { totp_last_step: fields.lastStep } : {}),
    })
    .where('id', '=', accountId)
    .execute();
}

/** Records the TOTP step used, only if it is newer: false means the code was already used. */
export async function claimTotpStep(db: Kysely<Database>, accountId: string, step: number): Promise<boolean> {
  const row = await db
    .updateTable('accounts')
    .set({ totp_last_step: step })
    .where('id', '=', accountId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export function listGrantsOfAccount(db: Kysely<Database>, accountId: string): Promise<RoleGrant[]> {
  return db
    .selectFrom('role_grants')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .execute();
}

export async function replaceZoneGrants(
  db: Kysely<Database>,
  zoneId: string,
  accountId: string,
  grants: { id: string; role: Role; areaIds: string[] }[],
  now: Date,
): Promise<void> {
  await db
    .deleteFrom('role_grants')
    .where('zone_id', '=', zoneId)
    .where('account_id', '=', accountId)
    .execute();
  if (grants.length === 0) return;
  await db
    .insertInto('role_grants')
    .values(
      grants.map((g) => ({
        id: g.id,
        zone_id: zoneId,
        account_id: accountId,
        role: g.role,
        area_ids: JSON.stringify(g.areaIds),
        created_at: now,
      })),
    )
    .execute();
}

export interface ZoneAccountRow {
  id: string;
  email: string;
  display_name: string;
  totp_enabled: boolean;
  locked_until: Date | null;
  disabled_at: Date | null;
  is_demo: boolean;
  created_at: Date;
  /** No password chosen yet: the invitation has not been used. */
  invitation_pending: boolean;
}

export function listAccountsOfZone(
  db: Kysely<Database>,
  zoneId: string,
  options: { afterId: string | null; limit: number; search: string | null },
): Promise<ZoneAccountRow[]> {
  let query = db
    .selectFrom('accounts')
    .select([
      'accounts.id',
      'accounts.email',
      'accounts.display_name',
      'accounts.totp_enabled',
      'accounts.locked_until',
      'accounts.disabled_at',
      'accounts.is_demo',
      'accounts.created_at',
      sql<boolean>`accounts.password_hash is null`.as('invitation_pending'),
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grants')
          .select('role_grants.id')
          .whereRef('role_grants.account_id', '=', 'accounts.id')
          .where('role_grants.zone_id', '=', zoneId),
      ),
    )
    .orderBy('accounts.id')
    .limit(options.limit + 1);
  if (options.afterId) query = query.where('accounts.id', '>', options.afterId);
  if (options.search) {
    const like = `%${options.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(accounts.email)`, 'like', like),
        eb(sql`lower(accounts.display_name)`, 'like', like),
      ]),
    );
  }
  return query.execute();
}

export function listGrantsInZone(
  db: Kysely<Database>,
  zoneId: string,
  accountIds: string[],
): Promise<RoleGrant[]> {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('role_grants')
    .selectAll()
    .where('zone_id', '=', zoneId)
    .where('account_id', 'in', accountIds)
    .orderBy('role')
    .execute();
}

export async function insertPasswordReset(
  db: Kysely<Database>,
  tokenHash: string,
  accountId: string,
  expiresAt: Date,
  now: Date,
): Promise<void> {
  await db
    .insertInto('password_resets')
    .values({ token_hash: tokenHash, account_id: accountId, expires_at: expiresAt, created_at: now })
    .execute();
}

/** Marks a valid, unused, unexpired token as used and returns its account; undefined otherwise. */
export async function consumePasswordReset(db: Kysely<Database>, tokenHash: string, now: Date) {
  return db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('account_id')
    .executeTakeFirst();
}

export async function unlockAccountRow(db: Kysely<Database>, accountId: string, now: Date): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ failed_logins: 0, locked_until: null, updated_at: now })
    .where('id', '=', accountId)
    .execute();
}
