import type { ReferralOut } from '@myomap/contract/referrals/referrals.schemas';
import type { NoteData, PlanData } from '@myomap/domain/treatment/treatment-schemas';
import type { PrecautionAction, PrecautionItem, PrecautionOverride } from '@myomap/domain/treatment/precaution-schemas';
import type { ClinicOut } from '@myomap/contract/catalog/catalog.schemas';
import type { LocalizedText } from '@myomap/contract/common/localized-text.schemas';
import type { StoredOverrideOut } from '@myomap/contract/treatment/treatment-common.schemas';
import type { PlanAppointmentOut, PlanOut, PlanStatus, PlanSummaryOut, SeriesIn, SeriesOut, SeriesVisitOut } from '@myomap/contract/treatment/plans.schemas';
import type { NoteOut, NoteRefOut } from '@myomap/contract/treatment/notes.schemas';
import type {
  AftercareAnswerIn,
  AftercareAnswerOut,
  AftercareOut,
  AlertReadOut,
  StaffAlertOut,
  UnexpectedSign,
} from '@myomap/contract/treatment/aftercare.schemas';
import { api } from '../../../lib/api/api-client.ts';

/**
 * The treatment routes: plans, series booking, session notes, aftercare check-ins and alerts.
 * Their request and response types come from the contract (packages/contract/src/treatment),
 * the schemas the server validates and serialises with; the names below are the pages' names for them.
 */

export type Side = 'left' | 'right';
/** Text in both languages: the one `{ en, ar }` shape. */
export type Names = LocalizedText;
export type { PlanStatus, UnexpectedSign };
export type PlanAppointment = PlanAppointmentOut;
/** A recorded override of a patient's precaution: what, why, who and when. */
export type StoredOverride = StoredOverrideOut;

/** The details of a 409 precaution_conflict: each row that needs an override with a reason. */
export type PrecautionConflict = Pick<PrecautionAction, 'ruleId' | 'item' | 'action' | 'reason'>;
export type { PrecautionAction, PrecautionItem, PrecautionOverride };

export type PlanView = PlanOut;
export type PlanSummary = PlanSummaryOut;
export type SeriesRequest = SeriesIn;
export type SeriesVisit = SeriesVisitOut;
export type NoteView = NoteOut;
export type AftercareView = AftercareOut;
export type AftercareAnswer = AftercareAnswerIn;
export type StaffAlert = StaffAlertOut;

/** The signed-in staff member: one contract type (packages/contract/src/auth). */
export type { StaffUser } from '@myomap/contract/auth/auth.schemas';

/** The clinic's public settings: the one contract type, read through lib/clinic/clinic-query.ts. */
export type ClinicDto = ClinicOut;

export interface ServiceDto {
  id: string;
  names: Names;
  durationMinutes: number;
  practitionerKind: string;
  practitionerIds: string[];
}

export interface PractitionerDto {
  id: string;
  names: Names;
  kind: string;
  serviceIds: string[];
}

/** Knowledge-base entries as the open /api routes return them (the fields the pages use). */
export interface TechniqueDto {
  id: string;
  name: Names;
  description: Names;
  parameters: { id: string; label: Names; unit: string; default: number; min: number; max: number }[];
  cautions: Names[];
}
export interface SelfCareDto {
  id: string;
  kind: 'self_stretch' | 'self_pressure' | 'heat' | 'posture_ergonomics' | 'breathing' | 'gentle_movement';
  title: Names;
  instructions: Names;
  defaultDose: Names;
  muscles: string[];
  cautions: Names[];
}
export interface ProtocolDto {
  id: string;
  name: Names;
  zones: string[];
  muscles: string[];
}
export interface MuscleDto {
  id: string;
  name: Names;
  aliases: string[];
  region: string;
}
export interface BodyZoneDto {
  id: string;
  side: boolean;
  label: Names;
  views: string[];
  midline: boolean;
  region: string;
}

const enc = encodeURIComponent;

export const treatmentApi = {
  plan: (id: string) => api<PlanView>(`/api/staff/plans/${enc(id)}`),
  /** The referral whose reviewed result asks for this plan to change (shown beside the plan). */
  referral: (id: string) => api<ReferralOut>(`/api/staff/referrals/${enc(id)}`),
  patientPlans: (patientId: string) => api<PlanSummary[]>(`/api/staff/patients/${enc(patientId)}/plans`),
  proposePlan: (assessmentId: string) => api<PlanView>(`/api/staff/assessments/${enc(assessmentId)}/plan`, { method: 'POST' }),
  savePlan: (id: string, data: PlanData, overrides: PrecautionOverride[] = [], coSign = false) =>
    api<PlanView>(`/api/staff/plans/${enc(id)}`, {
      method: 'PUT',
      body: { data, ...(overrides.length > 0 ? { overrides } : {}), ...(coSign ? { coSign } : {}) },
    }),
  approvePlan: (id: string, coSign = false) =>
    api<PlanView>(`/api/staff/plans/${enc(id)}/approve`, { method: 'POST', ...(coSign ? { body: { coSign } } : {}) }),
  cosignPlan: (id: string) => api<PlanView>(`/api/staff/plans/${enc(id)}/cosign`, { method: 'POST' }),
  series: (id: string, request: SeriesRequest) => api<SeriesOut>(`/api/staff/plans/${enc(id)}/series`, { method: 'POST', body: request }),

  startSession: (appointmentId: string) => api<{ id: string }>(`/api/staff/appointments/${enc(appointmentId)}/sessions`, { method: 'POST' }),
  openNote: (sessionId: string) => api<NoteRefOut>(`/api/staff/sessions/${enc(sessionId)}/note`, { method: 'POST' }),
  note: (id: string) => api<NoteView>(`/api/staff/notes/${enc(id)}`),
  saveNote: (id: string, data: NoteData, overrides: PrecautionOverride[] = [], coSign = false) =>
    api<NoteView>(`/api/staff/notes/${enc(id)}`, {
      method: 'PUT',
      body: { data, ...(overrides.length > 0 ? { overrides } : {}), ...(coSign ? { coSign } : {}) },
    }),
  signNote: (id: string, coSign = false) => api<NoteView>(`/api/staff/notes/${enc(id)}/sign`, { method: 'POST', ...(coSign ? { body: { coSign } } : {}) }),
  addAddendum: (id: string, text: string) => api<NoteView>(`/api/staff/notes/${enc(id)}/addenda`, { method: 'POST', body: { text } }),

  aftercare: (token: string) => api<AftercareView>(`/api/aftercare/${enc(token)}`),
  answerAftercare: (token: string, answer: AftercareAnswer) => api<AftercareAnswerOut>(`/api/aftercare/${enc(token)}`, { method: 'POST', body: answer }),

  alerts: () => api<StaffAlert[]>('/api/staff/alerts'),
  readAlert: (id: string) => api<AlertReadOut>(`/api/staff/alerts/${enc(id)}/read`, { method: 'POST' }),

  // Reference data: cached by the query layer (api/treatment-queries.ts), which asks once per page load.
  services: () => api<ServiceDto[]>('/api/services'),
  practitioners: () => api<PractitionerDto[]>('/api/practitioners'),
  techniques: () => api<TechniqueDto[]>('/api/techniques'),
  selfCare: () => api<SelfCareDto[]>('/api/self-care'),
  protocols: () => api<ProtocolDto[]>('/api/protocols'),
  muscles: () => api<MuscleDto[]>('/api/muscles'),
  bodyZones: () => api<BodyZoneDto[]>('/api/body-zones'),
};
