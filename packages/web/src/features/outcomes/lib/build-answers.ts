import type { InstrumentOut, MeasurementIn } from '../api/outcomes-api.ts';

/** A PSFS row as typed: the activity in the patient's words and its rating, or none yet. */
export interface ActivityDraft {
  activity: string;
  rating: number | null;
}

/**
 * The answers a measure form sends. Every fixed item is sent, a skipped one as null: "not
 * answered" is stored as such and the missing-item rule decides whether a score can be computed
 * (score-measure.ts); it is never sent as 0. For a patient-specific scale (PSFS) each named
 * activity is a key, and rows without a name are left out.
 */
export function buildAnswers(
  instrument: InstrumentOut,
  chosen: Readonly<Record<string, number | null>>,
  activities: readonly ActivityDraft[],
): MeasurementIn['answers'] {
  if (instrument.patientSpecific) {
    return Object.fromEntries(
      activities.filter((row) => row.activity.trim() !== '').map((row) => [row.activity.trim().replace(/\s+/g, ' '), row.rating] as const),
    );
  }
  return Object.fromEntries(instrument.items.map((item) => [item.id, chosen[item.id] ?? null] as const));
}

/** The activities to re-rate: those named at the episode's first PSFS, so follow-ups compare like with like (Stratford 1995). */
export function activitiesToRerate(baselineAnswers: Readonly<Record<string, number | null>> | undefined, maxItems: number): ActivityDraft[] {
  const named = Object.keys(baselineAnswers ?? {}).map((activity) => ({ activity, rating: null }));
  return [
    ...named,
    ...Array.from({ length: Math.max(0, Math.min(maxItems, Math.max(3, named.length)) - named.length) }, () => ({ activity: '', rating: null })),
  ];
}

/** The whole-number answers a scale allows, lowest first. */
export function scaleValues(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, index) => min + index);
}
