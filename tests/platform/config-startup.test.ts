/**
 * A misconfigured server never half-starts: the real entry point, run as a
 * child process, exits non-zero with a message that names the variable.
 * Each run gets a fresh data folder and a deadline, so a server that starts
 * by mistake is killed and the test fails instead of hanging.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEADLINE_MS = 60_000;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  dataDirContents: string[];
}

/** Starts the server with the environment minus the configuration it could inherit. */
function startServer(env: Record<string, string>): Promise<Run> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nabij-config-'));
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(base)) {
    if (/^(NABIJ_|SMTP_|DATABASE_URL$|PORT$|HOST$|NODE_ENV$|LOG_LEVEL$)/.test(key)) delete base[key];
  }
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/entrypoints/server.ts'], {
      cwd: ROOT,
      env: { ...base, NABIJ_DATA_DIR: dataDir, NABIJ_DEMO: 'false', ...env },
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      // It started (or hangs): stop the whole process group we created.
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, DEADLINE_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const dataDirContents = readdirSync(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, signal, output, dataDirContents });
    });
  });
}

describe('server start-up with a bad configuration', () => {
  it('refuses a PORT that is not a number, naming PORT', { timeout: DEADLINE_MS + 10_000 }, async () => {
    const run = await startServer({ PORT: 'abc', NODE_ENV: 'development' });
    expect(run.signal).toBeNull();
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/Configuration error in PORT\b/);
    expect(run.output).toContain('"abc"');
    expect(run.output).not.toMatch(/Nabij is running/);
    // It stopped before touching the data folder: no database, no secrets, no lock.
    expect(run.dataDirContents).toEqual([]);
  });

  it(
    'refuses to start in production without the session secret, naming it',
    { timeout: DEADLINE_MS + 10_000 },
    async () => {
      const run = await startServer({ NODE_ENV: 'production', PORT: '0' });
      expect(run.signal).toBeNull();
      expect(run.code).not.toBe(0);
      expect(run.output).toMatch(/Configuration error in NABIJ_SESSION_SECRET\b/);
      expect(run.output).toMatch(/production/);
      expect(run.dataDirContents).not.toContain('secrets.json');
    },
  );

  it(
    'refuses a secret that is not 32 bytes of base64, naming the variable',
    { timeout: DEADLINE_MS + 10_000 },
    async () => {
      const run = await startServer({ NODE_ENV: 'development', PORT: '0', NABIJ_ENCRYPTION_KEY: 'c2hvcnQ=' });
      expect(run.code).not.toBe(0);
      expect(run.output).toMatch(/Configuration error in NABIJ_ENCRYPTION_KEY\b/);
    },
  );
});
