-- iCalendar SEQUENCE per visit (RFC 5545 §3.8.7.4): the revision number calendars compare to
-- know that an update or a cancellation replaces what they hold. It rises in the same statement
-- as every change the patient sees: a new start or end, another practitioner, a cancellation.
-- A trigger, so no code path that moves or cancels a visit can forget it. The temporary status
-- flip while a patient reschedules (manage-booking.ts) sets no cancelled_at and does not count.
alter table appointments add column ical_sequence int not null default 0 check (ical_sequence >= 0);

create function bump_ical_sequence() returns trigger language plpgsql as $$
begin
  if new.ical_sequence < old.ical_sequence then
    raise exception 'ical_sequence of appointment % may only rise', old.id using errcode = 'check_violation';
  end if;
  if new.starts_at is distinct from old.starts_at
     or new.ends_at is distinct from old.ends_at
     or new.practitioner_id is distinct from old.practitioner_id
     or (new.cancelled_at is not null and old.cancelled_at is null) then
    new.ical_sequence := greatest(new.ical_sequence, old.ical_sequence + 1);
  end if;
  return new;
end $$;

create trigger appointments_ical_sequence before update on appointments for each row execute function bump_ical_sequence();
