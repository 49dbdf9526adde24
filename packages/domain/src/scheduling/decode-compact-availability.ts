import { formatWallClock } from './create-instant-formatter.ts';
import { epochDayOf, formatOffset, MS_PER_MINUTE, offsetAtMinute, type CompactAvailability, type DecodedSlot } from './compact-availability.ts';

/**
 * The documented form's slots from the compact form, sorted by start and then practitioner id,
 * exactly as GET /api/availability sends them: the same instants, written with the offset in force
 * at each start and end. Plain arithmetic (no time-zone database), so the web app can run it.
 */
export function decodeCompactAvailability(compact: CompactAvailability): { timeZone: string; slots: DecodedSlot[] } {
  const slots: DecodedSlot[] = [];
  for (const day of compact.days) {
    const referenceMs = epochDayOf(day.date) * 86_400_000 - day.offset * MS_PER_MINUTE;
    const write = (minute: number) => {
      const offset = offsetAtMinute(day, minute);
      return formatWallClock(referenceMs + (minute + offset) * MS_PER_MINUTE) + formatOffset(offset);
    };
    const daySlots: { minute: number; index: number }[] = [];
    day.starts.forEach((minutes, index) => {
      for (const minute of minutes) daySlots.push({ minute, index });
    });
    daySlots.sort((a, b) => a.minute - b.minute || a.index - b.index);
    for (const { minute, index } of daySlots) {
      slots.push({ start: write(minute), end: write(minute + compact.durationMinutes), practitionerId: compact.practitioners[index] ?? '' });
    }
  }
  return { timeZone: compact.timeZone, slots };
}
