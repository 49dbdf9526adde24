import type { Instrument } from './instrument-schemas.ts';

/**
 * Scores one completed measure from its raw item answers, following the instrument's scoring
 * block (knowledge-base/outcomes/instruments.json). An unanswered item is `null` or absent,
 * never 0: "not measured" must not become a score. What is stored beside the score says which
 * items were missing and how they were handled, so a figure can always be traced to its answers.
 *
 * Worked examples (each is a test):
 * - QuickDASH, 10 of 11 items answered summing 30: ((30 / 10) − 1) × 25 = 50; two missing: not computable.
 * - ODI, 9 of 10 sections answered summing 18: 18 / (5 × 9) × 100 = 40 (the "divide by 45" rule).
 * - PSFS, activities rated 3, 4 and 8: mean 5.
 */
export type MeasureAnswers = Readonly<Record<string, number | null | undefined>>;

export type MissingHandling = 'complete' | 'prorated';

export type MeasureScore =
  | { status: 'scored'; score: number; answered: number; missing: readonly string[]; missingHandling: MissingHandling }
  | { status: 'not_computable'; reason: 'too_many_missing' | 'too_few_activities' | 'too_many_activities'; answered: number; missing: readonly string[] }
  | { status: 'invalid'; invalid: readonly string[] };

interface ItemRange {
  id: string;
  min: number;
  max: number;
}

/** The items this answer set is scored over: the instrument's own, or the patient's named activities. */
function itemsFor(instrument: Instrument, answers: MeasureAnswers): ItemRange[] {
  const specific = instrument.patientSpecific;
  if (!specific) return instrument.items.map(({ id, min, max }) => ({ id, min, max }));
  return Object.keys(answers).map((id) => ({ id, min: specific.min, max: specific.max }));
}

export function scoreMeasure(instrument: Instrument, answers: MeasureAnswers): MeasureScore {
  const items = itemsFor(instrument, answers);
  const known = new Set(items.map((item) => item.id));
  const invalid = [
    ...Object.keys(answers).filter((id) => !known.has(id)),
    ...items
      .filter(({ id, min, max }) => {
        const value = answers[id];
        return value !== null && value !== undefined && (!Number.isInteger(value) || value < min || value > max);
      })
      .map((item) => item.id),
  ];
  if (invalid.length > 0) return { status: 'invalid', invalid };

  const answered = items.filter((item) => typeof answers[item.id] === 'number');
  const missing = items.filter((item) => typeof answers[item.id] !== 'number').map((item) => item.id);
  const values = answered.map((item) => answers[item.id] as number);

  const specific = instrument.patientSpecific;
  if (specific) {
    if (values.length < specific.minItems) return { status: 'not_computable', reason: 'too_few_activities', answered: values.length, missing };
    if (values.length > specific.maxItems) return { status: 'not_computable', reason: 'too_many_activities', answered: values.length, missing };
  }
  if (missing.length > instrument.scoring.maxMissing || values.length === 0) {
    return { status: 'not_computable', reason: 'too_many_missing', answered: values.length, missing };
  }

  const sum = values.reduce((total, value) => total + value, 0);
  const itemMax = Math.max(...answered.map((item) => item.max));
  const score = ((): number => {
    switch (instrument.scoring.method) {
      case 'single':
        return values[0] as number;
      case 'sum':
        return sum;
      case 'mean':
        return sum / values.length;
      case 'percent_of_answered':
        return (sum / (itemMax * values.length)) * 100;
      case 'quickdash':
        return (sum / values.length - 1) * 25;
    }
  })();
  return { status: 'scored', score, answered: values.length, missing, missingHandling: missing.length === 0 ? 'complete' : 'prorated' };
}
