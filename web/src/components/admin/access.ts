/** Who may open an admin page, and why not: decided from the session, confirmed by the API's answers. */
import { ApiError } from '../../lib/api.ts';
import { rolesIn, session } from '../../lib/session.svelte.ts';
import type { Role } from './admin-api.ts';

export type Access = 'granted' | 'sign_in' | 'finish_sign_in' | 'second_factor' | 'forbidden';

/** The roles that count in this session: administrator only after the second factor. */
export function effectiveRoles(zone: string): Set<string> {
  const held = rolesIn(zone);
  if (!session.current.secondFactorVerified) held.delete('administrator');
  return held;
}

export function accessTo(zone: string, allowed: readonly Role[]): Access {
  const current = session.current;
  if (!current.account) return 'sign_in';
  if (current.secondFactorPending) return 'finish_sign_in';
  const effective = effectiveRoles(zone);
  if (allowed.some((role) => effective.has(role))) return 'granted';
  if (allowed.includes('administrator') && rolesIn(zone).has('administrator')) return 'second_factor';
  return 'forbidden';
}

/** The access problem an API refusal reveals (session expired, second factor missing, role taken away). */
export function accessOfError(error: unknown): Access | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'second_factor_setup_required') return 'second_factor';
  if (error.code === 'second_factor_required') return 'finish_sign_in';
  if (error.status === 401) return 'sign_in';
  if (error.code === 'forbidden') return 'forbidden';
  return null;
}
