-- Security and abuse limits (issue 8, items 3, 4, 5, 11): sign-in throttling, sealed patient
-- links in the outbox, and suspicious online bookings. Depends only on 0001.

-- Sign-in throttle: one row per key ("acct-ip:<email>|<address>" and "acct:<email>"). Each
-- attempt claims its place with one INSERT … ON CONFLICT DO UPDATE … RETURNING, so concurrent
-- guesses queue on the row lock and each sees the count the previous one wrote.
create table login_throttle (
  key text primary key,
  failures int not null check (failures >= 0),
  last_attempt_at timestamptz not null,
  -- The earliest time the next guess is checked (progressive delay after the free failures).
  next_allowed_at timestamptz not null,
  -- The decision for the attempt that last wrote the row, read back by RETURNING.
  allowed boolean not null default true
);

-- Links that carry a live patient token (manage booking, intake, aftercare, waitlist offer)
-- are sealed apart from the readable body: body_text/body_html hold {{link:N}} placeholders,
-- sealed_links the links encrypted with a key derived from SESSION_SECRET (AES-256-GCM).
-- The worker opens them only to send; the staff mailbox shows the placeholders redacted.
alter table outbox add column sealed_links text;

-- Where an online booking came from, and why it looks like abuse (null: it does not).
alter table appointments add column booked_from_ip text;
alter table appointments add column booked_contact text;
alter table appointments add column suspicious_reason text;
alter table appointments add column suspicious_reviewed_at timestamptz;
create index appointments_online_ip on appointments(booked_from_ip, created_at) where booked_from_ip is not null;
create index appointments_online_contact on appointments(booked_contact, created_at) where booked_contact is not null;
create index appointments_suspicious on appointments(starts_at) where suspicious_reason is not null and suspicious_reviewed_at is null;
