-- A version number for everything availability depends on. Statement triggers bump it in the
-- same transaction as the change, so a reader that sees version N sees every change up to N;
-- servers cache computed slots under the version and recompute when it moves.
create table schedule_version (
  singleton boolean primary key default true check (singleton),
  version bigint not null
);
insert into schedule_version (version) values (1);

create function bump_schedule_version() returns trigger language plpgsql as $$
begin
  update schedule_version set version = version + 1;
  return null;
end $$;

create trigger appointments_schedule_version after insert or update or delete on appointments for each statement execute function bump_schedule_version();
create trigger working_hours_schedule_version after insert or update or delete on working_hours for each statement execute function bump_schedule_version();
create trigger breaks_schedule_version after insert or update or delete on breaks for each statement execute function bump_schedule_version();
create trigger exceptions_schedule_version after insert or update or delete on schedule_exceptions for each statement execute function bump_schedule_version();
create trigger services_schedule_version after insert or update or delete on services for each statement execute function bump_schedule_version();
create trigger practitioners_schedule_version after insert or update or delete on practitioners for each statement execute function bump_schedule_version();
create trigger practitioner_services_schedule_version after insert or update or delete on practitioner_services for each statement execute function bump_schedule_version();
create trigger rooms_schedule_version after insert or update or delete on rooms for each statement execute function bump_schedule_version();
create trigger clinic_schedule_version after insert or update or delete on clinic for each statement execute function bump_schedule_version();
