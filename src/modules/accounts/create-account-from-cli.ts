/**
 * The operator's way in on a fresh deployment: create (or update) an account
 * from the command line, optionally as operator or with a role in a zone.
 * Without a password it gets a link to choose one, printed and mailed.
 */
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { hashPassword, isAcceptablePassword } from '../../platform/auth/passwords.ts';
import type { Role } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { newId } from '../../platform/ids.ts';
import { findZoneBySlug } from '../zones/zones.repository.ts';
import {
  findAccountByEmail,
  insertAccount,
  listGrantsInZone,
  replaceZoneGrants,
  setPasswordHash,
} from './accounts.repository.ts';
import { mailInvitation } from './password-reset.ts';

export interface CliAccountInput {
  email: string;
  name: string;
  password: string | undefined;
  operator: boolean;
  zoneSlug: string | undefined;
  role: Role | undefined;
}

export async function createAccountFromCli(context: AppContext, input: CliAccountInput) {
  if (input.password !== undefined && !isAcceptablePassword(input.password))
    throw new AppError('password_too_weak');
  if ((input.zoneSlug === undefined) !== (input.role === undefined)) {
    throw new AppError('validation_failed', {}, [
      { path: '--zone/--role', code: 'required', message: 'give --zone and --role together' },
    ]);
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  return context.db.transaction().execute(async (trx) => {
    const now = context.now();
    let account = await findAccountByEmail(trx, input.email);
    const created = !account;
    if (!account) {
      await insertAccount(
        trx,
        {
          id: newId(),
          email: input.email,
          displayName: input.name,
          passwordHash,
          language: null,
          isOperator: input.operator,
        },
        now,
      );
      account = await findAccountByEmail(trx, input.email);
      if (!account) throw new Error('account vanished');
    } else {
      if (passwordHash) await setPasswordHash(trx, account.id, passwordHash, now);
      if (input.operator)
        await trx.updateTable('accounts').set({ is_operator: true }).where('id', '=', account.id).execute();
    }
    if (input.zoneSlug && input.role) {
      const zone = await findZoneBySlug(trx, input.zoneSlug);
      if (!zone) throw new AppError('zone_not_found', { zone: input.zoneSlug });
      const grants = await listGrantsInZone(trx, zone.id, [account.id]);
      const roles = new Map<Role, string[]>(grants.map((g) => [g.role, g.area_ids]));
      roles.set(input.role, []);
      await replaceZoneGrants(
        trx,
        zone.id,
        account.id,
        [...roles].map(([role, areaIds]) => ({ id: newId(), role, areaIds })),
        now,
      );
    }
    let link: string | null = null;
    if (!passwordHash && account.password_hash === null) {
      link = await mailInvitation(
        context,
        trx,
        {
          id: account.id,
          email: account.email,
          displayName: account.display_name,
          language: account.language,
        },
        { id: null, name: 'Nabij' },
        'en',
      );
    }
    await recordAudit(
      trx,
      {
        zoneId: null,
        accountId: null,
        action: created ? 'account.created_by_cli' : 'account.updated_by_cli',
        subjectType: 'account',
        subjectId: account.id,
      },
      now,
    );
    return { email: account.email, created, link };
  });
}
