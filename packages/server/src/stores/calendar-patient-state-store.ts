import type { Sql } from '../database/database.ts';

export interface CalendarPatientStateRow {
  appointmentId: string;
  newPatient: boolean;
  intake: 'not_started' | 'in_progress' | 'submitted';
  consentSigned: boolean;
  screening: 'not_screened' | 'clear' | 'precautions' | 'refer' | 'cleared_by_physician';
  planCosignPending: boolean;
  aftercareAlert: boolean;
}

export interface PatientStateRange {
  from: Date;
  to: Date;
  practitionerId?: string | undefined;
  roomId?: string | undefined;
  /** The consent version in force: an older signature is no consent (as intakeView and the gate read it). */
  consentVersion: string;
  /** Contraindication ids a physician must clear: older stored screens name them only there (find-clearance-required.ts). */
  clearanceRuleIds: readonly string[];
}

/**
 * The patient's state for every visit that overlaps [from, to), in one query: the calendar
 * reads a week of visits at once, never one query per visit. Every piece is gathered per
 * patient (or per visit for intake and "new") and joined back.
 *
 * Screening follows the treatment gate (domain/safety/decide-treatment-gate.ts) but errs further
 * towards referral where the two could differ:
 * - the physician decision in force is standingReview's: each record's latest review, and after
 *   a merge the strictest of them until a physician reviews again;
 * - 'refer' when that decision is a referral, or when ANY screen that refers or names a precaution
 *   needing clearance came after the last physician clearance. The gate reads only the latest
 *   screen; a later reassuring self-report must not make an unanswered referral vanish from the
 *   desk's view, so the calendar keeps it until a physician clears;
 * - otherwise 'precautions' (cleared with precautions, or the latest screen sets them),
 *   'cleared_by_physician', 'clear', or 'not_screened'.
 */
export async function listCalendarPatientStates(sql: Sql, range: PatientStateRange): Promise<CalendarPatientStateRow[]> {
  return sql.query<CalendarPatientStateRow>(
    `with v as (
       select a.id, a.patient_id, a.starts_at from appointments a
       where a.kind = 'visit' and a.status <> 'cancelled' and a.patient_id is not null and a.starts_at < $2 and a.ends_at > $1
         and ($3::text is null or a.practitioner_id = $3) and ($4::text is null or a.room_id = $4)),
     p as (select distinct patient_id from v),
     reviews as (
       select r.patient_id, r.decision, r.created_at, m.merged_patient_id as from_id, m.merged_at
       from physician_reviews r join p on p.patient_id = r.patient_id
       left join lateral (select pm.merged_patient_id, pm.merged_at from patient_merges pm where r.id = any(pm.moved_review_ids) order by pm.merged_at limit 1) m on true),
     latest_review as (select distinct on (patient_id) patient_id, created_at from reviews order by patient_id, created_at desc),
     per_record as (select distinct on (patient_id, coalesce(from_id, '')) * from reviews order by patient_id, coalesce(from_id, ''), created_at desc),
     standing as (
       -- A merged record's latest decision stands beside the rest until a physician reviews after the merge.
       select distinct on (r.patient_id) r.patient_id, r.decision, r.created_at
       from per_record r join latest_review l on l.patient_id = r.patient_id
       where r.from_id is null or l.created_at < r.merged_at
       order by r.patient_id, case r.decision when 'refer' then 2 when 'clear_with_precautions' then 1 else 0 end desc, r.created_at desc),
     latest_screen as (
       select distinct on (s.patient_id) s.patient_id, s.outcome from screenings s join p on p.patient_id = s.patient_id
       order by s.patient_id, s.created_at desc),
     open_referral as (
       select distinct s.patient_id from screenings s join p on p.patient_id = s.patient_id left join standing st on st.patient_id = s.patient_id
       where (s.outcome = 'refer_before_treatment'
              or (jsonb_typeof(s.result -> 'clearanceRequired') = 'array' and jsonb_array_length(s.result -> 'clearanceRequired') > 0)
              or (jsonb_typeof(s.result -> 'clearanceRequired') is distinct from 'array' and jsonb_typeof(s.result -> 'contraindications') = 'array'
                  and exists (select 1 from jsonb_array_elements(s.result -> 'contraindications') c where c ->> 'id' = any($6::text[]))))
         and (st.created_at is null or st.created_at < s.created_at)
       union
       -- A referral raised for a red flag blocks until its result is reviewed (domain/referrals blocksTreatment).
       select r.patient_id from referrals r join p on p.patient_id = r.patient_id
       where r.direction = 'out' and r.red_flag and r.status not in ('closed', 'cancelled')),
     latest_consent as (
       select distinct on (c.patient_id) c.patient_id, c.version from consents c join p on p.patient_id = c.patient_id
       order by c.patient_id, c.signed_at desc)
     select v.id as "appointmentId",
       not exists (select 1 from appointments e where e.patient_id = v.patient_id and e.kind = 'visit'
                   and e.status in ('confirmed', 'completed') and e.starts_at < v.starts_at) as "newPatient",
       coalesce(i.status, 'not_started') as intake,
       coalesce(lc.version = $5, false) as "consentSigned",
       case when st.decision = 'refer' or o.patient_id is not null then 'refer'
            when st.patient_id is null and ls.patient_id is null then 'not_screened'
            when st.decision = 'clear_with_precautions' or ls.outcome = 'proceed_with_precautions' then 'precautions'
            when st.decision = 'clear' then 'cleared_by_physician'
            else 'clear' end as screening,
       exists (select 1 from treatment_plans tp where tp.patient_id = v.patient_id and tp.status = 'awaiting_cosign') as "planCosignPending",
       exists (select 1 from staff_alerts sa where sa.patient_id = v.patient_id and sa.kind = 'adverse_checkin' and sa.read_at is null) as "aftercareAlert"
     from v
     left join intake_responses i on i.appointment_id = v.id
     left join latest_consent lc on lc.patient_id = v.patient_id
     left join standing st on st.patient_id = v.patient_id
     left join latest_screen ls on ls.patient_id = v.patient_id
     left join open_referral o on o.patient_id = v.patient_id`,
    [range.from.toISOString(), range.to.toISOString(), range.practitionerId ?? null, range.roomId ?? null, range.consentVersion, [...range.clearanceRuleIds]],
  );
}
