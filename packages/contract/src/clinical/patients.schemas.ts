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

/** GET /api/staff/patients/:id: contacts and visits for all staff; assessments only where the role may read them. */
export const PatientRecordOut = Type.Object({
  patient: PatientOut,
  appointments: Type.Array(PatientVisitOut),
  assessments: Type.Array(PatientAssessmentSummaryOut),
  canSeeClinical: Type.Boolean(),
});
export type PatientRecordOut = Static<typeof PatientRecordOut>;
