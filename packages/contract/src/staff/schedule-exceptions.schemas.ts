import { Type, type Static } from '@sinclair/typebox';
import { WallTime } from './catalog-admin.schemas.ts';
import { LocalDate } from './calendar.schemas.ts';

/** A closure (whole days, or hours within them) or extra hours, for one practitioner or the whole clinic (null). */
const ExceptionKind = Type.Union([Type.Literal('closed'), Type.Literal('extra_hours')]);

export const ScheduleExceptionIn = Type.Object(
  {
    practitionerId: Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()]),
    kind: ExceptionKind,
    dateFrom: LocalDate,
    dateTo: LocalDate,
    start: Type.Optional(WallTime),
    end: Type.Optional(WallTime),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ScheduleExceptionIn = Static<typeof ScheduleExceptionIn>;

/** The saved exception: its id and what was sent. */
export const ScheduleExceptionCreated = Type.Object({
  id: Type.String(),
  practitionerId: Type.Union([Type.String(), Type.Null()]),
  kind: ExceptionKind,
  dateFrom: Type.String(),
  dateTo: Type.String(),
  start: Type.Optional(Type.String()),
  end: Type.Optional(Type.String()),
  note: Type.Optional(Type.String()),
});
export type ScheduleExceptionCreated = Static<typeof ScheduleExceptionCreated>;

export const ScheduleException = Type.Object({
  id: Type.String(),
  practitionerId: Type.Union([Type.String(), Type.Null()]),
  kind: ExceptionKind,
  dateFrom: Type.String(),
  dateTo: Type.String(),
  start: Type.Union([Type.String(), Type.Null()]),
  end: Type.Union([Type.String(), Type.Null()]),
  note: Type.String(),
});
export type ScheduleException = Static<typeof ScheduleException>;

export const ExceptionIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export const DeletedOut = Type.Object({ deleted: Type.Literal(true) });
export type DeletedOut = Static<typeof DeletedOut>;
