-- Stored documents (issue 14): letters Myomap writes (referral letters, acknowledgements, discharge
-- summaries) and results that come back, kept as the exact bytes that were signed and sent. A
-- document never changes: no UPDATE, DELETE or TRUNCATE (refuse_change, which lets a patient merge
-- move patient_id and nothing else). The SHA-256 of the bytes is kept and checked by the database on
-- insert, and again by the server on every read, so a copy that differs from what was sent is caught.
create table documents (
  id text primary key default gen_random_uuid()::text,
  patient_id text references patients(id),
  kind text not null check (kind in ('referral_letter', 'referral_result', 'referral_acknowledgement', 'discharge_summary')),
  media_type text not null check (media_type ~ '^[a-z]+/[a-z0-9.+-]+$'),
  language text check (language in ('en', 'ar')),
  title text not null check (length(title) between 1 and 300),
  -- 20 MiB: a scanned result report fits; anything larger is not a letter.
  bytes bytea not null check (octet_length(bytes) between 1 and 20971520),
  byte_length integer generated always as (octet_length(bytes)) stored,
  sha256 text not null constraint documents_sha256_matches check (sha256 = encode(sha256(bytes), 'hex')),
  created_by text references staff_users(id),
  created_at timestamptz not null default now()
);
create index documents_patient on documents (patient_id, created_at desc);
create trigger documents_immutable before update or delete on documents for each row execute function refuse_change();
create trigger documents_no_truncate before truncate on documents for each statement execute function refuse_change();

-- A queued message may carry stored documents; the sender attaches their bytes (checked by hash).
create table outbox_documents (
  outbox_id text not null references outbox(id),
  document_id text not null references documents(id),
  position smallint not null check (position between 0 and 19),
  primary key (outbox_id, document_id),
  unique (outbox_id, position)
);
create index outbox_documents_document on outbox_documents (document_id);
