/**
 * Who may do what with signals. Anyone may report, follow and read the
 * public view. Staff work on signals in their zone; an officer whose role is
 * limited to some neighbourhoods sees and handles only signals there (checked
 * per record with `signalAreaAllowed`). The reporter's contact is shown only
 * on request, to those who handle signals, and every showing is audited.
 */
import type { Actor } from '../../platform/auth/actor.ts';
import { anyRole, canActInArea, publicAccess, rolesInZone } from '../../platform/auth/policy.ts';
import type { Role } from '../../platform/database/tables.ts';

const viewers: Role[] = ['officer', 'civilian_staff', 'supervisor', 'administrator', 'analyst'];
const recorders: Role[] = ['officer', 'civilian_staff', 'supervisor', 'administrator'];
const handlers: Role[] = ['officer', 'supervisor', 'administrator'];

export const signalPolicies = {
  report: publicAccess,
  follow: publicAccess,
  viewPublic: publicAccess,
  track: publicAccess,
  viewQueue: anyRole(...viewers),
  record: anyRole(...recorders),
  addNote: anyRole(...recorders),
  handle: anyRole(...handlers),
  revealReporter: anyRole(...handlers),
};

export const signalRoles = { viewers, recorders, handlers };

/** Null: every area of the zone; otherwise the areas the actor's roles are limited to. */
export function visibleAreaIds(actor: Actor, zoneId: string, roles: Role[]): string[] | null {
  if (actor.isOperator && actor.session?.secondFactorVerified) return null;
  const held = rolesInZone(actor, zoneId);
  const grants = actor.grants.filter(
    (g) => g.zoneId === zoneId && roles.includes(g.role) && held.has(g.role),
  );
  if (grants.some((g) => g.areaIds.length === 0)) return null;
  return [...new Set(grants.flatMap((g) => g.areaIds))];
}

export function signalAreaAllowed(
  actor: Actor,
  zoneId: string,
  areaId: string | null,
  roles: Role[],
): boolean {
  return canActInArea(actor, zoneId, areaId, roles);
}
