/**
 * The real command line, run as a child process on a fresh embedded data
 * folder (PGlite), whatever engine the rest of the suite uses: these tests are
 * about the CLI, and the data-folder lock exists only in embedded mode.
 * Each command that opens the database starts PGlite (seconds), so the runs
 * are few and share one folder, in order.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/platform/database/connect-database.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MANCHESTER = path.resolve(ROOT, '../shared/data/manchester-wards.geojson');
const SLOW = 180_000;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nabij-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NABIJ_DATA_DIR: dataDir, NODE_ENV: 'development' };
  delete env['DATABASE_URL'];
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/entrypoints/cli.ts', ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Opens the embedded database directly (only while no CLI process runs). */
async function withDatabase<T>(run: (db: Awaited<ReturnType<typeof connectDatabase>>['db']) => Promise<T>) {
  const handle = await connectDatabase({ databaseUrl: undefined, pgliteDataDir: path.join(dataDir, 'db') });
  try {
    return await run(handle.db);
  } finally {
    await handle.close();
  }
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

const lockFile = path.join(dataDir, 'nabij.lock');

describe('the command line', () => {
  it('loads the demo zone, then finds the audit chain intact', { timeout: SLOW }, async () => {
    const demo = await cli('demo');
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('Demo zone "gent" loaded.');
    expect(existsSync(lockFile)).toBe(false); // released on exit

    const verify = await cli('verify-audit');
    expect(verify.code).toBe(0);
    const match = /Audit chain intact: (\d+) entries/.exec(verify.stdout);
    expect(match).not.toBeNull();
    const reported = Number(match?.[1]);
    const stored = await withDatabase(async (db) => {
      const zones = await db.selectFrom('zones').select(['slug', 'is_demo']).execute();
      const areas = await db.selectFrom('areas').select('kind').execute();
      const entries = await db.selectFrom('audit_entries').select('seq').execute();
      return { zones, areas: areas.length, entries: entries.length };
    });
    expect(stored.zones).toEqual([{ slug: 'gent', is_demo: true }]);
    expect(stored.areas).toBe(29); // 25 neighbourhoods and 4 districts
    expect(reported).toBe(stored.entries);
    expect(reported).toBeGreaterThanOrEqual(2);
  });

  it('refuses to open the data folder while another live process holds it', { timeout: SLOW }, async () => {
    writeFileSync(lockFile, String(process.pid));
    try {
      const run = await cli('verify-audit');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(dataDir);
      expect(run.stderr).toContain(`pid ${process.pid}`);
      expect(run.stderr).toMatch(/Stop the server/);
      expect(run.stdout).not.toContain('Audit chain');
      // The live owner's lock is left alone.
      expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    } finally {
      rmSync(lockFile, { force: true });
    }
  });

  it('names the first altered audit entry and exits 1', { timeout: SLOW }, async () => {
    await withDatabase(async (db) => {
      await sql`alter table audit_entries disable trigger audit_entries_append_only`.execute(db);
      await sql`update audit_entries set action = 'x' where seq = 2`.execute(db);
      await sql`alter table audit_entries enable trigger audit_entries_append_only`.execute(db);
    });
    const run = await cli('verify-audit');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/BROKEN at entry 2\b/);
    expect(run.stderr).toContain('1 entries before it are intact');
    expect(run.stdout).not.toContain('intact:');
  });

  it(
    'reports a dry-run import feature by feature, writes nothing, and takes over a stale lock',
    { timeout: SLOW },
    async () => {
      const stalePid = deadPid();
      writeFileSync(lockFile, String(stalePid));
      const run = await cli('import-areas', '--zone', 'gent', '--file', MANCHESTER, '--dry-run');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const lines = run.stdout.split('\n');
      const features = lines.filter((l) => l.startsWith('#'));
      expect(features).toHaveLength(32);
      for (const line of features) expect(line).toMatch(/^#\d+ .+ \[E05\d{6}\]: (imported|repaired)/);
      const imported = features.filter((l) => /\]: imported/.test(l)).length;
      const repaired = features.filter((l) => /\]: repaired/.test(l)).length;
      expect(run.stdout).toContain(
        `Dry run: nothing written. ${imported} imported, ${repaired} repaired, 0 refused, 0 skipped (source CRS EPSG:27700).`,
      );
      expect(existsSync(lockFile)).toBe(false);
      const areas = await withDatabase((db) => db.selectFrom('areas').select('code').execute());
      expect(areas).toHaveLength(29);
      expect(areas.some((a) => a.code.startsWith('E05'))).toBe(false);
    },
  );

  it('exits 2 with the usage for an unknown command or none', { timeout: SLOW }, async () => {
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    expect(unknown.stderr).toContain('import-areas --zone S --file F');
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('verify-audit');
  });

  it('names a missing required option', { timeout: SLOW }, async () => {
    const run = await cli('import-areas', '--zone', 'gent');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--file');
    expect(run.stderr).toMatch(/required/);
  });
});
