/**
 * The one query behind every public output of signals (public pages, the
 * nearby check while reporting, Open311): only public, non-sensitive
 * categories; only the moderated text once approved; the anonymised point,
 * never the exact one; the day of reporting, not the time.
 */
import type { Kysely } from 'kysely';
import type { Database, LocalizedText, StatusType } from '../../platform/database/tables.ts';
import type { PublicSignal } from './signals.schema.ts';

export function publicSignalQuery(db: Kysely<Database>, zoneId: string) {
  return db
    .selectFrom('signals')
    .innerJoin('categories', 'categories.id', 'signals.category_id')
    .innerJoin('signal_statuses', 'signal_statuses.id', 'signals.status_id')
    .select([
      'signals.id',
      'signals.reference',
      'signals.area_id',
      'signals.public_lon',
      'signals.public_lat',
      'signals.public_cell_m',
      'signals.public_text',
      'signals.moderation',
      'signals.public_answer',
      'signals.public_answer_at',
      'signals.reporter_feedback',
      'signals.created_at',
      'signals.duplicate_of_id',
      'categories.code as category_code',
      'categories.name as category_name',
      'signal_statuses.type as status_type',
      'signal_statuses.name as status_name',
    ])
    .where('signals.zone_id', '=', zoneId)
    .where('categories.is_public', '=', true)
    .where('categories.is_sensitive', '=', false);
}

export interface PublicSignalRow {
  id: string;
  reference: string;
  area_id: string | null;
  public_lon: number;
  public_lat: number;
  public_cell_m: number;
  public_text: string | null;
  moderation: string;
  public_answer: string | null;
  public_answer_at: Date | null;
  reporter_feedback: 'solved' | 'not_solved' | null;
  created_at: Date;
  duplicate_of_id: string | null;
  category_code: string;
  category_name: LocalizedText;
  status_type: StatusType;
  status_name: LocalizedText;
}

export function dayInTimeZone(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export function toPublicSignal(row: PublicSignalRow, timeZone: string): PublicSignal {
  return {
    id: row.id,
    reference: row.reference,
    category: { code: row.category_code, name: row.category_name },
    areaId: row.area_id,
    publicPoint: { lon: row.public_lon, lat: row.public_lat, cellM: row.public_cell_m },
    text: row.moderation === 'approved' ? row.public_text : null,
    status: { type: row.status_type, name: row.status_name },
    answer: row.public_answer,
    answeredAt: row.public_answer_at ? row.public_answer_at.toISOString() : null,
    reporterFeedback: row.reporter_feedback,
    reportedOn: dayInTimeZone(row.created_at, timeZone),
    duplicateOf: row.duplicate_of_id,
  };
}
