import { formatWallClock } from './create-instant-formatter.ts';
import { MS_PER_MINUTE, type CompactAvailability, type CompactDay } from './compact-availability.ts';
import { findOffsetSegment, readZoneOffsets } from './read-zone-offsets.ts';

/**
 * Encodes open slots (sorted by start, then practitioner id, as findOpenSlots returns them) in the
 * compact form described in compact-availability.ts. Only days with slots appear.
 */
export function encodeCompactAvailability(
  slots: readonly { startEpochMs: number; practitionerId: string }[],
  timeZone: string,
  durationMinutes: number,
): CompactAvailability {
  const practitioners = [...new Set(slots.map((s) => s.practitionerId))].sort();
  const indexOf = new Map(practitioners.map((id, i) => [id, i]));
  const durationMs = durationMinutes * MS_PER_MINUTE;
  const first = slots[0];
  const last = slots.at(-1);
  const segments = first && last ? readZoneOffsets(timeZone, first.startEpochMs - MS_PER_DAY_X2, last.startEpochMs + durationMs + MS_PER_DAY_X2) : [];

  const days: CompactDay[] = [];
  let day: CompactDay | undefined;
  let dayNumber = NaN;
  let referenceMs = 0;
  let lastEndMs = 0;
  for (const slot of slots) {
    const segment = findOffsetSegment(segments, slot.startEpochMs);
    // The local day as a number (days since 1970-01-01 on the wall clock); written out only when it changes.
    const localDay = Math.floor((slot.startEpochMs + segment.offsetMs) / MS_PER_DAY);
    if (day === undefined || localDay !== dayNumber) {
      dayNumber = localDay;
      const date = formatWallClock(localDay * MS_PER_DAY).slice(0, 10);
      if (day) addShifts(day, segments, referenceMs, lastEndMs);
      const offset = segment.offsetMs / MS_PER_MINUTE;
      day = { date, offset, starts: practitioners.map(() => []) };
      days.push(day);
      referenceMs = localDay * MS_PER_DAY - offset * MS_PER_MINUTE;
    }
    (day.starts[indexOf.get(slot.practitionerId) as number] as number[]).push((slot.startEpochMs - referenceMs) / MS_PER_MINUTE);
    lastEndMs = Math.max(lastEndMs, slot.startEpochMs + durationMs);
  }
  if (day) addShifts(day, segments, referenceMs, lastEndMs);
  return { format: 'compact', version: 1, timeZone, durationMinutes, practitioners, days };
}

const MS_PER_DAY = 86_400_000;
const MS_PER_DAY_X2 = 2 * MS_PER_DAY;

/** Offset changes after the day's first slot and up to its last slot's end, in the day's minutes. */
function addShifts(day: CompactDay, segments: ReturnType<typeof readZoneOffsets>, referenceMs: number, lastEndMs: number): void {
  const firstStartMs = referenceMs + Math.min(...day.starts.map((s) => s[0] ?? Infinity)) * MS_PER_MINUTE;
  const shifts: [number, number][] = [];
  for (const segment of segments) {
    if (segment.fromMs > firstStartMs && segment.fromMs <= lastEndMs)
      shifts.push([(segment.fromMs - referenceMs) / MS_PER_MINUTE, segment.offsetMs / MS_PER_MINUTE]);
  }
  if (shifts.length > 0) day.shifts = shifts;
}
