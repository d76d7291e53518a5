/**
 * Table types of incidents, their imports and analysis snapshots (migration
 * 0003). Part of the Database interface in tables.ts.
 */
import type { ColumnType, Generated, Selectable } from 'kysely';

type Optional<T> = ColumnType<T, T | undefined, T>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

export type IncidentFormat = 'nabij' | 'police-uk' | 'mapped';
export type ImportStatus = 'awaiting_file' | 'queued' | 'running' | 'done' | 'failed';
export type TimePrecision = 'exact' | 'day' | 'month' | 'range';

export interface BadRowSample {
  line: number;
  reason: string;
}

export interface IncidentImportsTable {
  id: string;
  zone_id: string;
  account_id: string | null;
  file_name: string;
  format: IncidentFormat;
  mapping: ColumnType<Record<string, unknown>, string | undefined, string>;
  all_or_nothing: Generated<boolean>;
  status: ImportStatus;
  storage_key: Optional<string | null>;
  /** bigint columns arrive as strings. */
  bytes: ColumnType<string, number | string | undefined, number | string>;
  byte_offset: ColumnType<string, number | string | undefined, number | string>;
  line_number: Generated<number>;
  rows_read: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  bad_rows: Generated<number>;
  outside_areas: Generated<number>;
  bad_row_samples: ColumnType<BadRowSample[], string | undefined, string>;
  error: Optional<string | null>;
  is_generated: Generated<boolean>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  started_at: Optional<Date | null>;
  finished_at: Optional<Date | null>;
}

export interface IncidentsTable {
  id: string;
  zone_id: string;
  external_id: string;
  crime_type: string;
  category_id: string | null;
  occurred_from: Date;
  occurred_to: Date;
  time_precision: TimePrecision;
  lon: number;
  lat: number;
  /** Metres in the zone's projection: analyses compute distances on these. */
  x: number;
  y: number;
  area_id: string | null;
  outcome: string | null;
  location_text: string | null;
  import_id: string | null;
  is_generated: Generated<boolean>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Updated;
}

export type AnalysisStatus = 'queued' | 'running' | 'done' | 'failed';

export interface AnalysisSnapshotsTable {
  id: string;
  zone_id: string;
  method: string;
  title: string;
  parameters: ColumnType<Record<string, unknown>, string, string>;
  filters: ColumnType<Record<string, unknown>, string, string>;
  period_from: Date | null;
  period_to: Date | null;
  event_count: Generated<number>;
  status: AnalysisStatus;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  error: Optional<string | null>;
  account_id: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  finished_at: Optional<Date | null>;
}

export type Incident = Selectable<IncidentsTable>;
export type IncidentImport = Selectable<IncidentImportsTable>;
export type AnalysisSnapshot = Selectable<AnalysisSnapshotsTable>;
