/**
 * A fresh, migrated database for one test file, on the engine the suite runs
 * on: PGlite by default, PostgreSQL when DATABASE_URL is set. Real databases,
 * never mocks: repositories are tested against the SQL they will run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type DatabaseHandle } from '../../src/platform/database/connect-database.ts';
import { migrateToLatest } from '../../src/platform/database/migrate.ts';
import { JobQueue } from '../../src/platform/jobs/job-queue.ts';
import { jobDefinitions } from '../../src/modules/index.ts';

/** Migrations plus pg-boss's own schema and queues, as a started server would leave them. */
async function prepare(handle: DatabaseHandle): Promise<void> {
  await migrateToLatest(handle.db as never);
  const jobs = new JobQueue(handle, jobDefinitions);
  await jobs.start();
  await jobs.stop();
}

export const TEMPLATE_DUMP = path.resolve(import.meta.dirname, '../../.tmp/test-template.tar');

function databaseUrlWith(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function templateName(url: string): string {
  const base = new URL(url).pathname.replace(/^\//, '') || 'postgres';
  return `${base}_nabij_template`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createTemplate(): Promise<{ kind: 'pglite' | 'postgres'; templateDatabase?: string }> {
  const url = process.env['DATABASE_URL'];
  if (url) {
    const template = templateName(url);
    await adminQuery(url, `drop database if exists ${template}`);
    await adminQuery(url, `create database ${template}`);
    const handle = await connectDatabase({ databaseUrl: databaseUrlWith(url, template), poolSize: 2 });
    await prepare(handle);
    await handle.close();
    return { kind: 'postgres', templateDatabase: template };
  }
  const handle = await connectDatabase({ databaseUrl: undefined, pgliteDataDir: 'memory://' });
  await prepare(handle);
  const pglite = handle.pglite;
  if (!pglite) throw new Error('PGlite handle expected');
  const dump = await pglite.dumpDataDir('none');
  writeFileSync(TEMPLATE_DUMP, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  return { kind: 'pglite' };
}

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Drops the per-file PostgreSQL database; closes PGlite. */
  destroy(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env['DATABASE_URL'];
  if (url) {
    const name = `nabij_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `create database ${name} template ${templateName(url)}`);
    const handle = await connectDatabase({ databaseUrl: databaseUrlWith(url, name), poolSize: 5 });
    return {
      handle,
      async destroy() {
        await handle.close();
        await adminQuery(url, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const dump = new Blob([readFileSync(TEMPLATE_DUMP)]);
  const handle = await connectDatabase({
    databaseUrl: undefined,
    pgliteDataDir: 'memory://',
    pgliteLoadDataDir: dump,
  });
  return { handle, destroy: () => handle.close() };
}
