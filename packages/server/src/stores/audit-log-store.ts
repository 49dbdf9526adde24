import type { Sql } from '../database/database.ts';

export interface AuditLogRow {
  id: number | string;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  patientId: string | null;
  patientName: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Part of a patient's name, or a patient id. */
  patient?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  /** [from, to): instants, already turned from clinic days by the caller. */
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset: number;
}

/**
 * The patient an entry is about, found from its entity, so old rows (written before anyone asked)
 * answer too; the `after.patientId` some reads carry is the fallback.
 */
const ENTRY_PATIENT = `case l.entity_type
    when 'patient' then l.entity_id
    when 'appointment' then (select x.patient_id from appointments x where x.id = l.entity_id)
    when 'assessment' then (select x.patient_id from assessments x where x.id = l.entity_id)
    when 'assessment_photo' then (select a.patient_id from assessment_photos x join assessments a on a.id = x.assessment_id where x.id = l.entity_id)
    when 'treatment_plan' then (select x.patient_id from treatment_plans x where x.id = l.entity_id)
    when 'session_note' then (select x.patient_id from session_notes x where x.id = l.entity_id)
    when 'intake' then (select x.patient_id from intake_responses x where x.id = l.entity_id)
    when 'consent' then (select x.patient_id from consents x where x.id = l.entity_id)
    when 'treatment_session' then (select x.patient_id from treatment_sessions x where x.id = l.entity_id)
    when 'aftercare_checkin' then (select x.patient_id from aftercare_checkins x where x.id = l.entity_id)
    when 'staff_alert' then (select x.patient_id from staff_alerts x where x.id = l.entity_id)
    when 'episode' then (select x.patient_id from episodes x where x.id = l.entity_id)
    when 'measurement' then (select x.patient_id from measurements x where x.id = l.entity_id)
    when 'measure_request' then (select e.patient_id from measure_requests x join episodes e on e.id = x.episode_id where x.id = l.entity_id)
    when 'waitlist_entry' then (select x.patient_id from waitlist_entries x where x.id = l.entity_id)
    when 'document' then (select x.patient_id from documents x where x.id = l.entity_id)
  end`;

/** LIKE treats % and _ as wildcards: a name typed with them means the characters. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The newest entries first, narrowed by any of the filters, one page at a time. */
export async function listAuditEntries(sql: Sql, filter: AuditFilter): Promise<AuditLogRow[]> {
  return sql.query<AuditLogRow>(
    `select l.id, l.at, l.actor_type as "actorType", l.actor_id as "actorId", u.name as "actorName", l.actor_role as "actorRole",
       l.action, l.entity_type as "entityType", l.entity_id as "entityId", p.id as "patientId", p.name as "patientName", l.before, l.after
     from audit_log l
     left join staff_users u on u.id = l.actor_id
     left join lateral (select coalesce(${ENTRY_PATIENT}, l.after->>'patientId', l.before->>'patientId') as id) ep on true
     left join patients p on p.id = ep.id
     where ($1::text is null or l.entity_type = $1) and ($2::text is null or l.entity_id = $2)
       and ($3::text is null or p.id = $3 or p.name ilike $4)
       and ($5::text is null or l.actor_id = $5)
       and ($6::text is null or l.action = $6)
       and ($7::timestamptz is null or l.at >= $7) and ($8::timestamptz is null or l.at < $8)
     order by l.id desc limit $9 offset $10`,
    [
      filter.entityType ?? null,
      filter.entityId ?? null,
      filter.patient ?? null,
      filter.patient === undefined ? null : likePattern(filter.patient),
      filter.actorId ?? null,
      filter.action ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.limit,
      filter.offset,
    ],
  );
}

export interface NewAuditRow {
  actorType: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** Already redacted (lib/audit.ts): the log is append-only, so a secret written here stays. */
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** Appends one row to the append-only audit log. */
export async function insertAuditRow(sql: Sql, r: NewAuditRow): Promise<void> {
  await sql.query(
    `insert into audit_log (actor_type, actor_id, actor_role, action, entity_type, entity_id, before, after, ip)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      r.actorType,
      r.actorId,
      r.actorRole,
      r.action,
      r.entityType,
      r.entityId,
      r.before === undefined ? null : JSON.stringify(r.before),
      r.after === undefined ? null : JSON.stringify(r.after),
      r.ip,
    ],
  );
}
