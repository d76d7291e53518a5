/**
 * GET tokens/{token}: the spec's answer for servers that queue requests
 * before creating them. Nabij stores a request before it answers, so the
 * token *is* the service_request_id: the call exists for clients written for
 * the token flow and answers for the id of any request that came in through
 * Open311 (whoever holds that id sent it). Any other id is 404.
 */
import type { AppContext } from '../../platform/app-context.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import type { Open311Object } from './open311-format.ts';
import { findOpen311Signal } from './open311.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findToken(context: AppContext, zone: Zone, token: string): Promise<Open311Object[]> {
  const signal = UUID.test(token) ? await findOpen311Signal(context.db, zone.id, token) : undefined;
  if (!signal) throw new AppError('signal_not_found');
  return [{ service_request_id: signal.id, token: signal.id }];
}
