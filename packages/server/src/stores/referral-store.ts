import type { ProviderIn, ProviderOut, ProviderQuery } from '@myomap/contract/referrals/referrals.schemas';
import type { ReferralDirection, ReferralStatus, ReferralUrgency } from '@myomap/domain/referrals/referral-lifecycle';
import type { Sql } from '../database/database.ts';

/** The referral network's SQL: the provider directory, referrals, their history and results (migration 0022). */

const providerColumns = `id, kind, entity, name, organisation, email, phone, fax, address, website, languages, accepts, notes, active`;

export async function searchProviders(sql: Sql, query: ProviderQuery): Promise<ProviderOut[]> {
  const q = query.q?.trim()
    ? `%${query.q
        .trim()
        .toLowerCase()
        .replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    : null;
  return sql.query<ProviderOut>(
    `select ${providerColumns} from referral_providers
     where ($1::text is null or lower(name || ' ' || coalesce(organisation, '') || ' ' || accepts || ' ' || notes) like $1)
       and ($2::text is null or kind = $2) and ($3::text is null or $3 = any(languages)) and ($4 or active)
     order by active desc, kind, name limit 200`,
    [q, query.kind ?? null, query.language ?? null, query.includeInactive ?? false],
  );
}

export async function findProvider(sql: Sql, id: string): Promise<ProviderOut | undefined> {
  const [row] = await sql.query<ProviderOut>(`select ${providerColumns} from referral_providers where id = $1`, [id]);
  return row;
}

function providerValues(p: ProviderIn): unknown[] {
  return [
    p.kind,
    p.entity,
    p.name.trim(),
    p.organisation ?? null,
    p.email ?? null,
    p.phone ?? null,
    p.fax ?? null,
    p.address ?? null,
    p.website ?? null,
    p.languages,
    p.accepts,
    p.notes,
    p.active,
  ];
}

export async function insertProvider(sql: Sql, p: ProviderIn, at: Date): Promise<ProviderOut> {
  const [row] = await sql.query<ProviderOut>(
    `insert into referral_providers (kind, entity, name, organisation, email, phone, fax, address, website, languages, accepts, notes, active, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) returning ${providerColumns}`,
    [...providerValues(p), at.toISOString()],
  );
  if (!row) throw new Error('provider insert returned no row');
  return row;
}

export async function updateProvider(sql: Sql, id: string, p: ProviderIn, at: Date): Promise<ProviderOut | undefined> {
  const [row] = await sql.query<ProviderOut>(
    `update referral_providers set kind = $2, entity = $3, name = $4, organisation = $5, email = $6, phone = $7, fax = $8, address = $9, website = $10,
       languages = $11, accepts = $12, notes = $13, active = $14, updated_at = $15 where id = $1 returning ${providerColumns}`,
    [id, ...providerValues(p), at.toISOString()],
  );
  return row;
}

export interface ReferralRow {
  id: string;
  direction: ReferralDirection;
  patientId: string | null;
  patientName: string | null;
  patientLanguage: 'en' | 'ar' | null;
  providerId: string | null;
  providerName: string | null;
  providerEmail: string | null;
  providerOrganisation: string | null;
  source: string;
  reviewId: string | null;
  planId: string | null;
  redFlag: boolean;
  urgency: ReferralUrgency;
  reason: string;
  question: string;
  testsSuggested: { code?: string; label: string }[];
  attachments: string[];
  language: 'en' | 'ar';
  status: ReferralStatus;
  dueOn: string | null;
  createdAt: Date;
  createdBy: string | null;
  signedByName: string | null;
  signedAt: Date | null;
  letterDocumentId: string | null;
  sentVia: string | null;
  appointmentOn: string | null;
  referrerName: string | null;
  referrerOrganisation: string | null;
  referrerEmail: string | null;
  referrerPhone: string | null;
  referredPatient: { name: string; dateOfBirth?: string; phone: string; email?: string; language: 'en' | 'ar' } | null;
  firstVisitId: string | null;
}

const referralSelect = `select r.id, r.direction, r.patient_id as "patientId", p.name as "patientName", p.preferred_language as "patientLanguage",
    r.provider_id as "providerId", v.name as "providerName", v.email as "providerEmail", v.organisation as "providerOrganisation",
    r.source, r.review_id as "reviewId", r.plan_id as "planId", r.red_flag as "redFlag", r.urgency, r.reason, r.question,
    r.tests_suggested as "testsSuggested", r.attachments, r.language, r.status, r.due_on::text as "dueOn", r.created_at as "createdAt",
    r.created_by as "createdBy", s.name as "signedByName", r.signed_at as "signedAt", r.letter_document_id as "letterDocumentId",
    r.sent_via as "sentVia", r.appointment_on::text as "appointmentOn", r.referrer_name as "referrerName",
    r.referrer_organisation as "referrerOrganisation", r.referrer_email as "referrerEmail", r.referrer_phone as "referrerPhone",
    r.referred_patient as "referredPatient", r.first_visit_id as "firstVisitId"
  from referrals r left join patients p on p.id = r.patient_id left join referral_providers v on v.id = r.provider_id
  left join staff_users s on s.id = r.signed_by`;

export async function findReferral(sql: Sql, id: string, forUpdate = false): Promise<ReferralRow | undefined> {
  const [row] = await sql.query<ReferralRow>(`${referralSelect} where r.id = $1${forUpdate ? ' for update of r' : ''}`, [id]);
  return row;
}

export async function listReferrals(
  sql: Sql,
  filter: { direction?: ReferralDirection | undefined; status?: ReferralStatus | undefined; patientId?: string | undefined },
): Promise<ReferralRow[]> {
  return sql.query<ReferralRow>(
    `${referralSelect} where ($1::text is null or r.direction = $1) and ($2::text is null or r.status = $2) and ($3::text is null or r.patient_id = $3)
     order by r.created_at desc limit 500`,
    [filter.direction ?? null, filter.status ?? null, filter.patientId ?? null],
  );
}

/** What the treatment gate needs of a patient's referrals. */
export async function listGateReferrals(sql: Sql, patientId: string): Promise<{ direction: ReferralDirection; redFlag: boolean; status: ReferralStatus }[]> {
  return sql.query(`select direction, red_flag as "redFlag", status from referrals where patient_id = $1`, [patientId]);
}

export interface NewReferral {
  direction: ReferralDirection;
  patientId: string | null;
  providerId: string | null;
  source: string;
  reviewId: string | null;
  planId: string | null;
  redFlag: boolean;
  urgency: ReferralUrgency;
  reason: string;
  question: string;
  testsSuggested: readonly { code?: string | undefined; label: string }[];
  attachments: readonly string[];
  language: 'en' | 'ar';
  status: ReferralStatus;
  dueOn: string | null;
  createdBy: string | null;
  at: Date;
  referrer?: { name: string; organisation: string | null; email: string; phone: string | null };
  referredPatient?: unknown;
  consentConfirmed?: boolean;
  /** Inbound from a FHIR ServiceRequest: the sender's identifier for it (unique, migration 0025). */
  externalIdentifier?: { system: string; value: string };
}

export async function insertReferral(sql: Sql, r: NewReferral): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into referrals (direction, patient_id, provider_id, source, review_id, plan_id, red_flag, urgency, reason, question, tests_suggested, attachments,
       language, status, due_on, created_by, created_at, referrer_name, referrer_organisation, referrer_email, referrer_phone, referred_patient, consent_confirmed,
       external_system, external_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25) returning id`,
    [
      r.direction,
      r.patientId,
      r.providerId,
      r.source,
      r.reviewId,
      r.planId,
      r.redFlag,
      r.urgency,
      r.reason.trim(),
      r.question,
      JSON.stringify(r.testsSuggested),
      r.attachments,
      r.language,
      r.status,
      r.dueOn,
      r.createdBy,
      r.at.toISOString(),
      r.referrer?.name ?? null,
      r.referrer?.organisation ?? null,
      r.referrer?.email ?? null,
      r.referrer?.phone ?? null,
      r.referredPatient === undefined ? null : JSON.stringify(r.referredPatient),
      r.consentConfirmed ?? null,
      r.externalIdentifier?.system ?? null,
      r.externalIdentifier?.value ?? null,
    ],
  );
  if (!row) throw new Error('referral insert returned no row');
  return row.id;
}

/** Tracking fields a step may set beside the status (the trigger refuses anything else after drafting). */
export interface ReferralStep {
  status: ReferralStatus;
  signedBy?: string;
  signedAt?: Date;
  letterDocumentId?: string;
  sentVia?: 'email' | 'print';
  appointmentOn?: string;
  patientId?: string;
  firstVisitId?: string;
}

export async function updateReferralStatus(sql: Sql, id: string, step: ReferralStep): Promise<void> {
  await sql.query(
    `update referrals set status = $2, signed_by = coalesce($3, signed_by), signed_at = coalesce($4::timestamptz, signed_at),
       letter_document_id = coalesce($5, letter_document_id), sent_via = coalesce($6, sent_via), appointment_on = coalesce($7::date, appointment_on),
       patient_id = coalesce($8, patient_id), first_visit_id = coalesce($9, first_visit_id)
     where id = $1`,
    [
      id,
      step.status,
      step.signedBy ?? null,
      step.signedAt?.toISOString() ?? null,
      step.letterDocumentId ?? null,
      step.sentVia ?? null,
      step.appointmentOn ?? null,
      step.patientId ?? null,
      step.firstVisitId ?? null,
    ],
  );
}

export async function insertStatusHistory(
  sql: Sql,
  h: { referralId: string; from: ReferralStatus | null; to: ReferralStatus; byUser: string | null; at: Date; note?: string },
): Promise<void> {
  await sql.query(`insert into referral_status_history (referral_id, from_status, to_status, by_user, at, note) values ($1, $2, $3, $4, $5, $6)`, [
    h.referralId,
    h.from,
    h.to,
    h.byUser,
    h.at.toISOString(),
    h.note ?? '',
  ]);
}

export async function listStatusHistory(
  sql: Sql,
  referralId: string,
): Promise<{ from: string | null; to: string; byName: string | null; at: Date; note: string }[]> {
  return sql.query(
    `select h.from_status as "from", h.to_status as "to", u.name as "byName", h.at, h.note
     from referral_status_history h left join staff_users u on u.id = h.by_user where h.referral_id = $1 order by h.id`,
    [referralId],
  );
}

export interface ReferralResultRow {
  id: string;
  summary: string;
  findings: { label: string; value: string }[];
  documentId: string | null;
  receivedOn: string;
  reviewDecision: 'clear' | 'change_plan' | 'refer_on' | null;
  reviewNotes: string | null;
  reviewedAt: Date | null;
}

export async function findReferralResult(sql: Sql, referralId: string): Promise<ReferralResultRow | undefined> {
  const [row] = await sql.query<ReferralResultRow>(
    `select id, summary, findings, document_id as "documentId", received_on::text as "receivedOn", review_decision as "reviewDecision",
       review_notes as "reviewNotes", reviewed_at as "reviewedAt" from referral_results where referral_id = $1`,
    [referralId],
  );
  return row;
}

export async function insertReferralResult(
  sql: Sql,
  r: {
    referralId: string;
    summary: string;
    findings: readonly { label: string; value: string }[];
    documentId: string | null;
    receivedOn: string;
    by: string;
    at: Date;
  },
): Promise<void> {
  await sql.query(
    `insert into referral_results (referral_id, summary, findings, document_id, received_on, recorded_by, recorded_at) values ($1, $2, $3, $4, $5, $6, $7)`,
    [r.referralId, r.summary.trim(), JSON.stringify(r.findings), r.documentId, r.receivedOn, r.by, r.at.toISOString()],
  );
}

/** The result's report, set once (the trigger of migration 0025 refuses a second or a change after review). */
export async function attachReferralResultDocument(sql: Sql, referralId: string, documentId: string): Promise<void> {
  await sql.query(`update referral_results set document_id = $2 where referral_id = $1`, [referralId, documentId]);
}

/** The inbound referral a sender's identifier already made (a FHIR ServiceRequest sent again). */
export async function findReferralByExternalId(sql: Sql, system: string, value: string): Promise<string | undefined> {
  const [row] = await sql.query<{ id: string }>(`select id from referrals where external_system = $1 and external_id = $2`, [system, value]);
  return row?.id;
}

export async function reviewReferralResult(
  sql: Sql,
  r: { referralId: string; decision: 'clear' | 'change_plan' | 'refer_on'; notes: string; by: string; at: Date },
): Promise<void> {
  await sql.query(`update referral_results set review_decision = $2, review_notes = $3, reviewed_by = $4, reviewed_at = $5 where referral_id = $1`, [
    r.referralId,
    r.decision,
    r.notes,
    r.by,
    r.at.toISOString(),
  ]);
}

/** A patient's inbound referrals that reception accepted and that are not yet closed (closed at discharge). */
export async function listAcceptedInbound(sql: Sql, patientId: string): Promise<ReferralRow[]> {
  return sql.query<ReferralRow>(`${referralSelect} where r.patient_id = $1 and r.direction = 'in' and r.status = 'accepted' for update of r`, [patientId]);
}

/** Whether a physician review (and its decision) and a plan belong to the patient a referral is for. */
export async function findReviewOfPatient(sql: Sql, reviewId: string, patientId: string): Promise<{ decision: string } | undefined> {
  const [row] = await sql.query<{ decision: string }>('select decision from physician_reviews where id = $1 and patient_id = $2', [reviewId, patientId]);
  return row;
}

export async function planOfPatient(sql: Sql, planId: string, patientId: string): Promise<boolean> {
  return (await sql.query('select 1 from treatment_plans where id = $1 and patient_id = $2', [planId, patientId])).length > 0;
}
