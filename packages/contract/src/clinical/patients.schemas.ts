import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { LocalizedText } from '../common/localized-text.schemas.ts';
import { NonBlankText } from '../common/text.schemas.ts';

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const Sex = Type.Union([Type.Literal('female'), Type.Literal('male'), Type.Literal('other'), Type.Literal('unknown')]);
export type Sex = Static<typeof Sex>;
export const Language = Type.Union([Type.Literal('en'), Type.Literal('ar')]);
/** Where patient messages go; email is also the fallback when the clinic has no SMS/WhatsApp provider. */
export const MessageChannel = Type.Union([Type.Literal('email'), Type.Literal('sms'), Type.Literal('whatsapp')]);
export type MessageChannel = Static<typeof MessageChannel>;
export const IdentityStatus = Type.Union([Type.Literal('verified'), Type.Literal('self_registered'), Type.Literal('merged')]);
export type IdentityStatus = Static<typeof IdentityStatus>;

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const patientFields = {
  name: NonBlankText({ maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  phone: Type.Optional(Nullable(Type.String({ minLength: 5, maxLength: 30, pattern: '^[+0-9 ()-]+$' }))),
  dateOfBirth: Type.Optional(Nullable(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }))),
  sex: Type.Optional(Nullable(Sex)),
  preferredLanguage: Type.Optional(Language),
  preferredChannel: Type.Optional(MessageChannel),
  emergencyContactName: Type.Optional(Nullable(NonBlankText({ maxLength: 200 }))),
  emergencyContactPhone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
};

/** POST /api/staff/patients: a patient staff register at the desk. */
export const PatientIn = Type.Object(patientFields, { additionalProperties: false });
export type PatientIn = Static<typeof PatientIn>;
/** PATCH /api/staff/patients/:id: only the fields sent change. */
export const PatientPatch = Type.Partial(Type.Object(patientFields, { additionalProperties: false }));
export type PatientPatch = Static<typeof PatientPatch>;

export const PatientSearchQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) });

/** A patient's record as staff see it (search, create, edit, the record page, identity screens). */
export const PatientOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  phone: Nullable(Type.String()),
  dateOfBirth: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  sex: Nullable(Sex),
  preferredLanguage: Language,
  preferredChannel: MessageChannel,
  emergencyContactName: Nullable(Type.String()),
  emergencyContactPhone: Nullable(Type.String()),
  identityStatus: IdentityStatus,
  mergedIntoId: Nullable(Type.String({ description: 'set once this record was merged into another patient' })),
  createdAt: Type.String({ format: 'date-time' }),
  /** Search results only: the latest past visit and the next booked one, ISO 8601 in the clinic zone. */
  lastVisit: Type.Optional(Nullable(Type.String({ description: 'search only: latest past visit, ISO 8601 in the clinic zone' }))),
  nextVisit: Type.Optional(Nullable(Type.String({ description: 'search only: next booked visit, ISO 8601 in the clinic zone' }))),
});
export type PatientOut = Static<typeof PatientOut>;

export const PatientVisitOut = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  start: Type.String({ description: 'ISO 8601 in the clinic zone' }),
  serviceName: LocalizedText,
  practitionerName: Nullable(LocalizedText),
  status: Type.String(),
});
export type PatientVisitOut = Static<typeof PatientVisitOut>;

export const PatientAssessmentSummaryOut = Type.Object({
  id: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  appointmentId: Nullable(Type.String()),
  authorName: Type.String(),
  status: Type.String(),
});
export type PatientAssessmentSummaryOut = Static<typeof PatientAssessmentSummaryOut>;

/** One visit's intake: where it stands and the consent signed through it (no answers). */
export const RecordIntakeOut = Type.Object({
  id: Type.String(),
  appointmentId: Nullable(Type.String()),
  visitStart: Nullable(Type.String({ description: 'ISO 8601 in the clinic zone' })),
  status: Type.Union([Type.Literal('in_progress'), Type.Literal('submitted')]),
  savedAt: Type.String({ format: 'date-time' }),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  consent: Nullable(Type.Object({ version: Type.String(), signedAt: Type.String({ format: 'date-time' }), current: Type.Boolean() })),
});
export type RecordIntakeOut = Static<typeof RecordIntakeOut>;

export const RecordConsentOut = Type.Object({
  id: Type.String(),
  version: Type.String(),
  language: Language,
  signedAt: Type.String({ format: 'date-time' }),
  current: Type.Boolean({ description: 'the version in force today' }),
});
export type RecordConsentOut = Static<typeof RecordConsentOut>;

/** The latest screen and the physician decision in force. */
export const RecordScreeningOut = Type.Object({
  outcome: Type.Union([Type.Literal('proceed'), Type.Literal('proceed_with_precautions'), Type.Literal('refer_before_treatment')]),
  at: Type.String({ format: 'date-time' }),
  review: Nullable(
    Type.Object({
      decision: Type.Union([Type.Literal('clear'), Type.Literal('clear_with_precautions'), Type.Literal('refer')]),
      physicianName: Type.String(),
      at: Type.String({ format: 'date-time' }),
    }),
  ),
  /** A physician referred the patient, or a referring screen waits for clearance: treatment must not start. */
  referred: Type.Boolean(),
});
export type RecordScreeningOut = Static<typeof RecordScreeningOut>;

/** A referral: a screen that referred before treatment, or a physician's 'refer' decision. */
export const RecordReferralOut = Type.Object({
  id: Type.String(),
  source: Type.Union([Type.Literal('screening'), Type.Literal('physician')]),
  at: Type.String({ format: 'date-time' }),
  physicianName: Nullable(Type.String()),
  urgency: Nullable(Type.String()),
  reason: Nullable(LocalizedText),
});
export type RecordReferralOut = Static<typeof RecordReferralOut>;

export const RecordNoteOut = Type.Object({
  id: Type.String(),
  signedAt: Type.String({ format: 'date-time' }),
  authorName: Type.String(),
  signerName: Type.String(),
  appointmentId: Type.String(),
  visitStart: Type.String({ description: 'ISO 8601 in the clinic zone' }),
  serviceName: LocalizedText,
});
export type RecordNoteOut = Static<typeof RecordNoteOut>;

export const RecordPlanOut = Type.Object({
  id: Type.String(),
  status: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  requiresCosign: Type.Boolean(),
});
export type RecordPlanOut = Static<typeof RecordPlanOut>;

export const RecordEpisodeOut = Type.Object({
  id: Type.String(),
  complaint: Type.String(),
  status: Type.String(),
  startedOn: Type.String({ description: 'YYYY-MM-DD' }),
  endedOn: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  latestScores: Type.Array(Type.Object({ instrumentId: Type.String(), score: Nullable(Type.Number()), takenOn: Type.String() })),
});
export type RecordEpisodeOut = Static<typeof RecordEpisodeOut>;

export const RecordMessageOut = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  subject: Type.String(),
  status: Type.String(),
  at: Type.String({ format: 'date-time', description: 'sent, or due' }),
});
export type RecordMessageOut = Static<typeof RecordMessageOut>;

export const DemographicField = Type.Union([
  Type.Literal('name'),
  Type.Literal('email'),
  Type.Literal('phone'),
  Type.Literal('dateOfBirth'),
  Type.Literal('sex'),
  Type.Literal('preferredLanguage'),
  Type.Literal('emergencyContactName'),
  Type.Literal('emergencyContactPhone'),
]);
export type DemographicField = Static<typeof DemographicField>;

/** One field changed on the record (from the audit log's before and after). */
export const DemographicChangeOut = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  by: Nullable(Type.String({ description: 'the staff member; null when the patient changed it through the intake' })),
  source: Type.Union([Type.Literal('staff'), Type.Literal('intake')]),
  field: DemographicField,
  before: Nullable(Type.String()),
  after: Nullable(Type.String()),
});
export type DemographicChangeOut = Static<typeof DemographicChangeOut>;

/** The latest submitted intake says something else than the record: staff accept it (a PATCH) or keep the record. */
export const IntakeSuggestionOut = Type.Object({
  field: DemographicField,
  value: Type.String(),
  intakeId: Type.String(),
  submittedAt: Type.String({ format: 'date-time' }),
});
export type IntakeSuggestionOut = Static<typeof IntakeSuggestionOut>;

/**
 * GET /api/staff/patients/:id: the record. Contacts, visits, intakes' status, consents, messages
 * and the demographics history for all staff; each clinical part only for a role that may read it,
 * and absent (not empty) otherwise.
 */
export const PatientRecordOut = Type.Object({
  patient: PatientOut,
  appointments: Type.Array(PatientVisitOut),
  upcomingAppointments: Type.Array(PatientVisitOut, { description: 'from now on, soonest first' }),
  pastAppointments: Type.Array(PatientVisitOut, { description: 'before now, newest first' }),
  assessments: Type.Array(PatientAssessmentSummaryOut),
  canSeeClinical: Type.Boolean(),
  intakes: Type.Array(RecordIntakeOut),
  consents: Type.Array(RecordConsentOut),
  messages: Type.Array(RecordMessageOut),
  changes: Type.Array(DemographicChangeOut),
  intakeSuggestions: Type.Array(IntakeSuggestionOut),
  screening: Type.Optional(Nullable(RecordScreeningOut)),
  referrals: Type.Optional(Type.Array(RecordReferralOut)),
  notes: Type.Optional(Type.Array(RecordNoteOut)),
  plans: Type.Optional(Type.Array(RecordPlanOut)),
  episodes: Type.Optional(Type.Array(RecordEpisodeOut)),
});
export type PatientRecordOut = Static<typeof PatientRecordOut>;
