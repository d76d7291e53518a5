/**
 * Setting up and removing the second factor. Setup stores a new secret
 * (encrypted) that only takes effect once a code from it is confirmed; the
 * session that confirms it counts as verified. Administrators and operators
 * cannot remove theirs: the zone requires it of them.
 */
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { rolesRequiringSecondFactor } from '../../platform/auth/policy.ts';
import { createSession, endAllSessions, type NewSession } from '../../platform/auth/sessions.ts';
import { generateTotpSecret, otpauthUrl, verifyTotp } from '../../platform/auth/totp.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { claimTotpStep, findAccountById, setTotp } from './accounts.repository.ts';

export async function startTotpSetup(
  context: AppContext,
  accountId: string,
): Promise<{ secret: string; otpauthUrl: string }> {
  const account = await findAccountById(context.db, accountId);
  if (!account) throw new AppError('unauthenticated');
  const secret = generateTotpSecret();
  // The new secret waits beside the current one: an enabled second factor stays
  // in force until a code from the new secret is confirmed.
  await setTotp(context.db, accountId, { pendingSecret: context.cipher.encrypt(secret) }, context.now());
  return { secret, otpauthUrl: otpauthUrl(secret, account.email, 'Nabij') };
}

/** Confirms a code from the pending secret, makes it the account's secret, and replaces all sessions with one verified session. */
export async function enableTotp(context: AppContext, accountId: string, code: string): Promise<NewSession> {
  const account = await findAccountById(context.db, accountId);
  if (!account || account.totp_pending_secret === null) throw new AppError('invalid_second_factor');
  const step = verifyTotp(context.cipher.decrypt(account.totp_pending_secret), code.trim(), context.now());
  if (step === null) throw new AppError('invalid_second_factor');
  return context.db.transaction().execute(async (trx) => {
    await setTotp(
      trx,
      accountId,
      { secret: account.totp_pending_secret, pendingSecret: null, enabled: true, lastStep: step },
      context.now(),
    );
    await endAllSessions(trx, accountId);
    const session = await createSession(context, trx, accountId, {
      secondFactorPending: false,
      secondFactorVerified: true,
    });
    await recordAudit(
      trx,
      {
        zoneId: null,
        accountId,
        action: 'account.second_factor_enabled',
        subjectType: 'account',
        subjectId: accountId,
      },
      context.now(),
    );
    return session;
  });
}

async function checkCode(context: AppContext, accountId: string, code: string): Promise<void> {
  const account = await findAccountById(context.db, accountId);
  if (!account || !account.totp_enabled || account.totp_secret === null)
    throw new AppError('invalid_second_factor');
  const step = verifyTotp(context.cipher.decrypt(account.totp_secret), code.trim(), context.now());
  if (step === null || !(await claimTotpStep(context.db, accountId, step)))
    throw new AppError('invalid_second_factor');
}

export async function disableTotp(context: AppContext, actor: Actor, code: string): Promise<void> {
  const accountId = actor.accountId;
  if (accountId === null) throw new AppError('unauthenticated');
  const mustKeep = actor.isOperator || actor.grants.some((g) => rolesRequiringSecondFactor.includes(g.role));
  if (mustKeep) throw new AppError('forbidden');
  await checkCode(context, accountId, code);
  await context.db.transaction().execute(async (trx) => {
    await setTotp(
      trx,
      accountId,
      { enabled: false, secret: null, pendingSecret: null, lastStep: null },
      context.now(),
    );
    await recordAudit(
      trx,
      {
        zoneId: null,
        accountId,
        action: 'account.second_factor_disabled',
        subjectType: 'account',
        subjectId: accountId,
      },
      context.now(),
    );
  });
}
