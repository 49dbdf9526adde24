-- Body-zone vocabulary version 2 (knowledge-base/vocabulary/zones-v2.json). Version 1 is the fixed
-- vocabulary of shared/domain/vocabulary.md; version 2 only ADDS zones, each refining one
-- version-1 zone, so every stored pain map stays valid as it is.

-- Which vocabulary an assessment's pain map was written in. Rows from before this migration were
-- written in version 1; the application stores the version it writes with on every save.
alter table assessments add column vocabulary_version int not null default 1
  check (vocabulary_version >= 1);

-- The refinements, so SQL over assessment_pain_zones (outcome and audit queries) can read a
-- version-2 zone as the version-1 zone it refines:
--   select coalesce(r.refines, z.zone) as zone_v1 from assessment_pain_zones z
--   left join body_zone_refinements r on r.zone = z.zone
-- A test keeps these rows equal to zones-v2.json.
create table body_zone_refinements (
  zone text primary key,
  refines text not null,
  since_version int not null check (since_version >= 2)
);
insert into body_zone_refinements (zone, refines, since_version) values
  ('posterior_elbow', 'posterior_upper_arm', 2),
  ('fingers_radial', 'fingers', 2),
  ('fingers_ulnar', 'fingers', 2),
  ('achilles', 'heel', 2),
  ('mastoid', 'ear', 2);
