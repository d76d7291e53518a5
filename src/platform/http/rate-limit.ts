/**
 * Fixed-window rate limiting with the counters in PostgreSQL, so the limit
 * holds across any number of server processes. One upsert per counted request.
 */
import { sql } from 'kysely';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../errors/error-catalogue.ts';

const WINDOW_SECONDS = 60;

export async function hitRateLimit(context: AppContext, key: string, perMinute: number): Promise<void> {
  const now = context.now();
  const windowStart = new Date(Math.floor(now.getTime() / (WINDOW_SECONDS * 1000)) * WINDOW_SECONDS * 1000);
  const row = await context.db
    .insertInto('rate_limit_buckets')
    .values({ key, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limit_buckets.hits + 1` }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  if (row.hits > perMinute) {
    const seconds = Math.max(
      1,
      Math.ceil((windowStart.getTime() + WINDOW_SECONDS * 1000 - now.getTime()) / 1000),
    );
    throw new AppError('rate_limited', { seconds });
  }
}

/** Old windows are useless: the retention job calls this. */
export async function pruneRateLimits(context: AppContext): Promise<void> {
  await context.db
    .deleteFrom('rate_limit_buckets')
    .where('window_start', '<', new Date(context.now().getTime() - 3600_000))
    .execute();
}
