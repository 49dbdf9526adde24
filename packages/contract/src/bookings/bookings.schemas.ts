import { Type } from '@sinclair/typebox';
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

const Names = Type.Object({ en: Type.String(), ar: Type.String() });

export const BookingDetailOut = Type.Composite([
  BookingOut,
  Type.Object({
    serviceName: Names,
    practitionerName: Names,
    patientName: Type.String(),
    canChange: Type.Boolean(),
    changeDeadline: Type.String(),
  }),
]);

export const ManageParams = Type.Object({ reference: Type.String({ minLength: 1, maxLength: 40 }) });
export const ManageQuery = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });
