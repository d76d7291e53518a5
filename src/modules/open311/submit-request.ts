/**
 * POST requests: a report from an Open311 client goes through exactly the
 * web's path. In the route: the client's key first (`authenticateClient`,
 * 403 before anything else is looked at), then a completed repeat of the
 * same Idempotency-Key is answered as the first time; then here the web's
 * schema and `prepareSignal` (category rules and notices, anti-profiling,
 * extra questions, anonymity, a point inside the zone, the public point);
 * and `storeSignal` inside `idempotent()`. The signal records the channel
 * `open311` and the client. The answer is the id at once (we store
 * synchronously), never a token to poll.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import type { Database, Zone } from '../../platform/database/tables.ts';
import { translate, type Language } from '../../platform/i18n/i18n.ts';
import { prepareSignal, storeSignal, type PreparedSignal } from '../signals/submit-signal.ts';
import type { Open311Object } from './open311-format.ts';
import type { Open311ClientRow } from './open311.repository.ts';
import { readRequestInput, type Open311Fields } from './read-request-input.ts';

export async function prepareOpen311Request(
  context: AppContext,
  zone: Zone,
  client: Open311ClientRow,
  fields: Open311Fields,
  language: Language,
): Promise<PreparedSignal> {
  const input = await readRequestInput(context, zone, fields, language);
  return prepareSignal(
    context,
    zone,
    input,
    { channel: 'open311', accountId: null, open311ClientId: client.id },
    language,
  );
}

/** Runs in the idempotency key's transaction; what it returns is what a replay answers. */
export async function storeOpen311Request(
  context: AppContext,
  trx: Kysely<Database>,
  prepared: PreparedSignal,
): Promise<Open311Object[]> {
  const stored = await storeSignal(context, trx, prepared);
  return [
    {
      service_request_id: stored.id,
      service_notice: translate(prepared.language, 'open311.acknowledgement', {
        reference: stored.reference,
      }),
      account_id: null,
    },
  ];
}
