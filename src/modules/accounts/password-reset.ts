/**
 * Password reset by emailed link. Asking always answers the same way, whether
 * the address is known or not (no account discovery). The link holds a random
 * token; the database keeps only its HMAC. A token works once, for one hour;
 * using it ends every session of the account and lifts a lockout.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { hashPassword, isAcceptablePassword } from '../../platform/auth/passwords.ts';
import { endAllSessions } from '../../platform/auth/sessions.ts';
import { hashToken, randomToken } from '../../platform/auth/tokens.ts';
import type { Database } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { queueMail } from '../../platform/mail/queue-mail.ts';
import {
  consumePasswordReset,
  findAccountByEmail,
  insertPasswordReset,
  setPasswordHash,
} from './accounts.repository.ts';

export const RESET_VALID_MINUTES = 60;
export const INVITATION_VALID_DAYS = 7;

/** Creates a single-use token for an account and returns the link to put in a mail. */
export async function createPasswordLink(
  context: AppContext,
  trx: Kysely<Database>,
  accountId: string,
  validForMinutes: number,
): Promise<string> {
  const token = randomToken();
  const now = context.now();
  await insertPasswordReset(
    trx,
    hashToken(context.secrets.sessionKey, token),
    accountId,
    new Date(now.getTime() + validForMinutes * 60_000),
    now,
  );
  // The token travels in the fragment: it never reaches server logs or Referer headers.
  return `${context.config.publicUrl}/reset-password#token=${token}`;
}

export async function requestPasswordReset(
  context: AppContext,
  email: string,
  language: Language,
): Promise<void> {
  const account = await findAccountByEmail(context.db, email);
  if (!account || account.disabled_at !== null) return;
  await context.db.transaction().execute(async (trx) => {
    const link = await createPasswordLink(context, trx, account.id, RESET_VALID_MINUTES);
    await queueMail(context, trx, {
      zoneId: null,
      to: account.email,
      template: 'password_reset',
      language: account.language ?? language,
      params: { name: account.display_name, link, minutes: RESET_VALID_MINUTES },
    });
    await recordAudit(
      trx,
      {
        zoneId: null,
        accountId: account.id,
        action: 'account.password_reset_requested',
        subjectType: 'account',
        subjectId: account.id,
      },
      context.now(),
    );
  });
}

export async function resetPassword(context: AppContext, token: string, password: string): Promise<void> {
  if (!isAcceptablePassword(password)) throw new AppError('password_too_weak');
  const passwordHash = await hashPassword(password);
  await context.db.transaction().execute(async (trx) => {
    const now = context.now();
    const used = await consumePasswordReset(trx, hashToken(context.secrets.sessionKey, token), now);
    if (!used) throw new AppError('reset_token_invalid');
    await setPasswordHash(trx, used.account_id, passwordHash, now);
    await endAllSessions(trx, used.account_id);
    await recordAudit(
      trx,
      {
        zoneId: null,
        accountId: used.account_id,
        action: 'account.password_reset',
        subjectType: 'account',
        subjectId: used.account_id,
      },
      now,
    );
  });
}

/**
 * Mails an invitation: a link to choose a first password, valid a week. Used
 * for invitations by an administrator, their resending, and the CLI.
 */
export async function mailInvitation(
  context: AppContext,
  trx: Kysely<Database>,
  account: { id: string; email: string; displayName: string; language: Language | null },
  zone: { id: string | null; name: string },
  fallbackLanguage: Language,
): Promise<string> {
  const link = await createPasswordLink(context, trx, account.id, INVITATION_VALID_DAYS * 24 * 60);
  await queueMail(context, trx, {
    zoneId: zone.id,
    to: account.email,
    template: 'account_invitation',
    language: account.language ?? fallbackLanguage,
    params: { name: account.displayName, zone: zone.name, link, days: INVITATION_VALID_DAYS },
  });
  return link;
}
