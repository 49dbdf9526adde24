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

const STORAGE_KEY = 'myomap.booking.patient';

/** The details typed so far in this tab, so a reload does not lose them (sessionStorage: gone when the tab closes). */
export function loadPatientDraft(fallback: PatientDraft): PatientDraft {
  try {
    const saved = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<PatientDraft> | null;
    if (!saved || typeof saved !== 'object') return fallback;
    const text = (value: unknown, other: string) => (typeof value === 'string' ? value : other);
    return {
      name: text(saved.name, fallback.name),
      email: text(saved.email, fallback.email),
      phone: text(saved.phone, fallback.phone),
      preferredLanguage: saved.preferredLanguage === 'ar' || saved.preferredLanguage === 'en' ? saved.preferredLanguage : fallback.preferredLanguage,
    };
  } catch {
    // Storage blocked (private mode) or a hand-edited value: start empty.
    return fallback;
  }
}

export function savePatientDraft(draft: PatientDraft): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the details still live in the page until it closes.
  }
}

/** After a booking: the next booking in this tab starts empty. */
export function clearPatientDraft(): void {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing saved, nothing to clear.
  }
}
