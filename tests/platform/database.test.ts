import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

describe('test database', () => {
  it('is migrated and on the engine the suite asked for', async () => {
    const { db, kind } = database.handle;
    expect(kind).toBe(process.env['DATABASE_URL'] ? 'postgres' : 'pglite');
    // Ask the engine itself, not our label of it.
    const version = await sql<{ version: string }>`select version()`.execute(db);
    expect(version.rows[0]?.version).toMatch(
      process.env['DATABASE_URL'] ? /^PostgreSQL (?!.*PGlite)/ : /PGlite/,
    );
    const rows = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db);
    expect(rows.rows.map((r) => r.name)).toContain('0001-foundation');
    const head = await db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow();
    expect(head.seq).toBe('0');
  });
});
