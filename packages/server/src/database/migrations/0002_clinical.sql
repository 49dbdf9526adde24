-- Clinical records: assessments on the body chart, with queryable child rows for the pain map
-- and trigger points (outcome and audit queries), and private posture photos.
create table assessments (
  id text primary key default gen_random_uuid()::text,
  patient_id text not null references patients(id),
  appointment_id text references appointments(id),
  author_id text not null references staff_users(id),
  status text not null default 'draft' check (status in ('draft', 'final')),
  data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index assessments_patient on assessments(patient_id, created_at);

create table assessment_pain_zones (
  assessment_id text not null references assessments(id) on delete cascade,
  zone text not null,
  side text not null default '' check (side in ('', 'left', 'right')),
  intensity int not null check (intensity between 0 and 10),
  primary key (assessment_id, zone, side)
);

create table assessment_trigger_points (
  id bigserial primary key,
  assessment_id text not null references assessments(id) on delete cascade,
  muscle_id text not null,
  side text check (side in ('left', 'right')),
  activity text not null check (activity in ('active', 'latent')),
  reproduces_familiar_pain boolean not null
);
create index assessment_trigger_points_muscle on assessment_trigger_points(muscle_id);

create table assessment_photos (
  id text primary key default gen_random_uuid()::text,
  assessment_id text not null references assessments(id) on delete cascade,
  view text not null check (view in ('front', 'side')),
  content_type text not null check (content_type in ('image/jpeg', 'image/png')),
  bytes bytea not null,
  landmarks jsonb not null default '{}',
  angles jsonb not null default '{}',
  uploaded_by text not null references staff_users(id),
  created_at timestamptz not null default now()
);
