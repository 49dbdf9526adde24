-- Issue 14, second part: results back as a report PDF, letters to referrers kept as documents, and
-- inbound referrals that arrive as a FHIR ServiceRequest.

-- A result's report is a stored document (0024), now with a real foreign key (0022 could not name a
-- table that came later). NOT VALID: rows written before this migration are not re-checked; every
-- new or changed row is. One report belongs to one result.
alter table referral_results add constraint referral_results_document_fkey foreign key (document_id) references documents(id) not valid;
alter table referral_results add constraint referral_results_document_key unique (document_id);

-- The result stays as it was recorded, except that its report may be attached once, before the
-- physician reviews it (the report PDF often arrives after the phoned-in findings).
create or replace function protect_referral_result() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'referral results are kept' using errcode = 'P0001';
  end if;
  if old.reviewed_at is not null
    or (to_jsonb(old) - array['review_decision', 'review_notes', 'reviewed_by', 'reviewed_at', 'document_id'])
       <> (to_jsonb(new) - array['review_decision', 'review_notes', 'reviewed_by', 'reviewed_at', 'document_id'])
    or (old.document_id is not null and new.document_id is distinct from old.document_id) then
    raise exception 'referral result % is immutable; only its report (once) and one physician review are added', old.id using errcode = 'P0001';
  end if;
  return new;
end $$;

-- Which referral a document belongs to: the letter, the acknowledgement and discharge letters to the
-- referrer, the result's report. An inbound referral's acknowledgement has no patient yet, so the
-- patient's record finds it through the referral. Set on insert; documents never change (0024).
alter table documents add column referral_id text references referrals(id);
create index documents_referral on documents (referral_id) where referral_id is not null;

-- An inbound referral sent as a FHIR ServiceRequest keeps the sender's identifier for it, so the
-- same request sent twice (a retry, a resubmission) finds the first referral instead of a second.
alter table referrals add column external_system text check (length(external_system) between 1 and 300);
alter table referrals add column external_id text check (length(external_id) between 1 and 200);
alter table referrals add constraint referrals_external_pair check ((external_system is null) = (external_id is null));
create unique index referrals_external_identifier on referrals (external_system, external_id) where external_id is not null;
