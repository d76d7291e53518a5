/** The signed-in account (or none), from GET /api/auth/me. */
import type { CurrentAccount } from '../../../src/modules/accounts/accounts.schema.ts';
import { api, setCsrfToken } from './api.ts';

// The shape is the server's schema itself (accounts.schema.ts).
export type { CurrentAccount };
export type Grant = CurrentAccount['grants'][number];

export const session = $state<{ loaded: boolean; current: CurrentAccount }>({
  loaded: false,
  current: {
    account: null,
    grants: [],
    csrfToken: null,
    secondFactorPending: false,
    secondFactorVerified: false,
  },
});

export async function refreshSession(): Promise<void> {
  const current = await api.get<CurrentAccount>('/api/auth/me');
  session.current = current;
  session.loaded = true;
  setCsrfToken(current.csrfToken);
}

export function rolesIn(zone: string): Set<string> {
  const roles = new Set(session.current.grants.filter((g) => g.zone === zone).map((g) => g.role));
  if (session.current.account?.isOperator && session.current.secondFactorVerified) roles.add('administrator');
  return roles;
}

export function hasRole(zone: string, ...roles: string[]): boolean {
  const held = rolesIn(zone);
  return roles.some((r) => held.has(r));
}
