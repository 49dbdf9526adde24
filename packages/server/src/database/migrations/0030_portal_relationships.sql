-- Family accounts in the patient portal (issue 15): one email may hold several patient records
-- (a parent booking for children). The person who signs in with that email says how they relate
-- to each record; the clinic sees who manages a child's visits. Depends on 0026.
create table portal_relationships (
  email text not null check (email = lower(email)),
  patient_id text not null references patients(id),
  relationship text not null check (relationship in ('self', 'parent', 'guardian', 'carer', 'other')),
  recorded_at timestamptz not null,
  primary key (email, patient_id)
);
