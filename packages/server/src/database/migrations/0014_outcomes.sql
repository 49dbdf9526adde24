-- Outcomes (issue 11): episodes of care and the measures taken in them.
--
-- An episode runs from the initial assessment for one complaint to discharge or a drop-out.
-- Measurements keep the raw item answers beside the computed score, the instrument and its
-- version, the language and how missing items were handled, so every figure can be traced to
-- what the patient answered. "Not measured" is a missing row, never a 0: a measure that could
-- not be scored is stored with its answers and a null score.

alter table clinic
  -- No visit and no contact for this many weeks ends an open episode as a drop-out.
  add column outcome_drop_out_weeks int not null default 6 check (outcome_drop_out_weeks between 2 and 52),
  -- No meaningful improvement after this many weeks prompts a re-assessment or referral (clinical reference §6: 4–6).
  add column outcome_progress_check_weeks int not null default 6 check (outcome_progress_check_weeks between 2 and 26),
  -- Licensed instruments (ODI, QuickDASH, NDI) a clinic holds a licence for; the free ones are always on.
  add column licensed_instruments text[] not null default '{}';

create table episodes (
  id text primary key default gen_random_uuid()::text,
  patient_id text not null references patients(id),
  complaint text not null check (length(btrim(complaint)) between 1 and 200),
  -- A protocol region id (knowledge-base/protocols), for the report's breakdown.
  region text not null check (length(region) between 1 and 60),
  practitioner_id text references practitioners(id),
  assessment_id text references assessments(id),
  -- The measure the success rate is judged on (a region-specific scale, or NPRS).
  primary_instrument_id text not null check (length(primary_instrument_id) between 1 and 40),
  started_on date not null,
  status text not null default 'open' check (status in ('open', 'discharged', 'dropped_out')),
  ended_on date,
  discharge_reason text check (discharge_reason in ('goals_met', 'plateau', 'referred_on', 'patient_choice')),
  created_at timestamptz not null default now(),
  check ((status = 'open') = (ended_on is null)),
  check ((status = 'discharged') = (discharge_reason is not null)),
  check (ended_on is null or ended_on >= started_on)
);
create index episodes_started on episodes(started_on);
create index episodes_patient on episodes(patient_id, started_on);

create table measurements (
  id text primary key default gen_random_uuid()::text,
  episode_id text not null references episodes(id),
  patient_id text not null references patients(id),
  instrument_id text not null check (length(instrument_id) between 1 and 40),
  instrument_version text not null check (length(instrument_version) between 1 and 40),
  language text not null check (language in ('en', 'ar')),
  taken_on date not null,
  taken_at timestamptz not null,
  answers jsonb not null check (jsonb_typeof(answers) = 'object'),
  score double precision,
  missing_items text[] not null default '{}',
  missing_handling text check (missing_handling in ('complete', 'prorated')),
  -- Who entered it and where: the patient from a link, the patient on the clinic tablet, or a clinician in a note.
  source text not null check (source in ('patient_link', 'clinic_tablet', 'clinician')),
  recorded_by text references staff_users(id),
  created_at timestamptz not null default now(),
  check ((score is null) = (missing_handling is null))
);
create index measurements_episode on measurements(episode_id, instrument_id, taken_on);
create index measurements_patient on measurements(patient_id, taken_on);
-- A measure is what the patient answered on that day: corrected by a new row, never edited.
create trigger measurements_append_only before update or delete on measurements
  for each row execute function refuse_change();
