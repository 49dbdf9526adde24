-- The schedule_changed notification now names the table that changed, so a server can tell a
-- booking (appointments: the busy times move) from a change to the clinic, services,
-- practitioners, their services, hours, breaks, exceptions or rooms (the catalog every
-- availability computation and booking reads, which servers cache per catalog version:
-- scheduling/schedule-catalog.ts). PostgreSQL folds repeats of one table's notification in one
-- transaction; a transaction touching several tables sends one per table.
create or replace function bump_schedule_version() returns trigger language plpgsql as $$
begin
  perform nextval('schedule_version');
  perform pg_notify('schedule_changed', tg_table_name);
  return null;
end $$;
