import type { Instrument } from './instrument-schemas.ts';
import { scoreMeasure, type MeasureAnswers } from './score-measure.ts';

/**
 * Whether a change between two scores matters. "Meaningful" only when the change is at least
 * the MCID AND at least the MDC (clinical reference §4 implementation notes): a change smaller
 * than the MDC may be measurement noise even if it passes the MCID. Where an instrument has no
 * established MCID, no change is called meaningful.
 */
export type ChangeDirection = 'improved' | 'worsened' | 'no_meaningful_change' | 'no_threshold';

export interface ChangeClassification {
  /** Follow-up minus baseline, in the instrument's units. */
  change: number;
  /** The change in the direction of getting better (positive = better), whatever the scale's direction. */
  improvement: number;
  /** max(MCID, MDC); null when the instrument has no MCID. */
  threshold: number | null;
  direction: ChangeDirection;
}

// Scores are means and percentages: compare with a tolerance so 2.0000000001 is not "below 2".
const EPSILON = 1e-9;

export function meaningfulThreshold(instrument: Instrument): number | null {
  if (!instrument.mcid) return null;
  return Math.max(instrument.mcid.value, instrument.mdc?.value ?? 0);
}

export function classifyChange(instrument: Instrument, baseline: number, followUp: number): ChangeClassification {
  const change = followUp - baseline;
  const improvement = instrument.higherIsBetter ? change : -change;
  const threshold = meaningfulThreshold(instrument);
  const direction: ChangeDirection =
    threshold === null
      ? 'no_threshold'
      : improvement >= threshold - EPSILON
        ? 'improved'
        : improvement <= -threshold + EPSILON
          ? 'worsened'
          : 'no_meaningful_change';
  return { change, improvement, threshold, direction };
}

/**
 * A patient-specific scale (PSFS) is compared over the activities rated at both times only:
 * re-rating the same activities is the method (Stratford 1995), and an activity dropped or added
 * later would change the mean without any change in the patient.
 */
export function comparePatientSpecific(
  instrument: Instrument,
  baseline: MeasureAnswers,
  followUp: MeasureAnswers,
): (ChangeClassification & { activities: readonly string[] }) | undefined {
  const shared = Object.keys(baseline).filter((id) => typeof baseline[id] === 'number' && typeof followUp[id] === 'number');
  const pick = (answers: MeasureAnswers) => Object.fromEntries(shared.map((id) => [id, answers[id]]));
  const before = scoreMeasure(instrument, pick(baseline));
  const after = scoreMeasure(instrument, pick(followUp));
  if (before.status !== 'scored' || after.status !== 'scored') return undefined;
  return { ...classifyChange(instrument, before.score, after.score), activities: shared };
}

/** A global rating of change is itself the answer to "did it get better": no baseline. */
export function isGlobalResponder(instrument: Instrument, score: number): boolean {
  return instrument.responderAnswer !== undefined && score >= instrument.responderAnswer.value;
}
