import { Type, type Static } from '@sinclair/typebox';
import { LocalizedText } from '../common/localized-text.schemas.ts';
import { NonBlankText } from '../common/text.schemas.ts';

export const IsoWithOffset = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
  description: 'ISO 8601 with an explicit offset, e.g. 2026-12-01T09:30:00+04:00',
});

export const PatientIn = Type.Object(
  {
    name: NonBlankText({ maxLength: 200 }),
    email: Type.String({ format: 'email', maxLength: 254 }),
    phone: Type.Optional(Type.String({ minLength: 5, maxLength: 30, pattern: '^[+0-9 ()-]+$' })),
    preferredLanguage: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ar')])),
  },
  { additionalProperties: false },
);
export type PatientIn = Static<typeof PatientIn>;

export const BookingIn = Type.Object(
  {
    serviceId: Type.String({ minLength: 1, maxLength: 100 }),
    practitionerId: Type.String({ minLength: 1, maxLength: 100 }),
    start: IsoWithOffset,
    patient: PatientIn,
  },
  { additionalProperties: false },
);

export const BookingOut = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  status: Type.String(),
  start: Type.String(),
  end: Type.String(),
  serviceId: Type.String(),
  practitionerId: Type.String(),
  roomId: Type.Union([Type.String(), Type.Null()]),
  manageToken: Type.Optional(Type.String()),
});
export type BookingOut = Static<typeof BookingOut>;

export const BookingDetailOut = Type.Composite([
  BookingOut,
  Type.Object({
    serviceName: LocalizedText,
    practitionerName: LocalizedText,
    patientName: Type.String(),
    canChange: Type.Boolean(),
    changeDeadline: Type.String(),
  }),
]);
export type BookingDetailOut = Static<typeof BookingDetailOut>;

export const ManageParams = Type.Object({ reference: Type.String({ minLength: 1, maxLength: 40 }) });
export const ManageQuery = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });

/** A booking's "add to calendar" file: iCalendar text, not JSON. */
export const BookingCalendarOut = {
  content: { 'text/calendar': { schema: Type.String({ description: 'an iCalendar (RFC 5545) document with one VEVENT' }) } },
};
export type BookingIn = Static<typeof BookingIn>;

export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) });

export const RescheduleIn = Type.Object(
  { start: IsoWithOffset, practitionerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
  { additionalProperties: false },
);
export type RescheduleIn = Static<typeof RescheduleIn>;
