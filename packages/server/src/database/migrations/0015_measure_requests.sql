-- Outcomes (issue 11): the measurement schedule, patients answering from a link, and
-- "not measured" is never 0.

-- The region measure and a PSFS re-rating are due every this many visits (clinical reference §6:
-- "regional PROM at visit 4–6", "full re-assessment every 4–6 sessions").
alter table clinic
  add column outcome_remeasure_every_visits int not null default 4 check (outcome_remeasure_every_visits between 2 and 12);

-- A link a patient answers their due measures from: in the appointment reminder, in the aftercare
-- check-in message, or on the clinic's tablet. Only the token's SHA-256 is stored (like every
-- patient token); the link names no patient and shows no earlier answers.
create table measure_requests (
  id text primary key default gen_random_uuid()::text,
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  episode_id text not null references episodes(id),
  instrument_ids text[] not null check (cardinality(instrument_ids) between 1 and 10),
  -- PSFS re-rates the baseline's activities, in the patient's words (Stratford 1995).
  psfs_activities text[] not null default '{}' check (cardinality(psfs_activities) <= 5),
  channel text not null check (channel in ('patient_link', 'clinic_tablet')),
  -- What created it, so a message sent twice (a retry) reuses one request: an appointment or a session.
  purpose text not null check (purpose in ('tablet', 'reminder', 'checkin')),
  purpose_key text,
  language text not null check (language in ('en', 'ar')),
  created_by text references staff_users(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  completed_at timestamptz,
  check (expires_at > created_at),
  check (('psfs' = any(instrument_ids)) = (cardinality(psfs_activities) > 0)),
  check ((purpose = 'tablet') = (purpose_key is null))
);
create index measure_requests_episode on measure_requests(episode_id, created_at);
create unique index measure_requests_once on measure_requests(purpose, purpose_key) where purpose_key is not null;

-- A request is answered once: the only change allowed is setting completed_at, once.
create function measure_request_complete_once() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'measure requests are kept' using errcode = 'P0001';
  end if;
  if old.completed_at is not null or new.completed_at is null
     or (to_jsonb(old) - 'completed_at') <> (to_jsonb(new) - 'completed_at') then
    raise exception 'measure request % is answered once and otherwise never changes', old.id using errcode = 'P0001';
  end if;
  return new;
end $$;
create trigger measure_requests_complete_once before update or delete on measure_requests
  for each row execute function measure_request_complete_once();

-- Where a measurement came from: a link's request, or a signed note's pain score (once per note).
alter table measurements
  add column measure_request_id text references measure_requests(id),
  add column session_note_id text references session_notes(id);
create unique index measurements_request_once on measurements(measure_request_id, instrument_id) where measure_request_id is not null;
create unique index measurements_note_once on measurements(session_note_id, instrument_id) where session_note_id is not null;

-- A note's pain today is an NPRS score 0–10 or null ("not measured"), never a default 0.
alter table session_notes add constraint session_note_pain_nprs check (
  case coalesce(jsonb_typeof(data -> 'subjective' -> 'pain'), 'null')
    when 'null' then true
    when 'number' then (data -> 'subjective' ->> 'pain')::numeric in (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    else false
  end
);

-- The re-assessment prompt ("no meaningful improvement after N weeks") is raised once per episode.
alter table staff_alerts add column episode_id text references episodes(id);
create unique index staff_alerts_episode_once on staff_alerts(episode_id, kind) where episode_id is not null;
