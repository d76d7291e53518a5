/**
 * Second step of logging in: the TOTP code. On success the pending session is
 * replaced by a new, verified one (a new token, so a token seen before the
 * second factor is worth nothing). Wrong codes count towards the lockout.
 */
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { createSession, endSession, type NewSession } from '../../platform/auth/sessions.ts';
import { verifyTotp } from '../../platform/auth/totp.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import {
  claimTotpStep,
  clearFailedLogins,
  findAccountById,
  recordFailedLogin,
} from './accounts.repository.ts';
import { lockedMessageTime } from './log-in.ts';

export async function verifySecondFactor(
  context: AppContext,
  accountId: string,
  pendingSessionId: string,
  code: string,
): Promise<NewSession> {
  const now = context.now();
  const account = await findAccountById(context.db, accountId);
  if (!account || !account.totp_enabled || account.totp_secret === null)
    throw new AppError('unauthenticated');
  if (account.locked_until !== null && account.locked_until > now) {
    throw new AppError('account_locked', { until: lockedMessageTime(account.locked_until) });
  }
  const secret = context.cipher.decrypt(account.totp_secret);
  const step = verifyTotp(secret, code.trim(), now);
  if (step === null || !(await claimTotpStep(context.db, account.id, step))) {
    const lockUntil = new Date(now.getTime() + context.config.loginLockoutMinutes * 60_000);
    const result = await context.db.transaction().execute(async (trx) => {
      const r = await recordFailedLogin(trx, account.id, context.config.loginMaxFailures, lockUntil);
      await recordAudit(
        trx,
        {
          zoneId: null,
          accountId: account.id,
          action: 'account.second_factor_failed',
          subjectType: 'account',
          subjectId: account.id,
        },
        now,
      );
      return r;
    });
    if (result.locked_until !== null && result.locked_until > now) {
      await endSession(context.db, pendingSessionId);
      throw new AppError('account_locked', { until: lockedMessageTime(result.locked_until) });
    }
    throw new AppError('invalid_second_factor');
  }
  return context.db.transaction().execute(async (trx) => {
    await endSession(trx, pendingSessionId);
    await clearFailedLogins(trx, account.id);
    const session = await createSession(context, trx, account.id, {
      secondFactorPending: false,
      secondFactorVerified: true,
    });
    await recordAudit(
      trx,
      {
        zoneId: null,
        accountId: account.id,
        action: 'account.logged_in',
        subjectType: 'account',
        subjectId: account.id,
      },
      now,
    );
    return session;
  });
}
