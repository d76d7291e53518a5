/** What the web app needs to know about the signed-in account (its own data, its roles, its CSRF token). */
import type { AppContext } from '../../platform/app-context.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { CurrentAccount } from './accounts.schema.ts';
import { findAccountById } from './accounts.repository.ts';

export async function getCurrentAccount(
  context: AppContext,
  actor: Actor,
  secondFactorPending: boolean,
): Promise<CurrentAccount> {
  if (actor.accountId === null || actor.session === null) {
    return {
      account: null,
      grants: [],
      csrfToken: null,
      secondFactorPending: false,
      secondFactorVerified: false,
    };
  }
  const account = await findAccountById(context.db, actor.accountId);
  if (!account)
    return {
      account: null,
      grants: [],
      csrfToken: null,
      secondFactorPending: false,
      secondFactorVerified: false,
    };
  const zoneIds = [...new Set(actor.grants.map((g) => g.zoneId))];
  const zones =
    zoneIds.length === 0
      ? []
      : await context.db
          .selectFrom('zones')
          .select(['id', 'slug', 'name'])
          .where('id', 'in', zoneIds)
          .execute();
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  return {
    account: {
      id: account.id,
      email: account.email,
      displayName: account.display_name,
      language: account.language,
      totpEnabled: account.totp_enabled,
      isOperator: account.is_operator,
    },
    grants: actor.grants.flatMap((g) => {
      const zone = zoneById.get(g.zoneId);
      return zone ? [{ zone: zone.slug, zoneName: zone.name, role: g.role, areaIds: [...g.areaIds] }] : [];
    }),
    csrfToken: actor.session.csrfToken,
    secondFactorPending,
    secondFactorVerified: actor.session.secondFactorVerified,
  };
}
