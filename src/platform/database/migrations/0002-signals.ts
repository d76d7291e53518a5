/**
 * Signals (meldingen) and what surrounds them: categories with their extra
 * questions, statuses as data with a type, the reporter's contact kept apart
 * and encrypted, photos, an append-only timeline, answer templates, partner
 * organisations to route to, followers, Open311 clients and notification
 * deliveries. SQL for PostgreSQL 15 and PGlite.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table partner_organisations (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      name text not null,
      email text,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (zone_id, name)
    );

    create table categories (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      code text not null check (code ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
      name jsonb not null,
      description jsonb not null default '{}',
      kind text not null check (kind in ('crime','livability','other')),
      is_public boolean not null,
      is_sensitive boolean not null default false,
      is_urgent boolean not null default false,
      asks_behaviour boolean not null default false,
      blocking_notice jsonb,
      partner_id uuid references partner_organisations(id) on delete set null,
      questions jsonb not null default '[]',
      answer_target_days integer not null default 14 check (answer_target_days between 1 and 365),
      active boolean not null default true,
      sort_order integer not null default 0,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (zone_id, code)
    );
    create index categories_zone on categories (zone_id, sort_order);

    create table signal_statuses (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      code text not null,
      name jsonb not null,
      type text not null check (type in ('open','closed','fixed')),
      is_initial boolean not null default false,
      sort_order integer not null default 0,
      unique (zone_id, code)
    );

    create table signal_status_transitions (
      zone_id uuid not null references zones(id) on delete cascade,
      from_status_id uuid not null references signal_statuses(id) on delete cascade,
      to_status_id uuid not null references signal_statuses(id) on delete cascade,
      primary key (zone_id, from_status_id, to_status_id)
    );

    create table signal_counters (
      zone_id uuid not null references zones(id) on delete cascade,
      year integer not null,
      value integer not null,
      primary key (zone_id, year)
    );

    create table signals (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      reference text not null,
      category_id uuid not null references categories(id),
      channel text not null check (channel in ('web','phone','counter','email','patrol','network','open311')),
      description text not null,
      answers jsonb not null default '{}',
      public_text text,
      moderation text not null default 'pending' check (moderation in ('pending','approved','rejected')),
      personal_data_flags jsonb not null default '[]',
      lon double precision not null,
      lat double precision not null,
      area_id uuid references areas(id) on delete set null,
      public_lon double precision not null,
      public_lat double precision not null,
      public_cell_m integer not null,
      occurred_at timestamptz,
      status_id uuid not null references signal_statuses(id),
      priority text not null default 'normal' check (priority in ('low','normal','high','urgent')),
      assigned_officer_id uuid references officers(id) on delete set null,
      public_answer text,
      public_answer_at timestamptz,
      duplicate_of_id uuid references signals(id) on delete set null,
      tracking_token_hash text not null unique,
      reporter_language text not null check (reporter_language in ('nl','fr','de','en')),
      reporter_feedback text check (reporter_feedback in ('solved','not_solved')),
      reporter_feedback_at timestamptz,
      reporter_feedback_comment text,
      questionnaire_sent_at timestamptz,
      closed_at timestamptz,
      open311_client_id uuid,
      created_by_account_id uuid,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (zone_id, reference)
    );
    create index signals_zone_created on signals (zone_id, created_at desc, id desc);
    create index signals_zone_area on signals (zone_id, area_id, created_at desc);
    create index signals_zone_officer on signals (zone_id, assigned_officer_id);
    create index signals_zone_category on signals (zone_id, category_id, created_at desc);
    create index signals_duplicate on signals (duplicate_of_id);

    -- The reporter's contact, apart from the signal and encrypted (AES-256-GCM):
    -- purging it never touches the signal or the audit chain.
    create table signal_reporters (
      signal_id uuid primary key references signals(id) on delete cascade,
      zone_id uuid not null references zones(id) on delete cascade,
      name_encrypted text,
      email_encrypted text,
      phone_encrypted text,
      consent_share_with_partner boolean not null default false,
      wants_updates boolean not null default true,
      -- The tracking token, encrypted, so mails can carry the reporter's link again.
      tracking_token_encrypted text,
      created_at timestamptz not null default now()
    );

    create table signal_followers (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      signal_id uuid not null references signals(id) on delete cascade,
      tracking_token_hash text not null unique,
      email_encrypted text,
      tracking_token_encrypted text,
      language text not null check (language in ('nl','fr','de','en')),
      created_at timestamptz not null default now()
    );
    create index signal_followers_signal on signal_followers (zone_id, signal_id);

    create table signal_photos (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      signal_id uuid not null references signals(id) on delete cascade,
      storage_key text not null,
      content_type text not null,
      width integer not null,
      height integer not null,
      bytes integer not null,
      created_at timestamptz not null default now()
    );
    create index signal_photos_signal on signal_photos (zone_id, signal_id);

    create table signal_events (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      signal_id uuid not null references signals(id) on delete cascade,
      kind text not null,
      visibility text not null check (visibility in ('public','internal')),
      account_id uuid,
      data jsonb not null default '{}',
      created_at timestamptz not null
    );
    create index signal_events_signal on signal_events (zone_id, signal_id, created_at, id);

    create table answer_templates (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      status_id uuid references signal_statuses(id) on delete cascade,
      title text not null,
      body jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index answer_templates_zone on answer_templates (zone_id, status_id);

    create table open311_clients (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      name text not null,
      key_hash text not null unique,
      key_hint text not null,
      created_by_account_id uuid,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    );
    create index open311_clients_zone on open311_clients (zone_id);

    -- One row per notification that must go out; written before sending and
    -- marked sent after, so a repeated job skips what is already delivered.
    create table signal_notifications (
      id uuid primary key,
      zone_id uuid not null references zones(id) on delete cascade,
      kind text not null,
      recipient_key text not null,
      signal_id uuid references signals(id) on delete cascade,
      digest_date date,
      mail_message_id uuid,
      created_at timestamptz not null default now(),
      unique (zone_id, kind, recipient_key, signal_id),
      unique (zone_id, kind, recipient_key, digest_date)
    );

    alter table zones add column signal_settings jsonb not null default '{}';
  `.execute(db);
}
