import { Type, type Static } from '@sinclair/typebox';

const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: "a date in the clinic's zone, YYYY-MM-DD" });

/** Public contract: from..to inclusive, at most 92 days. */
export const AvailabilityQuery = Type.Object({
  serviceId: Type.String({ minLength: 1, maxLength: 100 }),
  from: LocalDate,
  to: LocalDate,
  practitionerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});
export type AvailabilityQuery = Static<typeof AvailabilityQuery>;

export const Slot = Type.Object({ start: Type.String(), end: Type.String(), practitionerId: Type.String() });
export type Slot = Static<typeof Slot>;

/** Open slots sorted by start, times with the clinic's offset. */
export const AvailabilityOut = Type.Object({ timeZone: Type.String(), slots: Type.Array(Slot) });
export type AvailabilityOut = Static<typeof AvailabilityOut>;
