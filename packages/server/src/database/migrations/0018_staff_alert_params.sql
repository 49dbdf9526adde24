-- A staff alert as data: its kind and the facts it reports (params), so each reader sees it in
-- their own language. `message` stays: older rows have only it, and the email quotes it.
alter table staff_alerts add column params jsonb;
