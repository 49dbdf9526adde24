import type { ConsentText, Questionnaire, QuestionnaireResponse } from '@myomap/domain/screening/questionnaire-schemas';
import type { ScreeningOutcome } from '@myomap/domain/screening/screening-result';
import { api } from '../../../lib/api-client.ts';

/** The intake routes (packages/server/src/routes/safety/intake.routes.ts), by booking link or by staff. */

export type IntakeStatus = 'not_started' | 'in_progress' | 'submitted';

export interface IntakeView {
  questionnaire: Questionnaire;
  response: QuestionnaireResponse | null;
  /** Set for reception: the intake has answers, withheld because they are medical history (permission intake.clinical.read). */
  answersHidden?: boolean;
  status: IntakeStatus;
  savedAt: string | null;
  consent: { version: string; texts: ConsentText[]; signed: boolean; signedAt: string | null };
}

export interface SaveResult {
  savedAt: string;
  missingRequired: string[];
}

export interface SubmitResult {
  outcome: ScreeningOutcome;
  /** Set when a red flag needs care sooner than the visit: the patient is told what to do now. */
  urgentCare: 'emergency' | 'same_day' | null;
}

export interface ConsentIn {
  version: string;
  language: 'en' | 'ar';
  typedName: string;
  /** A PNG data URL from the signature canvas. */
  signature: string;
}

export interface ClinicContact {
  name: { en: string; ar: string };
  phone: string;
}

/** The patient's own link (reference + manage token), or a signed-in receptionist by appointment id. */
export type IntakeTarget = { kind: 'patient'; reference: string; token: string } | { kind: 'staff'; appointmentId: string };

function url(target: IntakeTarget, suffix = ''): string {
  if (target.kind === 'staff') return `/api/staff/appointments/${encodeURIComponent(target.appointmentId)}/intake${suffix}`;
  return `/api/intake/${encodeURIComponent(target.reference)}${suffix}?token=${encodeURIComponent(target.token)}`;
}

/** Where the device keeps its copy of the answers: one key per booking. */
export function storageKeyOf(target: IntakeTarget): string {
  return target.kind === 'staff' ? `myomap.intake.appointment.${target.appointmentId}` : `myomap.intake.${target.reference}`;
}

export const intakeApi = {
  view: (target: IntakeTarget) => api<IntakeView>(url(target)),
  save: (target: IntakeTarget, response: QuestionnaireResponse, language: 'en' | 'ar') =>
    api<SaveResult>(url(target), { method: 'PUT', body: { response, language } }),
  submit: (target: IntakeTarget) => api<SubmitResult>(url(target, '/submit'), { method: 'POST' }),
  signConsent: (target: IntakeTarget, consent: ConsentIn) =>
    api<{ id: string; version: string; signedAt: string }>(url(target, '/consent'), { method: 'POST', body: consent }),
  clinic: () => api<ClinicContact>('/api/clinic'),
};
