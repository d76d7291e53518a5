/**
 * An application for one test file: its own database, the real routes and
 * policies, a controllable clock, and helpers to create zones and accounts and
 * to act as them through HTTP (cookie + CSRF header), the way a browser does.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { jobDefinitions, routeModules } from '../../src/modules/index.ts';
import { readConfig, type Config } from '../../src/platform/config/config.ts';
import { createAppContext, type RunningContext } from '../../src/platform/create-app-context.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { totpCode, totpStep, generateTotpSecret } from '../../src/platform/auth/totp.ts';
import type { Language, Role } from '../../src/platform/database/tables.ts';
import { buildApp } from '../../src/platform/http/build-app.ts';
import { newId } from '../../src/platform/ids.ts';
import type { MailTransport } from '../../src/platform/mail/mail-transport.ts';
import { seedSignalSetup } from '../../src/modules/categories/seed-signal-setup.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestClock {
  now(): Date;
  set(date: Date): void;
  advance(ms: number): void;
}

export function createClock(start = new Date()): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (date) => {
      current = date.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export interface TestAppOptions {
  env?: Record<string, string>;
  mail?: MailTransport;
  clock?: TestClock;
  webDist?: string;
  onApiRoute?: (route: RouteOptions) => void;
  logStream?: NodeJS.WritableStream;
}

export interface TestApp {
  app: FastifyInstance;
  context: RunningContext;
  clock: TestClock;
  config: Config;
  close(): Promise<void>;
  createZone(
    overrides?: Partial<{ slug: string; name: string; languages: Language[] }>,
  ): Promise<{ id: string; slug: string }>;
  createAccount(options?: {
    email?: string;
    password?: string;
    grants?: { zoneId: string; role: Role; areaIds?: string[] }[];
    totp?: boolean;
    isOperator?: boolean;
  }): Promise<{ id: string; email: string; password: string; totpSecret: string | null }>;
  /** Logs in through the API (with the TOTP step when the account has one). */
  login(account: { email: string; password: string; totpSecret: string | null }): Promise<Agent>;
  anonymous(): Agent;
  /** A TOTP code for the clock's current step (or a later one, to avoid replay refusals). */
  totp(secret: string, stepOffset?: number): string;
}

export interface Agent {
  cookie: string | null;
  csrfToken: string | null;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

function makeAgent(app: FastifyInstance, cookie: string | null, csrfToken: string | null): Agent {
  const agent: Agent = {
    cookie,
    csrfToken,
    async request(options) {
      const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
      if (agent.cookie) headers['cookie'] = agent.cookie;
      if (agent.csrfToken && options.method && !['GET', 'HEAD'].includes(String(options.method))) {
        headers['x-csrf-token'] ??= agent.csrfToken;
      }
      const response = await app.inject({ ...options, headers });
      const setCookie = response.cookies.find((c) => c.name === 'nabij_session');
      if (setCookie) agent.cookie = setCookie.value ? `nabij_session=${setCookie.value}` : null;
      return response;
    },
    get: (url, headers) => agent.request({ method: 'GET', url, ...(headers ? { headers } : {}) }),
    post: (url, body, headers) =>
      agent.request({
        method: 'POST',
        url,
        ...(body !== undefined ? { payload: body as object } : {}),
        ...(headers ? { headers } : {}),
      }),
    put: (url, body, headers) =>
      agent.request({
        method: 'PUT',
        url,
        ...(body !== undefined ? { payload: body as object } : {}),
        ...(headers ? { headers } : {}),
      }),
    patch: (url, body, headers) =>
      agent.request({
        method: 'PATCH',
        url,
        ...(body !== undefined ? { payload: body as object } : {}),
        ...(headers ? { headers } : {}),
      }),
    delete: (url, headers) => agent.request({ method: 'DELETE', url, ...(headers ? { headers } : {}) }),
  };
  return agent;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const clock = options.clock ?? createClock();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nabij-test-'));
  const config = readConfig({
    NODE_ENV: 'test',
    NABIJ_DATA_DIR: dataDir,
    NABIJ_SESSION_SECRET: randomBytes(32).toString('base64'),
    NABIJ_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    NABIJ_PUBLIC_URL: 'http://nabij.test',
    ...options.env,
  });
  const context = await createAppContext(config, {
    jobDefinitions,
    database: database.handle,
    migrate: false,
    now: clock.now,
    ...(options.mail ? { mail: options.mail } : {}),
  });
  await context.jobs.start();
  const app = await buildApp(context, {
    routeModules,
    ...(options.webDist ? { webDist: options.webDist } : {}),
    ...(options.onApiRoute ? { onApiRoute: options.onApiRoute } : {}),
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });
  await app.ready();

  const testApp: TestApp = {
    app,
    context,
    clock,
    config,
    async close() {
      await app.close();
      await context.close();
      await database.destroy();
    },
    async createZone(overrides = {}) {
      const id = newId();
      const slug = overrides.slug ?? `zone-${randomBytes(4).toString('hex')}`;
      await context.db
        .insertInto('zones')
        .values({
          id,
          slug,
          name: overrides.name ?? 'Testzone',
          languages: JSON.stringify(overrides.languages ?? ['nl', 'fr', 'de', 'en']),
          default_language: overrides.languages?.[0] ?? 'nl',
          time_zone: 'Europe/Brussels',
          projection: 'EPSG:31370',
          contact: JSON.stringify({
            phone: '+32 9 266 61 11',
            email: 'zone@example.be',
            address: 'Antwerpsesteenweg 1, 9000 Gent',
            website: null,
            openingHours: {},
          }),
          branding: JSON.stringify({ logoUrl: null, primaryColour: '#1f3a5f', accentColour: '#c8102e' }),
          legal: JSON.stringify({ privacyNotice: { en: 'Privacy notice' }, terms: { en: 'Terms' } }),
          created_at: clock.now(),
          updated_at: clock.now(),
        })
        .execute();
      await seedSignalSetup(context.db, id);
      return { id, slug };
    },
    async createAccount(spec = {}) {
      const id = newId();
      const email = spec.email ?? `user-${randomBytes(4).toString('hex')}@example.be`;
      const password = spec.password ?? `correct horse ${randomBytes(4).toString('hex')}`;
      const totpSecret = spec.totp ? generateTotpSecret() : null;
      await context.db
        .insertInto('accounts')
        .values({
          id,
          email,
          display_name: email.split('@')[0] ?? email,
          password_hash: await hashPassword(password),
          totp_secret: totpSecret ? context.cipher.encrypt(totpSecret) : null,
          totp_enabled: totpSecret !== null,
          is_operator: spec.isOperator ?? false,
          created_at: clock.now(),
          updated_at: clock.now(),
        })
        .execute();
      for (const grant of spec.grants ?? []) {
        await context.db
          .insertInto('role_grants')
          .values({
            id: newId(),
            zone_id: grant.zoneId,
            account_id: id,
            role: grant.role,
            area_ids: JSON.stringify(grant.areaIds ?? []),
          })
          .execute();
      }
      return { id, email, password, totpSecret };
    },
    anonymous: () => makeAgent(app, null, null),
    totp(secret, stepOffset = 0) {
      return totpCode(secret, totpStep(clock.now()) + stepOffset);
    },
    async login(account) {
      const agent = makeAgent(app, null, null);
      const response = await agent.post('/api/auth/login', {
        email: account.email,
        password: account.password,
      });
      if (response.statusCode !== 200)
        throw new Error(`login failed: ${response.statusCode} ${response.body}`);
      let body = response.json() as { status: string; csrfToken: string };
      agent.csrfToken = body.csrfToken;
      if (body.status === 'second_factor_required') {
        if (!account.totpSecret) throw new Error('second factor required but no secret');
        const second = await agent.post('/api/auth/second-factor', {
          code: testApp.totp(account.totpSecret),
        });
        if (second.statusCode !== 200)
          throw new Error(`second factor failed: ${second.statusCode} ${second.body}`);
        body = second.json() as { status: string; csrfToken: string };
        agent.csrfToken = body.csrfToken;
      }
      return agent;
    },
  };
  return testApp;
}
