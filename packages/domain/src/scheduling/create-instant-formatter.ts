import { findOffsetSegment, type OffsetSegment } from './read-zone-offsets.ts';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/**
 * Returns a function that renders an instant as '2026-12-01T09:30:00+04:00', using the
 * zone's offsets read once by readZoneOffsets. Slots come in runs on the same few days, so
 * the date text is built once per day and the time text comes from a table of the day's
 * minutes: formatting thousands of slots costs a lookup and a concatenation each.
 */
export function createInstantFormatter(segments: readonly OffsetSegment[]): (epochMs: number) => string {
  const dateTexts = new Map<number, string>();
  return (epochMs) => {
    const segment = findOffsetSegment(segments, epochMs);
    const wallMs = epochMs + segment.offsetMs;
    const dayNumber = Math.floor(wallMs / MS_PER_DAY);
    const msOfDay = wallMs - dayNumber * MS_PER_DAY;
    if (msOfDay % MS_PER_MINUTE !== 0) return formatWallClock(wallMs) + segment.offset;
    let dateText = dateTexts.get(dayNumber);
    if (dateText === undefined) {
      dateText = formatWallClock(dayNumber * MS_PER_DAY).slice(0, 11);
      dateTexts.set(dayNumber, dateText);
    }
    minuteTexts ??= Array.from({ length: 1440 }, (_, m) => `${pad(Math.floor(m / 60), 2)}:${pad(m % 60, 2)}:00`);
    return dateText + (minuteTexts[msOfDay / MS_PER_MINUTE] as string) + segment.offset;
  };
}

/**
 * Milliseconds since 1970-01-01T00:00 of a wall clock → 'YYYY-MM-DDTHH:MM:SS'.
 * Date from day number by Howard Hinnant's civil_from_days
 * (https://howardhinnant.github.io/date_algorithms.html#civil_from_days): shift the epoch to
 * 0000-03-01 so that each leap day falls at the end of a year of the 400-year era.
 */
export function formatWallClock(wallMs: number): string {
  const dayNumber = Math.floor(wallMs / MS_PER_DAY);
  const msOfDay = wallMs - dayNumber * MS_PER_DAY;
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const seconds = Math.floor(msOfDay / 1000);
  return (
    `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` +
    `T${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}`
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** 'HH:MM:00' for each minute of the day, made on first use (the browser loads this module for other functions). */
let minuteTexts: readonly string[] | undefined;
