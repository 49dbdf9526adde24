-- The referral network (issue 14): a directory of providers, referrals out and in, their status
-- history and the results that come back. The lifecycle lives in the domain
-- (domain/referrals/referral-lifecycle.ts) and again here, so that no writer, however it reaches
-- the database, can skip a step, reopen a closed referral or change what a physician signed.

create table referral_providers (
  id text primary key default gen_random_uuid()::text,
  kind text not null check (kind in ('neurology', 'ncs_emg_lab', 'genetics', 'occupational_therapy', 'imaging', 'gp',
    'orthopaedics', 'rheumatology', 'emergency')),
  -- An organisation (a hospital department, a lab) or a named practitioner (who may work at one).
  entity text not null check (entity in ('organisation', 'practitioner')),
  name text not null check (length(btrim(name)) between 1 and 200),
  organisation text check (length(organisation) <= 200),
  email text check (email is null or position('@' in email) > 1),
  phone text check (length(phone) <= 40),
  fax text check (length(fax) <= 40),
  address text check (length(address) <= 400),
  website text check (length(website) <= 300),
  languages text[] not null default '{}' check (cardinality(languages) <= 10),
  -- What they accept: referral routes and requirements ("physician referral only", "walk-in").
  accepts text not null default '' check (length(accepts) <= 1000),
  notes text not null default '' check (length(notes) <= 2000),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (email is not null or phone is not null or fax is not null or address is not null)
);
create index referral_providers_kind on referral_providers(kind, active);

create table referrals (
  id text primary key default gen_random_uuid()::text,
  direction text not null check (direction in ('out', 'in')),
  -- Inbound: null until reception turns the referral into a patient.
  patient_id text references patients(id),
  provider_id text references referral_providers(id),
  -- Where an outbound referral started: a physician's review, a therapist's plan, or the record.
  source text not null check (source in ('physician_review', 'plan', 'record', 'public_form')),
  review_id text references physician_reviews(id),
  plan_id text references treatment_plans(id),
  -- Raised for a screening red flag: it keeps the treatment gate closed until a physician reviews the result.
  red_flag boolean not null default false,
  -- The screening vocabulary (emergency, same_day, soon) plus routine for referrals no red flag asks for.
  urgency text not null check (urgency in ('emergency', 'same_day', 'soon', 'routine')),
  reason text not null check (length(btrim(reason)) between 1 and 4000),
  question text not null default '' check (length(question) <= 2000),
  tests_suggested jsonb not null default '[]' check (jsonb_typeof(tests_suggested) = 'array'),
  -- What the letter carries besides the reason: 'findings', 'outcomes'.
  attachments text[] not null default '{}' check (attachments <@ array['findings', 'outcomes']::text[]),
  language text not null default 'en' check (language in ('en', 'ar')),
  status text not null check (status in ('drafted', 'signed', 'sent', 'acknowledged', 'appointment_booked', 'result_received',
    'closed', 'cancelled', 'received', 'accepted', 'declined')),
  due_on date,
  created_by text references staff_users(id),
  created_at timestamptz not null,
  signed_by text references staff_users(id),
  signed_at timestamptz,
  letter_document_id text,
  sent_via text check (sent_via in ('email', 'print')),
  appointment_on date,
  -- Inbound: who referred, and the patient as the referrer described them.
  referrer_name text check (length(referrer_name) <= 200),
  referrer_organisation text check (length(referrer_organisation) <= 200),
  referrer_email text check (referrer_email is null or position('@' in referrer_email) > 1),
  referrer_phone text check (length(referrer_phone) <= 40),
  referred_patient jsonb,
  consent_confirmed boolean,
  first_visit_id text references appointments(id),
  check (case direction
    when 'out' then status in ('drafted', 'signed', 'sent', 'acknowledged', 'appointment_booked', 'result_received', 'closed', 'cancelled')
    else status in ('received', 'accepted', 'declined', 'closed') end),
  check (direction = 'in' or (patient_id is not null and source <> 'public_form')),
  check (direction = 'out' or (source = 'public_form' and referrer_name is not null and referrer_email is not null
    and referred_patient is not null and consent_confirmed)),
  check ((signed_at is null) = (signed_by is null)),
  check (status in ('drafted', 'cancelled') or direction = 'in' or signed_at is not null)
);
create index referrals_worklist on referrals(direction, status, due_on);
create index referrals_patient on referrals(patient_id);

-- Who moved a referral, when, from what to what. Never changed.
create table referral_status_history (
  id bigint generated always as identity primary key,
  referral_id text not null references referrals(id),
  from_status text,
  to_status text not null,
  by_user text references staff_users(id),
  at timestamptz not null,
  note text not null default '' check (length(note) <= 2000)
);
create index referral_status_history_referral on referral_status_history(referral_id, id);
create trigger referral_status_history_append_only before update or delete on referral_status_history
  for each row execute function refuse_change();

-- The legal steps, the same table as domain/referrals/referral-lifecycle.ts (a test compares them).
create function referral_transition_allowed(from_status text, to_status text) returns boolean language sql immutable as $$
  select (from_status, to_status) in (
    ('drafted', 'signed'), ('drafted', 'cancelled'),
    ('signed', 'sent'), ('signed', 'cancelled'),
    ('sent', 'acknowledged'), ('sent', 'appointment_booked'), ('sent', 'result_received'), ('sent', 'cancelled'),
    ('acknowledged', 'appointment_booked'), ('acknowledged', 'result_received'), ('acknowledged', 'cancelled'),
    ('appointment_booked', 'result_received'), ('appointment_booked', 'cancelled'),
    ('result_received', 'closed'),
    ('received', 'accepted'), ('received', 'declined'),
    ('accepted', 'closed'))
$$;

-- What a physician signed (and an inbound referrer sent) is what stays: after drafting, only the
-- status and the tracking columns may change, the status only by a legal step, and nothing is deleted.
create function protect_referral() returns trigger language plpgsql as $$
declare
  tracking constant text[] := array['status', 'signed_by', 'signed_at', 'letter_document_id', 'sent_via', 'appointment_on', 'due_on',
    'patient_id', 'first_visit_id'];
begin
  if tg_op = 'DELETE' then
    raise exception 'referral % cannot be deleted; cancel it', old.id using errcode = 'P0001';
  end if;
  if is_patient_merge_move(to_jsonb(old), to_jsonb(new)) then
    return new;
  end if;
  if new.status <> old.status and not referral_transition_allowed(old.status, new.status) then
    raise exception 'referral % cannot go from % to %', old.id, old.status, new.status using errcode = 'P0001';
  end if;
  if old.status <> 'drafted' and (to_jsonb(old) - tracking) <> (to_jsonb(new) - tracking) then
    raise exception 'referral % is % and its content cannot change', old.id, old.status using errcode = 'P0001';
  end if;
  -- The patient of an inbound referral is set once, when reception accepts it; an outbound one's never moves.
  if old.patient_id is not null and new.patient_id is distinct from old.patient_id then
    raise exception 'referral % belongs to its patient', old.id using errcode = 'P0001';
  end if;
  if old.signed_at is not null and (new.signed_at is distinct from old.signed_at or new.signed_by is distinct from old.signed_by) then
    raise exception 'referral % is already signed', old.id using errcode = 'P0001';
  end if;
  return new;
end $$;
create trigger referrals_protected before update or delete on referrals for each row execute function protect_referral();

-- A result that came back: structured findings and, optionally, the report as a stored document
-- (documents, migration 0024, owned by the letters work: no foreign key across that order).
-- The physician's review of it is written once, beside it; the result itself never changes.
create table referral_results (
  id text primary key default gen_random_uuid()::text,
  referral_id text not null unique references referrals(id),
  summary text not null check (length(btrim(summary)) between 1 and 4000),
  findings jsonb not null default '[]' check (jsonb_typeof(findings) = 'array'),
  document_id text,
  received_on date not null,
  recorded_by text not null references staff_users(id),
  recorded_at timestamptz not null,
  review_decision text check (review_decision in ('clear', 'change_plan', 'refer_on')),
  review_notes text check (length(review_notes) <= 4000),
  reviewed_by text references staff_users(id),
  reviewed_at timestamptz,
  check ((review_decision is null) = (reviewed_by is null) and (reviewed_by is null) = (reviewed_at is null))
);

create function protect_referral_result() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'referral results are kept' using errcode = 'P0001';
  end if;
  if old.reviewed_at is not null
    or (to_jsonb(old) - array['review_decision', 'review_notes', 'reviewed_by', 'reviewed_at'])
       <> (to_jsonb(new) - array['review_decision', 'review_notes', 'reviewed_by', 'reviewed_at']) then
    raise exception 'referral result % is immutable; only one physician review is added', old.id using errcode = 'P0001';
  end if;
  return new;
end $$;
create trigger referral_results_protected before update or delete on referral_results
  for each row execute function protect_referral_result();
