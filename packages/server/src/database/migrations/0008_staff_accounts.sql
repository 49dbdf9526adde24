-- Staff accounts: first-run setup, invitations and password resets by one-time link,
-- TOTP two-factor sign-in with recovery codes, and sign-in stages on sessions.

-- An invited user has no password until they open their link.
alter table staff_users alter column password_hash drop not null;
-- The TOTP secret, AES-256-GCM encrypted with a key derived from SESSION_SECRET; NULL until
-- enrolment is confirmed with a code. totp_pending_* holds a secret being enrolled.
alter table staff_users add column totp_secret_enc text;
alter table staff_users add column totp_pending_enc text;
alter table staff_users add column totp_enabled_at timestamptz;
-- The last accepted 30-second step: a code is accepted only for a later step (RFC 6238 §5.2,
-- "the verifier MUST NOT accept the second attempt of the same OTP").
alter table staff_users add column totp_last_step bigint;
-- Set only by the demo seed (never in production), so the demo accounts sign in with a
-- password alone; see README "Two-factor sign-in".
alter table staff_users add column two_factor_exempt boolean not null default false;
alter table staff_users add column password_changed_at timestamptz;

-- Recovery codes: keyed hashes (HMAC-SHA-256 with a key derived from SESSION_SECRET), single use.
create table staff_recovery_codes (
  user_id text not null references staff_users(id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (user_id, code_hash)
);

-- One-time links: the first admin's setup link (no user yet), an invitation, a password reset.
-- Only the SHA-256 of the token is stored; a link works once and until it expires.
create table staff_account_links (
  id_hash text primary key,
  purpose text not null check (purpose in ('setup', 'invite', 'reset')),
  user_id text references staff_users(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  check ((purpose = 'setup') = (user_id is null))
);
create index staff_account_links_user on staff_account_links(user_id);

-- A session is 'active' (full access), 'two_factor' (password accepted, waiting for a code)
-- or 'enrol' (password accepted, two-factor required and not set up: may only enrol).
alter table staff_sessions add column stage text not null default 'active' check (stage in ('active', 'two_factor', 'enrol'));
