/**
 * Incidents (registered police facts imported from the records system) and
 * their imports, and analysis snapshots (saved results that a problem can
 * cite). SQL for PostgreSQL 15 and PGlite.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table incident_imports (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      account_id uuid,
      file_name text not null,
      format text not null check (format in ('nabij','police-uk','mapped')),
      mapping jsonb not null default '{}',
      all_or_nothing boolean not null default false,
      status text not null check (status in ('awaiting_file','queued','running','done','failed')),
      storage_key text,
      bytes bigint not null default 0,
      byte_offset bigint not null default 0,
      line_number integer not null default 0,
      rows_read integer not null default 0,
      inserted integer not null default 0,
      updated integer not null default 0,
      unchanged integer not null default 0,
      bad_rows integer not null default 0,
      outside_areas integer not null default 0,
      bad_row_samples jsonb not null default '[]',
      error text,
      is_generated boolean not null default false,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz
    );
    create index incident_imports_zone on incident_imports (zone_id, created_at desc);

    create table incidents (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      external_id text not null,
      crime_type text not null,
      category_id uuid references categories(id) on delete set null,
      occurred_from timestamptz not null,
      occurred_to timestamptz not null,
      time_precision text not null check (time_precision in ('exact','day','month','range')),
      lon double precision not null,
      lat double precision not null,
      x double precision not null,
      y double precision not null,
      area_id uuid references areas(id) on delete set null,
      outcome text,
      location_text text,
      import_id uuid references incident_imports(id) on delete set null,
      is_generated boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (zone_id, external_id),
      check (occurred_to >= occurred_from)
    );
    create index incidents_zone_time on incidents (zone_id, occurred_from);
    create index incidents_zone_area_time on incidents (zone_id, area_id, occurred_from);
    create index incidents_zone_type on incidents (zone_id, crime_type);

    create table analysis_snapshots (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      method text not null,
      title text not null,
      parameters jsonb not null,
      filters jsonb not null,
      period_from timestamptz,
      period_to timestamptz,
      event_count integer not null default 0,
      status text not null check (status in ('queued','running','done','failed')),
      result jsonb,
      error text,
      account_id uuid,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );
    create index analysis_snapshots_zone on analysis_snapshots (zone_id, created_at desc);
  `.execute(db);
}
