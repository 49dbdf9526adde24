import { VOCABULARY_ZONES } from '../knowledge/vocabulary.ts';
import type { ConditionContext } from './evaluate-condition.ts';
import { parseZoneList } from './parse-body-answers.ts';
import { resolveAnswer } from './resolve-answer.ts';
import type { Side, ZoneId, ZoneRef, ZoneSpec } from './screening-schemas.ts';

const MIDLINE: ReadonlySet<string> = new Set(VOCABULARY_ZONES.filter((z) => z.midline).map((z) => z.id));

/** A midline zone has no side; a sided zone without a side means both sides. */
function expand(zone: ZoneId, side: Side | 'both'): ZoneRef[] {
  if (MIDLINE.has(zone)) return [{ zone }];
  return side === 'both'
    ? [
        { zone, side: 'left' },
        { zone, side: 'right' },
      ]
    : [{ zone, side }];
}

export const zoneKey = (ref: ZoneRef): string => `${ref.zone}:${ref.side ?? ''}`;

function dedupe(refs: readonly ZoneRef[]): ZoneRef[] {
  const seen = new Map<string, ZoneRef>();
  for (const ref of refs) if (!seen.has(zoneKey(ref))) seen.set(zoneKey(ref), ref);
  return [...seen.values()];
}

export interface ResolvedZones {
  zones: ZoneRef[];
  /** The rule reads the location from an answer that is missing, and has nothing to fall back on. */
  locationMissing: boolean;
}

/** The zones a contraindication concerns, for this patient (see ZoneSpec). */
export function resolveZones(spec: ZoneSpec | undefined, ctx: ConditionContext): ResolvedZones {
  if (!spec) return { zones: [], locationMissing: false };
  const answerOf = (linkId: string) => {
    const state = resolveAnswer(linkId, ctx.answers, ctx.index);
    return state.kind === 'answered' ? state.value : undefined;
  };
  const marked = spec.zonesFromAnswer ? (parseZoneList(answerOf(spec.zonesFromAnswer)) ?? []) : [];
  const fixed = [...(spec.zones ?? []), ...(marked.length === 0 ? (spec.fallbackZones ?? []) : [])];
  const answeredSide = spec.sideFromAnswer ? answerOf(spec.sideFromAnswer) : undefined;
  // An unknown side counts as both sides: screening errs towards avoiding more.
  const side: Side | 'both' = spec.side ?? (answeredSide === 'left' || answeredSide === 'right' ? answeredSide : 'both');
  const zones = dedupe([...marked.flatMap((ref) => expand(ref.zone, ref.side ?? 'both')), ...fixed.flatMap((zone) => expand(zone, side))]);
  return { zones, locationMissing: spec.zonesFromAnswer !== undefined && zones.length === 0 };
}
