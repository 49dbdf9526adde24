import { describe, expect, it } from 'vitest';
import type { CalendarPatientState } from '@myomap/contract/staff/calendar.schemas';
import { ALL_MARKS, fixPath, patientMarks, toneOf } from './patient-state.ts';

const calm: CalendarPatientState = {
  newPatient: false,
  intake: 'submitted',
  consentSigned: true,
  screening: 'clear',
  planCosignPending: false,
  aftercareAlert: false,
};

describe('patient marks on a calendar visit', () => {
  it('shows nothing for a returning patient with intake, consent and a clear screening', () => {
    expect(patientMarks(calm)).toEqual([]);
    expect(patientMarks(null)).toEqual([]);
  });

  it('puts a referral first, as danger, fixed on the safety page, whatever else is pending', () => {
    const marks = patientMarks({ ...calm, screening: 'refer', newPatient: true, consentSigned: false, planCosignPending: true });
    expect(marks[0]).toEqual({ id: 'refer', tone: 'danger', fix: 'safety' });
    expect(marks.map((m) => m.id)).toEqual(['refer', 'noConsent', 'cosignPending', 'newPatient']);
    expect(fixPath(marks[0]!, { appointmentId: 'a1', patientId: 'p 1' })).toBe('/staff/patients/p%201/safety');
  });

  it('names a new patient who has not started intake nor signed consent, and links the intake', () => {
    const marks = patientMarks({ ...calm, newPatient: true, intake: 'not_started', consentSigned: false, screening: 'not_screened' });
    expect(marks.map((m) => m.id)).toEqual(['noConsent', 'noIntake', 'notScreened', 'newPatient']);
    expect(fixPath(marks[1]!, { appointmentId: 'a1', patientId: 'p1' })).toBe('/staff/appointments/a1/intake');
  });

  it('tells precautions, physician clearance, an open aftercare alert and a plan waiting for co-signature apart', () => {
    expect(patientMarks({ ...calm, screening: 'precautions' }).map((m) => [m.id, m.tone])).toEqual([['precautions', 'warning']]);
    expect(patientMarks({ ...calm, screening: 'cleared_by_physician' }).map((m) => [m.id, m.tone])).toEqual([['clearedByPhysician', 'success']]);
    const alert = patientMarks({ ...calm, aftercareAlert: true, intake: 'in_progress', planCosignPending: true });
    expect(alert.map((m) => m.id)).toEqual(['aftercareAlert', 'intakeStarted', 'cosignPending']);
    expect(fixPath(alert[0]!, { appointmentId: 'a1', patientId: 'p1' })).toBe('/staff/alerts');
    expect(fixPath(alert[2]!, { appointmentId: 'a1', patientId: 'p1' })).toBe('/staff/patients/p1');
  });

  it('the legend lists every mark with the tone the calendar gives it', () => {
    const seen = new Set<string>();
    const states: CalendarPatientState[] = [
      { newPatient: true, intake: 'not_started', consentSigned: false, screening: 'refer', planCosignPending: true, aftercareAlert: true },
      { ...calm, intake: 'in_progress', screening: 'precautions' },
      { ...calm, screening: 'not_screened' },
      { ...calm, screening: 'cleared_by_physician' },
    ];
    for (const state of states)
      for (const mark of patientMarks(state)) {
        seen.add(mark.id);
        expect(toneOf(mark.id)).toBe(mark.tone);
      }
    expect([...seen].sort()).toEqual([...ALL_MARKS].sort());
  });
});
