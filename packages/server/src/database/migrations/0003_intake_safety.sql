-- Intake (a FHIR QuestionnaireResponse, plus one queryable row per answer), consent,
-- the safety screen, physician reviews, and the treatment-session gate they feed.
create table intake_responses (
  id text primary key default gen_random_uuid()::text,
  patient_id text not null references patients(id),
  appointment_id text references appointments(id),
  questionnaire_version text not null,
  language text not null check (language in ('en', 'ar')),
  response jsonb not null,
  status text not null default 'in_progress' check (status in ('in_progress', 'submitted')),
  updated_at timestamptz not null default now(),
  submitted_at timestamptz,
  unique (appointment_id)
);
create index intake_responses_patient on intake_responses(patient_id, updated_at);

create table intake_answers (
  intake_id text not null references intake_responses(id) on delete cascade,
  link_id text not null,
  value jsonb not null,
  primary key (intake_id, link_id)
);

create table consents (
  id text primary key default gen_random_uuid()::text,
  patient_id text not null references patients(id),
  appointment_id text references appointments(id),
  version text not null,
  language text not null check (language in ('en', 'ar')),
  typed_name text not null check (length(typed_name) between 2 and 200),
  -- The drawn signature as a PNG data URL, kept with the exact version signed.
  signature_png text not null check (signature_png like 'data:image/png;base64,%'),
  signed_at timestamptz not null default now(),
  ip text
);
create index consents_patient on consents(patient_id, signed_at);

create table screenings (
  id text primary key default gen_random_uuid()::text,
  patient_id text not null references patients(id),
  intake_id text not null references intake_responses(id),
  outcome text not null check (outcome in ('proceed', 'proceed_with_precautions', 'refer_before_treatment')),
  result jsonb not null,
  created_at timestamptz not null default now()
);
create index screenings_patient on screenings(patient_id, created_at);

create table physician_reviews (
  id text primary key default gen_random_uuid()::text,
  patient_id text not null references patients(id),
  screening_id text references screenings(id),
  decision text not null check (decision in ('clear', 'clear_with_precautions', 'refer')),
  notes text not null default '',
  precautions jsonb not null default '[]',
  referral jsonb,
  physician_id text not null references staff_users(id),
  created_at timestamptz not null default now()
);
create index physician_reviews_patient on physician_reviews(patient_id, created_at);

create table treatment_sessions (
  id text primary key default gen_random_uuid()::text,
  appointment_id text not null unique references appointments(id),
  patient_id text not null references patients(id),
  therapist_id text not null references staff_users(id),
  started_at timestamptz not null default now(),
  precautions jsonb not null default '[]'
);

-- Reviews and consents are records of what happened: corrections are new rows, never edits.
create function refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = 'P0001';
end $$;
create trigger consents_append_only before update or delete on consents for each row execute function refuse_change();
create trigger physician_reviews_append_only before update or delete on physician_reviews for each row execute function refuse_change();
create trigger screenings_append_only before update or delete on screenings for each row execute function refuse_change();
