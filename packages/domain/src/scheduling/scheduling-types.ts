/**
 * Input and output shapes of the availability engine (find-open-slots.ts) and of the
 * booking re-check (check-requested-slot.ts). Plain data only: the caller loads it from the
 * stores, filters practitioners and rooms to those able to do the service, and passes the
 * clock in as `now`.
 */

/** 'YYYY-MM-DD', a calendar date in the clinic's time zone. */
export type LocalDate = string;

/** 'HH:MM' on a 24-hour wall clock. '24:00' is accepted as an end: midnight closing the day. */
export type WallTime = string;

/** ISO weekday, as Temporal's dayOfWeek: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** An instant as epoch milliseconds, or an ISO string with an offset or 'Z'. */
export type InstantInput = number | string;

/** A recurring wall-clock interval, [start, end) on every `weekday`. */
export interface WeeklyInterval {
  weekday: IsoWeekday;
  start: WallTime;
  end: WallTime;
}

export interface PractitionerSchedule {
  id: string;
  weeklyHours: readonly WeeklyInterval[];
  breaks: readonly WeeklyInterval[];
}

export type ScheduleExceptionKind = 'closed' | 'extra_hours';

/**
 * A dated change to working time, on every date from dateFrom to dateTo inclusive.
 * practitionerId null applies to the whole clinic (a public holiday, an extra opening).
 * A missing start means 00:00 and a missing end means 24:00, so 'closed' with no times
 * closes whole days and with times closes that part of each day.
 */
export interface ScheduleException {
  practitionerId: string | null;
  kind: ScheduleExceptionKind;
  dateFrom: LocalDate;
  dateTo: LocalDate;
  start?: WallTime | undefined;
  end?: WallTime | undefined;
}

export interface ServiceRequirements {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  requiresRoom: boolean;
}

export interface RoomRef {
  id: string;
}

/**
 * An existing appointment, block or hold. start/end are the OCCUPIED interval in epoch ms,
 * already including that appointment's own buffers, half-open [start, end).
 */
export interface BusyInterval {
  practitionerId?: string | undefined;
  roomId?: string | undefined;
  start: number;
  end: number;
}

/** Everything the rules need except the date range. */
export interface AvailabilityRules {
  /** IANA zone of the clinic, e.g. 'Asia/Dubai'. */
  timeZone: string;
  now: InstantInput;
  /** No slot may start earlier than now + minNoticeMinutes. */
  minNoticeMinutes: number;
  /** No slot may start later than now + horizonDays calendar days in the clinic's zone. */
  horizonDays: number;
  /** Slots start every slotStepMinutes from the start of each working interval. */
  slotStepMinutes: number;
  service: ServiceRequirements;
  practitioners: readonly PractitionerSchedule[];
  exceptions: readonly ScheduleException[];
  /** Rooms able to host the service, in order of preference. */
  rooms: readonly RoomRef[];
  busy: readonly BusyInterval[];
}

export interface AvailabilityQuery extends AvailabilityRules {
  /** First local date whose slots are wanted. */
  fromDate: LocalDate;
  /** Last local date whose slots are wanted (inclusive). */
  toDate: LocalDate;
}

/**
 * An open slot. start/end bound the visit itself (buffers excluded), as ISO strings with the
 * clinic's offset at that instant, e.g. '2026-12-01T09:30:00+04:00'.
 */
export interface Slot {
  start: string;
  end: string;
  practitionerId: string;
  /** Present only when the service requires a room: the first free room in the given order. */
  roomId?: string;
  startEpochMs: number;
  endEpochMs: number;
}

export type SlotRejection =
  'unknown_practitioner' | 'too_soon' | 'beyond_horizon' | 'outside_working_hours' | 'off_grid' | 'practitioner_busy' | 'no_room_free';

export type SlotCheck = { ok: true; slot: Slot } | { ok: false; reason: SlotRejection };
