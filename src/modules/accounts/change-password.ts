/**
 * A signed-in person changes their password: the current one is required
 * (a borrowed, unlocked screen is not enough), every other session ends, and
 * this one is replaced by a fresh session.
 */
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { hashPassword, isAcceptablePassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession, endAllSessions, type NewSession } from '../../platform/auth/sessions.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { findAccountById, setPasswordHash } from './accounts.repository.ts';

export async function changePassword(
  context: AppContext,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
): Promise<NewSession> {
  if (actor.accountId === null || actor.session === null) throw new AppError('unauthenticated');
  const accountId = actor.accountId;
  const account = await findAccountById(context.db, accountId);
  if (!account?.password_hash || !(await verifyPassword(account.password_hash, currentPassword))) {
    throw new AppError('invalid_credentials');
  }
  if (!isAcceptablePassword(newPassword)) throw new AppError('password_too_weak');
  const passwordHash = await hashPassword(newPassword);
  const verified = actor.session.secondFactorVerified;
  return context.db.transaction().execute(async (trx) => {
    const now = context.now();
    await setPasswordHash(trx, accountId, passwordHash, now);
    await endAllSessions(trx, accountId);
    const session = await createSession(context, trx, accountId, {
      secondFactorPending: false,
      secondFactorVerified: verified,
    });
    await recordAudit(
      trx,
      {
        zoneId: null,
        accountId,
        action: 'account.password_changed',
        subjectType: 'account',
        subjectId: accountId,
      },
      now,
    );
    return session;
  });
}
