/** The signed-in account (or none), from GET /api/auth/me. */
import { api, setCsrfToken } from './api.ts';

export interface Grant {
  zone: string;
  zoneName: string;
  role: string;
  areaIds: string[];
}

export interface CurrentAccount {
  account: {
    id: string;
    email: string;
    displayName: string;
    language: string | null;
    totpEnabled: boolean;
    isOperator: boolean;
  } | null;
  grants: Grant[];
  csrfToken: string | null;
  secondFactorPending: boolean;
  secondFactorVerified: boolean;
}

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
