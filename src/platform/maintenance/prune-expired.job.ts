/**
 * Hourly housekeeping of short-lived technical records: ended sessions, used
 * or expired reset links, old rate-limit windows and idempotency keys older
 * than a day. None of them is history anyone needs; left alone they grow
 * without bound. (Retention of personal data in domain records is its own job.)
 */
import { Type } from 'typebox';
import type { AppContext } from '../app-context.ts';
import { pruneIdempotencyKeys } from '../http/idempotency.ts';
import { pruneRateLimits } from '../http/rate-limit.ts';
import { defineJob } from '../jobs/job-definition.ts';

export interface PruneResult {
  sessions: number;
  passwordResets: number;
}

export async function pruneExpired(context: AppContext): Promise<PruneResult> {
  const now = context.now();
  const idleLimit = new Date(now.getTime() - context.config.sessionIdleMinutes * 60_000);
  const sessions = await context.db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleLimit)]))
    .executeTakeFirst();
  const resets = await context.db
    .deleteFrom('password_resets')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('used_at', 'is not', null)]))
    .executeTakeFirst();
  await pruneRateLimits(context);
  await pruneIdempotencyKeys(context);
  return { sessions: Number(sessions.numDeletedRows), passwordResets: Number(resets.numDeletedRows) };
}

export const pruneExpiredJob = defineJob({
  name: 'maintenance.prune-expired',
  version: 1,
  schema: Type.Object({}),
  retryLimit: 2,
  retryDelaySeconds: 60,
  cron: '17 * * * *',
  async handle(_data, context) {
    await pruneExpired(context);
  },
});
