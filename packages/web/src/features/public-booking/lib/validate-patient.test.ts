import { describe, expect, it } from 'vitest';
import { validatePatient } from './validate-patient.ts';

const draft = { name: 'Rana Aziz', email: 'rana@example.com', phone: '', preferredLanguage: 'en' as const };

describe('validatePatient (limits read from the contract PatientIn schema)', () => {
  it('accepts a complete patient, with or without a phone', () => {
    expect(validatePatient(draft)).toEqual({});
    expect(validatePatient({ ...draft, phone: '+971 50 123 4567' })).toEqual({});
  });
  it('refuses a blank or over-long name (200 characters at most)', () => {
    expect(validatePatient({ ...draft, name: '   ' })).toEqual({ name: true });
    expect(validatePatient({ ...draft, name: 'a'.repeat(200) })).toEqual({});
    expect(validatePatient({ ...draft, name: 'a'.repeat(201) })).toEqual({ name: true });
  });
  it('refuses a malformed or over-long email (254 characters at most)', () => {
    expect(validatePatient({ ...draft, email: 'rana@' })).toEqual({ email: true });
    expect(validatePatient({ ...draft, email: `${'a'.repeat(243)}@example.com` })).toEqual({ email: true });
  });
  it('refuses a phone with letters, or shorter than 5 or longer than 30 characters', () => {
    expect(validatePatient({ ...draft, phone: '050-abc' })).toEqual({ phone: true });
    expect(validatePatient({ ...draft, phone: '1234' })).toEqual({ phone: true });
    expect(validatePatient({ ...draft, phone: '1'.repeat(31) })).toEqual({ phone: true });
  });
});
