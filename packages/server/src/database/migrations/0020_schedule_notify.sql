-- Every change availability depends on also notifies 'schedule_changed' (delivered to listeners
-- when the transaction commits, and only if it commits), so each server instance advances its
-- own schedule version without asking the database on every availability request.
-- Notifications repeated in one transaction are folded into one by PostgreSQL.
create or replace function bump_schedule_version() returns trigger language plpgsql as $$
begin
  -- A sequence, not a counter row: nextval takes no row lock, so concurrent bookings never
  -- queue behind (or deadlock on) one shared row.
  perform nextval('schedule_version');
  perform pg_notify('schedule_changed', '');
  return null;
end $$;
