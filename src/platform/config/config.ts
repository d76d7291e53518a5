/**
 * Configuration, read once from the environment at start-up and validated.
 * A bad value stops the process with a message that names the variable, so a
 * misconfigured deployment never half-starts. Every variable is documented in
 * README.md ("Configuration"); keep the two in step.
 */
import path from 'node:path';

export type NodeEnvironment = 'development' | 'test' | 'production';

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
}

export interface Config {
  nodeEnv: NodeEnvironment;
  port: number;
  host: string;
  /** Public base URL used in mails (password reset links). */
  publicUrl: string;
  /** Absent: the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where uploaded files are kept (default: <data dir>/uploads). */
  uploadsDir: string;
  smtp: SmtpConfig | undefined;
  /** Base64 of 32 random bytes; generated into the data folder on an embedded first run. */
  sessionSecret: string | undefined;
  encryptionKey: string | undefined;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  /** Requests per minute per client for anonymous writes (login, reset, reports). */
  anonymousWriteLimitPerMinute: number;
  /** Slug of the zone shown at `/` when several zones are hosted. */
  defaultZone: string | undefined;
  /** Load the demo zone (Ghent) on start when no zone exists. */
  demo: boolean;
  /** Leaflet tile URL template; empty: the map draws neighbourhoods on a plain background. */
  tileUrl: string | undefined;
  tileAttribution: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Run pg-boss workers in the server process (always on in embedded mode). */
  runJobsInServer: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error in ${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(name, `expected a number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function url(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `expected a ${protocols.join(' or ')} URL, got "${parsed.protocol}"`);
  }
  return raw;
}

/** A Leaflet tile template ({z}/{x}/{y} placeholders are not valid in a URL, so check the shape). */
function tileTemplate(env: Env, name: string): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  if (!/^https?:\/\/\S+$/.test(raw) || !raw.includes('{z}') || !raw.includes('{x}') || !raw.includes('{y}')) {
    throw new ConfigError(name, 'expected an http(s) tile template with {z}, {x} and {y}');
  }
  return raw;
}

function secret(env: Env, name: string): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 32) {
    throw new ConfigError(
      name,
      'expected 32 random bytes in base64 (generate one with `openssl rand -base64 32`)',
    );
  }
  return raw;
}

function readSmtp(env: Env): SmtpConfig | undefined {
  const host = text(env, 'SMTP_HOST');
  if (host === undefined) {
    for (const other of ['SMTP_USER', 'SMTP_PASSWORD']) {
      if (text(env, other) !== undefined) throw new ConfigError(other, 'is set but SMTP_HOST is not');
    }
    return undefined;
  }
  const port = integer(env, 'SMTP_PORT', 587, 1, 65535);
  const from = text(env, 'SMTP_FROM');
  if (from === undefined || !/^[^@\s<>]+@[^@\s<>]+$|<[^@\s<>]+@[^@\s<>]+>$/.test(from)) {
    throw new ConfigError(
      'SMTP_FROM',
      'required with SMTP_HOST: a sender address such as "Nabij <nabij@zone.be>"',
    );
  }
  return {
    host,
    port,
    secure: boolean(env, 'SMTP_SECURE', port === 465),
    user: text(env, 'SMTP_USER'),
    password: text(env, 'SMTP_PASSWORD'),
    from,
  };
}

export function readConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = text(env, 'HOST') ?? '127.0.0.1';
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const dataDir = path.resolve(cwd, text(env, 'NABIJ_DATA_DIR') ?? '.data');
  const sessionSecret = secret(env, 'NABIJ_SESSION_SECRET');
  const encryptionKey = secret(env, 'NABIJ_ENCRYPTION_KEY');
  const smtp = readSmtp(env);
  if (nodeEnv === 'production') {
    if (sessionSecret === undefined) throw new ConfigError('NABIJ_SESSION_SECRET', 'required in production');
    if (encryptionKey === undefined) throw new ConfigError('NABIJ_ENCRYPTION_KEY', 'required in production');
    if (smtp === undefined)
      throw new ConfigError('SMTP_HOST', 'required in production (mail cannot go to the demo outbox)');
  }
  const publicUrl =
    url(env, 'NABIJ_PUBLIC_URL', ['http:', 'https:']) ??
    `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;
  if (nodeEnv === 'production' && text(env, 'NABIJ_PUBLIC_URL') === undefined) {
    throw new ConfigError('NABIJ_PUBLIC_URL', 'required in production (links in mails point to it)');
  }
  const defaultZone = text(env, 'NABIJ_DEFAULT_ZONE');
  if (defaultZone !== undefined && !/^[a-z0-9][a-z0-9-]{1,62}$/.test(defaultZone)) {
    throw new ConfigError('NABIJ_DEFAULT_ZONE', 'expected a zone slug: lowercase letters, digits and dashes');
  }
  return {
    nodeEnv,
    port,
    host,
    publicUrl: publicUrl.replace(/\/$/, ''),
    databaseUrl,
    dataDir,
    uploadsDir: path.resolve(cwd, text(env, 'NABIJ_UPLOADS_DIR') ?? path.join(dataDir, 'uploads')),
    smtp,
    sessionSecret,
    encryptionKey,
    sessionIdleMinutes: integer(env, 'NABIJ_SESSION_IDLE_MINUTES', 60, 1, 24 * 60),
    sessionAbsoluteHours: integer(env, 'NABIJ_SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    loginMaxFailures: integer(env, 'NABIJ_LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockoutMinutes: integer(env, 'NABIJ_LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    anonymousWriteLimitPerMinute: integer(env, 'NABIJ_ANONYMOUS_WRITE_LIMIT', 20, 1, 100000),
    defaultZone,
    demo: boolean(env, 'NABIJ_DEMO', databaseUrl === undefined && nodeEnv !== 'production'),
    tileUrl: tileTemplate(env, 'NABIJ_TILE_URL'),
    tileAttribution: text(env, 'NABIJ_TILE_ATTRIBUTION'),
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      nodeEnv === 'test' ? 'silent' : 'info',
    ),
    runJobsInServer: databaseUrl === undefined ? true : boolean(env, 'NABIJ_RUN_JOBS_IN_SERVER', false),
  };
}
