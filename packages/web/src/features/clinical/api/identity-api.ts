import type { PatientOut } from '@myomap/contract/clinical/patients.schemas';
import type { DuplicateEntryOut, MatchReason, MergedOut, MergeField, MergePreviewOut, MergeSideOut } from '@myomap/contract/identity/identity.schemas';
import { api } from '../../../lib/api/api-client.ts';

/** The identity routes (packages/server/src/routes/identity/identity.routes.ts); types from the contract. */

export type IdentityStatus = PatientOut['identityStatus'];
export type { MatchReason };
export type IdentityPatient = PatientOut;
export type DuplicateEntry = DuplicateEntryOut;
export type MergeSide = MergeSideOut;
export type MergePreview = MergePreviewOut;

export { MERGE_FIELDS, type MergeField } from '@myomap/contract/identity/identity.schemas';

export const identityApi = {
  duplicates: () => api<DuplicateEntry[]>('/api/staff/patient-duplicates'),
  preview: (keptId: string, duplicateId: string) =>
    api<MergePreview>(`/api/staff/patients/${encodeURIComponent(keptId)}/merge-preview?duplicateId=${encodeURIComponent(duplicateId)}`),
  merge: (keptId: string, duplicateId: string, keep: Partial<Record<MergeField, 'kept' | 'duplicate'>>) =>
    api<MergedOut>(`/api/staff/patients/${encodeURIComponent(keptId)}/merge`, {
      method: 'POST',
      body: { duplicateId, keep, identityChecked: true },
    }),
  verify: (patientId: string) => api<IdentityPatient>(`/api/staff/patients/${encodeURIComponent(patientId)}/verify`, { method: 'POST' }),
};
