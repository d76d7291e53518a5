/**
 * Who is making a request: an anonymous visitor or an account with its role
 * grants. Built once per request from the session cookie; policies read it.
 */
import type { Role } from '../database/tables.ts';

export interface ActorGrant {
  zoneId: string;
  role: Role;
  /** Empty: the whole zone. */
  areaIds: readonly string[];
}

export interface ActorSession {
  id: string;
  csrfToken: string;
  secondFactorVerified: boolean;
  expiresAt: Date;
}

export interface Actor {
  accountId: string | null;
  isOperator: boolean;
  totpEnabled: boolean;
  grants: readonly ActorGrant[];
  session: ActorSession | null;
}

export const anonymousActor: Actor = {
  accountId: null,
  isOperator: false,
  totpEnabled: false,
  grants: [],
  session: null,
};

export function isAuthenticated(actor: Actor): actor is Actor & { accountId: string; session: ActorSession } {
  return actor.accountId !== null && actor.session !== null;
}
