import type { DemographicField, PatientOut } from '@myomap/contract/clinical/patients.schemas';
import { isRealDate } from '../lib/zoned-time.ts';

/**
 * The intake's "about you" questions that are also fields of the patient's record. Pure: the
 * callers read the answers and the record, and write what this decides.
 */
export const ABOUT_YOU_FIELDS: Readonly<Record<string, DemographicField>> = {
  'full-name': 'name',
  email: 'email',
  phone: 'phone',
  'birth-date': 'dateOfBirth',
  sex: 'sex',
  'preferred-language': 'preferredLanguage',
  'emergency-contact-name': 'emergencyContactName',
  'emergency-contact-phone': 'emergencyContactPhone',
};
export const ABOUT_YOU_LINK_IDS = Object.keys(ABOUT_YOU_FIELDS);

/** Fields an intake fills when the record has none. Name and email always exist; the language has a default, so it is only ever suggested. */
const FILLABLE: ReadonlySet<DemographicField> = new Set(['phone', 'dateOfBirth', 'sex', 'emergencyContactName', 'emergencyContactPhone']);

const PHONE = /^[+0-9 ()-]{5,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The answer as the record would store it, or undefined when it is empty or would not pass the PATCH schema. */
function valueFor(field: DemographicField, raw: unknown, today: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const value = raw.trim();
  if (value === '') return undefined;
  switch (field) {
    case 'name':
    case 'emergencyContactName':
      return value.length <= 200 ? value : undefined;
    case 'email':
      return value.length <= 254 && EMAIL.test(value) ? value.toLowerCase() : undefined;
    case 'phone':
      return PHONE.test(value) ? value : undefined;
    case 'emergencyContactPhone':
      return value.length <= 30 ? value : undefined;
    case 'dateOfBirth':
      return isRealDate(value) && value <= today && value >= '1900-01-01' ? value : undefined;
    case 'sex':
      return ['female', 'male', 'other', 'unknown'].includes(value) ? value : undefined;
    case 'preferredLanguage':
      return value === 'en' || value === 'ar' ? value : undefined;
  }
}

/** Two values say the same thing: phone numbers by their digits, emails and names ignoring case. */
function same(field: DemographicField, a: string, b: string): boolean {
  if (field === 'phone' || field === 'emergencyContactPhone') return a.replace(/\D/g, '') === b.replace(/\D/g, '');
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export interface IntakeDemographics {
  /** Empty on the record: the intake's value goes in. */
  fill: Partial<Record<DemographicField, string>>;
  /** The record has another value: kept, and the intake's shown to staff. */
  differ: Partial<Record<DemographicField, string>>;
}

/** What the intake's "about you" answers (by linkId) would change on the record. `today` is YYYY-MM-DD in the clinic. */
export function compareIntakeDemographics(answers: Readonly<Record<string, unknown>>, patient: PatientOut, today: string): IntakeDemographics {
  const result: IntakeDemographics = { fill: {}, differ: {} };
  for (const [linkId, field] of Object.entries(ABOUT_YOU_FIELDS)) {
    const value = valueFor(field, answers[linkId], today);
    if (value === undefined) continue;
    const current = patient[field];
    // 'unknown' sex on the record is no answer, so the patient's own is not a conflict.
    if (current === null || current === '' || (field === 'sex' && current === 'unknown')) {
      if (FILLABLE.has(field)) result.fill[field] = value;
    } else if (!same(field, current, value)) {
      result.differ[field] = value;
    }
  }
  return result;
}

/** The first intake's answers from the record, so a patient does not retype what the booking already said. */
export function aboutYouFromPatient(patient: PatientOut): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [linkId, field] of Object.entries(ABOUT_YOU_FIELDS)) {
    const value = patient[field];
    // The intake asks female or male only; another recorded value is left for the patient to answer.
    if (field === 'sex' && value !== 'female' && value !== 'male') continue;
    if (typeof value === 'string' && value !== '') answers[linkId] = value;
  }
  return answers;
}
