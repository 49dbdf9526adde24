-- A version number for everything availability depends on, bumped by statement triggers on
-- every change. Servers cache computed slots under it and recompute when it moves.
create sequence schedule_version;

create function bump_schedule_version() returns trigger language plpgsql as $$
begin
  -- A sequence, not a counter row: nextval takes no row lock, so concurrent bookings never
  -- queue behind (or deadlock on) one shared row.
  perform nextval('schedule_version');
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
