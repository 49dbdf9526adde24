-- The patient portal (issue 15): passwordless sign-in, portal sessions kept apart from staff
-- sessions, and a patient's requests to correct or delete their record. Depends on 0001 and 0008.

-- One sign-in request that matched a patient: a one-time link and a six-digit code, both sent
-- to the email on file. Only hashes are stored (the code's with a key, since a million codes
-- are quickly tried against a plain hash). Either one ends the row: used_at is set once.
create table portal_sign_ins (
  id text primary key default gen_random_uuid()::text,
  email text not null check (email = lower(email) and position('@' in email) > 1),
  link_hash text not null unique,
  code_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null check (expires_at > created_at),
  used_at timestamptz,
  -- Wrong codes typed against this row; past the limit the row opens nothing (sign-in-portal.ts).
  failed_codes int not null default 0 check (failed_codes >= 0)
);
create index portal_sign_ins_email on portal_sign_ins (email, created_at);

-- A signed-in portal visitor: the email they proved, and which of the patients sharing it
-- (a parent and their children) they are looking at now. Its own cookie (myomap_portal), so a
-- staff cookie opens no portal route and a portal cookie no staff route.
create table portal_sessions (
  id_hash text primary key,
  email text not null check (email = lower(email)),
  patient_id text not null references patients(id),
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null check (expires_at > created_at)
);
create index portal_sessions_expiry on portal_sessions (expires_at);

-- A patient's request to correct or delete their record, tracked until the clinic answers.
-- The answer is kept with who gave it; health-record retention rules may keep the record.
create table portal_requests (
  id text primary key default gen_random_uuid()::text,
  patient_id text not null references patients(id),
  kind text not null check (kind in ('correction', 'deletion')),
  details text not null check (length(details) between 1 and 4000),
  status text not null default 'open' check (status in ('open', 'done', 'declined')),
  created_at timestamptz not null,
  answered_at timestamptz,
  answered_by text references staff_users(id),
  answer text check (answer is null or length(answer) between 1 and 4000),
  check ((status = 'open') = (answered_at is null)),
  check ((status = 'open') or (answered_by is not null and answer is not null))
);
create index portal_requests_patient on portal_requests (patient_id, created_at);
create index portal_requests_open on portal_requests (created_at) where status = 'open';
