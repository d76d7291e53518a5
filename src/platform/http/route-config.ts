/**
 * What every route declares besides its schema, and what every request
 * carries. `policy` is required: the app refuses to start with a route that
 * has none (see authorize.ts), so no route is reachable by accident.
 */
import type { Actor } from '../auth/actor.ts';
import type { Policy } from '../auth/policy.ts';
import type { Zone } from '../database/tables.ts';
import type { Language } from '../i18n/i18n.ts';

export interface NabijRouteConfig {
  /** Who may call the route. Use `publicAccess` for public routes: there is no default. */
  policy: Policy;
  /** Counted against the anonymous-write rate limit when the caller is not signed in. */
  anonymousWrite?: boolean;
  /** A stricter named limit (login, password reset) per client address. */
  rateLimit?: { name: string; perMinute: number };
  /** Reachable while a login waits for its second factor (the TOTP step itself, logout). */
  allowPendingSecondFactor?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
    anonymousWrite?: boolean;
    rateLimit?: { name: string; perMinute: number };
    allowPendingSecondFactor?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
    language: Language;
    /** The zone named by the `:zone` URL parameter, resolved before the policy runs. */
    zone: Zone | null;
    secondFactorPending: boolean;
  }
}
