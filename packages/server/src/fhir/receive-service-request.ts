import type { ContactPoint, HumanName, OperationOutcome, Patient, Practitioner, Reference, Resource, ServiceRequest } from '@medplum/fhirtypes';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import type { Actor } from '../lib/audit.ts';
import { createInboundReferral, type InboundReferralInput } from '../referrals/inbound-referrals.ts';
import { findReferralByExternalId } from '../stores/referral-store.ts';
import { findPatient } from '../stores/patient-store.ts';
import { OWN } from './fhir-codes.ts';
import { fhirErrors } from './validate-fhir.ts';

/**
 * An inbound referral sent as a FHIR R4 ServiceRequest (POST /api/fhir/R4/ServiceRequest). It is
 * checked by the real validator, then read into the same input as the public form and created by
 * the same code (referrals/inbound-referrals.ts): reception's worklist, the acknowledgement letter.
 *
 * What it needs: an `identifier` (system and value: the same one sent again answers with the first
 * referral and creates nothing), the patient as a contained Patient (name and phone; email, birth
 * date and language when known) or as our own identifier (`subject.identifier` with
 * https://myomap.example/fhir/sid/patient), the requester as a contained Practitioner with an email,
 * a reason (reasonCode text or coding display, or a note) and a priority. An emergency (stat, asap)
 * is refused: it belongs in the emergency department, as the public form says.
 */

export interface ReceivedServiceRequest {
  created: boolean;
  referralId: string;
  outcome: OperationOutcome;
}

const URGENCY: Record<string, InboundReferralInput['urgency'] | undefined> = { routine: 'routine', urgent: 'soon' };

function refuse(message: string, field: string): never {
  throw new AppError('validation_failed', message, [{ field, problem: message }]);
}

function contained<T extends Resource>(request: ServiceRequest, reference: Reference | undefined, type: T['resourceType']): T | undefined {
  const ref = reference?.reference;
  if (!ref?.startsWith('#')) return undefined;
  const found = request.contained?.find((r) => r.id === ref.slice(1));
  return found?.resourceType === type ? (found as T) : undefined;
}

function nameOf(names: HumanName[] | undefined): string {
  const name = names?.[0];
  if (!name) return '';
  return (name.text ?? [...(name.prefix ?? []), ...(name.given ?? []), name.family].filter(Boolean).join(' ')).trim();
}

function telecom(points: ContactPoint[] | undefined, system: 'phone' | 'email'): string | undefined {
  return points?.find((p) => p.system === system && p.value)?.value?.trim();
}

function languageOf(code: string | undefined): 'en' | 'ar' {
  return code?.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+() -]{3,40}$/;

async function patientOf(ctx: AppContext, request: ServiceRequest): Promise<InboundReferralInput['patient']> {
  const own = request.subject?.identifier;
  if (own?.system === OWN.patientId && own.value) {
    const patient = await findPatient(ctx.db, own.value);
    if (!patient)
      throw new AppError('not_found', 'No patient has that identifier here.', [{ field: 'ServiceRequest.subject.identifier', problem: 'unknown patient' }]);
    return {
      name: patient.name,
      phone: patient.phone ?? '',
      ...(patient.email ? { email: patient.email } : {}),
      ...(patient.dateOfBirth ? { dateOfBirth: patient.dateOfBirth } : {}),
      language: patient.preferredLanguage === 'ar' ? 'ar' : 'en',
    };
  }
  const p = contained<Patient>(request, request.subject, 'Patient');
  if (!p) refuse('subject must reference a contained Patient (#id) or carry our patient identifier.', 'ServiceRequest.subject');
  const name = nameOf(p.name);
  const phone = telecom(p.telecom, 'phone');
  const email = telecom(p.telecom, 'email');
  if (!name || name.length > 200) refuse('The contained Patient needs a name (at most 200 characters).', 'Patient.name');
  if (!phone || !PHONE.test(phone)) refuse('The contained Patient needs a phone number (digits, +, spaces, brackets).', 'Patient.telecom');
  if (email !== undefined && (!EMAIL.test(email) || email.length > 254)) refuse('The contained Patient’s email is not an email address.', 'Patient.telecom');
  if (p.birthDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(p.birthDate)) refuse('Patient.birthDate must be a full date (YYYY-MM-DD).', 'Patient.birthDate');
  return {
    name,
    phone,
    ...(email ? { email } : {}),
    ...(p.birthDate ? { dateOfBirth: p.birthDate } : {}),
    language: languageOf(p.communication?.[0]?.language?.coding?.[0]?.code ?? p.communication?.[0]?.language?.text),
  };
}

function referrerOf(request: ServiceRequest): InboundReferralInput['referrer'] {
  const who = contained<Practitioner>(request, request.requester, 'Practitioner');
  if (!who) refuse('requester must reference a contained Practitioner (#id): the doctor who refers.', 'ServiceRequest.requester');
  const name = nameOf(who.name) || request.requester?.display?.trim() || '';
  const email = telecom(who.telecom, 'email');
  const phone = telecom(who.telecom, 'phone');
  if (!name || name.length > 200) refuse('The requester needs a name (at most 200 characters).', 'Practitioner.name');
  if (!email || !EMAIL.test(email) || email.length > 254)
    refuse('The requester needs an email: the acknowledgement and discharge summary go there.', 'Practitioner.telecom');
  const organisation = request.contained?.find((r) => r.resourceType === 'Organization')?.name?.trim();
  return {
    name,
    email,
    ...(phone && PHONE.test(phone) ? { phone } : {}),
    ...(organisation ? { organisation: organisation.slice(0, 200) } : {}),
  };
}

function reasonOf(request: ServiceRequest): string {
  const parts = [
    ...(request.reasonCode ?? []).map((c) => c.text ?? c.coding?.find((coding) => coding.display)?.display ?? ''),
    ...(request.code ? [request.code.text ?? request.code.coding?.find((coding) => coding.display)?.display ?? ''] : []),
    ...(request.note ?? []).map((n) => n.text),
  ]
    .map((t) => t.trim())
    .filter(Boolean);
  const reason = parts.join('\n');
  if (!reason) refuse('Say why the patient is referred (reasonCode text, code text or a note).', 'ServiceRequest.reasonCode');
  if (reason.length > 2000) refuse('The reason may be at most 2000 characters.', 'ServiceRequest.reasonCode');
  return reason;
}

function outcomeFor(referralId: string, created: boolean): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'information',
        code: 'informational',
        details: { text: created ? `Referral received (${referralId}); reception will contact the patient.` : `Already received as referral ${referralId}.` },
      },
    ],
  };
}

/** Reads, checks and records an inbound ServiceRequest; the same identifier again returns the first referral. */
export async function receiveServiceRequest(ctx: AppContext, body: unknown, actor: Actor): Promise<ReceivedServiceRequest> {
  if (!body || typeof body !== 'object' || (body as { resourceType?: unknown }).resourceType !== 'ServiceRequest')
    refuse('Send one ServiceRequest resource.', 'resourceType');
  const problems = fhirErrors(body);
  if (problems.length > 0)
    throw new AppError(
      'validation_failed',
      'The ServiceRequest is not valid FHIR R4.',
      problems.slice(0, 20).map((p) => ({ field: p.where, problem: p.text })),
    );
  const request = body as ServiceRequest;
  const identifier = request.identifier?.find((i) => i.system && i.value);
  if (!identifier?.system || !identifier.value)
    refuse('identifier (system and value) is required, so a resubmission is recognised.', 'ServiceRequest.identifier');
  if (identifier.system.length > 300 || identifier.value.length > 200) refuse('identifier is too long.', 'ServiceRequest.identifier');
  const key = { system: identifier.system, value: identifier.value };
  const existing = await findReferralByExternalId(ctx.db, key.system, key.value);
  if (existing) return { created: false, referralId: existing, outcome: outcomeFor(existing, false) };

  if (request.status !== 'active' && request.status !== 'draft') refuse('Only an active referral can be received.', 'ServiceRequest.status');
  const urgency = URGENCY[request.priority ?? 'routine'];
  if (!urgency) throw new AppError('unprocessable', 'An emergency belongs in the emergency department, not a referral inbox (priority stat or asap).');
  const input: InboundReferralInput = {
    referrer: referrerOf(request),
    patient: await patientOf(ctx, request),
    urgency,
    reason: reasonOf(request),
    language: languageOf(request.language),
    externalIdentifier: key,
  };
  if (!input.patient.phone) refuse('The patient has no phone number on record; send it in a contained Patient.', 'ServiceRequest.subject');
  try {
    const referralId = await ctx.db.transaction((tx) => createInboundReferral(ctx, tx, input, actor));
    return { created: true, referralId, outcome: outcomeFor(referralId, true) };
  } catch (error) {
    // The same request sent twice at once: the unique identifier lets one in; the other finds it.
    const raced = await findReferralByExternalId(ctx.db, key.system, key.value);
    if (raced) return { created: false, referralId: raced, outcome: outcomeFor(raced, false) };
    throw error;
  }
}
