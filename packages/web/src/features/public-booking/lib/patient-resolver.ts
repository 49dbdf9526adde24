import { PatientIn } from '@myomap/contract/bookings/bookings.schemas';
import { contractResolver } from '../../../lib/forms/contract-resolver.ts';
import type { PatientDetails } from '../api/public-api.ts';
import { PATIENT_FIELDS, toPatient, type PatientDraft } from './patient-draft.ts';

/**
 * Validates the details with the server's own PatientIn schema. Its own module: the schema library
 * comes with the details form's chunk, not with the booking page's first screen.
 */
export const patientResolver = contractResolver<PatientDraft, PatientDetails>(PatientIn, { toBody: toPatient, fields: PATIENT_FIELDS });
