/**
 * Foundation schema: zones, areas, officers, accounts, sessions, audit, mail.
 * Plain SQL that runs on PostgreSQL 15 and on PGlite (a newer PostgreSQL).
 * Every zone-scoped table carries zone_id and its indexes lead with it.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table zones (
      id uuid primary key,
      slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      name text not null,
      languages jsonb not null,
      default_language text not null check (default_language in ('nl','fr','de','en')),
      time_zone text not null,
      projection text not null,
      contact jsonb not null,
      branding jsonb not null,
      legal jsonb not null,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table areas (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      parent_id uuid references areas(id) on delete set null,
      kind text not null check (kind in ('district','neighbourhood','sector')),
      code text not null,
      name jsonb not null,
      boundary jsonb not null,
      min_lon double precision not null,
      min_lat double precision not null,
      max_lon double precision not null,
      max_lat double precision not null,
      area_m2 double precision not null,
      population integer check (population is null or population >= 0),
      households integer check (households is null or households >= 0),
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (zone_id, code)
    );
    create index areas_zone_parent on areas (zone_id, parent_id);

    create table area_imports (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      account_id uuid,
      file_name text not null,
      format text not null,
      source_crs text not null,
      imported integer not null,
      repaired integer not null,
      refused integer not null,
      report jsonb not null,
      created_at timestamptz not null default now()
    );
    create index area_imports_zone on area_imports (zone_id, created_at desc);

    create table addresses (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      street text not null,
      house_number text not null,
      postcode text not null,
      municipality text not null,
      search_text text not null,
      lon double precision not null,
      lat double precision not null,
      area_id uuid references areas(id) on delete set null
    );
    create index addresses_zone_search on addresses (zone_id, search_text text_pattern_ops);

    create table officers (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      account_id uuid,
      name text not null,
      title jsonb not null,
      phone text,
      email text,
      photo_url text,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index officers_zone on officers (zone_id, name);

    create table area_officers (
      zone_id uuid not null references zones(id) on delete cascade,
      area_id uuid not null references areas(id) on delete cascade,
      officer_id uuid not null references officers(id) on delete cascade,
      deputy_officer_id uuid references officers(id) on delete set null,
      updated_at timestamptz not null default now(),
      primary key (zone_id, area_id),
      check (deputy_officer_id is null or deputy_officer_id <> officer_id)
    );
    create index area_officers_officer on area_officers (zone_id, officer_id);

    create table area_officer_events (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      area_id uuid not null,
      officer_id uuid,
      deputy_officer_id uuid,
      account_id uuid,
      created_at timestamptz not null default now()
    );
    create index area_officer_events_area on area_officer_events (zone_id, area_id, created_at);

    create table officer_absences (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      officer_id uuid not null references officers(id) on delete cascade,
      starts_on date not null,
      ends_on date not null,
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    );
    create index officer_absences_officer on officer_absences (zone_id, officer_id, starts_on);

    create table accounts (
      id uuid primary key,
      email text not null,
      display_name text not null,
      password_hash text,
      totp_secret text,
      totp_enabled boolean not null default false,
      totp_last_step bigint,
      totp_pending_secret text,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      is_operator boolean not null default false,
      language text check (language is null or language in ('nl','fr','de','en')),
      disabled_at timestamptz,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index accounts_email on accounts (lower(email));

    create table role_grants (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      account_id uuid not null references accounts(id) on delete cascade,
      role text not null check (role in ('resident','network_coordinator','officer','analyst',
        'civilian_staff','supervisor','partner','data_protection_officer','administrator')),
      area_ids jsonb not null default '[]',
      created_at timestamptz not null default now(),
      unique (zone_id, account_id, role)
    );
    create index role_grants_account on role_grants (account_id);

    create table sessions (
      id text primary key,
      account_id uuid not null references accounts(id) on delete cascade,
      csrf_token text not null,
      second_factor_pending boolean not null default false,
      second_factor_verified boolean not null default false,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_account on sessions (account_id);
    create index sessions_expires on sessions (expires_at);

    create table password_resets (
      token_hash text primary key,
      account_id uuid not null references accounts(id) on delete cascade,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index password_resets_account on password_resets (account_id);

    create table idempotency_keys (
      scope text not null,
      key text not null,
      route text not null,
      request_hash text not null,
      status_code integer,
      response jsonb,
      created_at timestamptz not null default now(),
      primary key (scope, key)
    );
    create index idempotency_keys_created on idempotency_keys (created_at);

    create table rate_limit_buckets (
      key text not null,
      window_start timestamptz not null,
      hits integer not null,
      primary key (key, window_start)
    );

    create table audit_entries (
      id uuid primary key,
      seq bigint not null unique,
      zone_id uuid,
      account_id uuid,
      action text not null,
      subject_type text not null,
      subject_id text,
      created_at timestamptz not null,
      prev_hash text not null,
      hash text not null
    );
    create index audit_entries_zone on audit_entries (zone_id, seq desc);
    create index audit_entries_subject on audit_entries (zone_id, subject_type, subject_id);

    -- The chain head is one row, locked by every append: it serialises writers so
    -- the chain never forks, across processes.
    create table audit_chain_head (
      id integer primary key check (id = 1),
      seq bigint not null,
      hash text not null
    );
    insert into audit_chain_head (id, seq, hash) values (1, 0, repeat('0', 64));

    -- Append-only: the database refuses to change or delete an audit entry.
    create function audit_entries_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit entries are append-only';
    end;
    $$;
    create trigger audit_entries_append_only before update or delete on audit_entries
      for each row execute function audit_entries_refuse_change();

    create table mail_messages (
      id uuid primary key,
      zone_id uuid references zones(id) on delete cascade,
      to_address text not null,
      template text not null,
      language text not null,
      subject text not null,
      body_text text not null,
      body_html text not null,
      status text not null check (status in ('pending','sent','failed')),
      transport text,
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index mail_messages_zone on mail_messages (zone_id, created_at desc);
  `.execute(db);
}
