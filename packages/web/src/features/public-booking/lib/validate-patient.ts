import { PatientIn } from '@myomap/contract/bookings/bookings.schemas';
import type { PatientDetails } from '../api/public-api.ts';

export interface PatientDraft {
  name: string;
  email: string;
  phone: string;
  preferredLanguage: 'en' | 'ar';
}

export type PatientErrors = Partial<Record<'name' | 'email' | 'phone', true>>;

// The limits are read from the server's own PatientIn schema (packages/contract), so mistakes show
// beside the field and the two cannot drift apart. The schema's `format: 'email'` is checked by the
// server's validator; here a light shape check catches typos without that validator's weight.
const { name: NAME, email: EMAIL_FIELD, phone: PHONE_FIELD } = PatientIn.properties;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = new RegExp(PHONE_FIELD.pattern ?? '');
const within = (text: string, field: { minLength?: number; maxLength?: number }) => text.length >= (field.minLength ?? 0) && text.length <= (field.maxLength ?? Infinity);

export function validatePatient(draft: PatientDraft): PatientErrors {
  const errors: PatientErrors = {};
  const name = draft.name.trim();
  const email = draft.email.trim();
  const phone = draft.phone.trim();
  if (name.length === 0 || !within(name, NAME)) errors.name = true;
  if (!EMAIL.test(email) || !within(email, EMAIL_FIELD)) errors.email = true;
  if (phone !== '' && (!PHONE.test(phone) || !within(phone, PHONE_FIELD))) errors.phone = true;
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
