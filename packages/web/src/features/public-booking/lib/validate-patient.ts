import type { PatientDetails } from '../api/public-api.ts';

export interface PatientDraft {
  name: string;
  email: string;
  phone: string;
  preferredLanguage: 'en' | 'ar';
}

export type PatientErrors = Partial<Record<'name' | 'email' | 'phone', true>>;

// Mirrors the server's PatientIn schema (bookings.schemas.ts) so mistakes show beside the field.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+0-9 ()-]{5,30}$/;

export function validatePatient(draft: PatientDraft): PatientErrors {
  const errors: PatientErrors = {};
  if (draft.name.trim().length === 0 || draft.name.trim().length > 200) errors.name = true;
  if (!EMAIL.test(draft.email.trim()) || draft.email.trim().length > 254) errors.email = true;
  if (draft.phone.trim() !== '' && !PHONE.test(draft.phone.trim())) errors.phone = true;
  return errors;
}

/** After a failed submit, clears each mistake as soon as it is corrected (and adds none new). */
export function revalidatePatient(previous: PatientErrors, draft: PatientDraft): PatientErrors {
  const now = validatePatient(draft);
  const kept: PatientErrors = {};
  for (const field of ['name', 'email', 'phone'] as const) if (previous[field] && now[field]) kept[field] = true;
  return kept;
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
