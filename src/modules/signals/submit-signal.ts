/**
 * A signal comes in: from a resident on the web, an Open311 client, or staff
 * recording a call, a visit at the counter or something seen on patrol.
 *
 * `prepareSignal` checks everything and does the slow work (photos, the
 * neighbourhood, the public point) before any write; `storeSignal` then
 * writes the signal, its reporter (encrypted, apart), its photos, its first
 * timeline event, the audit entry and the notification job in one
 * transaction — the caller's, which also holds the idempotency key. The
 * answer goes out only after the commit: acknowledged means stored.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { hashToken, randomToken } from '../../platform/auth/tokens.ts';
import type { Area, Category, Database, SignalChannel, Zone } from '../../platform/database/tables.ts';
import { AppError } from '../../platform/errors/error-catalogue.ts';
import { translate, type Language } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { queueMail } from '../../platform/mail/queue-mail.ts';
import { locateArea } from '../areas/locate-area.ts';
import { findCategoryByCode, findInitialStatus } from '../categories/categories.repository.ts';
import { checkBehaviourAccount } from './anti-profiling.ts';
import { personalDataKinds } from './detect-personal-data.ts';
import { notifyNewSignalJob } from './notify-new-signal.job.ts';
import { processPhoto, type ProcessedPhoto } from './process-photo.ts';
import { computePublicPoint, type PublicPoint } from './public-point.ts';
import { signalSettings } from './signal-settings.ts';
import type { SubmitSignalBody } from './signals.schema.ts';
import { insertSignalEvent, nextSignalNumber } from './signals.repository.ts';
import { PERSON_DESCRIPTION_KEY, validateAnswers } from './validate-answers.ts';

export interface SignalSource {
  channel: SignalChannel;
  /** Staff member recording it; null for residents and API clients. */
  accountId: string | null;
  open311ClientId?: string | null;
}

export interface PreparedSignal {
  zone: Zone;
  category: Category;
  area: Area;
  input: SubmitSignalBody;
  answers: Record<string, string | number | string[]>;
  photos: ProcessedPhoto[];
  publicPoint: PublicPoint;
  occurredAt: Date | null;
  language: Language;
  source: SignalSource;
}

export interface StoredSignal {
  id: string;
  reference: string;
  trackingToken: string;
  trackingUrl: string;
  areaId: string | null;
  acknowledgement: string;
}

const YEAR_MS = 365 * 24 * 3600_000;

/** The error's own message as a detail on the field it is about, so forms can show it there. */
function fieldDetail(
  path: string,
  code: 'occurred_at_invalid' | 'location_outside_zone',
  language: Language,
) {
  return { path, code, message: translate(language, `error.${code}`) };
}

const behaviourErrors = {
  behaviour_missing: 'behaviour_missing',
  behaviour_too_short: 'behaviour_too_short',
  appearance_only: 'behaviour_appearance_only',
} as const;

export async function prepareSignal(
  context: AppContext,
  zone: Zone,
  input: SubmitSignalBody,
  source: SignalSource,
  requestLanguage: Language,
): Promise<PreparedSignal> {
  const language = input.language ?? requestLanguage;
  const category = await findCategoryByCode(context.db, zone.id, input.category);
  if (!category || !category.active) throw new AppError('category_unknown');
  // The notice stops residents (web, Open311); staff taking a call or a visit record it anyway.
  if (category.blocking_notice && (source.channel === 'web' || source.channel === 'open311')) {
    const notice =
      category.blocking_notice[requestLanguage] ?? Object.values(category.blocking_notice)[0] ?? '';
    throw new AppError('category_blocked', { notice });
  }
  if (category.asks_behaviour) {
    const problem = checkBehaviourAccount(input.description);
    if (problem) {
      const code = behaviourErrors[problem];
      throw new AppError(code, {}, [
        { path: 'body/description', code, message: translate(requestLanguage, `error.${code}`) },
      ]);
    }
  }
  const answers = validateAnswers(category.questions, input.answers ?? {}, requestLanguage);
  if (category.asks_behaviour && input.personDescription?.trim()) {
    answers[PERSON_DESCRIPTION_KEY] = input.personDescription.trim();
  }
  const reporter = input.reporter;
  if (input.anonymous && reporter && (reporter.name || reporter.email || reporter.phone)) {
    throw new AppError('anonymous_with_contact');
  }
  let occurredAt: Date | null = null;
  if (input.occurredAt) {
    occurredAt = new Date(input.occurredAt);
    const now = context.now().getTime();
    if (occurredAt.getTime() > now + 5 * 60_000 || occurredAt.getTime() < now - YEAR_MS) {
      throw new AppError('occurred_at_invalid', {}, [
        fieldDetail('body/occurredAt', 'occurred_at_invalid', requestLanguage),
      ]);
    }
  }
  const area = await locateArea(context, zone, input.location.lon, input.location.lat);
  if (!area) {
    throw new AppError('location_outside_zone', {}, [
      fieldDetail('body/location', 'location_outside_zone', requestLanguage),
    ]);
  }
  const photos: ProcessedPhoto[] = [];
  for (const [index, photo] of (input.photos ?? []).entries()) {
    photos.push(await processPhoto(Buffer.from(photo.data, 'base64'), index));
  }
  const settings = signalSettings(zone);
  const publicPoint = await computePublicPoint(
    context.db,
    zone,
    area,
    input.location.lon,
    input.location.lat,
    settings.anonymityHouseholds,
  );
  return { zone, category, area, input, answers, photos, publicPoint, occurredAt, language, source };
}

export async function storeSignal(
  context: AppContext,
  trx: Kysely<Database>,
  prepared: PreparedSignal,
): Promise<StoredSignal> {
  const { zone, category, area, input, source } = prepared;
  const now = context.now();
  const status = await findInitialStatus(trx, zone.id);
  if (!status) throw new Error(`zone ${zone.slug} has no initial signal status`);
  const id = newId();
  const year = Number(
    new Intl.DateTimeFormat('en', { timeZone: zone.time_zone, year: 'numeric' }).format(now),
  );
  const number = await nextSignalNumber(trx, zone.id, year);
  const reference = `${zone.slug.toUpperCase().slice(0, 12)}-${year}-${String(number).padStart(5, '0')}`;
  const trackingToken = randomToken(24);
  const flags = personalDataKinds(`${input.description}\n${input.personDescription ?? ''}`);

  const photoKeys = prepared.photos.map((_, index) => `signals/${zone.id}/${id}/${index + 1}-${newId()}.jpg`);
  try {
    for (const [index, photo] of prepared.photos.entries())
      await context.files.put(photoKeys[index] as string, photo.bytes);
    await trx
      .insertInto('signals')
      .values({
        id,
        zone_id: zone.id,
        reference,
        category_id: category.id,
        channel: source.channel,
        description: input.description.trim(),
        answers: JSON.stringify(prepared.answers),
        personal_data_flags: JSON.stringify(flags),
        lon: input.location.lon,
        lat: input.location.lat,
        area_id: area.id,
        public_lon: prepared.publicPoint.lon,
        public_lat: prepared.publicPoint.lat,
        public_cell_m: prepared.publicPoint.cellM,
        occurred_at: prepared.occurredAt,
        status_id: status.id,
        priority: category.is_urgent ? 'high' : 'normal',
        tracking_token_hash: hashToken(context.secrets.sessionKey, trackingToken),
        reporter_language: prepared.language,
        open311_client_id: source.open311ClientId ?? null,
        created_by_account_id: source.accountId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const reporter = input.anonymous ? undefined : input.reporter;
    if (reporter && (reporter.name || reporter.email || reporter.phone)) {
      await trx
        .insertInto('signal_reporters')
        .values({
          signal_id: id,
          zone_id: zone.id,
          name_encrypted: reporter.name ? context.cipher.encrypt(reporter.name) : null,
          email_encrypted: reporter.email ? context.cipher.encrypt(reporter.email) : null,
          phone_encrypted: reporter.phone ? context.cipher.encrypt(reporter.phone) : null,
          consent_share_with_partner: reporter.consentShareWithPartner ?? false,
          wants_updates: reporter.wantsUpdates ?? true,
          tracking_token_encrypted: context.cipher.encrypt(trackingToken),
        })
        .execute();
    }
    for (const [index, photo] of prepared.photos.entries()) {
      await trx
        .insertInto('signal_photos')
        .values({
          id: newId(),
          zone_id: zone.id,
          signal_id: id,
          storage_key: photoKeys[index] as string,
          content_type: photo.contentType,
          width: photo.width,
          height: photo.height,
          bytes: photo.bytes.length,
          created_at: now,
        })
        .execute();
    }
    await insertSignalEvent(
      trx,
      {
        id: newId(),
        zoneId: zone.id,
        signalId: id,
        kind: 'created',
        visibility: 'public',
        accountId: source.accountId,
        data: { statusId: status.id, channel: source.channel, photos: prepared.photos.length },
      },
      now,
    );
    await recordAudit(
      trx,
      {
        zoneId: zone.id,
        accountId: source.accountId,
        action: 'signal.created',
        subjectType: 'signal',
        subjectId: id,
      },
      now,
    );
    await context.jobs.send(notifyNewSignalJob, { signalId: id, zoneId: zone.id }, trx);
    if (reporter?.email && reporter.wantsUpdates !== false) {
      // The receipt carries the tracking link, so it is not lost with the confirmation page.
      await queueMail(context, trx, {
        zoneId: zone.id,
        to: reporter.email,
        template: 'signal_received',
        language: prepared.language,
        params: {
          reference,
          zone: zone.name,
          category: category.name[prepared.language] ?? Object.values(category.name)[0] ?? '',
          link: `${context.config.publicUrl}/track/${trackingToken}`,
        },
      });
    }
  } catch (error) {
    // The database write failed: the photo files would be orphans.
    await Promise.all(photoKeys.map((key) => context.files.delete(key).catch(() => undefined)));
    throw error;
  }
  return {
    id,
    reference,
    trackingToken,
    trackingUrl: `${context.config.publicUrl}/track/${trackingToken}`,
    areaId: area.id,
    acknowledgement: translate(prepared.language, 'signal.acknowledgement', { reference }),
  };
}
