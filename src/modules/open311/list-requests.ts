/**
 * GET requests and GET requests/{id}: the public view of signals and nothing
 * else. Every row comes from `publicSignalQuery` (public, non-sensitive
 * categories only) and is shaped by `toPublicSignal` (moderated text only
 * once approved, the anonymised point, the day of reporting), so Open311
 * can never show more than the public pages do: no reporter, no exact
 * location, no address, no photo. A signal outside that view is answered
 * 404, exactly as one that does not exist.
 *
 * Times are given to the day: requested_datetime is the start of the day of
 * reporting in the zone's time zone, and the date filters work on whole days
 * of the zone, so no filter can narrow a report down to its hour.
 * Statuses: open → open; closed and fixed → closed (the status name, in
 * service_notice, says which, with the reporter's own verdict beside it).
 */
import type { AppContext } from '../../platform/app-context.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { AppError, type ErrorDetail } from '../../platform/errors/error-catalogue.ts';
import { translate, type Language } from '../../platform/i18n/i18n.ts';
import { publicSignalQuery, toPublicSignal, type PublicSignalRow } from '../signals/public-signal-query.ts';
import type { Open311Object } from './open311-format.ts';
import type { RequestsQuery } from './open311.schema.ts';
import { localized } from './resolve-jurisdiction.ts';
import { addDays, dayAsDateTime, dayOf, daysBetween, startOfDay, today, w3cDateTime } from './zoned-time.ts';

/** The spec's limits: a window of at most 90 days, at most 1000 requests per answer. */
export const MAX_WINDOW_DAYS = 90;
export const MAX_RESULTS = 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Row = PublicSignalRow & { answer_target_days: number };

function baseQuery(context: AppContext, zone: Zone) {
  return publicSignalQuery(context.db, zone.id)
    .select('categories.answer_target_days')
    .orderBy('signals.created_at', 'desc')
    .orderBy('signals.id', 'desc');
}

function statusNotice(row: Row, zone: Zone, language: Language): string {
  const status = localized(row.status_name, language, zone);
  if (!row.reporter_feedback) return status;
  return `${status}. ${translate(language, `open311.reporter_feedback.${row.reporter_feedback}`)}`;
}

export function toServiceRequest(row: Row, zone: Zone, language: Language): Open311Object {
  const view = toPublicSignal(row, zone.time_zone);
  const requested = dayAsDateTime(view.reportedOn, zone.time_zone);
  return {
    service_request_id: view.id,
    status: view.status.type === 'open' ? 'open' : 'closed',
    status_notes: view.answer ?? '',
    service_name: localized(view.category.name, language, zone),
    service_code: view.category.code,
    description: view.text ?? '',
    agency_responsible: zone.name,
    service_notice: statusNotice(row, zone, language),
    requested_datetime: requested,
    updated_datetime: row.public_answer_at ? w3cDateTime(row.public_answer_at, zone.time_zone) : requested,
    expected_datetime: dayAsDateTime(addDays(view.reportedOn, row.answer_target_days), zone.time_zone),
    address: '',
    address_id: '',
    zipcode: '',
    lat: view.publicPoint.lat,
    long: view.publicPoint.lon,
    media_url: '',
  };
}

function listOf(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(',').map((v) => v.trim()))].filter((v) => v !== '');
}

function invalid(language: Language, path: string, code: string, message: string): AppError {
  const detail: ErrorDetail = { path, code, message: translate(language, message) };
  return new AppError('validation_failed', {}, [detail]);
}

/** The window of whole zone days [start, end] (see the file's comment), at most 90 days apart. */
export function dateWindow(zone: Zone, now: Date, query: RequestsQuery, language: Language) {
  const read = (name: 'start_date' | 'end_date') => {
    const value = query[name];
    if (value === undefined || value === '') return null;
    const day = dayOf(value, zone.time_zone);
    if (day === null) throw invalid(language, name, 'format', 'validation.invalid');
    return day;
  };
  let start = read('start_date');
  let end = read('end_date');
  if (start === null && end === null) end = today(now, zone.time_zone);
  if (start === null) start = addDays(end as string, -MAX_WINDOW_DAYS);
  if (end === null) end = addDays(start, MAX_WINDOW_DAYS);
  const span = daysBetween(start, end);
  if (span < 0 || span > MAX_WINDOW_DAYS) throw new AppError('open311_date_range_invalid');
  return { from: startOfDay(start, zone.time_zone), to: startOfDay(addDays(end, 1), zone.time_zone) };
}

export async function listRequests(
  context: AppContext,
  zone: Zone,
  language: Language,
  query: RequestsQuery,
): Promise<Open311Object[]> {
  const ids = listOf(query.service_request_id);
  if (ids.length > 0) {
    // Per the spec, a list of ids ignores every other filter.
    const valid = ids.filter((id) => UUID.test(id)).slice(0, MAX_RESULTS);
    if (valid.length === 0) return [];
    const rows = await baseQuery(context, zone).where('signals.id', 'in', valid).execute();
    return rows.map((row) => toServiceRequest(row, zone, language));
  }
  const pageSize = Math.min(query.page_size ?? MAX_RESULTS, MAX_RESULTS);
  const page = query.page ?? 1;
  let select = baseQuery(context, zone);
  const codes = listOf(query.service_code);
  if (codes.length > 0) select = select.where('categories.code', 'in', codes);
  const statuses = listOf(query.status);
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) {
    throw invalid(language, 'status', 'enum', 'validation.enum');
  }
  if (statuses.length === 1) {
    select =
      statuses[0] === 'open'
        ? select.where('signal_statuses.type', '=', 'open')
        : select.where('signal_statuses.type', 'in', ['closed', 'fixed']);
  }
  const window = dateWindow(zone, context.now(), query, language);
  const rows = await select
    .where('signals.created_at', '>=', window.from)
    .where('signals.created_at', '<', window.to)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return rows.map((row) => toServiceRequest(row, zone, language));
}

export async function getRequest(
  context: AppContext,
  zone: Zone,
  language: Language,
  id: string,
): Promise<Open311Object[]> {
  if (!UUID.test(id)) throw new AppError('signal_not_found');
  const row = await baseQuery(context, zone).where('signals.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('signal_not_found');
  return [toServiceRequest(row, zone, language)];
}
