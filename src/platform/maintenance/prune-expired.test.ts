import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { pruneExpired } from './prune-expired.job.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const count = async (table: 'sessions' | 'password_resets' | 'rate_limit_buckets' | 'idempotency_keys') =>
  Number(
    (
      await t.context.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('pruning expired technical records', () => {
  it('removes dead sessions, spent reset links, old rate-limit windows and idempotency keys, and keeps live ones', async () => {
    const stale = await t.createAccount();
    await t.login(stale);
    await t.anonymous().post('/api/auth/password-reset/request', { email: stale.email });
    t.clock.advance((t.config.sessionIdleMinutes + 1) * 60_000);
    t.clock.advance(2 * 3600_000); // reset links last an hour, rate-limit windows are kept an hour
    t.clock.advance(24 * 3600_000); // idempotency keys are kept a day
    const live = await t.createAccount();
    const agent = await t.login(live);
    expect(await count('sessions')).toBe(2);
    expect(await count('password_resets')).toBe(1);
    expect(await count('rate_limit_buckets')).toBeGreaterThanOrEqual(2);

    const result = await pruneExpired(t.context);
    expect(result).toEqual({ sessions: 1, passwordResets: 1 });
    expect(await count('sessions')).toBe(1);
    expect(await count('password_resets')).toBe(0);
    // Only the current minute's window (the live login) is left.
    expect(await count('rate_limit_buckets')).toBe(1);
    expect((await agent.get('/api/auth/me')).json().account.email).toBe(live.email);
  });

  it('is scheduled hourly with the job queue', async () => {
    const schedules = await t.context.database.executeSql('select name, cron from pgboss.schedule');
    expect(schedules.rows).toContainEqual({ name: 'maintenance.prune-expired.v1', cron: '17 * * * *' });
  });
});
