import { Type, type Static } from '@sinclair/typebox';
import { BookingOut, PatientIn } from '../bookings/bookings.schemas.ts';

const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: "a date in the clinic's zone, YYYY-MM-DD" });

export const JoinWaitlistIn = Type.Object(
  {
    serviceId: Type.String({ minLength: 1, maxLength: 100 }),
    practitionerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    dateFrom: LocalDate,
    dateTo: LocalDate,
    patient: PatientIn,
  },
  { additionalProperties: false },
);
export type JoinWaitlistIn = Static<typeof JoinWaitlistIn>;

export const WaitlistEntryOut = Type.Object({
  id: Type.String(),
  status: Type.Literal('waiting'),
  serviceId: Type.String(),
  practitionerId: Type.Union([Type.String(), Type.Null()]),
  dateFrom: Type.String(),
  dateTo: Type.String(),
  /** The key to the entry's offers, shown once. */
  manageToken: Type.String(),
});
export type WaitlistEntryOut = Static<typeof WaitlistEntryOut>;

export const OfferParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });

/** A held slot offered to the waitlist: open ('offered') until holdExpiresAt. */
export const WaitlistOfferOut = Type.Composite([
  Type.Omit(BookingOut, ['status']),
  Type.Object({ status: Type.Union([Type.Literal('offered'), Type.Literal('expired')]), holdExpiresAt: Type.Union([Type.String(), Type.Null()]) }),
]);
export type WaitlistOfferOut = Static<typeof WaitlistOfferOut>;

export const DeclinedOut = Type.Object({ declined: Type.Literal(true) });
export type DeclinedOut = Static<typeof DeclinedOut>;
