import { Value } from '@sinclair/typebox/value';
import { VOCABULARY_ZONES } from '../knowledge/vocabulary.ts';
import type { IntakeAnswerValue } from './intake-answers.ts';
import { PainMap, type PainMapEntry, type ZoneId, type ZoneRef } from './screening-schemas.ts';

// The body chart's answers read back for screening (the server), apart from intake-answers.ts so
// that the browser's intake does not load TypeBox and the vocabulary with them.

function parseJson(value: IntakeAnswerValue | undefined): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** The pain map, or undefined when the answer is missing or not a valid map. */
export function parsePainMap(value: IntakeAnswerValue | undefined): PainMapEntry[] | undefined {
  const parsed = parseJson(value);
  return Value.Check(PainMap, parsed) ? parsed : undefined;
}

const ZONE_IDS: ReadonlySet<string> = new Set(VOCABULARY_ZONES.map((zone) => zone.id));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * A body-zones answer ([{zone, side?}]; pain-map entries are accepted too), or undefined when it is
 * missing or any entry is unreadable: screening then treats the location as unknown.
 */
export function parseZoneList(value: IntakeAnswerValue | undefined): ZoneRef[] | undefined {
  const parsed = parseJson(value);
  if (!Array.isArray(parsed)) return undefined;
  const zones: ZoneRef[] = [];
  for (const entry of parsed) {
    if (!isObject(entry) || typeof entry.zone !== 'string' || !ZONE_IDS.has(entry.zone)) return undefined;
    const side = entry.side;
    if (side !== undefined && side !== 'left' && side !== 'right') return undefined;
    zones.push(side === undefined ? { zone: entry.zone as ZoneId } : { zone: entry.zone as ZoneId, side });
  }
  return zones;
}
