import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

const CWD = path.resolve('/srv/nabij');
const secret = () => randomBytes(32).toString('base64');

/** Runs readConfig and returns the ConfigError it throws (fails the test if it does not throw one). */
function configError(env: Record<string, string>): ConfigError {
  try {
    readConfig(env, CWD);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`readConfig accepted ${JSON.stringify(env)}`);
}

function productionEnv(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    NABIJ_SESSION_SECRET: secret(),
    NABIJ_ENCRYPTION_KEY: secret(),
    SMTP_HOST: 'smtp.zone.be',
    SMTP_FROM: 'Nabij <nabij@zone.be>',
    NABIJ_PUBLIC_URL: 'https://nabij.zone.be',
    DATABASE_URL: 'postgres://nabij@db.internal:5432/nabij',
  };
}

describe('configuration defaults', () => {
  it('needs nothing for a first run', () => {
    const config = readConfig({}, CWD);
    expect(config.nodeEnv).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe(path.join(CWD, '.data'));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.smtp).toBeUndefined();
    expect(config.sessionSecret).toBeUndefined();
    expect(config.encryptionKey).toBeUndefined();
    expect(config.publicUrl).toBe('http://127.0.0.1:3000');
    expect(config.logLevel).toBe('info');
    expect(config.demo).toBe(true);
    expect(config.runJobsInServer).toBe(true);
  });

  it('resolves NABIJ_DATA_DIR against the working directory, and keeps an absolute one', () => {
    expect(readConfig({ NABIJ_DATA_DIR: 'var/data' }, CWD).dataDir).toBe(path.join(CWD, 'var', 'data'));
    expect(readConfig({ NABIJ_DATA_DIR: '/var/lib/nabij' }, CWD).dataDir).toBe(
      path.resolve('/var/lib/nabij'),
    );
  });

  it('treats blank values as unset', () => {
    const config = readConfig({ PORT: '  ', HOST: '', SMTP_HOST: ' ', LOG_LEVEL: '' }, CWD);
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.smtp).toBeUndefined();
  });

  it('reads the values it is given', () => {
    const sessionSecret = secret();
    const config = readConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgresql://u@h/db',
        NABIJ_SESSION_SECRET: sessionSecret,
        LOG_LEVEL: 'debug',
        NABIJ_TILE_URL: 'https://tile.example/{z}/{x}/{y}.png',
        NABIJ_PUBLIC_URL: 'https://nabij.example/',
      },
      CWD,
    );
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.databaseUrl).toBe('postgresql://u@h/db');
    expect(config.sessionSecret).toBe(sessionSecret);
    expect(config.logLevel).toBe('debug');
    expect(config.tileUrl).toBe('https://tile.example/{z}/{x}/{y}.png');
    expect(config.publicUrl).toBe('https://nabij.example');
    expect(config.demo).toBe(false);
  });

  it('derives the public URL from host and port, using localhost for a wildcard host', () => {
    expect(readConfig({ HOST: '0.0.0.0', PORT: '4000' }, CWD).publicUrl).toBe('http://localhost:4000');
    expect(readConfig({ HOST: '::', PORT: '4000' }, CWD).publicUrl).toBe('http://localhost:4000');
  });

  it('reads SMTP, with implicit TLS by default only on port 465', () => {
    const smtp = readConfig({ SMTP_HOST: 'mail.example', SMTP_FROM: 'Nabij <nabij@zone.be>' }, CWD).smtp;
    expect(smtp).toEqual({
      host: 'mail.example',
      port: 587,
      secure: false,
      user: undefined,
      password: undefined,
      from: 'Nabij <nabij@zone.be>',
    });
    const tls = readConfig(
      { SMTP_HOST: 'mail.example', SMTP_PORT: '465', SMTP_FROM: 'nabij@zone.be' },
      CWD,
    ).smtp;
    expect(tls?.secure).toBe(true);
  });

  it('is silent in tests', () => {
    expect(readConfig({ NODE_ENV: 'test' }, CWD).logLevel).toBe('silent');
  });
});

describe('a bad variable stops start-up with an error naming it', () => {
  it.each<[string, Record<string, string>, string]>([
    ['PORT=abc', { PORT: 'abc' }, 'PORT'],
    ['PORT=70000', { PORT: '70000' }, 'PORT'],
    ['PORT=-1', { PORT: '-1' }, 'PORT'],
    ['PORT=3000.5', { PORT: '3000.5' }, 'PORT'],
    ['NODE_ENV=staging', { NODE_ENV: 'staging' }, 'NODE_ENV'],
    ['DATABASE_URL=mysql://…', { DATABASE_URL: 'mysql://root@localhost/nabij' }, 'DATABASE_URL'],
    ['DATABASE_URL not a URL', { DATABASE_URL: 'localhost:5432' }, 'DATABASE_URL'],
    [
      'NABIJ_SESSION_SECRET of 16 bytes',
      { NABIJ_SESSION_SECRET: randomBytes(16).toString('base64') },
      'NABIJ_SESSION_SECRET',
    ],
    [
      'NABIJ_SESSION_SECRET of 33 bytes',
      { NABIJ_SESSION_SECRET: randomBytes(33).toString('base64') },
      'NABIJ_SESSION_SECRET',
    ],
    ['NABIJ_ENCRYPTION_KEY short', { NABIJ_ENCRYPTION_KEY: 'c2hvcnQ=' }, 'NABIJ_ENCRYPTION_KEY'],
    ['SMTP_HOST without SMTP_FROM', { SMTP_HOST: 'mail.example' }, 'SMTP_FROM'],
    ['SMTP_FROM without an address', { SMTP_HOST: 'mail.example', SMTP_FROM: 'Nabij' }, 'SMTP_FROM'],
    ['SMTP_USER without SMTP_HOST', { SMTP_USER: 'nabij' }, 'SMTP_USER'],
    ['SMTP_PASSWORD without SMTP_HOST', { SMTP_PASSWORD: 'secret' }, 'SMTP_PASSWORD'],
    ['SMTP_PORT=0', { SMTP_HOST: 'mail.example', SMTP_FROM: 'a@b.be', SMTP_PORT: '0' }, 'SMTP_PORT'],
    [
      'SMTP_SECURE=maybe',
      { SMTP_HOST: 'mail.example', SMTP_FROM: 'a@b.be', SMTP_SECURE: 'maybe' },
      'SMTP_SECURE',
    ],
    ['LOG_LEVEL=loud', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['NABIJ_TILE_URL without {z}', { NABIJ_TILE_URL: 'https://tile.example/{x}/{y}.png' }, 'NABIJ_TILE_URL'],
    ['NABIJ_TILE_URL not http', { NABIJ_TILE_URL: 'ftp://tile.example/{z}/{x}/{y}.png' }, 'NABIJ_TILE_URL'],
    ['NABIJ_PUBLIC_URL not http', { NABIJ_PUBLIC_URL: 'ftp://nabij.example' }, 'NABIJ_PUBLIC_URL'],
    ['NABIJ_DEFAULT_ZONE not a slug', { NABIJ_DEFAULT_ZONE: 'Gent Centrum' }, 'NABIJ_DEFAULT_ZONE'],
    ['NABIJ_DEMO=perhaps', { NABIJ_DEMO: 'perhaps' }, 'NABIJ_DEMO'],
    ['NABIJ_SESSION_IDLE_MINUTES=0', { NABIJ_SESSION_IDLE_MINUTES: '0' }, 'NABIJ_SESSION_IDLE_MINUTES'],
  ])('%s', (_name, env, variable) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.name).toBe('ConfigError');
  });
});

describe('production', () => {
  it('starts with every required variable', () => {
    const config = readConfig(productionEnv(), CWD);
    expect(config.nodeEnv).toBe('production');
    expect(config.smtp?.host).toBe('smtp.zone.be');
    expect(config.publicUrl).toBe('https://nabij.zone.be');
    expect(config.demo).toBe(false);
  });

  it.each(['NABIJ_SESSION_SECRET', 'NABIJ_ENCRYPTION_KEY', 'SMTP_HOST', 'NABIJ_PUBLIC_URL'])(
    'refuses to start without %s and names it',
    (variable) => {
      const env = productionEnv();
      delete env[variable];
      if (variable === 'SMTP_HOST') delete env['SMTP_FROM'];
      const error = configError(env);
      expect(error.variable).toBe(variable);
      expect(error.message).toContain(variable);
      expect(error.message).toMatch(/production/);
    },
  );

  it('refuses to start without a required variable even in embedded mode', () => {
    const env = productionEnv();
    delete env['DATABASE_URL'];
    delete env['NABIJ_ENCRYPTION_KEY'];
    expect(configError(env).variable).toBe('NABIJ_ENCRYPTION_KEY');
  });
});

describe('where jobs run', () => {
  it('always runs jobs in the server in embedded mode, whatever NABIJ_RUN_JOBS_IN_SERVER says', () => {
    expect(readConfig({}, CWD).runJobsInServer).toBe(true);
    expect(readConfig({ NABIJ_RUN_JOBS_IN_SERVER: 'false' }, CWD).runJobsInServer).toBe(true);
    expect(readConfig({ NABIJ_RUN_JOBS_IN_SERVER: '0' }, CWD).runJobsInServer).toBe(true);
  });

  it('leaves jobs to the worker with PostgreSQL unless asked', () => {
    const postgres = { DATABASE_URL: 'postgres://u@h/db' };
    expect(readConfig(postgres, CWD).runJobsInServer).toBe(false);
    expect(readConfig({ ...postgres, NABIJ_RUN_JOBS_IN_SERVER: 'true' }, CWD).runJobsInServer).toBe(true);
    expect(readConfig({ ...postgres, NABIJ_RUN_JOBS_IN_SERVER: 'off' }, CWD).runJobsInServer).toBe(false);
  });
});
