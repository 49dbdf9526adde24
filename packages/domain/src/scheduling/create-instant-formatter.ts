import { Temporal } from 'temporal-polyfill';

const MS_PER_DAY = 86_400_000;

interface OffsetSegment {
  fromMs: number;
  offsetMs: number;
  offset: string;
}

/**
 * Returns a function that renders an instant as '2026-12-01T09:30:00+04:00' in `timeZone`.
 * The zone's offsets between fromMs and toMs are read from Temporal once (one segment per
 * DST period), so formatting thousands of slots costs arithmetic, not Temporal objects.
 * Instants outside [fromMs, toMs] still format, with the nearest segment's offset.
 */
export function createInstantFormatter(
  timeZone: string,
  fromMs: number,
  toMs: number,
): (epochMs: number) => string {
  const segments: OffsetSegment[] = [];
  let zoned: Temporal.ZonedDateTime | null =
    Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(timeZone);
  while (zoned !== null && (segments.length === 0 || zoned.epochMilliseconds <= toMs)) {
    segments.push({
      fromMs: segments.length === 0 ? -Infinity : zoned.epochMilliseconds,
      offsetMs: zoned.offsetNanoseconds / 1_000_000,
      offset: zoned.offset,
    });
    zoned = zoned.getTimeZoneTransition('next');
  }
  return (epochMs) => {
    let segment = segments[0] as OffsetSegment;
    for (let i = segments.length - 1; i > 0; i--) {
      const candidate = segments[i] as OffsetSegment;
      if (candidate.fromMs <= epochMs) {
        segment = candidate;
        break;
      }
    }
    return formatWallClock(epochMs + segment.offsetMs) + segment.offset;
  };
}

/**
 * Milliseconds since 1970-01-01T00:00 of a wall clock → 'YYYY-MM-DDTHH:MM:SS'.
 * Date from day number by Howard Hinnant's days_from_civil inverse
 * (https://howardhinnant.github.io/date_algorithms.html#civil_from_days): shift the epoch to
 * 0000-03-01 so leap days fall at the end of each 400-year era's years.
 */
export function formatWallClock(wallMs: number): string {
  const dayNumber = Math.floor(wallMs / MS_PER_DAY);
  const msOfDay = wallMs - dayNumber * MS_PER_DAY;
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) /
      365,
  );
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
