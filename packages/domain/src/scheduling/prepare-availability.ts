import { Temporal } from 'temporal-polyfill';
import { groupExceptions, type GroupedExceptions } from './build-day-minutes.ts';
import { createInstantFormatter } from './create-instant-formatter.ts';
import { indexBusyIntervals, type BusyIndex } from './index-busy-intervals.ts';
import { listLocalDaysBetween, type LocalDay } from './list-local-days.ts';
import { readZoneOffsets } from './read-zone-offsets.ts';
import type { AvailabilityRules, InstantInput } from './scheduling-types.ts';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** The rules of a query resolved to epoch ms once, shared by the slot scan and the re-check. */
export interface PreparedAvailability {
  timeZone: string;
  stepMs: number;
  durationMs: number;
  bufferBeforeMs: number;
  bufferAfterMs: number;
  requiresRoom: boolean;
  roomIds: readonly string[];
  /** now + minimum notice: the earliest allowed slot start. */
  earliestStartMs: number;
  /** now + horizon: the latest allowed slot start (inclusive). */
  latestStartMs: number;
  /** Slot starts must lie in [rangeStartMs, rangeEndMs): the asked-for local dates. */
  rangeStartMs: number;
  rangeEndMs: number;
  /**
   * The asked-for days plus one on each side: a neighbour day's hours can hold the buffer or
   * the tail of a slot that starts just after or just before midnight.
   */
  days: readonly LocalDay[];
  exceptions: GroupedExceptions;
  busy: BusyIndex;
  formatInstant: (epochMs: number) => string;
}

/** The local dates fromDay…toDay are epoch days (epoch-days.ts). */
export function prepareAvailability(rules: AvailabilityRules, fromDay: number, toDay: number, practitionerIds: readonly string[]): PreparedAvailability {
  assertRules(rules);
  const { timeZone, service } = rules;
  const nowMs = toEpochMs(rules.now);
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a finite instant');
  const firstDay = fromDay - 1;
  const lastDay = toDay + 1;
  // Offsets from two days before the first day to three after the last: every instant of
  // those days lies in there whatever the zone's offset (at most ±14 h).
  const segments = readZoneOffsets(timeZone, (firstDay - 2) * MS_PER_DAY, (lastDay + 3) * MS_PER_DAY);
  const days = listLocalDaysBetween(firstDay, lastDay, timeZone, segments);
  const first = days[0] as LocalDay;
  const last = days[days.length - 1] as LocalDay;
  const requested = days.slice(1, -1);
  const roomIds = service.requiresRoom ? rules.rooms.map((room) => room.id) : [];
  return {
    timeZone,
    stepMs: rules.slotStepMinutes * MS_PER_MINUTE,
    durationMs: service.durationMinutes * MS_PER_MINUTE,
    bufferBeforeMs: service.bufferBeforeMinutes * MS_PER_MINUTE,
    bufferAfterMs: service.bufferAfterMinutes * MS_PER_MINUTE,
    requiresRoom: service.requiresRoom,
    roomIds,
    earliestStartMs: nowMs + rules.minNoticeMinutes * MS_PER_MINUTE,
    latestStartMs: latestStartMs(nowMs, rules.horizonDays, timeZone),
    rangeStartMs: (requested[0] as LocalDay).startMs,
    rangeEndMs: (requested[requested.length - 1] as LocalDay).endMs,
    days,
    exceptions: groupExceptions(rules.exceptions, first.date, last.date),
    busy: indexBusyIntervals(rules.busy, first.startMs, last.endMs, practitionerIds, roomIds),
    formatInstant: createInstantFormatter(segments),
  };
}

/**
 * Calendar days in the clinic's zone: 30 days ahead of 10:00 is 10:00, across DST too. When the
 * offset does not change between now and then (always, in a zone without DST) that is plain
 * arithmetic; otherwise Temporal's answer.
 */
export function latestStartMs(nowMs: number, horizonDays: number, timeZone: string): number {
  const sameOffset = nowMs + horizonDays * MS_PER_DAY;
  if (readZoneOffsets(timeZone, nowMs - MS_PER_DAY, sameOffset + MS_PER_DAY).length === 1) return sameOffset;
  return Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(timeZone).add({ days: horizonDays }).epochMilliseconds;
}

export function toEpochMs(instant: InstantInput): number {
  return typeof instant === 'number' ? instant : Temporal.Instant.from(instant).epochMilliseconds;
}

/** Bad numbers here are programming errors (the route schema rejects them); a zero step would loop forever. */
function assertRules(rules: AvailabilityRules): void {
  const { service } = rules;
  const positive = { slotStepMinutes: rules.slotStepMinutes, durationMinutes: service.durationMinutes };
  const nonNegative = {
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    minNoticeMinutes: rules.minNoticeMinutes,
    horizonDays: rules.horizonDays,
  };
  for (const [name, value] of Object.entries(positive)) {
    if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer`);
  }
  for (const [name, value] of Object.entries(nonNegative)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
  }
}
