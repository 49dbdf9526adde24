import type { NoteData, PlanData } from '@myomap/domain/treatment/treatment-schemas';
import type { PrecautionAction, PrecautionItem, PrecautionOverride } from '@myomap/domain/treatment/precaution-schemas';
import { api } from '../../../lib/api-client.ts';

/** The treatment routes: plans, series booking, session notes, aftercare check-ins and alerts. */

export type Side = 'left' | 'right';
export interface Names {
  en: string;
  ar: string;
}
export type PlanStatus = 'draft' | 'awaiting_cosign' | 'approved';

export interface PlanAppointment {
  id: string;
  reference: string;
  /** ISO with the clinic's offset. */
  start: string;
  status: string;
}

/** A recorded override of a patient's precaution: what, why, who and when. */
export interface StoredOverride {
  id: string;
  ruleId: string;
  item: PrecautionItem;
  reason: string;
  by: string;
  role: string;
  at: string;
}

/** The details of a 409 precaution_conflict: each row that needs an override with a reason. */
export type PrecautionConflict = Pick<PrecautionAction, 'ruleId' | 'item' | 'action' | 'reason'>;
export type { PrecautionAction, PrecautionItem, PrecautionOverride };

export interface PlanView {
  overrides: StoredOverride[];
  id: string;
  authorId: string;
  authorName: string;
  patientId: string;
  patientName: string;
  assessmentId: string;
  status: PlanStatus;
  data: PlanData;
  requiresCosign: boolean;
  approvedBy: string | null;
  approvedAt: string | null;
  cosignedBy: string | null;
  cosignedAt: string | null;
  createdAt: string;
  updatedAt: string;
  seriesId: string | null;
  appointments: PlanAppointment[];
}

export interface PlanSummary {
  id: string;
  status: PlanStatus;
  createdAt: string;
  requiresCosign: boolean;
  assessmentId: string;
}

export interface SeriesRequest {
  serviceId: string;
  practitionerId: string;
  firstStart: string;
  count: number;
  intervalDays: number;
  dryRun: boolean;
  choices?: Record<string, string>;
}

export interface SeriesVisit {
  index: number;
  requested: string;
  status: 'free' | 'clash' | 'booked';
  alternatives: string[];
  booked?: { id: string; reference: string; start: string };
}

/** Screening precautions are stored as { en, ar }; a physician's review adds plain text. */
export type Precaution = string | Names;

export interface NoteView {
  overrides: StoredOverride[];
  id: string;
  status: 'draft' | 'signed';
  data: NoteData;
  signedAt: string | null;
  signedBy: string | null;
  authorId: string;
  authorName: string;
  patientId: string;
  patientName: string;
  sessionId: string;
  appointment: { id: string; start: string; serviceName: string };
  precautions: Precaution[] | null;
  addenda: { id: string; text: string; authorName: string; at: string }[];
}

export type UnexpectedSign =
  | 'calf_swelling'
  | 'dark_urine'
  | 'new_weakness'
  | 'numbness_tingling'
  | 'spreading_bruising'
  | 'chest_pain_breathless'
  | 'severe_soreness';

export interface AftercareView {
  patientName: string;
  visitDate: string;
  clinicPhone?: string;
  advice: Names;
  checkin: { status: 'pending' | 'answered' | 'not_yet_open'; dueAt: string };
}

export interface AftercareAnswer {
  soreness: number;
  relief: 'none' | 'some' | 'a_lot';
  unexpected: UnexpectedSign[];
  notes?: string;
}

export interface StaffAlert {
  id: string;
  kind: string;
  patientId: string | null;
  patientName: string | null;
  message: string;
  createdAt: string;
  readAt: string | null;
}

/** The signed-in staff member: one contract type (packages/contract/src/auth). */
export type { StaffUser } from '@myomap/contract/auth/auth.schemas';

export interface ClinicDto {
  name: Names;
  address: Names;
  phone: string;
  email: string;
  timeZone: string;
}

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

/** Reference data changes only with a deploy: one request per page load. */
const cache = new Map<string, Promise<unknown>>();
function cached<T>(path: string): Promise<T> {
  let hit = cache.get(path) as Promise<T> | undefined;
  if (!hit) {
    hit = api<T>(path);
    hit.catch(() => cache.delete(path));
    cache.set(path, hit);
  }
  return hit;
}

export const treatmentApi = {
  plan: (id: string) => api<PlanView>(`/api/staff/plans/${enc(id)}`),
  patientPlans: (patientId: string) => api<PlanSummary[]>(`/api/staff/patients/${enc(patientId)}/plans`),
  proposePlan: (assessmentId: string) => api<PlanView>(`/api/staff/assessments/${enc(assessmentId)}/plan`, { method: 'POST' }),
  savePlan: (id: string, data: PlanData, overrides: PrecautionOverride[] = [], coSign = false) =>
    api<PlanView>(`/api/staff/plans/${enc(id)}`, { method: 'PUT', body: { data, ...(overrides.length > 0 ? { overrides } : {}), ...(coSign ? { coSign } : {}) } }),
  approvePlan: (id: string, coSign = false) => api<PlanView>(`/api/staff/plans/${enc(id)}/approve`, { method: 'POST', ...(coSign ? { body: { coSign } } : {}) }),
  cosignPlan: (id: string) => api<PlanView>(`/api/staff/plans/${enc(id)}/cosign`, { method: 'POST' }),
  series: (id: string, request: SeriesRequest) =>
    api<{ dryRun: boolean; seriesId?: string; visits: SeriesVisit[] }>(`/api/staff/plans/${enc(id)}/series`, { method: 'POST', body: request }),

  startSession: (appointmentId: string) => api<{ id: string }>(`/api/staff/appointments/${enc(appointmentId)}/sessions`, { method: 'POST' }),
  openNote: (sessionId: string) => api<{ id: string }>(`/api/staff/sessions/${enc(sessionId)}/note`, { method: 'POST' }),
  note: (id: string) => api<NoteView>(`/api/staff/notes/${enc(id)}`),
  saveNote: (id: string, data: NoteData, overrides: PrecautionOverride[] = [], coSign = false) =>
    api<NoteView>(`/api/staff/notes/${enc(id)}`, { method: 'PUT', body: { data, ...(overrides.length > 0 ? { overrides } : {}), ...(coSign ? { coSign } : {}) } }),
  signNote: (id: string, coSign = false) => api<NoteView>(`/api/staff/notes/${enc(id)}/sign`, { method: 'POST', ...(coSign ? { body: { coSign } } : {}) }),
  addAddendum: (id: string, text: string) => api<NoteView>(`/api/staff/notes/${enc(id)}/addenda`, { method: 'POST', body: { text } }),

  aftercare: (token: string) => api<AftercareView>(`/api/aftercare/${enc(token)}`),
  answerAftercare: (token: string, answer: AftercareAnswer) =>
    api<{ answered: boolean; adverse: boolean }>(`/api/aftercare/${enc(token)}`, { method: 'POST', body: answer }),

  alerts: () => api<StaffAlert[]>('/api/staff/alerts'),
  readAlert: (id: string) => api<{ read: boolean }>(`/api/staff/alerts/${enc(id)}/read`, { method: 'POST' }),

  clinic: () => cached<ClinicDto>('/api/clinic'),
  services: () => cached<ServiceDto[]>('/api/services'),
  practitioners: () => cached<PractitionerDto[]>('/api/practitioners'),
  techniques: () => cached<TechniqueDto[]>('/api/techniques'),
  selfCare: () => cached<SelfCareDto[]>('/api/self-care'),
  protocols: () => cached<ProtocolDto[]>('/api/protocols'),
  muscles: () => cached<MuscleDto[]>('/api/muscles'),
  bodyZones: () => cached<BodyZoneDto[]>('/api/body-zones'),
};
