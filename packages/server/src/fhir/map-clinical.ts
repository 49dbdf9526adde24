import type { CarePlan, CarePlanActivity, Condition, DocumentReference, Observation, Procedure, ServiceRequest } from '@medplum/fhirtypes';
import type { PlanData, NoteData } from '@myomap/domain/treatment/treatment-schemas';
import type { KnowledgeBase } from '@myomap/domain/knowledge/knowledge-base';
import { INSTRUMENTS } from '@myomap/domain/outcomes/load-instruments';
import { bodySite, concept, INSTRUMENT_LOINC, OWN, regionIcd10, SYSTEMS } from './fhir-codes.ts';
import { isoDate, isoInstant, ref } from './fhir-references.ts';

/**
 * The clinical record: outcome scores and pain (Observation), the problem list (Condition), plans
 * (CarePlan), referrals (ServiceRequest), signed notes (DocumentReference) and the techniques
 * applied (Procedure). Pure mappers from our rows to FHIR R4; names come from the knowledge base.
 */

type Side = 'left' | 'right' | undefined;

function zoneSite(kb: KnowledgeBase, zoneId: string, side: Side) {
  const zone = kb.bodyZones.find((z) => z.id === zoneId);
  return bodySite({ id: zoneId, region: zone?.region, en: zone?.label.en ?? zoneId, ar: zone?.label.ar }, side);
}

function muscleConcept(kb: KnowledgeBase, muscleId: string, side: Side) {
  const muscle = kb.muscles.find((m) => m.id === muscleId);
  const en = muscle?.name.en ?? muscleId;
  const sideEn = side ? ` (${side})` : '';
  const sideAr = side === 'left' ? ' (الأيسر)' : side === 'right' ? ' (الأيمن)' : '';
  return concept([{ system: OWN.muscle, code: muscleId, display: en }], `${en}${sideEn}`, muscle ? `${muscle.name.ar}${sideAr}` : undefined);
}

function techniqueConcept(kb: KnowledgeBase, techniqueId: string) {
  const technique = kb.techniques.find((t) => t.id === techniqueId);
  const en = technique?.name.en ?? techniqueId;
  return concept([{ system: OWN.technique, code: techniqueId, display: en }], en, technique?.name.ar);
}

function regionName(kb: KnowledgeBase, region: string) {
  return kb.regions?.find((r) => r.id === region)?.label;
}

const SURVEY = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }] }];
const EXAM = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'exam', display: 'Exam' }] }];

export interface ObservationRow {
  id: string;
  patient_id: string;
  status: 'final' | 'preliminary';
  kind: 'measurement' | 'pain_zone';
  instrumentId: string | null;
  instrumentVersion: string | null;
  score: number | null;
  takenAt: Date;
  zone: string | null;
  side: string | null;
  intensity: number | null;
}

/** An outcome measure's score (LOINC where the instrument has a code), or one body-chart area's pain (0-10) at an assessment. */
export function toObservation(row: ObservationRow, kb: KnowledgeBase): Observation {
  const base = {
    resourceType: 'Observation' as const,
    id: row.id,
    status: row.status,
    subject: ref('Patient', row.patient_id),
    effectiveDateTime: isoInstant(row.takenAt) as string,
  };
  if (row.kind === 'pain_zone') {
    const nprs = INSTRUMENT_LOINC.nprs;
    return {
      ...base,
      category: EXAM,
      code: concept(nprs ? [nprs] : [], 'Pain intensity in a body-chart area (0-10)', 'شدة الألم في منطقة من مخطط الجسم (0-10)'),
      bodySite: zoneSite(kb, row.zone ?? '', (row.side || undefined) as Side),
      valueInteger: row.intensity ?? 0,
    };
  }
  const instrumentId = row.instrumentId ?? '';
  const instrument = INSTRUMENTS.find((i) => i.id === instrumentId);
  const loinc = INSTRUMENT_LOINC[instrumentId];
  const coding = [...(loinc ? [loinc] : []), { system: OWN.instrument, code: instrumentId, ...(instrument ? { display: instrument.name.en } : {}) }];
  const unit = instrument?.unit === 'percent' ? { unit: '%', system: SYSTEMS.ucum, code: '%' } : { unit: 'score', system: SYSTEMS.ucum, code: '{score}' };
  return {
    ...base,
    category: SURVEY,
    code: concept(coding, instrument?.name.en ?? instrumentId, instrument?.name.ar),
    ...(row.score === null
      ? {
          dataAbsentReason: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'not-performed' }],
            text: 'Too many items missing to score',
          },
        }
      : { valueQuantity: { value: row.score, ...unit } }),
    ...(row.instrumentVersion ? { method: { text: `${instrument?.name.en ?? instrumentId}, version ${row.instrumentVersion}` } } : {}),
  };
}

export interface ConditionRow {
  id: string;
  patient_id: string;
  status: 'active' | 'resolved';
  kind: 'episode' | 'problem';
  title: string;
  region: string | null;
  onset: string;
  abatement: string | null;
  priority: number | null;
}

const PROBLEM_LIST = [
  { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item', display: 'Problem List Item' }] },
];

/**
 * A complaint (an episode of care: ICD-10-CM pain-by-site code where one fits its region) or a
 * finding on a signed assessment's problem list (text: the therapist's or the derived title).
 */
export function toCondition(row: ConditionRow, kb: KnowledgeBase): Condition {
  const icd = row.region ? regionIcd10(row.region) : undefined;
  const region = row.region ? regionName(kb, row.region) : undefined;
  const coding = [...(icd ? [icd] : []), ...(row.region ? [{ system: OWN.region, code: row.region, ...(region ? { display: region.en } : {}) }] : [])];
  return {
    resourceType: 'Condition',
    id: row.id,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: row.status }] },
    category: PROBLEM_LIST,
    code: concept(coding, row.title),
    ...(region ? { bodySite: [concept([{ system: OWN.region, code: row.region ?? '', display: region.en }], region.en, region.ar)] } : {}),
    subject: ref('Patient', row.patient_id),
    recordedDate: row.onset,
    ...(row.abatement ? { abatementDateTime: row.abatement } : {}),
    ...(row.priority !== null ? { note: [{ text: `Priority ${row.priority} on the problem list` }] } : {}),
  };
}

export interface CarePlanRow {
  id: string;
  patient_id: string;
  status: 'active' | 'draft';
  /** As stored: a row written before a field existed, or by an import, may lack it, and FHIR still answers. */
  data: Partial<PlanData>;
  createdAt: Date;
  approvedAt: Date | null;
}

export function toCarePlan(row: CarePlanRow, kb: KnowledgeBase): CarePlan {
  const detailStatus = row.status === 'active' ? 'scheduled' : 'not-started';
  const activity: CarePlanActivity[] = (row.data.targets ?? []).flatMap((target) =>
    target.techniques.map((dose) => ({
      detail: {
        kind: 'ServiceRequest' as const,
        code: techniqueConcept(kb, dose.techniqueId),
        status: detailStatus,
        description: `${muscleConcept(kb, target.muscleId, target.side).text ?? target.muscleId}: ${Object.entries(dose.parameters)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`.replace(/: $/, ''),
      },
    })),
  );
  const frequency = row.data.frequency;
  const goals = (row.data.goals ?? []).map((g) => `${g.measure.toUpperCase()}${g.activity ? ` (${g.activity})` : ''}: ${g.baseline} → ${g.target}`);
  const problems = (row.data.problems ?? []).map((p) => p.title).filter(Boolean);
  const notes = [
    ...(frequency ? [{ text: `${frequency.totalSessions} sessions, ${frequency.sessionsPerWeek} a week for ${frequency.weeks} weeks.` }] : []),
    ...(goals.length > 0 ? [{ text: `Goals: ${goals.join('; ')}` }] : []),
    ...(row.data.precautions ?? []).filter(Boolean).map((text) => ({ text: `Precaution: ${text}` })),
  ];
  return {
    resourceType: 'CarePlan',
    id: row.id,
    status: row.status,
    intent: 'plan',
    category: [concept([], 'Neuromuscular therapy plan', 'خطة العلاج العصبي العضلي')],
    title: 'Treatment plan',
    ...(problems.length > 0 ? { description: problems.join('; ') } : {}),
    subject: ref('Patient', row.patient_id),
    period: { start: isoInstant(row.approvedAt ?? row.createdAt) as string, ...(row.data.reassessmentDate ? { end: row.data.reassessmentDate } : {}) },
    created: isoInstant(row.createdAt) as string,
    ...(activity.length > 0 ? { activity } : {}),
    ...(notes.length > 0 ? { note: notes } : {}),
  };
}

export interface ServiceRequestRow {
  id: string;
  patient_id: string;
  kind: 'review' | 'screening' | 'network';
  status: 'draft' | 'active' | 'completed' | 'revoked';
  referral: { to: string; tests: string[]; urgency: string } | null;
  /** A referral of the referral network (out to a provider in the directory, or in from an outside doctor). */
  network: {
    direction: 'out' | 'in';
    urgency: string;
    reason: string;
    question: string;
    tests: { code?: string; label: string }[];
    providerName: string | null;
    providerOrganisation: string | null;
    referrerName: string | null;
    referrerOrganisation: string | null;
    signerName: string | null;
  } | null;
  screening: {
    urgency: string;
    reason: { en: string; ar: string };
    referTo: { en: string; ar: string }[];
    suggestedTests: { en: string; ar: string }[];
  } | null;
  authoredOn: Date;
  notes: string | null;
}

const PRIORITY: Record<string, ServiceRequest['priority']> = { emergency: 'stat', same_day: 'asap', soon: 'urgent' };

/** A referral of the referral network: an order we sent (signed by our physician) or one an outside doctor sent us. */
function networkServiceRequest(
  base: Omit<ServiceRequest, 'intent'>,
  row: ServiceRequestRow,
  network: NonNullable<ServiceRequestRow['network']>,
): ServiceRequest {
  const provider = [network.providerName, network.providerOrganisation].filter(Boolean).join(', ');
  const referrer = [network.referrerName, network.referrerOrganisation].filter(Boolean).join(', ');
  const notes = [
    ...(network.question ? [{ text: `Question: ${network.question}` }] : []),
    ...network.tests.map((t) => ({ text: `Suggested test: ${t.label}` })),
  ];
  return {
    ...base,
    status: row.status,
    intent: 'order',
    priority: PRIORITY[network.urgency] ?? 'routine',
    code: concept([], network.direction === 'out' ? `Referral to ${provider || 'a provider'}` : 'Referral to this clinic'),
    reasonCode: [{ text: network.reason }],
    ...(network.direction === 'out' && provider ? { performer: [{ display: provider }] } : {}),
    ...(network.direction === 'out' && network.signerName ? { requester: { display: network.signerName } } : {}),
    ...(network.direction === 'in' && referrer ? { requester: { display: referrer } } : {}),
    ...(notes.length > 0 ? { note: notes } : {}),
  };
}

/**
 * A physician's "refer" decision (an order) or the screening's referral before treatment (a
 * proposal); the referral network (issue 14's other half) will add the letters and results.
 */
export function toServiceRequest(row: ServiceRequestRow): ServiceRequest {
  const base = {
    resourceType: 'ServiceRequest' as const,
    id: row.id,
    status: 'active' as const,
    subject: ref('Patient', row.patient_id),
    authoredOn: isoInstant(row.authoredOn) as string,
  };
  if (row.kind === 'network' && row.network) return networkServiceRequest(base, row, row.network);
  if (row.kind === 'review') {
    const referral = row.referral ?? { to: 'unspecified', tests: [], urgency: 'soon' };
    return {
      ...base,
      intent: 'order',
      priority: PRIORITY[referral.urgency] ?? 'routine',
      code: concept([], `Referral to ${referral.to}`),
      performer: [{ display: referral.to }],
      ...(row.notes ? { reasonCode: [{ text: row.notes }] } : {}),
      ...(referral.tests.length > 0 ? { note: referral.tests.map((t) => ({ text: `Suggested test: ${t}` })) } : {}),
    };
  }
  const screening = row.screening ?? { urgency: 'soon', reason: { en: 'Screening', ar: 'الفحص' }, referTo: [], suggestedTests: [] };
  const to = screening.referTo.map((r) => r.en).join(', ') || 'a physician';
  const toAr = screening.referTo.map((r) => r.ar).join('، ');
  return {
    ...base,
    intent: 'proposal',
    priority: PRIORITY[screening.urgency] ?? 'routine',
    code: concept([], `Referral to ${to}`, toAr ? `إحالة إلى ${toAr}` : undefined),
    reasonCode: [concept([], screening.reason.en, screening.reason.ar)],
    ...(screening.suggestedTests.length > 0 ? { note: screening.suggestedTests.map((t) => ({ text: `Suggested test: ${t.en}` })) } : {}),
  };
}

export type DocumentReferenceRow = NoteDocumentRow | StoredDocumentRow;

interface NoteDocumentRow {
  source: 'note';
  id: string;
  patient_id: string;
  sessionId: string;
  data: NoteData;
  signedAt: Date;
  signedByName: string;
  addenda: { text: string; at: string }[];
}

/** A stored letter or result (documents, migrations 0024 and 0025). */
interface StoredDocumentRow {
  source: 'document';
  id: string;
  patient_id: string;
  at: Date;
  documentId: string;
  documentKind: 'referral_letter' | 'referral_result' | 'referral_acknowledgement' | 'discharge_summary';
  mediaType: string;
  language: 'en' | 'ar' | null;
  title: string;
  sha256: string;
  byteLength: number;
  referralId: string | null;
  createdByName: string | null;
}

/** The note as plain text, in the SOAP order the clinician wrote it. */
export function noteText(data: NoteData, addenda: readonly { text: string; at: string }[]): string {
  const lines = [
    `Subjective: ${data.subjective.report}`,
    ...(typeof data.subjective.pain === 'number' ? [`Pain (NPRS 0-10): ${data.subjective.pain}`] : []),
    `Objective: ${data.objective.findings}`,
    `Assessment: ${data.assessment}`,
    `Plan: ${data.plan}`,
    ...(data.response ? [`Response: ${data.response}`] : []),
    ...(data.adverseEvent ? [`Adverse event (${data.adverseEvent.severity}): ${data.adverseEvent.description}`] : []),
    ...addenda.map((a) => `Addendum (${isoInstant(a.at) ?? ''}): ${a.text}`),
  ];
  return lines.join('\n');
}

const PROGRESS_NOTE = { system: SYSTEMS.loinc, code: '11506-3', display: 'Progress note' };

/**
 * LOINC document types (LOINC Document Ontology) where one fits; every kind also carries our own code.
 * The acknowledgement has no LOINC type of its own, so it carries ours alone.
 */
const DOCUMENT_TYPES: Record<StoredDocumentRow['documentKind'], { loinc?: { code: string; display: string }; text: string }> = {
  referral_letter: { loinc: { code: '57133-1', display: 'Referral note' }, text: 'Referral letter' },
  referral_result: { loinc: { code: '11488-4', display: 'Consult note' }, text: 'Result report from the provider referred to' },
  referral_acknowledgement: { text: 'Acknowledgement of an inbound referral' },
  discharge_summary: { loinc: { code: '18842-5', display: 'Discharge summary' }, text: 'Discharge summary to the referring doctor' },
};

/** A stored letter or result: its bytes stay behind the staff download (audited); the resource says where and how to check them. */
function storedDocumentReference(row: StoredDocumentRow): DocumentReference {
  const type = DOCUMENT_TYPES[row.documentKind];
  const created = isoInstant(row.at) as string;
  return {
    resourceType: 'DocumentReference',
    id: row.id,
    masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${row.documentId}` },
    // FHIR R4's Attachment.hash is SHA-1; the SHA-256 the clinic keeps and checks is given as an identifier.
    identifier: [{ system: OWN.documentSha256, value: row.sha256 }],
    status: 'current',
    docStatus: 'final',
    type: concept([...(type.loinc ? [{ system: SYSTEMS.loinc, ...type.loinc }] : []), { system: OWN.documentKind, code: row.documentKind }], type.text),
    category: [concept([{ system: OWN.documentKind, code: row.documentKind }], type.text)],
    subject: ref('Patient', row.patient_id),
    date: created,
    ...(row.createdByName ? { author: [{ display: row.createdByName }] } : {}),
    description: row.title,
    content: [
      {
        attachment: {
          contentType: row.mediaType,
          ...(row.language ? { language: row.language } : {}),
          url: `/api/staff/documents/${row.documentId}`,
          size: row.byteLength,
          title: row.title,
          creation: created,
        },
      },
    ],
    ...(row.referralId ? { context: { related: [ref('ServiceRequest', `rf-${row.referralId}`)] } } : {}),
  };
}

export function toDocumentReference(row: DocumentReferenceRow): DocumentReference {
  if (row.source === 'document') return storedDocumentReference(row);
  const signedAt = isoInstant(row.signedAt) as string;
  return {
    resourceType: 'DocumentReference',
    id: row.id,
    status: 'current',
    docStatus: 'final',
    type: concept([PROGRESS_NOTE], 'Treatment session note'),
    subject: ref('Patient', row.patient_id),
    date: signedAt,
    authenticator: { display: row.signedByName },
    description: 'Signed treatment session note (SOAP)',
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          data: Buffer.from(noteText(row.data, row.addenda), 'utf8').toString('base64'),
          title: `Session note ${isoDate(row.signedAt) ?? ''}`,
          creation: signedAt,
        },
      },
    ],
    context: { encounter: [ref('Encounter', row.sessionId)] },
  };
}

export interface ProcedureRow {
  id: string;
  patient_id: string;
  sessionId: string;
  technique: { muscleId: string; side?: 'left' | 'right'; techniqueId: string; parameters: Record<string, number> };
  signedAt: Date;
}

/** One technique applied to one muscle in a signed session note (only rows marked done). */
export function toProcedure(row: ProcedureRow, kb: KnowledgeBase): Procedure {
  const parameters = Object.entries(row.technique.parameters ?? {});
  return {
    resourceType: 'Procedure',
    id: row.id,
    status: 'completed',
    code: techniqueConcept(kb, row.technique.techniqueId),
    subject: ref('Patient', row.patient_id),
    encounter: ref('Encounter', row.sessionId),
    performedDateTime: isoInstant(row.signedAt) as string,
    bodySite: [muscleConcept(kb, row.technique.muscleId, row.technique.side)],
    ...(parameters.length > 0 ? { note: [{ text: parameters.map(([k, v]) => `${k}: ${v}`).join(', ') }] } : {}),
  };
}
