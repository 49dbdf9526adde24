import { Type, type Static } from '@sinclair/typebox';
import { BookingOut, IsoWithOffset, PatientIn } from '../bookings/bookings.schemas.ts';

/** A local calendar date in the clinic's zone, 'YYYY-MM-DD' (the server also refuses 2026-02-30). */
export const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: "a date in the clinic's zone, YYYY-MM-DD" });

export const AppointmentIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const CalendarQuery = Type.Object({
  from: LocalDate,
  to: LocalDate,
  practitionerId: Type.Optional(Type.String({ maxLength: 100 })),
  roomId: Type.Optional(Type.String({ maxLength: 100 })),
});
export type CalendarQuery = Static<typeof CalendarQuery>;

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const CalendarEventKind = Type.Union([Type.Literal('visit'), Type.Literal('block'), Type.Literal('hold')]);
export type CalendarEventKind = Static<typeof CalendarEventKind>;

/**
 * What reception and the therapist must see at a glance on a visit: is the patient new, is the
 * intake and consent done, what did screening say, is a plan waiting for co-signature, is an
 * aftercare alert open. Deliberately flags, not clinical detail: the calendar is read by roles
 * that may not read the medical history (permission calendar.read), and the flag is what tells
 * them to stop and ask a clinician.
 */
export const CalendarPatientState = Type.Object({
  /** No earlier visit with the clinic that was attended or is still booked before this one. */
  newPatient: Type.Boolean(),
  intake: Type.Union([Type.Literal('not_started'), Type.Literal('in_progress'), Type.Literal('submitted')]),
  consentSigned: Type.Boolean(),
  /**
   * The latest screening and physician review together: 'refer' (screening refers or a physician
   * referred, and no physician has since cleared), 'precautions', 'cleared_by_physician', 'clear',
   * or 'not_screened'.
   */
  screening: Type.Union([
    Type.Literal('not_screened'),
    Type.Literal('clear'),
    Type.Literal('precautions'),
    Type.Literal('refer'),
    Type.Literal('cleared_by_physician'),
  ]),
  /** A treatment plan for this patient is waiting for a physician's co-signature. */
  planCosignPending: Type.Boolean(),
  /** An aftercare check-in raised an alert that no one has dealt with yet. */
  aftercareAlert: Type.Boolean(),
});
export type CalendarPatientState = Static<typeof CalendarPatientState>;

/** One visit, staff block or waitlist hold on the calendar. */
export const CalendarEvent = Type.Object({
  id: Type.String(),
  kind: CalendarEventKind,
  status: Type.String(),
  reference: Nullable(Type.String()),
  start: Type.String(),
  end: Type.String(),
  practitionerId: Nullable(Type.String()),
  roomId: Nullable(Type.String()),
  serviceId: Nullable(Type.String()),
  /** The service's English name (the calendar's short label). */
  serviceName: Nullable(Type.String()),
  patientId: Nullable(Type.String()),
  patientName: Nullable(Type.String()),
  note: Type.String(),
  source: Type.String(),
  holdExpiresAt: Nullable(Type.String()),
  /** Visits only (null on blocks and holds): the patient's state at a glance. */
  patientState: Type.Union([CalendarPatientState, Type.Null()]),
});
export type CalendarEvent = Static<typeof CalendarEvent>;

export const CalendarOut = Type.Object({ timeZone: Type.String(), events: Type.Array(CalendarEvent) });
export type CalendarOut = Static<typeof CalendarOut>;

export const NewAppointmentIn = Type.Object(
  {
    serviceId: Type.String({ minLength: 1, maxLength: 100 }),
    practitionerId: Type.String({ minLength: 1, maxLength: 100 }),
    roomId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    start: IsoWithOffset,
    /** An existing patient, or `patient` to find or create one by contact. */
    patientId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    patient: Type.Optional(PatientIn),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type NewAppointmentIn = Static<typeof NewAppointmentIn>;

export const MoveAppointmentIn = Type.Object(
  {
    start: IsoWithOffset,
    /** Blocks only: a visit keeps its service's length. */
    end: Type.Optional(IsoWithOffset),
    practitionerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    roomId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
    /**
     * Visits only: send the patient a "your visit moved" message (default true, as before). Staff
     * are asked first; an undo moves the visit back with false, so a slip costs the patient nothing.
     */
    notifyPatient: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type MoveAppointmentIn = Static<typeof MoveAppointmentIn>;

export const CancelAppointmentIn = Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }));

/** A created, moved or cancelled appointment (the public booking shape, without the manage token). */
export const AppointmentOut = BookingOut;
export type AppointmentOut = Static<typeof AppointmentOut>;

export const NewBlockIn = Type.Object(
  {
    practitionerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    roomId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    start: IsoWithOffset,
    end: IsoWithOffset,
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type NewBlockIn = Static<typeof NewBlockIn>;

export const BlockOut = Type.Object({
  id: Type.String(),
  kind: Type.Literal('block'),
  start: Type.String(),
  end: Type.String(),
  practitionerId: Nullable(Type.String()),
  roomId: Nullable(Type.String()),
  note: Type.String(),
});
export type BlockOut = Static<typeof BlockOut>;
