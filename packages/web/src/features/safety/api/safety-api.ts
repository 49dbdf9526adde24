import type { PatientRecordOut } from '@myomap/contract/clinical/patients.schemas';
import type { BodyZoneOut } from '@myomap/contract/knowledge/knowledge.schemas';
import type { LocalizedText } from '@myomap/contract/common/localized-text.schemas';
import type {
  GateBlock,
  Referral as ContractReferral,
  ReviewDecision,
  ReviewIn as ContractReviewIn,
  ReviewOut,
  ReviewQueueEntryOut,
  ReviewRecordedOut,
  SafetyOut,
  SessionStartedOut,
  Urgency,
} from '@myomap/contract/safety/safety.schemas';
import { api } from '../../../lib/api/api-client.ts';

/** The safety routes (packages/server/src/routes/safety/safety.routes.ts); types from the contract. */

export type { GateBlock, ReviewDecision, Urgency };
export type Names = LocalizedText;
export type Referral = ContractReferral;
export type ReviewDto = ReviewOut;
export type SafetyDto = SafetyOut;
export type QueueEntry = ReviewQueueEntryOut;
export type PatientRecord = PatientRecordOut;
export type ReviewIn = ContractReviewIn;
export type SessionStarted = SessionStartedOut;
/** What POST …/reviews answers: the review as sent, with its id and time. */
export type ReviewRecorded = ReviewRecordedOut;

export type BodyZone = Pick<BodyZoneOut, 'id' | 'label'>;

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
  review: (patientId: string, review: ReviewIn) =>
    api<ReviewRecorded>(`/api/staff/patients/${encodeURIComponent(patientId)}/reviews`, { method: 'POST', body: review }),
  startSession: (appointmentId: string) => api<SessionStarted>(`/api/staff/appointments/${encodeURIComponent(appointmentId)}/sessions`, { method: 'POST' }),
  bodyZones: () => api<BodyZone[]>('/api/body-zones'),
  /** Opens (or reopens) the note of a started session; the answer is the note's id. */
  openNote: (sessionId: string) => api<{ id: string }>(`/api/staff/sessions/${encodeURIComponent(sessionId)}/note`, { method: 'POST' }),
  plans: (patientId: string) => api<PlanSummary[]>(`/api/staff/patients/${encodeURIComponent(patientId)}/plans`),
};
