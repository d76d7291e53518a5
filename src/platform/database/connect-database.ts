/**
 * Opens the database: PostgreSQL when DATABASE_URL is set, otherwise the
 * embedded PGlite in the data folder. Both go through node-postgres, so Kysely
 * and pg-boss see the same driver and SQL behaves the same.
 *
 * PGlite is a single session. Its pool has one connection, so every query
 * (Kysely's, inside transactions too, and pg-boss's) queues for it and never
 * runs inside somebody else's transaction.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './tables.ts';

export type DatabaseKind = 'postgres' | 'pglite';

/**
 * How long a query waits for a free connection before failing (answered as
 * `database_busy`). Without a bound, a use case that queries outside its own
 * transaction on PGlite's single connection would wait for ever.
 */
const CONNECTION_WAIT_MS = 20_000;

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  pool: pg.Pool;
  /** The embedded engine (PGlite only): tests dump and load its data directory. */
  pglite?: PGlite;
  /** For pg-boss: runs SQL on the same pool (multi-statement when it has no parameters). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

// int8 (count(*), bigserial) as string is pg's safe default; keep it but parse
// numeric aggregates where repositories ask for them explicitly.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface ConnectOptions {
  databaseUrl: string | undefined;
  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  pgliteDataDir?: string;
  /** Start PGlite from a dumped data directory (tests load a migrated template). */
  pgliteLoadDataDir?: Blob;
  poolSize?: number;
}

export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  let pool: pg.Pool;
  let kind: DatabaseKind;
  let closeEmbedded: (() => Promise<void>) | undefined;
  let embedded: PGlite | undefined;
  if (options.databaseUrl !== undefined) {
    kind = 'postgres';
    pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: CONNECTION_WAIT_MS,
    });
  } else {
    kind = 'pglite';
    const { PGlite } = await import('@electric-sql/pglite');
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    const dataDir = options.pgliteDataDir ?? 'memory://';
    if (!dataDir.startsWith('memory://')) mkdirSync(path.dirname(dataDir), { recursive: true });
    const pglite = new PGlite(
      dataDir,
      options.pgliteLoadDataDir ? { loadDataDir: options.pgliteLoadDataDir } : {},
    );
    await pglite.waitReady;
    embedded = pglite;
    pool = new pg.Pool({ ...createPgConfig(pglite), connectionTimeoutMillis: CONNECTION_WAIT_MS });
    closeEmbedded = async () => {
      await pglite.close();
    };
  }
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind,
    pool,
    ...(embedded ? { pglite: embedded } : {}),
    async executeSql(text, values) {
      const result = (await pool.query(text, values ?? [])) as pg.QueryResult | pg.QueryResult[];
      // A multi-statement text returns one result per statement; pg-boss wants the last.
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return { rows: last?.rows ?? [] };
    },
    async close() {
      await db.destroy();
      if (closeEmbedded) await closeEmbedded();
    },
  };
}
