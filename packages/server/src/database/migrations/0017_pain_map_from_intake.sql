-- Issue 12: a patient's first assessment starts its body chart from the intake's pain map. The
-- intake it came from is kept on the assessment so the therapist sees "from intake — confirm"
-- until they have looked; the patient's own marks are a starting point, never a finding.
alter table assessments
  add column pain_map_from_intake_id text references intake_responses(id);
