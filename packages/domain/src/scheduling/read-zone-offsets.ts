import { Temporal } from 'temporal-polyfill';

/** A stretch of time over which the zone's UTC offset stays the same. */
export interface OffsetSegment {
  /** First instant of the stretch (-Infinity for the first one). */
  fromMs: number;
  offsetMs: number;
  /** '+04:00', '-05:00' as ISO 8601 writes it. */
  offset: string;
}

/**
 * The zone's offsets between fromMs and toMs, read from Temporal once per query (one call
 * per DST change), so that per-day and per-slot work can be arithmetic.
 */
export function readZoneOffsets(timeZone: string, fromMs: number, toMs: number): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  let zoned: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(timeZone);
  while (zoned !== null && (segments.length === 0 || zoned.epochMilliseconds <= toMs)) {
    segments.push({
      fromMs: segments.length === 0 ? -Infinity : zoned.epochMilliseconds,
      offsetMs: zoned.offsetNanoseconds / 1_000_000,
      offset: zoned.offset,
    });
    zoned = zoned.getTimeZoneTransition('next');
  }
  return segments;
}

/** The segment in force at epochMs (segments are few: a linear scan from the end is fastest). */
export function findOffsetSegment(segments: readonly OffsetSegment[], epochMs: number): OffsetSegment {
  for (let i = segments.length - 1; i > 0; i--) {
    const segment = segments[i] as OffsetSegment;
    if (segment.fromMs <= epochMs) return segment;
  }
  return segments[0] as OffsetSegment;
}

/** True when the zone changes offset anywhere in [fromMs, toMs]. */
export function hasTransitionWithin(segments: readonly OffsetSegment[], fromMs: number, toMs: number): boolean {
  for (let i = 1; i < segments.length; i++) {
    const at = (segments[i] as OffsetSegment).fromMs;
    if (at >= fromMs && at <= toMs) return true;
  }
  return false;
}
