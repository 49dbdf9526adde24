-- A clinician keeps something a patient's precaution would remove or cap only with a reason.
-- Each override is kept (append-only) and shown to the physician who co-signs the plan.
create table precaution_overrides (
  id text primary key default gen_random_uuid()::text,
  patient_id text not null references patients(id),
  plan_id text references treatment_plans(id),
  note_id text references session_notes(id),
  rule_id text not null check (length(rule_id) between 1 and 80),
  -- The overridden item ({kind, muscleId, side, techniqueId | selfCareId}) and its stable key.
  item jsonb not null,
  item_key text not null,
  reason text not null check (length(btrim(reason)) between 10 and 1000),
  staff_id text not null references staff_users(id),
  created_at timestamptz not null default now(),
  -- An override belongs to exactly one plan or one note.
  check ((plan_id is null) <> (note_id is null))
);
-- Nulls are distinct, so these hold for plan rows and note rows separately.
create unique index precaution_overrides_plan_item on precaution_overrides(plan_id, item_key);
create unique index precaution_overrides_note_item on precaution_overrides(note_id, item_key);
create index precaution_overrides_patient on precaution_overrides(patient_id, created_at);
create trigger precaution_overrides_append_only before update or delete on precaution_overrides
  for each row execute function refuse_change();
