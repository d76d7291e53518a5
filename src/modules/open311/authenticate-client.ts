/**
 * The api_key of a creating request: it must belong to a client of the
 * zone that is not revoked. Missing, unknown, another zone's and revoked keys
 * are all refused alike (403), so a refusal tells nothing about other keys.
 */
import type { AppContext } from '../../platform/app-context.ts';
import { hashToken } from '../../platform/auth/tokens.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { findActiveClientByKeyHash, type Open311ClientRow } from './open311.repository.ts';

export async function authenticateClient(
  context: AppContext,
  zone: Zone,
  apiKey: unknown,
): Promise<Open311ClientRow> {
  if (typeof apiKey !== 'string' || apiKey.length < 8 || apiKey.length > 200) {
    throw new AppError('open311_api_key_invalid');
  }
  const client = await findActiveClientByKeyHash(
    context.db,
    zone.id,
    hashToken(context.secrets.sessionKey, apiKey),
  );
  if (!client) throw new AppError('open311_api_key_invalid');
  return client;
}
