/**
 * The building blocks of authorisation. Every route names a policy (see
 * platform/http/route-config.ts); module policy files compose these helpers
 * into named rules, so who may do what is readable in one place per module.
 *
 * Administrator and operator powers count only in a session that passed the
 * second factor: an administrator without TOTP gets `second_factor_setup_required`.
 */
import type { Role } from '../database/tables.ts';
import type { Actor } from './actor.ts';

export interface PolicyContext {
  actor: Actor;
  /** The zone named in the URL, when the route has one. */
  zoneId: string | null;
}

/** A named rule: true allows. Routes without a zone get zoneId null. */
export type Policy = (context: PolicyContext) => boolean;

/** Roles whose powers need a session that passed the second factor. */
export const rolesRequiringSecondFactor: readonly Role[] = ['administrator'];

export function rolesInZone(actor: Actor, zoneId: string | null): Set<Role> {
  const roles = new Set<Role>();
  if (zoneId === null) return roles;
  for (const grant of actor.grants) {
    if (grant.zoneId !== zoneId) continue;
    if (rolesRequiringSecondFactor.includes(grant.role) && !actor.session?.secondFactorVerified) continue;
    roles.add(grant.role);
  }
  return roles;
}

/** Does the actor hold a role that is waiting for a second factor? (Explains a refusal.) */
export function needsSecondFactorFor(actor: Actor, zoneId: string | null): boolean {
  if (actor.session?.secondFactorVerified) return false;
  if (actor.isOperator) return true;
  return actor.grants.some((g) => g.zoneId === zoneId && rolesRequiringSecondFactor.includes(g.role));
}

export function isOperator(actor: Actor): boolean {
  return actor.isOperator && actor.session?.secondFactorVerified === true;
}

export const publicAccess: Policy = () => true;

export const signedIn: Policy = ({ actor }) => actor.accountId !== null && actor.session !== null;

export function anyRole(...roles: Role[]): Policy {
  return ({ actor, zoneId }) => {
    if (isOperator(actor)) return roles.includes('administrator');
    const held = rolesInZone(actor, zoneId);
    return roles.some((role) => held.has(role));
  };
}

export const operatorOnly: Policy = ({ actor }) => isOperator(actor);

/** Staff roles that work inside the police zone (not partners, not residents). */
export const zoneStaffRoles: Role[] = [
  'officer',
  'analyst',
  'civilian_staff',
  'supervisor',
  'data_protection_officer',
  'administrator',
];

/** Area scope: can the actor act on a record in this area with one of these roles? */
export function canActInArea(actor: Actor, zoneId: string, areaId: string | null, roles: Role[]): boolean {
  if (isOperator(actor) && roles.includes('administrator')) return true;
  return actor.grants.some((grant) => {
    if (grant.zoneId !== zoneId || !roles.includes(grant.role)) return false;
    if (rolesRequiringSecondFactor.includes(grant.role) && !actor.session?.secondFactorVerified) return false;
    return grant.areaIds.length === 0 || (areaId !== null && grant.areaIds.includes(areaId));
  });
}
