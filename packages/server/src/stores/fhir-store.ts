import type { Sql } from '../database/database.ts';

/**
 * The rows behind the FHIR API (routes/fhir), one SQL source per resource type. Every source
 * yields the same four columns the searches filter on, beside its own:
 *   id          the FHIR id (our primary key, or a stable composite for rows without one)
 *   patient_id  the patient compartment (null for shared resources)
 *   at          the date the `date` search compares (null when the type has none)
 *   status      the FHIR status code (computed here, so `status=` filters and pages in SQL)
 * and `rows` is the mapper's input (camelCase columns). Merged patients' rows follow the merge.
 */
export type FhirSourceName =
  | 'Patient'
  | 'Practitioner'
  | 'PractitionerRole'
  | 'Organization'
  | 'Location'
  | 'HealthcareService'
  | 'Schedule'
  | 'Appointment'
  | 'QuestionnaireResponse'
  | 'Consent'
  | 'Observation'
  | 'Condition'
  | 'CarePlan'
  | 'ServiceRequest'
  | 'Encounter'
  | 'DocumentReference'
  | 'Procedure'
  | 'AuditEvent';

const SOURCES: Record<FhirSourceName, string> = {
  Patient: `select p.id, p.id as patient_id, p.created_at as at, case when p.identity_status = 'merged' then 'inactive' else 'active' end as status,
      p.name, p.email, p.phone, p.date_of_birth::text as "birthDate", p.sex, p.preferred_language as "language",
      p.emergency_contact_name as "emergencyName", p.emergency_contact_phone as "emergencyPhone",
      p.identity_status as "identityStatus", p.merged_into_id as "mergedIntoId"
    from patients p`,
  Practitioner: `select id, null::text as patient_id, null::timestamptz as at, case when active then 'active' else 'inactive' end as status,
      name_en as "nameEn", name_ar as "nameAr", title_en as "titleEn", title_ar as "titleAr", kind, active
    from practitioners`,
  PractitionerRole: `select pr.id, null::text as patient_id, null::timestamptz as at, case when pr.active then 'active' else 'inactive' end as status,
      pr.name_en as "nameEn", pr.kind, pr.active,
      coalesce((select json_agg(ps.service_id order by ps.service_id) from practitioner_services ps where ps.practitioner_id = pr.id), '[]') as "serviceIds",
      coalesce((select json_agg(json_build_object('weekday', w.weekday, 'start', to_char(w.start_time, 'HH24:MI:SS'), 'end', to_char(w.end_time, 'HH24:MI:SS')) order by w.weekday, w.start_time)
        from working_hours w where w.practitioner_id = pr.id), '[]') as hours
    from practitioners pr`,
  Organization: `select id, null::text as patient_id, null::timestamptz as at, 'active' as status,
      name_en as "nameEn", name_ar as "nameAr", address_en as "addressEn", address_ar as "addressAr", phone, email
    from clinic`,
  Location: `select id, null::text as patient_id, null::timestamptz as at, case when active then 'active' else 'inactive' end as status,
      name_en as "nameEn", name_ar as "nameAr", active
    from rooms`,
  HealthcareService: `select id, null::text as patient_id, null::timestamptz as at, case when active then 'active' else 'inactive' end as status,
      name_en as "nameEn", name_ar as "nameAr", description_en as "descriptionEn", description_ar as "descriptionAr",
      duration_minutes as "durationMinutes", active, bookable_online as "bookableOnline",
      coalesce((select json_agg(ps.practitioner_id order by ps.practitioner_id) from practitioner_services ps where ps.service_id = services.id), '[]') as "practitionerIds"
    from services`,
  Schedule: `select id, null::text as patient_id, null::timestamptz as at, case when active then 'active' else 'inactive' end as status,
      name_en as "nameEn", active,
      coalesce((select json_agg(ps.service_id order by ps.service_id) from practitioner_services ps where ps.practitioner_id = practitioners.id), '[]') as "serviceIds"
    from practitioners`,
  Appointment: `select a.id, a.patient_id, a.starts_at as at,
      case a.status when 'confirmed' then 'booked' when 'cancelled' then 'cancelled' when 'completed' then 'fulfilled' else 'noshow' end as status,
      a.reference, a.service_id as "serviceId", a.practitioner_id as "practitionerId", a.room_id as "roomId",
      a.starts_at as "startsAt", a.ends_at as "endsAt", a.created_at as "createdAt", a.cancel_reason as "cancelReason", a.source,
      s.name_en as "serviceEn", s.name_ar as "serviceAr"
    from appointments a join services s on s.id = a.service_id
    where a.kind = 'visit'`,
  QuestionnaireResponse: `select id, patient_id, coalesce(submitted_at, updated_at) as at,
      case status when 'submitted' then 'completed' else 'in-progress' end as status,
      appointment_id as "appointmentId", language, response, coalesce(submitted_at, updated_at) as "authored"
    from intake_responses`,
  Consent: `select id, patient_id, signed_at as at, 'active' as status,
      version, language, typed_name as "typedName", signed_at as "signedAt"
    from consents`,
  Observation: `select 'm-' || m.id as id, m.patient_id, m.taken_at as at, 'final' as status,
      'measurement' as kind, m.instrument_id as "instrumentId", m.instrument_version as "instrumentVersion", m.score, m.taken_at as "takenAt",
      m.language, m.source, null::text as zone, null::text as side, null::int as intensity, m.episode_id as "episodeId", null::text as "assessmentId"
    from measurements m
    union all
    select 'pz-' || md5(z.assessment_id || '|' || z.zone || '|' || z.side) as id, a.patient_id, a.updated_at as at,
      case a.status when 'final' then 'final' else 'preliminary' end as status,
      'pain_zone' as kind, null, null, null, a.updated_at, null, null, z.zone, z.side, z.intensity, null, a.id
    from assessment_pain_zones z join assessments a on a.id = z.assessment_id`,
  Condition: `select 'ep-' || e.id as id, e.patient_id, e.started_on::timestamptz as at,
      case e.status when 'open' then 'active' else 'resolved' end as status,
      'episode' as kind, e.complaint as title, e.region, e.started_on::text as onset, e.ended_on::text as abatement, null::text as "assessmentId", null::int as priority
    from episodes e
    union all
    select 'ap-' || a.id || '-' || p.n as id, a.patient_id, a.created_at as at, 'active' as status,
      'problem' as kind, p.item ->> 'title', null, a.created_at::date::text, null, a.id, (p.item ->> 'priority')::int
    from assessments a, jsonb_array_elements(coalesce(a.data -> 'problems', '[]'::jsonb)) with ordinality as p(item, n)
    where a.status = 'final'`,
  CarePlan: `select id, patient_id, created_at as at,
      case status when 'approved' then 'active' else 'draft' end as status,
      assessment_id as "assessmentId", data, created_at as "createdAt", approved_at as "approvedAt", created_by as "createdBy"
    from treatment_plans`,
  ServiceRequest: `select 'rv-' || r.id as id, r.patient_id, r.created_at as at, 'active' as status,
      'review' as kind, r.referral, null::jsonb as screening, null::jsonb as network, r.created_at as "authoredOn", r.physician_id as "requesterId", r.notes
    from physician_reviews r where r.decision = 'refer'
    union all
    select 'sc-' || s.id, s.patient_id, s.created_at, 'active', 'screening', null, s.result -> 'physicianReferral', null, s.created_at, null, null
    from screenings s where s.outcome = 'refer_before_treatment' and s.result ? 'physicianReferral'
    union all
    -- The referral network (migration 0022): out to a provider, or in from an outside doctor once it has a patient.
    select 'rf-' || f.id, f.patient_id, f.created_at,
      case f.status when 'drafted' then 'draft' when 'cancelled' then 'revoked' when 'declined' then 'revoked' when 'closed' then 'completed' else 'active' end,
      'network', null, null,
      jsonb_build_object('direction', f.direction, 'status', f.status, 'urgency', f.urgency, 'reason', f.reason, 'question', f.question,
        'tests', f.tests_suggested, 'providerName', p.name, 'providerOrganisation', p.organisation, 'referrerName', f.referrer_name,
        'referrerOrganisation', f.referrer_organisation, 'signedAt', f.signed_at, 'signerName', u.name),
      f.created_at, f.signed_by, null
    from referrals f left join referral_providers p on p.id = f.provider_id left join staff_users u on u.id = f.signed_by
    where f.patient_id is not null`,
  Encounter: `select t.id, t.patient_id, t.started_at as at,
      case when n.status = 'signed' then 'finished' else 'in-progress' end as status,
      t.appointment_id as "appointmentId", t.started_at as "startedAt", a.ends_at as "endsAt", a.practitioner_id as "practitionerId", a.room_id as "roomId",
      a.service_id as "serviceId"
    from treatment_sessions t join appointments a on a.id = t.appointment_id left join session_notes n on n.session_id = t.id`,
  DocumentReference: `select n.id, n.patient_id, n.signed_at as at, 'current' as status, 'note' as source,
      n.session_id as "sessionId", n.data, n.signed_at as "signedAt", n.signed_by as "signedBy", u.name as "signedByName",
      coalesce((select json_agg(json_build_object('text', ad.text, 'at', ad.created_at) order by ad.created_at) from note_addenda ad where ad.note_id = n.id), '[]') as addenda,
      null::text as "documentId", null::text as "documentKind", null::text as "mediaType", null::text as language, null::text as title,
      null::text as sha256, null::integer as "byteLength", null::text as "referralId", null::text as "createdByName"
    from session_notes n join staff_users u on u.id = n.signed_by
    where n.status = 'signed'
    union all
    -- Stored letters and results (migrations 0024, 0025): the patient's own, or their referral's.
    select 'doc-' || d.id, coalesce(d.patient_id, r.patient_id), d.created_at, 'current', 'document',
      null, null, null, null, null, null,
      d.id, d.kind, d.media_type, d.language, d.title, d.sha256, d.byte_length, d.referral_id, c.name
    from documents d left join referrals r on r.id = d.referral_id left join staff_users c on c.id = d.created_by
    where coalesce(d.patient_id, r.patient_id) is not null`,
  Procedure: `select n.id || '-' || t.n as id, n.patient_id, n.signed_at as at, 'completed' as status,
      n.session_id as "sessionId", n.id as "noteId", t.item as technique, n.signed_at as "signedAt"
    from session_notes n, jsonb_array_elements(n.data -> 'techniques') with ordinality as t(item, n)
    where n.status = 'signed' and coalesce((t.item ->> 'done')::boolean, true)`,
  AuditEvent: `select id::text as id, case when entity_type = 'patient' then entity_id end as patient_id, at, null::text as status,
      actor_type as "actorType", actor_id as "actorId", actor_role as "actorRole", action, entity_type as "entityType", entity_id as "entityId", at as "recorded"
    from audit_log`,
};

export interface FhirRowFilter {
  id?: string | undefined;
  patientId?: string | undefined;
  status?: readonly string[] | undefined;
  /** Inclusive lower and exclusive upper bounds on `at`, ISO instants. */
  from?: string | undefined;
  to?: string | undefined;
  /** Patient only: its own searches (name contains, email, phone's last 9 digits, birth date, our identifier). */
  patient?: { name?: string; email?: string; phone?: string; birthDate?: string; id?: string };
  limit: number;
  offset: number;
}

/** Extra conditions for the Patient searches, as SQL over the Patient source's columns, numbered from $8. */
function patientConditions(patient: FhirRowFilter['patient']): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (condition: (n: number) => string, value: unknown) => {
    params.push(value);
    parts.push(condition(7 + params.length));
  };
  if (patient?.name !== undefined) add((n) => `position(lower($${n}::text) in lower(s.name)) > 0`, patient.name);
  if (patient?.email !== undefined) add((n) => `lower(s.email) = lower($${n}::text)`, patient.email);
  if (patient?.phone !== undefined) add((n) => `right(regexp_replace(coalesce(s.phone, ''), '[^0-9]', '', 'g'), 9) = $${n}::text`, patient.phone);
  if (patient?.birthDate !== undefined) add((n) => `s."birthDate" = $${n}::text`, patient.birthDate);
  if (patient?.id !== undefined) add((n) => `s.id = $${n}::text`, patient.id);
  return { sql: parts.map((p) => ` and ${p}`).join(''), params };
}

export interface FhirRows {
  rows: Record<string, unknown>[];
  total: number;
}

/** One page of a type's rows and how many match in all (ordered by date, then id, so pages are stable). */
export async function listFhirRows(sql: Sql, type: FhirSourceName, filter: FhirRowFilter): Promise<FhirRows> {
  const extra = type === 'Patient' ? patientConditions(filter.patient) : { sql: '', params: [] };
  const rows = await sql.query<Record<string, unknown> & { total: string | number }>(
    `select s.*, count(*) over () as total from (${SOURCES[type]}) s
     where ($1::text is null or s.id = $1)
       and ($2::text is null or s.patient_id = $2)
       and ($3::text[] is null or s.status = any($3::text[]))
       and ($4::timestamptz is null or s.at >= $4::timestamptz)
       and ($5::timestamptz is null or s.at < $5::timestamptz)${extra.sql}
     order by s.at nulls first, s.id
     limit $6 offset $7`,
    [
      filter.id ?? null,
      filter.patientId ?? null,
      filter.status ? [...filter.status] : null,
      filter.from ?? null,
      filter.to ?? null,
      filter.limit,
      filter.offset,
      ...extra.params,
    ],
  );
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (rows.length === 0 && filter.offset > 0) {
    // Past the last page: the window count has no row to ride on, so count on its own.
    const again = await listFhirRows(sql, type, { ...filter, limit: 1, offset: 0 });
    total = again.total;
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}

/** Whether a patient exists (merged ones included: their record still answers, marked as replaced). */
export async function fhirPatientExists(sql: Sql, patientId: string): Promise<boolean> {
  const rows = await sql.query<{ id: string }>('select id from patients where id = $1', [patientId]);
  return rows.length > 0;
}
