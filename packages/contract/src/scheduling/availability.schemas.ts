import { Type, type Static } from '@sinclair/typebox';

const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: "a date in the clinic's zone, YYYY-MM-DD" });

/** Public contract: from..to inclusive, at most 92 days. */
export const AvailabilityQuery = Type.Object({
  serviceId: Type.String({ minLength: 1, maxLength: 100 }),
  from: LocalDate,
  to: LocalDate,
  practitionerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  /** Added in issue 13: `compact` answers with AvailabilityCompactOut; absent or `full` keeps the documented form. */
  format: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('compact')])),
});
export type AvailabilityQuery = Static<typeof AvailabilityQuery>;

export const Slot = Type.Object({ start: Type.String(), end: Type.String(), practitionerId: Type.String() });
export type Slot = Static<typeof Slot>;

/** Open slots sorted by start, times with the clinic's offset. */
export const AvailabilityOut = Type.Object({ timeZone: Type.String(), slots: Type.Array(Slot) });
export type AvailabilityOut = Static<typeof AvailabilityOut>;

/**
 * The compact form (`format=compact`, docs/api-availability.md): slots grouped by the clinic-local
 * day of their start, each a minute on that day's clock under its practitioner's index, the visit
 * length once. `decodeCompactAvailability` (@myomap/domain/scheduling/decode-compact-availability)
 * turns it back into AvailabilityOut's slots exactly. A change that old decoders cannot read gets
 * a new `version`.
 */
export const AvailabilityCompactDay = Type.Object({
  date: LocalDate,
  offset: Type.Integer({ description: "the UTC offset in minutes of the day's first slot; minute m is Date.UTC(date) + (m - offset) minutes" }),
  starts: Type.Array(Type.Array(Type.Integer()), { description: 'starts[i]: the start minutes, ascending, of practitioners[i]' }),
  shifts: Type.Optional(
    Type.Array(Type.Tuple([Type.Integer(), Type.Integer()]), {
      description: '[minute, offset]: from that minute on the UTC offset is `offset` (DST change days only)',
    }),
  ),
});

export const AvailabilityCompactOut = Type.Object({
  format: Type.Literal('compact'),
  version: Type.Literal(1),
  timeZone: Type.String(),
  durationMinutes: Type.Integer({ minimum: 1 }),
  practitioners: Type.Array(Type.String(), { description: 'practitioner ids in id order; equal starts are listed in this order' }),
  days: Type.Array(AvailabilityCompactDay),
});
export type AvailabilityCompactOut = Static<typeof AvailabilityCompactOut>;
