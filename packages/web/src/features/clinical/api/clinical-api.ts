import type { DocumentOut } from '@myomap/contract/documents/documents.schemas';
import type { AssessmentData } from '@myomap/domain/clinical/assessment-schemas';
import type { Landmarks, PhotoView } from '@myomap/domain/clinical/compute-posture-angles';
import type { AssessmentOut, LandmarksOut, PhotoOut, PhotoUploadedOut } from '@myomap/contract/clinical/assessments.schemas';
import type { PatientIn, PatientOut, PatientPatch, PatientRecordOut } from '@myomap/contract/clinical/patients.schemas';
import type { BodyZoneOut, MuscleSummaryOut, SourceCandidateOut, SourceFinderIn, SourceFinderOut } from '@myomap/contract/knowledge/knowledge.schemas';
import type { ReasoningOut } from '@myomap/contract/safety/safety.schemas';
import { api } from '../../../lib/api/api-client.ts';

/**
 * The clinical routes. Their request and response types come from the contract the server
 * validates and serialises with (packages/contract/src/{clinical,knowledge}); the names here
 * are the pages' names for them.
 */

export type { Side } from '@myomap/contract/knowledge/knowledge.schemas';
export type { LocalizedText as Names } from '@myomap/contract/common/localized-text.schemas';
export type BodyZoneDto = BodyZoneOut;
export type MuscleDto = MuscleSummaryOut;
export type SourceCandidateDto = SourceCandidateOut;
export type SourceFinderRequest = SourceFinderIn;
export type { Sex } from '@myomap/contract/clinical/patients.schemas';
export type PatientDto = PatientOut;
export type NewPatient = PatientIn;
export type PatientRecordDto = PatientRecordOut;
export type { PatientPatch, DemographicField } from '@myomap/contract/clinical/patients.schemas';
export type PhotoDto = PhotoOut;
export type AssessmentDto = AssessmentOut;

export type PlanStatus = 'draft' | 'awaiting_cosign' | 'approved';

/** One row of GET /api/staff/patients/:id/plans (newest first). */
export interface PlanSummaryDto {
  id: string;
  status: PlanStatus;
  createdAt: string;
  requiresCosign: boolean;
  assessmentId: string;
}

export type DocumentDto = DocumentOut;

/** Whether trigger-point reasoning may run for this patient (suspended while a red flag stands). */
export type ReasoningDto = ReasoningOut;

export const clinicalApi = {
  reasoning: (patientId: string) => api<ReasoningDto>(`/api/staff/patients/${encodeURIComponent(patientId)}/reasoning`),
  bodyZones: () => api<BodyZoneDto[]>('/api/body-zones'),
  muscles: (q = '') => api<MuscleDto[]>(`/api/muscles${q ? `?q=${encodeURIComponent(q)}` : ''}`),
  sourceFinder: (request: SourceFinderRequest) => api<SourceFinderOut>('/api/source-finder', { method: 'POST', body: request }),
  patients: (q: string) => api<PatientDto[]>(`/api/staff/patients?q=${encodeURIComponent(q)}`),
  createPatient: (patient: NewPatient) => api<PatientDto>('/api/staff/patients', { method: 'POST', body: patient }),
  patient: (id: string) => api<PatientRecordDto>(`/api/staff/patients/${encodeURIComponent(id)}`),
  /** The patient's stored letters and results (referral letters, reports, letters to referrers), newest first. */
  documents: (id: string) => api<DocumentDto[]>(`/api/staff/patients/${encodeURIComponent(id)}/documents`),
  /** Changes only the fields sent; the server audits before and after. */
  updatePatient: (id: string, patch: PatientPatch) => api<PatientDto>(`/api/staff/patients/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
  createAssessment: (patientId: string, appointmentId?: string) =>
    api<{ id: string }>(`/api/staff/patients/${encodeURIComponent(patientId)}/assessments`, {
      method: 'POST',
      body: appointmentId ? { appointmentId } : {},
    }),
  assessment: (id: string) => api<AssessmentDto>(`/api/staff/assessments/${encodeURIComponent(id)}`),
  saveAssessment: (id: string, data: AssessmentData) =>
    api<AssessmentDto>(`/api/staff/assessments/${encodeURIComponent(id)}`, { method: 'PUT', body: { data } }),
  patientPlans: (patientId: string) => api<PlanSummaryDto[]>(`/api/staff/patients/${encodeURIComponent(patientId)}/plans`),
  /** Proposes a treatment plan from the saved assessment; the answer is the new plan. */
  proposePlan: (assessmentId: string) => api<{ id: string }>(`/api/staff/assessments/${encodeURIComponent(assessmentId)}/plan`, { method: 'POST' }),
  photoUrl: (photoId: string) => `/api/staff/photos/${encodeURIComponent(photoId)}`,
  saveLandmarks: (photoId: string, landmarks: Landmarks) =>
    api<LandmarksOut>(`/api/staff/photos/${encodeURIComponent(photoId)}/landmarks`, {
      method: 'PUT',
      body: { landmarks },
    }),
  uploadPhoto: (assessmentId: string, view: PhotoView, file: File) => uploadPhoto(assessmentId, view, file),
};

/** Multipart upload through the one client, so a 401 here ends the session like any other request. */
function uploadPhoto(assessmentId: string, view: PhotoView, file: File): Promise<PhotoUploadedOut> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<PhotoUploadedOut>(`/api/staff/assessments/${encodeURIComponent(assessmentId)}/photos?view=${view}`, { method: 'POST', body: form });
}
