/**
 * "Follow this one instead": a resident who finds the same problem already
 * reported gets their own tracking link to it (and its answers by mail when
 * they leave an address) instead of reporting it again. Only signals the
 * public may see can be followed.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { hashToken, randomToken } from '../../platform/auth/tokens.ts';
import type { Database, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { queueMail } from '../../platform/mail/queue-mail.ts';
import { publicSignalQuery } from './public-signal-query.ts';
import { insertSignalEvent } from './signals.repository.ts';

export async function followSignal(
  context: AppContext,
  trx: Kysely<Database>,
  zone: Zone,
  signalId: string,
  email: string | undefined,
  language: Language,
): Promise<{ trackingUrl: string; trackingToken: string }> {
  const visible = await publicSignalQuery(trx, zone.id).where('signals.id', '=', signalId).executeTakeFirst();
  if (!visible) throw new AppError('signal_not_found');
  const token = randomToken(24);
  const now = context.now();
  const trackingUrl = `${context.config.publicUrl}/track/${token}`;
  await trx
    .insertInto('signal_followers')
    .values({
      id: newId(),
      zone_id: zone.id,
      signal_id: signalId,
      tracking_token_hash: hashToken(context.secrets.sessionKey, token),
      email_encrypted: email ? context.cipher.encrypt(email) : null,
      tracking_token_encrypted: email ? context.cipher.encrypt(token) : null,
      language,
      created_at: now,
    })
    .execute();
  await insertSignalEvent(
    trx,
    {
      id: newId(),
      zoneId: zone.id,
      signalId,
      kind: 'follower_added',
      visibility: 'internal',
      accountId: null,
      data: {},
    },
    now,
  );
  if (email) {
    await queueMail(context, trx, {
      zoneId: zone.id,
      to: email,
      template: 'signal_follow',
      language,
      params: { reference: visible.reference, zone: zone.name, link: trackingUrl },
    });
  }
  await recordAudit(
    trx,
    {
      zoneId: zone.id,
      accountId: null,
      action: 'signal.followed',
      subjectType: 'signal',
      subjectId: signalId,
    },
    now,
  );
  return { trackingUrl, trackingToken: token };
}
