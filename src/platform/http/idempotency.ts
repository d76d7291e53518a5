/**
 * Idempotent creation. A creating POST runs its write through `idempotent()`:
 * with an `Idempotency-Key` header, the key, a hash of the request and the
 * response are stored in the same transaction as the write. A repeat with the
 * same key and request gets the stored response (and creates nothing); the
 * same key with a different request is refused. Two identical requests racing
 * serialise on the key's primary key: the second waits, then replays.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppContext } from '../app-context.ts';
import type { Database } from '../database/tables.ts';
import { AppError } from '../errors/error-catalogue.ts';

const KEY = /^[A-Za-z0-9_-]{8,128}$/;

export const idempotencyHeaderSchema = {
  description:
    'Optional. A unique key per intended creation (8–128 letters, digits, - or _). Repeating the request with the same key returns the first response and creates nothing new.',
};

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([request.method, request.routeOptions.url, request.params, request.body ?? null]))
    .digest('hex');
}

export async function idempotent<T>(
  context: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  statusCode: number,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const header = request.headers['idempotency-key'];
  if (header === undefined) {
    const result = await context.db.transaction().execute(work);
    void reply.status(statusCode);
    return result;
  }
  if (typeof header !== 'string' || !KEY.test(header)) throw new AppError('idempotency_key_invalid');
  const scope = request.actor.accountId ?? 'anonymous';
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  const hash = requestHash(request);

  const outcome = await context.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({ scope, key: header, route, request_hash: hash, status_code: null, response: null })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const existing = await trx
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'route', 'status_code', 'response'])
        .where('scope', '=', scope)
        .where('key', '=', header)
        .executeTakeFirstOrThrow();
      if (existing.request_hash !== hash || existing.route !== route)
        throw new AppError('idempotency_key_reused');
      if (existing.status_code === null) throw new AppError('idempotency_in_progress');
      return {
        replayed: true as const,
        status: existing.status_code,
        body: openResponse<T>(context, existing.response),
      };
    }
    const body = await work(trx);
    await trx
      .updateTable('idempotency_keys')
      .set({ status_code: statusCode, response: JSON.stringify(sealResponse(context, body)) })
      .where('scope', '=', scope)
      .where('key', '=', header)
      .execute();
    return { replayed: false as const, status: statusCode, body };
  });
  if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
  void reply.status(outcome.status);
  return outcome.body;
}

/**
 * Stored responses can hold what must not lie in clear in the database (a
 * tracking token, a new API key): they are kept encrypted with the
 * personal-data key for the day they live.
 */
function sealResponse(context: AppContext, body: unknown): string {
  return context.cipher.encrypt(JSON.stringify(body ?? null));
}

function openResponse<T>(context: AppContext, stored: unknown): T {
  return JSON.parse(context.cipher.decrypt(String(stored))) as T;
}

/**
 * Answers a repeated request before its use case runs again, when the key is
 * already done: a retry must get the first answer even if, say, the category
 * was changed since. Null when the request is not a known, completed repeat.
 */
export async function replayIfRepeated<T>(
  context: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<T | null> {
  const header = request.headers['idempotency-key'];
  if (typeof header !== 'string' || !KEY.test(header)) return null;
  const existing = await context.db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'route', 'status_code', 'response'])
    .where('scope', '=', request.actor.accountId ?? 'anonymous')
    .where('key', '=', header)
    .executeTakeFirst();
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  if (
    !existing ||
    existing.status_code === null ||
    existing.route !== route ||
    existing.request_hash !== requestHash(request)
  ) {
    return null;
  }
  void reply.header('idempotent-replayed', 'true');
  void reply.status(existing.status_code);
  return openResponse<T>(context, existing.response);
}

/** Keys are kept a day: long enough for any client retry. Called by the retention job. */
export async function pruneIdempotencyKeys(context: AppContext): Promise<void> {
  await context.db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(context.now().getTime() - 24 * 3600_000))
    .execute();
}
