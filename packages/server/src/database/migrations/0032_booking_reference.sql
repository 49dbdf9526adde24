-- A booking reference no visit on file has yet (session 33). References are six characters of 31
-- (lib/tokens.ts: 887 million), short enough to read over the phone; drawn blind, one in every
-- 887 million / n new visits clashed with one of the n on file, and the unique index turned that
-- visit's booking (or a whole FHIR import) into a server error. A visit written in one statement
-- (staff, a plan's series, a waitlist offer accepted, an import) takes its reference from here, in
-- that statement: drawn again while it is taken. References are not secrets (a booking is reached
-- with its token), so random() serves. The online booking draws its own before its transaction, to
-- put it in the messages it renders there, and draws again if the insert meets a clash.
create function new_booking_reference() returns text language plpgsql volatile as $$
declare
  alphabet constant text := 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  candidate text;
begin
  loop
    candidate := 'MYO-';
    for i in 1..6 loop
      candidate := candidate || substr(alphabet, 1 + floor(random() * 31)::int, 1);
    end loop;
    exit when not exists (select 1 from appointments where reference = candidate);
  end loop;
  return candidate;
end $$;
