-- Patient identity: an online booking never writes into an existing patient. It creates its own
-- self-registered record; staff who have checked the person's identity merge it into the
-- existing one. A merged record is kept (history, audit) and points at the one it joined.
alter table patients
  add column identity_status text not null default 'verified'
    check (identity_status in ('verified', 'self_registered', 'merged')),
  add column merged_into_id text references patients(id),
  add column merged_at timestamptz,
  add constraint patients_merged_has_target
    check ((identity_status = 'merged') = (merged_into_id is not null and merged_at is not null)),
  add constraint patients_not_merged_into_self check (merged_into_id <> id);
create index patients_self_registered on patients(created_at) where identity_status = 'self_registered';
create index patients_phone on patients(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'));

-- One row per merge, never changed: who merged what into what, the values kept, and which rows
-- moved. moved_review_ids lets the treatment gate tell each record's physician decisions apart
-- (a referral on either record stands until a physician reviews the merged record).
create table patient_merges (
  id text primary key default gen_random_uuid()::text,
  kept_patient_id text not null references patients(id),
  merged_patient_id text not null unique references patients(id),
  merged_by text not null references staff_users(id),
  merged_at timestamptz not null,
  kept_values jsonb not null,
  moved_rows jsonb not null,
  moved_review_ids text[] not null default '{}',
  check (kept_patient_id <> merged_patient_id)
);
create index patient_merges_kept on patient_merges(kept_patient_id, merged_at);
create trigger patient_merges_append_only before update or delete on patient_merges for each row execute function refuse_change();

-- Append-only clinical records (consents, screenings, physician reviews) and signed notes stay
-- unchangeable, with one exception: a patient merge may move a row to the kept patient, changing
-- patient_id and nothing else, and only for the record being merged, named in the transaction
-- setting myomap.merging_patient_id (set with set_config(..., true), so it ends with the transaction).
create or replace function is_patient_merge_move(old_row jsonb, new_row jsonb) returns boolean language sql stable as $$
  select old_row ? 'patient_id'
    and old_row ->> 'patient_id' = nullif(current_setting('myomap.merging_patient_id', true), '')
    and (old_row - 'patient_id') = (new_row - 'patient_id')
$$;

create or replace function refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and is_patient_merge_move(to_jsonb(old), to_jsonb(new)) then
    return new;
  end if;
  raise exception '% is append-only', tg_table_name using errcode = 'P0001';
end $$;

create or replace function protect_signed_note() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status = 'signed' then
      raise exception 'session note % is signed and cannot be deleted', old.id using errcode = 'P0001';
    end if;
    return old;
  end if;
  if old.status = 'signed' and not is_patient_merge_move(to_jsonb(old), to_jsonb(new)) then
    raise exception 'session note % is signed and cannot be changed; add an addendum', old.id using errcode = 'P0001';
  end if;
  return new;
end $$;
