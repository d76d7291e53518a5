/**
 * API keys of Open311 clients (a city app, a partner's platform), issued and
 * revoked by an administrator of the zone. The key is shown once, when it is
 * issued; the database keeps only its HMAC under the session key and its last
 * four characters, so a copy of the database opens no client. Issuing and
 * revoking are audited; a revoked key is refused from the next request on.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { hashToken, randomToken } from '../../platform/auth/tokens.ts';
import type { Database, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { newId } from '../../platform/ids.ts';
import {
  findClient,
  insertClient,
  listClients,
  setClientRevoked,
  type Open311ClientRow,
} from './open311.repository.ts';
import type { Open311Client } from './open311.schema.ts';

/** Recognisable in logs and secret scanners; the random part holds 192 bits. */
const KEY_PREFIX = 'nabij311_';

export function toOpen311Client(row: Open311ClientRow): Open311Client {
  return {
    id: row.id,
    name: row.name,
    keyHint: row.key_hint,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
  };
}

export async function listOpen311Clients(context: AppContext, zone: Zone): Promise<Open311Client[]> {
  return (await listClients(context.db, zone.id)).map(toOpen311Client);
}

export async function issueOpen311Client(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  accountId: string,
  name: string,
): Promise<{ client: Open311Client; apiKey: string }> {
  const now = context.now();
  const apiKey = `${KEY_PREFIX}${randomToken(24)}`;
  const row: Open311ClientRow = {
    id: newId(),
    zone_id: zone.id,
    name: name.trim(),
    key_hint: apiKey.slice(-4),
    created_at: now,
    revoked_at: null,
  };
  await insertClient(trx, {
    ...row,
    key_hash: hashToken(context.secrets.sessionKey, apiKey),
    created_by_account_id: accountId,
  });
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId,
      action: 'open311_client.issued',
      subjectType: 'open311_client',
      subjectId: row.id,
    },
    now,
  );
  return { client: toOpen311Client(row), apiKey };
}

/** Revoking twice changes nothing and answers the client as it is. */
export async function revokeOpen311Client(
  context: AppContext,
  zone: Zone,
  accountId: string,
  clientId: string,
): Promise<Open311Client> {
  return context.db.transaction().execute(async (trx) => {
    const client = await findClient(trx, zone.id, clientId);
    if (!client) throw new AppError('open311_client_not_found');
    if (client.revoked_at) return toOpen311Client(client);
    const now = context.now();
    await setClientRevoked(trx, zone.id, clientId, now);
    await recordAudit(
      trx,
      {
        zoneId: zone.id,
        accountId,
        action: 'open311_client.revoked',
        subjectType: 'open311_client',
        subjectId: clientId,
      },
      now,
    );
    return toOpen311Client({ ...client, revoked_at: now });
  });
}
