import type { ImprovementCheck } from '@myomap/domain/safety/check-improvement';
import type { ReasoningState } from '@myomap/domain/safety/decide-reasoning-state';
import type { GateBlock, ReviewDecision, TreatmentGate } from '@myomap/domain/safety/decide-treatment-gate';
import type { IntakeAnswerValue } from '@myomap/domain/screening/intake-answers';
import type { ScreeningOutcome, ScreeningResult } from '@myomap/domain/screening/screening-result';
import type { Urgency } from '@myomap/domain/screening/screening-schemas';
import { api } from '../../../lib/api-client.ts';

/** The safety routes (packages/server/src/routes/safety/safety.routes.ts) as the pages use them. */

export type { GateBlock, ReviewDecision, Urgency };
export type Names = { en: string; ar: string };

export interface Referral {
  to: string;
  tests: string[];
  urgency: Urgency;
}

export interface ReviewDto {
  id: string;
  decision: ReviewDecision;
  notes: string;
  precautions: string[];
  referral: Referral | null;
  at: string;
  physicianName: string;
}

export interface SafetyDto {
  gate: TreatmentGate;
  screening: { id: string; outcome: ScreeningOutcome; result: ScreeningResult; at: string } | null;
  answers: Record<string, IntakeAnswerValue>;
  reviews: ReviewDto[];
  /** The physician decision in force; after a patient merge it may not be the newest review. */
  standingReviewId?: string | null;
  consent: { version: string; signedAt: string; typedName: string; current: boolean } | null;
  reasoning: ReasoningState;
  /** Precaution rules a physician must clear before the first session. */
  clearanceRequired: string[];
  /** Weeks without a 2-point NPRS change prompt re-assessment or referral. */
  improvement: ImprovementCheck;
}

export interface QueueEntry {
  patientId: string;
  patientName: string;
  outcome: ScreeningOutcome;
  /** The queue's order: emergency, same_day, soon, then clearance-needed precautions, then precautions. */
  urgency: Urgency | 'clearance' | 'precautions';
  redFlags: { id: string; name: Names; urgency: Urgency }[];
  screenedAt: string;
  nextVisit: string | null;
}

export interface PatientRecord {
  patient: { id: string; name: string; email: string; phone: string | null };
  appointments: { id: string; reference: string; start: string; serviceName: string; practitionerName: string | null; status: string }[];
}

export interface ReviewIn {
  decision: ReviewDecision;
  notes: string;
  precautions?: string[];
  referral?: Referral;
}

export interface SessionStarted {
  id: string;
  created: boolean;
  precautions?: unknown[];
}

export interface BodyZone {
  id: string;
  label: Names;
}

/** One row of GET /api/staff/patients/:id/plans (newest first). */
export interface PlanSummary {
  id: string;
  status: 'draft' | 'awaiting_cosign' | 'approved';
  createdAt: string;
}

export const safetyApi = {
  queue: () => api<QueueEntry[]>('/api/staff/reviews'),
  safety: (patientId: string) => api<SafetyDto>(`/api/staff/patients/${encodeURIComponent(patientId)}/safety`),
  patient: (patientId: string) => api<PatientRecord>(`/api/staff/patients/${encodeURIComponent(patientId)}`),
  review: (patientId: string, review: ReviewIn) => api<ReviewDto>(`/api/staff/patients/${encodeURIComponent(patientId)}/reviews`, { method: 'POST', body: review }),
  startSession: (appointmentId: string) => api<SessionStarted>(`/api/staff/appointments/${encodeURIComponent(appointmentId)}/sessions`, { method: 'POST' }),
  bodyZones: () => api<BodyZone[]>('/api/body-zones'),
  /** Opens (or reopens) the note of a started session; the answer is the note's id. */
  openNote: (sessionId: string) => api<{ id: string }>(`/api/staff/sessions/${encodeURIComponent(sessionId)}/note`, { method: 'POST' }),
  plans: (patientId: string) => api<PlanSummary[]>(`/api/staff/patients/${encodeURIComponent(patientId)}/plans`),
};
