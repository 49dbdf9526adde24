import { PatientIn } from '@myomap/contract/bookings/bookings.schemas';
import { contractResolver } from '../../../lib/forms/contract-resolver.ts';
import type { PatientDetails } from '../api/public-api.ts';

/** The patient's details as typed, before trimming; the booking and the waitlist share one. */
export interface PatientDraft {
  name: string;
  email: string;
  phone: string;
  preferredLanguage: 'en' | 'ar';
}

export function toPatient(draft: PatientDraft): PatientDetails {
  const phone = draft.phone.trim();
  return {
    name: draft.name.trim(),
    email: draft.email.trim(),
    ...(phone ? { phone } : {}),
    preferredLanguage: draft.preferredLanguage,
  };
}

/** The draft's fields, from any form whose values include them. */
export function pickPatient(values: Partial<PatientDraft>, fallback: PatientDraft): PatientDraft {
  return {
    name: values.name ?? fallback.name,
    email: values.email ?? fallback.email,
    phone: values.phone ?? fallback.phone,
    preferredLanguage: values.preferredLanguage ?? fallback.preferredLanguage,
  };
}

/** Where a mistake in the contract's PatientIn shows: the field of the same name. */
export const PATIENT_FIELDS = { '/name': 'name', '/email': 'email', '/phone': 'phone', '/preferredLanguage': 'preferredLanguage' } as const;

/** Validates the details with the server's own PatientIn schema. */
export const patientResolver = contractResolver<PatientDraft, PatientDetails>(PatientIn, { toBody: toPatient, fields: PATIENT_FIELDS });
