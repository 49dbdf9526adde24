-- Messages (issue 12): HTML emails carry the clinic's map link, patients choose a channel
-- (email, SMS or WhatsApp), and each outbox row records the channel it went out on.

-- A link to the clinic on a map (Google Maps, Apple Maps, OpenStreetMap…); when empty, emails
-- link a map search for the clinic's address instead.
alter table clinic add column map_url text not null default '' check (map_url = '' or map_url ~ '^https://');

-- The channel a patient wants messages on. Email is the default and the fallback: a clinic
-- that has not configured SMS or WhatsApp still reaches every patient.
alter table patients
  add column preferred_channel text not null default 'email' check (preferred_channel in ('email', 'sms', 'whatsapp'));

-- The outbox keeps the email (subject, text, html) and a short text for SMS/WhatsApp; the
-- channel is chosen when the message is sent, from the patient's preference then (a patient
-- who switches to SMS before a reminder gets the reminder by SMS). `channel` records what
-- carried it; `channel_note` why it is not the preferred one (e.g. sms_not_configured).
alter table outbox
  add column patient_id text references patients(id),
  add column body_short text,
  add column channel text check (channel in ('email', 'sms', 'whatsapp')),
  add column channel_note text;
create index outbox_patient on outbox(patient_id) where patient_id is not null;
