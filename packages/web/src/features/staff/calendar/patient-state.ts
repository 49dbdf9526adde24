import type { CalendarPatientState } from '@myomap/contract/staff/calendar.schemas';

/** One thing reception or the therapist must notice about a visit's patient. */
export interface PatientMark {
  /** Key under staff:patientState.* (short tag text, long words and the fix link's text). */
  id:
    | 'refer'
    | 'precautions'
    | 'clearedByPhysician'
    | 'notScreened'
    | 'aftercareAlert'
    | 'noConsent'
    | 'noIntake'
    | 'intakeStarted'
    | 'cosignPending'
    | 'newPatient';
  /** danger: do not treat; warning: needs doing before treatment; info: worth knowing. */
  tone: 'danger' | 'warning' | 'info' | 'success';
  /** Where the thing is fixed: the patient's safety page, the intake, the record, the alerts. */
  fix: 'safety' | 'intake' | 'record' | 'alerts' | null;
}

/**
 * The marks a visit shows, most urgent first. Clinical safety before convenience: a referral
 * (screening refers, or a physician referred and nobody has cleared since) always comes first
 * and is the one mark the calendar draws as a stripe as well as a tag; 'clear' and a submitted
 * intake need no mark, so a calm visit stays calm.
 */
export function patientMarks(state: CalendarPatientState | null): PatientMark[] {
  if (!state) return [];
  const marks: PatientMark[] = [];
  if (state.screening === 'refer') marks.push({ id: 'refer', tone: 'danger', fix: 'safety' });
  if (state.aftercareAlert) marks.push({ id: 'aftercareAlert', tone: 'danger', fix: 'alerts' });
  if (state.screening === 'precautions') marks.push({ id: 'precautions', tone: 'warning', fix: 'safety' });
  if (!state.consentSigned) marks.push({ id: 'noConsent', tone: 'warning', fix: 'intake' });
  if (state.intake === 'not_started') marks.push({ id: 'noIntake', tone: 'warning', fix: 'intake' });
  if (state.intake === 'in_progress') marks.push({ id: 'intakeStarted', tone: 'warning', fix: 'intake' });
  if (state.screening === 'not_screened') marks.push({ id: 'notScreened', tone: 'warning', fix: 'safety' });
  if (state.planCosignPending) marks.push({ id: 'cosignPending', tone: 'info', fix: 'record' });
  if (state.screening === 'cleared_by_physician') marks.push({ id: 'clearedByPhysician', tone: 'success', fix: 'safety' });
  if (state.newPatient) marks.push({ id: 'newPatient', tone: 'info', fix: 'record' });
  return marks;
}

/** Every mark the legend explains, in the order the calendar shows them. */
export const ALL_MARKS: readonly PatientMark['id'][] = [
  'refer',
  'aftercareAlert',
  'precautions',
  'noConsent',
  'noIntake',
  'intakeStarted',
  'notScreened',
  'cosignPending',
  'clearedByPhysician',
  'newPatient',
];

/** The mark's tone, for the legend (which shows marks without a patient). */
export function toneOf(id: PatientMark['id']): PatientMark['tone'] {
  switch (id) {
    case 'refer':
    case 'aftercareAlert':
      return 'danger';
    case 'cosignPending':
    case 'newPatient':
      return 'info';
    case 'clearedByPhysician':
      return 'success';
    default:
      return 'warning';
  }
}

/** Where a mark's fix lives, as a staff path; null when nothing is to be done there. */
export function fixPath(mark: PatientMark, ids: { appointmentId: string; patientId: string | null }): string | null {
  if (!ids.patientId && mark.fix !== 'intake' && mark.fix !== 'alerts') return null;
  switch (mark.fix) {
    case 'safety':
      return `/staff/patients/${encodeURIComponent(ids.patientId ?? '')}/safety`;
    case 'intake':
      return `/staff/appointments/${encodeURIComponent(ids.appointmentId)}/intake`;
    case 'record':
      return `/staff/patients/${encodeURIComponent(ids.patientId ?? '')}`;
    case 'alerts':
      return '/staff/alerts';
    case null:
      return null;
  }
}
