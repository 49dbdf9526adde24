-- Treatment plans, booked series, signed session notes with addenda, aftercare check-ins
-- and staff alerts.
create table treatment_plans (
  id text primary key default gen_random_uuid()::text,
  patient_id text not null references patients(id),
  assessment_id text not null references assessments(id),
  status text not null default 'draft' check (status in ('draft', 'awaiting_cosign', 'approved')),
  data jsonb not null,
  requires_cosign boolean not null default false,
  created_by text not null references staff_users(id),
  approved_by text references staff_users(id),
  approved_at timestamptz,
  cosigned_by text references staff_users(id),
  cosigned_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status = 'draft' or approved_by is not null),
  check (status <> 'approved' or not requires_cosign or cosigned_by is not null)
);
create index treatment_plans_patient on treatment_plans(patient_id, created_at);

alter table appointment_series add column plan_id text references treatment_plans(id);

create table session_notes (
  id text primary key default gen_random_uuid()::text,
  session_id text not null unique references treatment_sessions(id),
  patient_id text not null references patients(id),
  author_id text not null references staff_users(id),
  status text not null default 'draft' check (status in ('draft', 'signed')),
  data jsonb not null,
  signed_by text references staff_users(id),
  signed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'signed') = (signed_at is not null and signed_by is not null))
);

-- A signed note is a legal record: the database refuses any change to it or its deletion,
-- whoever asks and however (API or direct SQL). Corrections are addenda.
create function protect_signed_note() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status = 'signed' then
      raise exception 'session note % is signed and cannot be deleted', old.id using errcode = 'P0001';
    end if;
    return old;
  end if;
  if old.status = 'signed' then
    raise exception 'session note % is signed and cannot be changed; add an addendum', old.id using errcode = 'P0001';
  end if;
  return new;
end $$;
create trigger session_notes_signed_immutable before update or delete on session_notes
  for each row execute function protect_signed_note();

create table note_addenda (
  id text primary key default gen_random_uuid()::text,
  note_id text not null references session_notes(id),
  author_id text not null references staff_users(id),
  text text not null check (length(text) between 1 and 4000),
  created_at timestamptz not null default now()
);
create trigger note_addenda_append_only before update or delete on note_addenda for each row execute function refuse_change();

create table aftercare_checkins (
  id text primary key default gen_random_uuid()::text,
  session_id text not null unique references treatment_sessions(id),
  patient_id text not null references patients(id),
  token_hash text not null unique,
  opens_at timestamptz not null,
  answered_at timestamptz,
  soreness int check (soreness between 0 and 10),
  relief text check (relief in ('none', 'some', 'a_lot')),
  unexpected jsonb not null default '[]',
  notes text,
  adverse boolean,
  -- When relief is expected to fade, the patient is invited to book unless a visit is booked.
  follow_up_due_at timestamptz not null,
  follow_up_done_at timestamptz
);

create table staff_alerts (
  id text primary key default gen_random_uuid()::text,
  user_id text not null references staff_users(id),
  kind text not null,
  patient_id text references patients(id),
  message text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index staff_alerts_user on staff_alerts(user_id, read_at);
