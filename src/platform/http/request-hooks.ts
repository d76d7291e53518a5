/**
 * The per-request pipeline, in order:
 *  1. onRequest: language (query ?lang, cookie, Accept-Language) and actor (session cookie).
 *  2. preValidation: CSRF for unsafe methods, zone from `:zone`, pending second
 *     factor, rate limits, then the route's policy.
 * Authorisation runs before schema validation: a refused caller is refused
 * whatever it sends, and learns nothing about what a valid request looks like.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../app-context.ts';
import { anonymousActor } from '../auth/actor.ts';
import { needsSecondFactorFor } from '../auth/policy.ts';
import { loadSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { safeEqual } from '../auth/tokens.ts';
import { AppError } from '../errors/error-catalogue.ts';
import { isLanguage, negotiateLanguage } from '../i18n/i18n.ts';
import { hitRateLimit } from './rate-limit.ts';

export const LANGUAGE_COOKIE = 'nabij_lang';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function clientKey(request: FastifyRequest): string {
  return request.ip;
}

export function registerRequestHooks(app: FastifyInstance, context: AppContext): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('language', 'nl');
  app.decorateRequest('zone', null);
  app.decorateRequest('secondFactorPending', false);

  app.addHook('onRequest', async (request) => {
    const query = request.query as Record<string, unknown> | undefined;
    const fromQuery = query?.['lang'];
    const fromCookie = request.cookies[LANGUAGE_COOKIE];
    request.language = isLanguage(fromQuery)
      ? fromQuery
      : isLanguage(fromCookie)
        ? fromCookie
        : negotiateLanguage(request.headers['accept-language'], undefined, 'en');
    request.actor = anonymousActor;
    const token = request.cookies[SESSION_COOKIE];
    if (token && request.url.startsWith('/api/')) {
      const loaded = await loadSession(context, token);
      if (loaded) {
        request.actor = loaded.actor;
        request.secondFactorPending = loaded.secondFactorPending;
      }
    }
  });

  app.addHook('preValidation', async (request) => {
    if (request.is404) return; // the not-found handler answers for itself
    const config = request.routeOptions.config;
    const policy = config.policy;
    if (!policy) {
      // The OpenAPI document and its viewer (registered by @fastify/swagger before this
      // hook existed) are public by design; any other route without a policy is refused.
      if (request.routeOptions.url?.startsWith('/api/docs')) return;
      throw new AppError('forbidden');
    }

    if (UNSAFE.has(request.method)) {
      // Defence in depth against cross-site requests: a foreign Origin is refused outright…
      const origin = request.headers.origin;
      if (origin !== undefined && origin !== 'null') {
        const host = request.headers.host;
        let sameHost: boolean;
        try {
          sameHost = new URL(origin).host === host || origin === new URL(context.config.publicUrl).origin;
        } catch {
          sameHost = false;
        }
        if (!sameHost) throw new AppError('csrf_failed');
      }
      // …and a request riding on a session cookie must echo the session's CSRF token.
      const session = request.actor.session;
      if (session) {
        const header = request.headers['x-csrf-token'];
        if (typeof header !== 'string' || !safeEqual(header, session.csrfToken))
          throw new AppError('csrf_failed');
      }
    }

    const params = request.params as Record<string, unknown> | undefined;
    const slug = params?.['zone'];
    if (typeof slug === 'string') {
      const zone = await context.db
        .selectFrom('zones')
        .selectAll()
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (!zone) throw new AppError('zone_not_found', { zone: slug });
      request.zone = zone;
    }

    if (request.secondFactorPending && !config.allowPendingSecondFactor) {
      throw new AppError('second_factor_required');
    }

    if (config.rateLimit) {
      await hitRateLimit(
        context,
        `${config.rateLimit.name}:${clientKey(request)}`,
        config.rateLimit.perMinute,
      );
    }
    if (config.anonymousWrite && request.actor.accountId === null) {
      await hitRateLimit(
        context,
        `anonymous-write:${clientKey(request)}`,
        context.config.anonymousWriteLimitPerMinute,
      );
    }

    const zoneId = request.zone?.id ?? null;
    if (!policy({ actor: request.actor, zoneId })) {
      if (request.actor.accountId === null || request.secondFactorPending) {
        throw new AppError(request.secondFactorPending ? 'second_factor_required' : 'unauthenticated');
      }
      if (needsSecondFactorFor(request.actor, zoneId)) {
        // An administrator whose session has no second factor: tell them what to do.
        const wouldAllow = policy({
          actor: {
            ...request.actor,
            session: request.actor.session ? { ...request.actor.session, secondFactorVerified: true } : null,
          },
          zoneId,
        });
        if (wouldAllow) {
          throw new AppError(
            request.actor.totpEnabled ? 'second_factor_required' : 'second_factor_setup_required',
          );
        }
      }
      throw new AppError('forbidden');
    }
  });
}

/** Refuses to register a route that does not declare a policy. */
export function requirePolicyOnEveryRoute(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.method === 'HEAD' || (Array.isArray(route.method) && route.method.every((m) => m === 'HEAD')))
      return;
    if (typeof route.config?.policy !== 'function') {
      throw new Error(
        `Route ${String(route.method)} ${route.url} has no policy: add config.policy (publicAccess for public routes).`,
      );
    }
  });
}
