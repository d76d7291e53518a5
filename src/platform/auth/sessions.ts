/**
 * Sessions live in PostgreSQL: the cookie holds an opaque token, the table its
 * HMAC. A session ends at the first of: idle timeout, absolute lifetime,
 * logout, password change. Loading a session also loads the actor's grants.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../app-context.ts';
import type { Database, Role } from '../database/tables.ts';
import type { Actor } from './actor.ts';
import { hashToken, randomToken } from './tokens.ts';

export const SESSION_COOKIE = 'nabij_session';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  context: AppContext,
  db: Kysely<Database>,
  accountId: string,
  options: { secondFactorPending: boolean; secondFactorVerified: boolean },
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const now = context.now();
  const expiresAt = new Date(now.getTime() + context.config.sessionAbsoluteHours * 3600_000);
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(context.secrets.sessionKey, token),
      account_id: accountId,
      csrf_token: csrfToken,
      second_factor_pending: options.secondFactorPending,
      second_factor_verified: options.secondFactorVerified,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export interface LoadedSession {
  actor: Actor;
  secondFactorPending: boolean;
}

/** Returns null for an unknown, expired or idle session (and removes the dead one). */
export async function loadSession(context: AppContext, token: string): Promise<LoadedSession | null> {
  const id = hashToken(context.secrets.sessionKey, token);
  const now = context.now();
  const row = await context.db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'sessions.second_factor_pending',
      'sessions.second_factor_verified',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'accounts.id as account_id',
      'accounts.is_operator',
      'accounts.totp_enabled',
      'accounts.disabled_at',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const idleLimit = new Date(now.getTime() - context.config.sessionIdleMinutes * 60_000);
  if (row.expires_at <= now || row.last_seen_at <= idleLimit || row.disabled_at !== null) {
    await context.db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  // Touch at most once a minute: idle expiry needs no finer grain, and reads stay reads.
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await context.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  const grants = row.second_factor_pending
    ? []
    : await context.db
        .selectFrom('role_grants')
        .select(['zone_id', 'role', 'area_ids'])
        .where('account_id', '=', row.account_id)
        .execute();
  return {
    secondFactorPending: row.second_factor_pending,
    actor: {
      accountId: row.account_id,
      isOperator: row.is_operator,
      totpEnabled: row.totp_enabled,
      grants: grants.map((g) => ({ zoneId: g.zone_id, role: g.role as Role, areaIds: g.area_ids })),
      session: {
        id: row.id,
        csrfToken: row.csrf_token,
        secondFactorVerified: row.second_factor_verified,
        expiresAt: row.expires_at,
      },
    },
  };
}

export async function endSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function endAllSessions(db: Kysely<Database>, accountId: string): Promise<void> {
  await db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
}
