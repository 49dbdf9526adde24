import { Type, type Static } from '@sinclair/typebox';

export const SuspiciousBookingParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

/** An online booking the abuse rule flagged, awaiting reception's decision. */
export const SuspiciousBooking = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  start: Type.String(),
  /** The service's English name. */
  serviceName: Type.String(),
  /** The practitioner's English name ('' when none). */
  practitionerName: Type.String(),
  patientName: Type.String(),
  contact: Type.String(),
  bookedFromIp: Type.String(),
  reason: Type.String(),
  bookedAt: Type.String(),
});
export type SuspiciousBooking = Static<typeof SuspiciousBooking>;

export const ReleasedOut = Type.Object({ id: Type.String(), status: Type.Literal('cancelled') });
export type ReleasedOut = Static<typeof ReleasedOut>;
export const KeptOut = Type.Object({ id: Type.String(), kept: Type.Literal(true) });
export type KeptOut = Static<typeof KeptOut>;
