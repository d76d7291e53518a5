/**
 * Walks every API route with every kind of caller and checks allow/deny
 * against the table in route-access-table.ts. Refusal must be 401/403 with a
 * refusal code whatever the request carries; an allowed caller must get past
 * authorisation (any other status, typically 400 for the empty body sent).
 * A route missing from the table, or a table entry without a route, fails.
 */
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/platform/database/tables.ts';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.ts';
import { actors, routeAccess, type ActorName } from './route-access-table.ts';

const routes: { method: string; url: string }[] = [];
let t: TestApp;
let zone: { id: string; slug: string };
const agents = new Map<ActorName, Agent>();

function collect(route: RouteOptions) {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: route.url });
}

beforeAll(async () => {
  t = await createTestApp({ onApiRoute: collect });
  zone = await t.createZone();
  const other = await t.createZone();
  for (const actor of actors) {
    if (actor === 'anonymous') {
      agents.set(actor, t.anonymous());
      continue;
    }
    const grants: { zoneId: string; role: Role }[] =
      actor === 'operator'
        ? []
        : actor === 'other_zone_administrator'
          ? [{ zoneId: other.id, role: 'administrator' }]
          : [{ zoneId: zone.id, role: actor }];
    const account = await t.createAccount({ grants, isOperator: actor === 'operator', totp: true });
    agents.set(actor, await t.login(account));
    t.clock.advance(31_000); // keep clear of the login rate limit and TOTP replay
  }
}, 120_000);
afterAll(async () => t.close());

function concreteUrl(url: string): string {
  return url
    .replace(':zone', zone.slug)
    .replace(/:([A-Za-z]+)/g, () => '0190a000-0000-7000-8000-000000000000');
}

describe('route access', () => {
  it('every API route is in the access table and every table entry is a route', () => {
    const registered = routes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.length).toBeGreaterThan(20);
    expect(registered).toEqual(Object.keys(routeAccess).sort());
  });

  it('every route refuses and allows exactly the callers of the table', async () => {
    const mismatches: string[] = [];
    // Logging out ends the caller's session: walk it last.
    const ordered = [...routes].sort(
      (a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'),
    );
    for (const route of ordered) {
      const allowed = routeAccess[`${route.method} ${route.url}`] ?? [];
      for (const actor of actors) {
        const agent = agents.get(actor);
        if (!agent) throw new Error(`no agent for ${actor}`);
        const response = await agent.request({
          method: route.method as 'GET',
          url: concreteUrl(route.url),
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        const refused = response.statusCode === 401 || response.statusCode === 403;
        const shouldAllow = allowed.includes(actor);
        if (refused && shouldAllow)
          mismatches.push(`${route.method} ${route.url}: ${actor} refused (${response.body})`);
        if (!refused && !shouldAllow)
          mismatches.push(`${route.method} ${route.url}: ${actor} allowed (${response.statusCode})`);
        if (refused && !shouldAllow && !route.url.startsWith('/open311/')) {
          const code = (response.json() as { error: { code: string } }).error.code;
          if (
            ![
              'unauthenticated',
              'forbidden',
              'second_factor_required',
              'second_factor_setup_required',
            ].includes(code)
          ) {
            mismatches.push(`${route.method} ${route.url}: ${actor} refused with unexpected code ${code}`);
          }
        }
        t.clock.advance(2_000); // rate-limit windows move on
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('an administrator without a second factor is told to set one up, not just refused', async () => {
    const admin = await t.createAccount({ grants: [{ zoneId: zone.id, role: 'administrator' }] });
    const agent = await t.login(admin);
    const response = await agent.get(`/api/zones/${zone.slug}/accounts`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('second_factor_setup_required');
  });
});

describe('a route without a policy', () => {
  it('stops the application from starting', async () => {
    const { default: Fastify } = await import('fastify');
    const { requirePolicyOnEveryRoute } = await import('../../src/platform/http/request-hooks.ts');
    const app = Fastify();
    requirePolicyOnEveryRoute(app);
    expect(() => app.get('/api/forgotten', async () => 'oops')).toThrow(/has no policy/);
    await app.close();
  });
});
