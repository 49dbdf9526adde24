-- Scheduling: clinic, staff, practitioners, rooms, services, hours, appointments, waitlist,
-- outbox, idempotency and the audit log. Runs unchanged on PGlite and PostgreSQL.
create extension if not exists btree_gist;

create table clinic (
  id text primary key default 'clinic',
  name_en text not null,
  name_ar text not null,
  address_en text not null default '',
  address_ar text not null default '',
  phone text not null default '',
  email text not null default '',
  time_zone text not null,
  slot_step_minutes int not null default 15 check (slot_step_minutes between 5 and 120),
  min_notice_minutes int not null default 120 check (min_notice_minutes >= 0),
  horizon_days int not null default 60 check (horizon_days between 1 and 365),
  cancellation_window_hours int not null default 24 check (cancellation_window_hours >= 0),
  waitlist_hold_minutes int not null default 30 check (waitlist_hold_minutes between 5 and 1440),
  reminder_hours_before int not null default 24 check (reminder_hours_before between 1 and 168),
  singleton boolean not null default true unique check (singleton)
);

create table practitioners (
  id text primary key default gen_random_uuid()::text,
  name_en text not null,
  name_ar text not null,
  title_en text not null default '',
  title_ar text not null default '',
  kind text not null check (kind in ('therapist', 'physician')),
  bio_en text not null default '',
  bio_ar text not null default '',
  color text not null default '#2f6f6a',
  bookable_online boolean not null default true,
  active boolean not null default true,
  calendar_token text not null default replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') unique,
  created_at timestamptz not null default now()
);

create table staff_users (
  id text primary key default gen_random_uuid()::text,
  email text not null unique check (email = lower(email)),
  name text not null,
  password_hash text not null,
  role text not null check (role in ('admin', 'reception', 'therapist', 'physician')),
  practitioner_id text references practitioners(id),
  active boolean not null default true,
  created_at timestamptz not null default now()
);

create table staff_sessions (
  id_hash text primary key,
  user_id text not null references staff_users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now()
);
create index staff_sessions_user on staff_sessions(user_id);

create table login_attempts (
  id bigserial primary key,
  email text not null,
  ip text not null,
  succeeded boolean not null,
  at timestamptz not null default now()
);
create index login_attempts_recent on login_attempts(email, at);

create table rooms (
  id text primary key default gen_random_uuid()::text,
  name_en text not null,
  name_ar text not null,
  active boolean not null default true
);

create table services (
  id text primary key default gen_random_uuid()::text,
  name_en text not null,
  name_ar text not null,
  description_en text not null default '',
  description_ar text not null default '',
  duration_minutes int not null check (duration_minutes between 5 and 480),
  buffer_before_minutes int not null default 0 check (buffer_before_minutes between 0 and 120),
  -- The cleaning buffer: the room and practitioner stay busy this long after a visit.
  buffer_after_minutes int not null default 0 check (buffer_after_minutes between 0 and 120),
  practitioner_kind text not null check (practitioner_kind in ('therapist', 'physician')),
  requires_room boolean not null default true,
  price_aed numeric(10, 2),
  bookable_online boolean not null default true,
  active boolean not null default true,
  sort_order int not null default 0
);

create table practitioner_services (
  practitioner_id text not null references practitioners(id) on delete cascade,
  service_id text not null references services(id) on delete cascade,
  primary key (practitioner_id, service_id)
);

-- Weekly working hours in the clinic's local time; several intervals a day are allowed.
create table working_hours (
  id text primary key default gen_random_uuid()::text,
  practitioner_id text not null references practitioners(id) on delete cascade,
  weekday int not null check (weekday between 1 and 7),
  start_time time not null,
  end_time time not null,
  check (start_time < end_time)
);
create index working_hours_practitioner on working_hours(practitioner_id);

-- Recurring breaks inside working hours (lunch, prayer), local time.
create table breaks (
  id text primary key default gen_random_uuid()::text,
  practitioner_id text not null references practitioners(id) on delete cascade,
  weekday int not null check (weekday between 1 and 7),
  start_time time not null,
  end_time time not null,
  label text not null default '',
  check (start_time < end_time)
);

-- Dated exceptions: leave and public holidays close time; extra hours open it.
-- practitioner_id null means the whole clinic (a public holiday).
create table schedule_exceptions (
  id text primary key default gen_random_uuid()::text,
  practitioner_id text references practitioners(id) on delete cascade,
  kind text not null check (kind in ('closed', 'extra_hours')),
  date_from date not null,
  date_to date not null,
  start_time time,
  end_time time,
  note text not null default '',
  check (date_from <= date_to),
  check ((start_time is null) = (end_time is null)),
  check (start_time is null or start_time < end_time),
  check (kind = 'closed' or start_time is not null)
);

create table patients (
  id text primary key default gen_random_uuid()::text,
  name text not null check (length(name) between 1 and 200),
  email text not null check (position('@' in email) > 1),
  phone text,
  date_of_birth date,
  sex text check (sex in ('female', 'male', 'other', 'unknown')),
  preferred_language text not null default 'en' check (preferred_language in ('en', 'ar')),
  emergency_contact_name text,
  emergency_contact_phone text,
  created_at timestamptz not null default now()
);
create index patients_email on patients(lower(email));

create table appointment_series (
  id text primary key default gen_random_uuid()::text,
  created_at timestamptz not null default now()
);

-- Visits, staff blocks and waitlist holds share one table so that one pair of exclusion
-- constraints covers them all: the database, not the application, rules out double booking.
create table appointments (
  id text primary key default gen_random_uuid()::text,
  reference text unique,
  kind text not null default 'visit' check (kind in ('visit', 'block', 'hold')),
  status text not null default 'confirmed' check (status in ('confirmed', 'cancelled', 'completed', 'no_show')),
  service_id text references services(id),
  practitioner_id text references practitioners(id),
  room_id text references rooms(id),
  patient_id text references patients(id),
  series_id text references appointment_series(id),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- [) ranges: a visit ending at 10:00 does not clash with one starting at 10:00.
  -- occupied = the visit plus its buffers (preparation before, cleaning after).
  occupied tstzrange not null,
  manage_token_hash text,
  source text not null default 'online' check (source in ('online', 'staff', 'waitlist')),
  note text not null default '',
  hold_expires_at timestamptz,
  created_at timestamptz not null default now(),
  cancelled_at timestamptz,
  cancel_reason text,
  check (starts_at < ends_at),
  check (lower(occupied) <= starts_at and upper(occupied) >= ends_at),
  check (practitioner_id is not null or room_id is not null),
  check (kind <> 'visit' or (service_id is not null and patient_id is not null and reference is not null)),
  check (kind <> 'hold' or hold_expires_at is not null),
  constraint appointments_no_practitioner_overlap
    exclude using gist (practitioner_id with =, occupied with &&) where (status <> 'cancelled' and practitioner_id is not null),
  constraint appointments_no_room_overlap
    exclude using gist (room_id with =, occupied with &&) where (status <> 'cancelled' and room_id is not null)
);
create index appointments_patient on appointments(patient_id);
create index appointments_starts on appointments(starts_at);

create table waitlist_entries (
  id text primary key default gen_random_uuid()::text,
  service_id text not null references services(id),
  practitioner_id text references practitioners(id),
  patient_id text not null references patients(id),
  date_from date not null,
  date_to date not null,
  status text not null default 'waiting' check (status in ('waiting', 'offered', 'booked', 'expired', 'cancelled')),
  manage_token_hash text not null,
  offer_token_hash text,
  offer_appointment_id text references appointments(id),
  created_at timestamptz not null default now(),
  check (date_from <= date_to)
);
create index waitlist_waiting on waitlist_entries(service_id, status, created_at);

create table idempotency_keys (
  key text primary key,
  request_hash text not null,
  response_status int,
  response_body jsonb,
  created_at timestamptz not null default now()
);

-- The durable outbox: a message is written in the same transaction as the change that
-- causes it, then worked by any server instance (FOR UPDATE SKIP LOCKED), sent once.
create table outbox (
  id text primary key default gen_random_uuid()::text,
  dedupe_key text not null unique,
  kind text not null,
  recipient text not null,
  subject text not null,
  body_text text not null,
  body_html text,
  attachments jsonb not null default '[]',
  send_after timestamptz not null default now(),
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'cancelled')),
  -- A worker claims a message with a short lease and sends outside any transaction, so a slow
  -- SMTP server never holds a lock; an expired lease (a crashed worker) is claimed again.
  lease_until timestamptz,
  attempts int not null default 0,
  last_error text,
  transport text,
  sent_at timestamptz,
  appointment_id text references appointments(id),
  created_at timestamptz not null default now()
);
create index outbox_due on outbox(status, send_after);

-- Append-only audit log: who, what, when, before and after. A trigger refuses change.
create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_type text not null check (actor_type in ('staff', 'patient', 'system')),
  actor_id text,
  actor_role text,
  action text not null,
  entity_type text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  ip text
);
create index audit_log_entity on audit_log(entity_type, entity_id);

create function refuse_audit_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'P0001';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function refuse_audit_change();
