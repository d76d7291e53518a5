import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database.ts';
import type { AuditEntry, Database } from '../database/tables.ts';
import { newId } from '../ids.ts';
import { GENESIS_HASH, recordAudit, type AuditInput } from './audit-log.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

function input(action: string): AuditInput {
  return { zoneId: null, accountId: newId(), action, subjectType: 'account', subjectId: newId() };
}

async function entries(db: Kysely<Database>): Promise<AuditEntry[]> {
  return db.selectFrom('audit_entries').selectAll().orderBy('seq').execute();
}

/** Runs `tamper` with the append-only trigger off, then puts the trigger back. */
async function withoutTrigger(db: Kysely<Database>, tamper: () => Promise<void>): Promise<void> {
  await sql`alter table audit_entries disable trigger audit_entries_append_only`.execute(db);
  try {
    await tamper();
  } finally {
    await sql`alter table audit_entries enable trigger audit_entries_append_only`.execute(db);
  }
}

async function reinsert(db: Kysely<Database>, row: AuditEntry): Promise<void> {
  await db.insertInto('audit_entries').values(row).execute();
}

describe('the audit chain', () => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  const start = new Date('2026-03-01T10:00:00.123Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.handle.db;
    for (let i = 1; i <= 5; i += 1) {
      await recordAudit(db, input(`test.action_${i}`), new Date(start.getTime() + i * 1000));
    }
  });
  afterAll(async () => database.destroy());

  it('starts empty and valid', async () => {
    const empty = await createTestDatabase();
    try {
      expect(await verifyAuditChain(empty.handle.db)).toEqual({
        ok: true,
        entries: 0,
        headHash: GENESIS_HASH,
      });
    } finally {
      await empty.destroy();
    }
  });

  it('links every appended entry to the one before and is accepted by verifyAuditChain', async () => {
    const rows = await entries(db);
    expect(rows.map((r) => r.seq)).toEqual(['1', '2', '3', '4', '5']);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(5);
    expect(rows.map((r) => r.action)).toEqual([1, 2, 3, 4, 5].map((i) => `test.action_${i}`));
    expect(rows[0]?.created_at.toISOString()).toBe('2026-03-01T10:00:01.123Z');

    const head = await db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow();
    expect(head.seq).toBe('5');
    expect(head.hash).toBe(rows[4]?.hash);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 5, headHash: rows[4]?.hash });
  });

  it('verifies in batches as well as in one go', async () => {
    expect(await verifyAuditChain(db, 2)).toMatchObject({ ok: true, entries: 5 });
    expect(await verifyAuditChain(db, 1)).toMatchObject({ ok: true, entries: 5 });
  });

  it('appends inside the caller’s transaction: a rolled-back write leaves no entry', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await recordAudit(trx, input('test.rolled_back'));
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect((await entries(db)).map((r) => r.action)).not.toContain('test.rolled_back');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 5 });
  });

  it('is refused UPDATE and DELETE by the database', async () => {
    await expect(
      db.updateTable('audit_entries').set({ action: 'test.rewritten' }).where('seq', '=', '2').execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_entries').where('seq', '=', '2').execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_entries`.execute(db)).rejects.toThrow(/append-only/);
    const rows = await entries(db);
    expect(rows).toHaveLength(5);
    expect(rows[1]?.action).toBe('test.action_2');
  });

  it('names the altered entry as the first broken one', async () => {
    const original = (await entries(db))[2];
    expect(original?.seq).toBe('3');
    await withoutTrigger(db, async () => {
      await db
        .updateTable('audit_entries')
        .set({ action: 'test.covered_up' })
        .where('seq', '=', '3')
        .execute();
    });
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: false, entries: 2, brokenAt: { seq: '3', id: original?.id } });
    expect(result.ok === false && result.reason).toMatch(/altered/);
    expect(result.ok === false && result.reasonCode).toBe('hash_mismatch');

    await withoutTrigger(db, async () => {
      await db
        .updateTable('audit_entries')
        .set({ action: original?.action ?? '' })
        .where('seq', '=', '3')
        .execute();
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 5 });
  });

  it('detects a changed time or subject as well as a changed action', async () => {
    const original = (await entries(db))[3];
    if (!original) throw new Error('entry 4 expected');
    for (const change of [
      { created_at: new Date(original.created_at.getTime() + 1) },
      { subject_id: newId() },
      { account_id: null },
    ]) {
      await withoutTrigger(db, async () => {
        await db.updateTable('audit_entries').set(change).where('seq', '=', '4').execute();
      });
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: { seq: '4' } });
      await withoutTrigger(db, async () => {
        await db
          .updateTable('audit_entries')
          .set({
            created_at: original.created_at,
            subject_id: original.subject_id,
            account_id: original.account_id,
          })
          .where('seq', '=', '4')
          .execute();
      });
    }
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 5 });
  });

  it('reports a deleted middle entry as missing', async () => {
    const removed = (await entries(db))[1];
    if (!removed) throw new Error('entry 2 expected');
    await withoutTrigger(db, async () => {
      await db.deleteFrom('audit_entries').where('seq', '=', '2').execute();
    });
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: false, entries: 1, brokenAt: { seq: '2', id: null } });
    expect(result.ok === false && result.reason).toMatch(/missing/);
    expect(result.ok === false && result.reasonCode).toBe('entry_missing');

    await reinsert(db, removed);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 5 });
  });

  it('reports a deleted first entry as missing', async () => {
    const removed = (await entries(db))[0];
    if (!removed) throw new Error('entry 1 expected');
    await withoutTrigger(db, async () => {
      await db.deleteFrom('audit_entries').where('seq', '=', '1').execute();
    });
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      entries: 0,
      brokenAt: { seq: '1', id: null },
    });
    await reinsert(db, removed);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 5 });
  });

  it('reports a deleted last entry: the chain no longer reaches its head', async () => {
    const removed = (await entries(db))[4];
    if (!removed) throw new Error('entry 5 expected');
    await withoutTrigger(db, async () => {
      await db.deleteFrom('audit_entries').where('seq', '=', '5').execute();
    });
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: false, entries: 4, brokenAt: { seq: '5', id: null } });
    expect(result.ok === false && result.reason).toMatch(/head/);
    expect(result.ok === false && result.reasonCode).toBe('entries_removed_at_end');

    await reinsert(db, removed);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 5 });
  });

  it('reports a forged link even when the forged row hashes correctly on its own', async () => {
    const row = (await entries(db))[2];
    if (!row) throw new Error('entry 3 expected');
    await withoutTrigger(db, async () => {
      await db.updateTable('audit_entries').set({ prev_hash: GENESIS_HASH }).where('seq', '=', '3').execute();
    });
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: false, brokenAt: { seq: '3', id: row.id } });
    expect(result.ok === false && result.reason).toMatch(/link/);
    expect(result.ok === false && result.reasonCode).toBe('link_mismatch');
    await withoutTrigger(db, async () => {
      await db
        .updateTable('audit_entries')
        .set({ prev_hash: row.prev_hash })
        .where('seq', '=', '3')
        .execute();
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 5 });
  });

  it('leaves the append-only trigger on after the tampering tests', async () => {
    await expect(db.deleteFrom('audit_entries').where('seq', '=', '5').execute()).rejects.toThrow(
      /append-only/,
    );
  });
});

describe('concurrent appends', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.destroy());

  it('give consecutive sequence numbers 1..20 and a valid chain', async () => {
    const { db, kind } = database.handle;
    // On PostgreSQL the pool has several connections, so these transactions really race.
    if (kind === 'postgres') expect(database.handle.pool.options.max).toBeGreaterThan(1);
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(db, input(`test.concurrent_${i}`))));
    const rows = await entries(db);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    expect(new Set(rows.map((r) => r.action)).size).toBe(20);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 20 });
  });

  it('stay consecutive when several transactions each append several entries', async () => {
    const { db } = database.handle;
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          for (let j = 0; j < 3; j += 1) await recordAudit(trx, input(`test.batch_${i}_${j}`));
        }),
      ),
    );
    const rows = await entries(db);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 35 }, (_, i) => String(i + 1)));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 35 });
  });
});

describe('no personal data in the audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('holds ids and actions but never the email address, after a login and a password reset request', async () => {
    const zone = await t.createZone();
    const account = await t.createAccount({
      email: 'Sofie.Janssens@Example.be',
      grants: [{ zoneId: zone.id, role: 'officer' }],
    });
    const agent = await t.login(account);
    expect((await agent.get('/api/auth/me')).json().account.email).toBe(account.email);
    const wrong = await t
      .anonymous()
      .post('/api/auth/login', { email: account.email, password: 'not the password' });
    expect(wrong.json().error.code).toBe('invalid_credentials');
    const reset = await t
      .anonymous()
      .post('/api/auth/password-reset/request', { email: 'sofie.janssens@example.be' });
    expect(reset.statusCode).toBe(202);
    const mail = await t.context.db.selectFrom('mail_messages').select('to_address').execute();
    expect(mail.map((m) => m.to_address)).toContain(account.email);

    const rows = await entries(t.context.db);
    const actions = rows.filter((r) => r.account_id === account.id).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'account.logged_in',
        'account.login_failed',
        'account.password_reset_requested',
      ]),
    );

    const needles = [account.email.toLowerCase(), 'sofie.janssens', 'sofie', 'janssens'];
    for (const row of rows) {
      const everything = JSON.stringify(Object.values(row)).toLowerCase();
      for (const needle of needles) expect(everything, `audit entry ${row.seq}`).not.toContain(needle);
    }
    // The same search in SQL, over every column as the database stores it.
    const found = await sql<{ seq: string }>`
      select seq from audit_entries where lower(row_to_json(audit_entries)::text) like ${'%janssens%'}
    `.execute(t.context.db);
    expect(found.rows).toEqual([]);
    expect(await verifyAuditChain(t.context.db)).toMatchObject({ ok: true });
  });
});
