/**
 * A zone administrator's work on accounts: list the zone's accounts (a read
 * of personal data, so it is audited), invite someone (a new account gets a
 * link to choose a password; an existing one simply gains the roles), and set
 * the roles an account holds in the zone.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Account, Database, Role, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids.ts';
import {
  findAccountByEmail,
  findAccountById,
  insertAccount,
  listAccountsOfZone,
  listGrantsInZone,
  replaceZoneGrants,
  unlockAccountRow,
  type ZoneAccountRow,
} from './accounts.repository.ts';
import type { InviteAccountBody, SetGrantsBody, ZoneAccount } from './accounts.schema.ts';
import { mailInvitation } from './password-reset.ts';

async function assertAreasInZone(db: Kysely<Database>, zoneId: string, grants: { areaIds: string[] }[]) {
  const ids = [...new Set(grants.flatMap((g) => g.areaIds))];
  if (ids.length === 0) return;
  const found = await db
    .selectFrom('areas')
    .select('id')
    .where('zone_id', '=', zoneId)
    .where('id', 'in', ids)
    .execute();
  if (found.length !== ids.length) throw new AppError('area_not_found');
}

function asRow(account: Account): ZoneAccountRow {
  return { ...account, invitation_pending: account.password_hash === null };
}

async function toZoneAccounts(
  db: Kysely<Database>,
  zoneId: string,
  rows: Awaited<ReturnType<typeof listAccountsOfZone>>,
  now: Date,
) {
  const grants = await listGrantsInZone(
    db,
    zoneId,
    rows.map((r) => r.id),
  );
  return rows.map((row): ZoneAccount => ({
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    totpEnabled: row.totp_enabled,
    locked: row.locked_until !== null && row.locked_until > now,
    disabled: row.disabled_at !== null,
    invitationPending: row.invitation_pending,
    isDemo: row.is_demo,
    grants: grants.filter((g) => g.account_id === row.id).map((g) => ({ role: g.role, areaIds: g.area_ids })),
  }));
}

export async function listZoneAccounts(
  context: AppContext,
  zone: Zone,
  readerId: string,
  query: { cursor?: string | undefined; limit?: number | undefined; search?: string | undefined },
): Promise<Page<ZoneAccount>> {
  const limit = query.limit ?? 50;
  const cursor = decodeCursor(query.cursor, ['string']);
  const rows = await listAccountsOfZone(context.db, zone.id, {
    afterId: cursor ? String(cursor[0]) : null,
    limit,
    search: query.search?.trim() || null,
  });
  const page = toPage(rows, limit, (r) => [r.id]);
  await recordAudit(
    context.db,
    {
      zoneId: zone.id,
      accountId: readerId,
      action: 'account.personal_data_read',
      subjectType: 'account_list',
      subjectId:
        page.items
          .map((r) => r.id)
          .join(',')
          .slice(0, 2000) || null,
    },
    context.now(),
  );
  return {
    items: await toZoneAccounts(context.db, zone.id, page.items, context.now()),
    nextCursor: page.nextCursor,
  };
}

export async function inviteAccount(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  inviterId: string,
  language: Language,
  body: InviteAccountBody,
): Promise<ZoneAccount> {
  await assertAreasInZone(trx, zone.id, body.grants);
  const now = context.now();
  let account = await findAccountByEmail(trx, body.email);
  if (!account) {
    const id = newId();
    await insertAccount(
      trx,
      {
        id,
        email: body.email,
        displayName: body.displayName,
        passwordHash: null,
        language: body.language ?? null,
      },
      now,
    );
    account = await findAccountById(trx, id);
    if (!account) throw new Error('account vanished');
    await mailInvitation(
      context,
      trx,
      { id, email: body.email, displayName: body.displayName, language: body.language ?? null },
      zone,
      language,
    );
    await recordAudit(
      trx,
      {
        zoneId: zone.id,
        accountId: inviterId,
        action: 'account.invited',
        subjectType: 'account',
        subjectId: id,
      },
      now,
    );
  }
  const existing = await listGrantsInZone(trx, zone.id, [account.id]);
  const merged = new Map<Role, string[]>(existing.map((g) => [g.role, g.area_ids]));
  for (const grant of body.grants) merged.set(grant.role as Role, grant.areaIds);
  await replaceZoneGrants(
    trx,
    zone.id,
    account.id,
    [...merged].map(([role, areaIds]) => ({ id: newId(), role, areaIds })),
    now,
  );
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId: inviterId,
      action: 'account.roles_changed',
      subjectType: 'account',
      subjectId: account.id,
    },
    now,
  );
  const [view] = await toZoneAccounts(trx, zone.id, [asRow(account)], now);
  if (!view) throw new Error('account view missing');
  return view;
}

export async function setZoneGrants(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  actorId: string,
  accountId: string,
  body: SetGrantsBody,
): Promise<ZoneAccount> {
  const account = await findAccountById(trx, accountId);
  if (!account) throw new AppError('account_not_found');
  const current = await listGrantsInZone(trx, zone.id, [accountId]);
  // Accounts outside the zone are invisible to its administrators: invite them by email instead.
  if (current.length === 0) throw new AppError('account_not_found');
  const roles = new Set<string>(body.grants.map((g) => g.role));
  if (roles.size !== body.grants.length) throw new AppError('validation_failed');
  // An administrator cannot remove their own administrator role: a zone must not lock itself out.
  if (
    accountId === actorId &&
    current.some((g) => g.role === 'administrator') &&
    !roles.has('administrator')
  ) {
    throw new AppError('forbidden');
  }
  await assertAreasInZone(trx, zone.id, body.grants);
  await replaceZoneGrants(
    trx,
    zone.id,
    accountId,
    body.grants.map((g) => ({ id: newId(), role: g.role as Role, areaIds: g.areaIds })),
    context.now(),
  );
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId: actorId,
      action: 'account.roles_changed',
      subjectType: 'account',
      subjectId: accountId,
    },
    context.now(),
  );
  const [view] = await toZoneAccounts(trx, zone.id, [asRow(account)], context.now());
  if (!view) throw new Error('account view missing');
  return view;
}

async function requireZoneAccount(trx: Kysely<Database>, zone: Zone, accountId: string): Promise<Account> {
  const account = await findAccountById(trx, accountId);
  // Accounts without a role in this zone are invisible to its administrators.
  if (!account || (await listGrantsInZone(trx, zone.id, [accountId])).length === 0) {
    throw new AppError('account_not_found');
  }
  return account;
}

/** Lifts a lockout before it ends by itself (the person called the front desk, say). */
export async function unlockZoneAccount(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  actorId: string,
  accountId: string,
): Promise<ZoneAccount> {
  const account = await requireZoneAccount(trx, zone, accountId);
  await unlockAccountRow(trx, accountId, context.now());
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId: actorId,
      action: 'account.unlocked',
      subjectType: 'account',
      subjectId: accountId,
    },
    context.now(),
  );
  const [view] = await toZoneAccounts(
    trx,
    zone.id,
    [asRow({ ...account, locked_until: null })],
    context.now(),
  );
  if (!view) throw new Error('account view missing');
  return view;
}

/** Sends a fresh invitation link to someone who has not chosen a password yet. */
export async function resendInvitation(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  actorId: string,
  language: Language,
  accountId: string,
): Promise<ZoneAccount> {
  const account = await requireZoneAccount(trx, zone, accountId);
  if (account.password_hash !== null) throw new AppError('invitation_not_pending');
  await mailInvitation(
    context,
    trx,
    { id: account.id, email: account.email, displayName: account.display_name, language: account.language },
    zone,
    language,
  );
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId: actorId,
      action: 'account.invitation_resent',
      subjectType: 'account',
      subjectId: accountId,
    },
    context.now(),
  );
  const [view] = await toZoneAccounts(trx, zone.id, [asRow(account)], context.now());
  if (!view) throw new Error('account view missing');
  return view;
}
