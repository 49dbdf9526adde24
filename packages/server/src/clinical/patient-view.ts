import type { PatientOut } from '@myomap/contract/clinical/patients.schemas';
import type { PatientRecord } from '../stores/patient-store.ts';

/** A patient's record as every staff route sends it (contract `PatientOut`). */
export function patientView(p: PatientRecord): PatientOut {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    phone: p.phone,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex as PatientOut['sex'],
    preferredLanguage: p.preferredLanguage,
    preferredChannel: p.preferredChannel,
    emergencyContactName: p.emergencyContactName,
    emergencyContactPhone: p.emergencyContactPhone,
    identityStatus: p.identityStatus,
    mergedIntoId: p.mergedIntoId,
    createdAt: p.createdAt.toISOString(),
  };
}
