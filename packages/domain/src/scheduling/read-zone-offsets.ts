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
 * The zone's offsets between fromMs and toMs, so that per-day and per-slot work can be arithmetic:
 * the first segment (from -Infinity) is the offset in force at fromMs, then one per change in
 * (fromMs, toMs]. Read from Temporal once per zone for a window a year wider than asked (one call
 * per DST change; the polyfill's search for the next change costs more than a whole availability
 * answer, and every answer asked twice), then cut from that. Zone rules do not change while the
 * process runs, so the memo holds the same answer Temporal would give.
 */
export function readZoneOffsets(timeZone: string, fromMs: number, toMs: number): OffsetSegment[] {
  let known = zoneMemo.get(timeZone);
  if (!known || fromMs < known.fromMs || toMs > known.toMs) {
    const wideFrom = Math.min(fromMs, known?.fromMs ?? fromMs) - MS_PER_YEAR;
    const wideTo = Math.max(toMs, known?.toMs ?? toMs) + MS_PER_YEAR;
    if (zoneMemo.size >= MAX_ZONES_REMEMBERED) zoneMemo.clear();
    known = { fromMs: wideFrom, toMs: wideTo, segments: readZoneOffsetsFromTemporal(timeZone, wideFrom, wideTo) };
    zoneMemo.set(timeZone, known);
  }
  const { segments } = known;
  let first = 0;
  while (first + 1 < segments.length && (segments[first + 1] as OffsetSegment).fromMs <= fromMs) first++;
  const out: OffsetSegment[] = [{ ...(segments[first] as OffsetSegment), fromMs: -Infinity }];
  for (let i = first + 1; i < segments.length && (segments[i] as OffsetSegment).fromMs <= toMs; i++) out.push(segments[i] as OffsetSegment);
  return out;
}

const MS_PER_YEAR = 366 * 86_400_000;
const MAX_ZONES_REMEMBERED = 64;
const zoneMemo = new Map<string, { fromMs: number; toMs: number; segments: OffsetSegment[] }>();

/** readZoneOffsets straight from Temporal (the memo's source, and the test's reference). */
export function readZoneOffsetsFromTemporal(timeZone: string, fromMs: number, toMs: number): OffsetSegment[] {
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
