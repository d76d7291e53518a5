/**
 * First step of logging in: email and password. Failed attempts count towards
 * a lockout; a locked account refuses even the right password until the lock
 * ends. With TOTP enabled the new session waits for the second factor.
 * An unknown email costs the same hashing time as a known one.
 */
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { dummyPasswordHash, verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession, type NewSession } from '../../platform/auth/sessions.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { clearFailedLogins, findAccountByEmail, recordFailedLogin } from './accounts.repository.ts';

export interface LoginResult {
  session: NewSession;
  secondFactorRequired: boolean;
  accountId: string;
}

export function lockedMessageTime(until: Date): string {
  return until.toISOString().slice(11, 16) + ' UTC';
}

export async function logIn(context: AppContext, email: string, password: string): Promise<LoginResult> {
  const now = context.now();
  const account = await findAccountByEmail(context.db, email);
  if (!account || account.password_hash === null) {
    await verifyPassword(await dummyPasswordHash(), password);
    throw new AppError('invalid_credentials');
  }
  if (account.disabled_at !== null) throw new AppError('account_disabled');
  if (account.locked_until !== null && account.locked_until > now) {
    throw new AppError('account_locked', { until: lockedMessageTime(account.locked_until) });
  }
  const ok = await verifyPassword(account.password_hash, password);
  if (!ok) {
    const lockUntil = new Date(now.getTime() + context.config.loginLockoutMinutes * 60_000);
    const after = await context.db.transaction().execute(async (trx) => {
      const result = await recordFailedLogin(trx, account.id, context.config.loginMaxFailures, lockUntil);
      const locked = result.locked_until !== null && result.locked_until > now;
      await recordAudit(
        trx,
        {
          zoneId: null,
          accountId: account.id,
          action: locked ? 'account.locked' : 'account.login_failed',
          subjectType: 'account',
          subjectId: account.id,
        },
        now,
      );
      return { locked, until: result.locked_until };
    });
    if (after.locked && after.until)
      throw new AppError('account_locked', { until: lockedMessageTime(after.until) });
    throw new AppError('invalid_credentials');
  }
  return context.db.transaction().execute(async (trx) => {
    // The lock ends only through a successful login after it expired, or a password reset.
    await clearFailedLogins(trx, account.id);
    const secondFactorRequired = account.totp_enabled;
    const session = await createSession(context, trx, account.id, {
      secondFactorPending: secondFactorRequired,
      secondFactorVerified: false,
    });
    await recordAudit(
      trx,
      {
        zoneId: null,
        accountId: account.id,
        action: secondFactorRequired ? 'account.login_password_accepted' : 'account.logged_in',
        subjectType: 'account',
        subjectId: account.id,
      },
      now,
    );
    return { session, secondFactorRequired, accountId: account.id };
  });
}
