import type { TreatmentGate, ReviewDecision } from '@myomap/domain/safety/decide-treatment-gate';
import type { MatchReason } from '@myomap/domain/identity/find-possible-matches';
import { api } from '../../../lib/api-client.ts';

/** The identity routes (packages/server/src/routes/identity/identity.routes.ts) as the pages use them. */

export type IdentityStatus = 'verified' | 'self_registered' | 'merged';
export type { MatchReason };

export interface IdentityPatient {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  dateOfBirth: string | null;
  sex: string | null;
  preferredLanguage: 'en' | 'ar';
  emergencyContactName: string | null;
  emergencyContactPhone: string | null;
  identityStatus: IdentityStatus;
  mergedIntoId: string | null;
  createdAt: string;
}

export interface DuplicateEntry {
  patient: IdentityPatient;
  matches: { patientId: string; reasons: MatchReason[]; strength: 'strong' | 'weak'; patient: IdentityPatient }[];
}

export interface MergeSide {
  patient: IdentityPatient;
  appointments: { id: string; reference: string; start: string; status: string; serviceName: { en: string; ar: string } }[];
  intake: { submitted: number; inProgress: number };
  counts: Record<string, number>;
  safety: {
    screeningOutcome: 'proceed' | 'proceed_with_precautions' | 'refer_before_treatment' | null;
    physicianDecision: { decision: ReviewDecision; at: string; physicianName: string } | null;
    gate: TreatmentGate;
  } | null;
}

export interface MergePreview {
  kept: MergeSide;
  duplicate: MergeSide;
  match: { reasons: MatchReason[]; strength: 'strong' | 'weak' } | null;
}

import type { MergeField } from '@myomap/contract/identity/identity.schemas';

export { MERGE_FIELDS, type MergeField } from '@myomap/contract/identity/identity.schemas';

export const identityApi = {
  duplicates: () => api<DuplicateEntry[]>('/api/staff/patient-duplicates'),
  preview: (keptId: string, duplicateId: string) =>
    api<MergePreview>(`/api/staff/patients/${encodeURIComponent(keptId)}/merge-preview?duplicateId=${encodeURIComponent(duplicateId)}`),
  merge: (keptId: string, duplicateId: string, keep: Partial<Record<MergeField, 'kept' | 'duplicate'>>) =>
    api<{ mergeId: string; patient: IdentityPatient; moved: Record<string, number> }>(`/api/staff/patients/${encodeURIComponent(keptId)}/merge`, {
      method: 'POST',
      body: { duplicateId, keep, identityChecked: true },
    }),
  verify: (patientId: string) => api<IdentityPatient>(`/api/staff/patients/${encodeURIComponent(patientId)}/verify`, { method: 'POST' }),
};
