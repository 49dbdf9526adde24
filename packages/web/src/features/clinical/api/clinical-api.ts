import type { AssessmentData } from '@myomap/domain/clinical/assessment-schemas';
import type { Landmarks, PhotoView, PostureAngles } from '@myomap/domain/clinical/compute-posture-angles';
import { api, ApiError, currentCsrfToken } from '../../../lib/api-client.ts';

/** The clinical routes as the server describes them in /api/openapi.json. */

export type Side = 'left' | 'right';
export interface Names {
  en: string;
  ar: string;
}

export interface BodyZoneDto {
  id: string;
  /** true when the zone is recorded once per side. */
  side: boolean;
  label: Names;
  views: string[];
  midline: boolean;
  region: string;
}

export interface MuscleDto {
  id: string;
  name: Names;
  aliases: string[];
  region: string;
}

export interface SourceCandidateDto {
  muscleId: string;
  name: string;
  names: Names;
  side?: Side;
  score: number;
  matchedZones: { zone: string; side?: Side; relation: 'primary' | 'spillover' }[];
  why: string;
  whyAr?: string;
}

export interface SourceFinderRequest {
  zones: { zone: string; side?: Side; intensity?: number }[];
  palpatedTriggerPoints?: { muscleId: string; side?: Side; activity: 'active' | 'latent'; reproducesFamiliarPain?: boolean }[];
}

export type Sex = 'female' | 'male' | 'other' | 'unknown';

export interface PatientDto {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  dateOfBirth: string | null;
  sex: Sex | null;
  preferredLanguage: 'en' | 'ar';
  emergencyContactName?: string | null;
  emergencyContactPhone?: string | null;
}

export interface NewPatient {
  name: string;
  email: string;
  phone?: string;
  dateOfBirth?: string;
  sex?: Sex;
  preferredLanguage?: 'en' | 'ar';
  emergencyContactName?: string;
  emergencyContactPhone?: string;
}

export interface PatientRecordDto {
  patient: PatientDto;
  appointments: { id: string; reference: string; start: string; serviceName: string; status: string }[];
  assessments: { id: string; createdAt: string; updatedAt: string; appointmentId: string | null; authorName: string; status: string }[];
}

export interface PhotoDto {
  id: string;
  view: PhotoView;
  landmarks: Landmarks;
  angles: PostureAngles;
}

export interface AssessmentDto {
  id: string;
  patientId: string;
  patientName: string;
  createdAt: string;
  updatedAt: string;
  data: AssessmentData;
  photos: PhotoDto[];
}

export type PlanStatus = 'draft' | 'awaiting_cosign' | 'approved';

/** One row of GET /api/staff/patients/:id/plans (newest first). */
export interface PlanSummaryDto {
  id: string;
  status: PlanStatus;
  createdAt: string;
  requiresCosign: boolean;
  assessmentId: string;
}

/** Whether trigger-point reasoning may run for this patient (suspended while a red flag stands). */
export type ReasoningDto =
  | { status: 'active' }
  | { status: 'suspended'; cause: 'screen_refers' | 'referred_by_physician'; reason: { en: string; ar: string }; redFlags: { id: string; name: { en: string; ar: string } }[] };

export const clinicalApi = {
  reasoning: (patientId: string) => api<ReasoningDto>(`/api/staff/patients/${encodeURIComponent(patientId)}/reasoning`),
  bodyZones: () => api<BodyZoneDto[]>('/api/body-zones'),
  muscles: (q = '') => api<MuscleDto[]>(`/api/muscles${q ? `?q=${encodeURIComponent(q)}` : ''}`),
  sourceFinder: (request: SourceFinderRequest) => api<{ candidates: SourceCandidateDto[] }>('/api/source-finder', { method: 'POST', body: request }),
  patients: (q: string) => api<PatientDto[]>(`/api/staff/patients?q=${encodeURIComponent(q)}`),
  createPatient: (patient: NewPatient) => api<PatientDto>('/api/staff/patients', { method: 'POST', body: patient }),
  patient: (id: string) => api<PatientRecordDto>(`/api/staff/patients/${encodeURIComponent(id)}`),
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
    api<{ id: string; landmarks: Landmarks; angles: PostureAngles }>(`/api/staff/photos/${encodeURIComponent(photoId)}/landmarks`, {
      method: 'PUT',
      body: { landmarks },
    }),
  uploadPhoto: (assessmentId: string, view: PhotoView, file: File) => uploadPhoto(assessmentId, view, file),
};

/** Multipart upload; api() speaks JSON only, so this one goes through fetch directly. */
async function uploadPhoto(assessmentId: string, view: PhotoView, file: File): Promise<{ id: string; view: PhotoView }> {
  const form = new FormData();
  form.append('file', file, file.name);
  const token = currentCsrfToken();
  let response: Response;
  try {
    response = await fetch(`/api/staff/assessments/${encodeURIComponent(assessmentId)}/photos?view=${view}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Network error');
  }
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'unknown_error', error?.message ?? response.statusText);
  }
  return body as { id: string; view: PhotoView };
}
