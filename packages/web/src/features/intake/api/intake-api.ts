import type { QuestionnaireResponse } from '@myomap/domain/screening/questionnaire-schemas';
import type {
  ConsentIn as ContractConsentIn,
  ConsentSignedOut,
  IntakeSavedOut,
  IntakeSubmittedOut,
  IntakeViewOut,
} from '@myomap/contract/safety/intake.schemas';
import type { ClinicOut } from '@myomap/contract/catalog/catalog.schemas';
import { api } from '../../../lib/api/api-client.ts';

/** The intake routes (packages/server/src/routes/safety/intake.routes.ts), by booking link or by staff; types from the contract. */

export type { IntakeStatus } from '@myomap/contract/safety/intake.schemas';
export type IntakeView = IntakeViewOut;
export type SaveResult = IntakeSavedOut;
export type SubmitResult = IntakeSubmittedOut;
export type ConsentIn = ContractConsentIn;

/** What the intake shows of the clinic (GET /api/clinic, read through lib/clinic/clinic-query.ts). */
export type ClinicContact = Pick<ClinicOut, 'name' | 'phone'>;

/**
 * The patient's own link (reference + manage token), a signed-in receptionist by appointment id, or
 * the patient signed in to the portal (their own visit's id; the portal session's CSRF token, since
 * that session is not the staff one the API client holds a token for).
 */
export type IntakeTarget =
  | { kind: 'patient'; reference: string; token: string }
  | { kind: 'staff'; appointmentId: string }
  | { kind: 'portal'; appointmentId: string; csrfToken: string };

function url(target: IntakeTarget, suffix = ''): string {
  if (target.kind === 'portal') return `/api/portal/visits/${encodeURIComponent(target.appointmentId)}/intake${suffix}`;
  if (target.kind === 'staff') return `/api/staff/appointments/${encodeURIComponent(target.appointmentId)}/intake${suffix}`;
  return `/api/intake/${encodeURIComponent(target.reference)}${suffix}?token=${encodeURIComponent(target.token)}`;
}

/** Where the device keeps its copy of the answers: one key per booking. */
export function storageKeyOf(target: IntakeTarget): string {
  return target.kind === 'patient' ? `myomap.intake.${target.reference}` : `myomap.intake.appointment.${target.appointmentId}`;
}

/** A portal write carries the portal session's CSRF token. */
const csrf = (target: IntakeTarget) => (target.kind === 'portal' ? { headers: { 'x-csrf-token': target.csrfToken } } : {});

export const intakeApi = {
  view: (target: IntakeTarget) => api<IntakeView>(url(target)),
  save: (target: IntakeTarget, response: QuestionnaireResponse, language: 'en' | 'ar') =>
    api<SaveResult>(url(target), { method: 'PUT', body: { response, language }, ...csrf(target) }),
  submit: (target: IntakeTarget) => api<SubmitResult>(url(target, '/submit'), { method: 'POST', ...csrf(target) }),
  signConsent: (target: IntakeTarget, consent: ConsentIn) => api<ConsentSignedOut>(url(target, '/consent'), { method: 'POST', body: consent, ...csrf(target) }),
};

/** The portal session's CSRF token, or null when signed out (read with fetch: its 401 is an answer, not the staff session's end). */
export async function readPortalCsrfToken(): Promise<string | null> {
  const response = await fetch('/api/portal/session', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) return null;
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}
