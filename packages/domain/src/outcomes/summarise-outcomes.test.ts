import { describe, expect, it } from 'vitest';
import { addDays } from './clinic-dates.ts';
import { INSTRUMENTS } from './load-instruments.ts';
import { summariseOutcomes, visitBand, type EpisodeOutcome } from './summarise-outcomes.ts';

/**
 * A hand-computed fixture: ten episodes started in the period and one before it.
 *   responders     e1 (NPRS 7→3), e3 (8→4), e8 (LEFS 30→50), e10 (6→4)          4
 *   non-responders e2 (6→5), e9 (5→6, worse)                                     2
 *   no follow-up   e4 (discharged with a baseline only)                          1
 *   dropped out    e5 (7→4: improved, yet not credited), e6                      2
 *   in care        e7 (LEFS 40→45)                                               1
 * Success rate 4/10 = 40%, Wilson 95% 16.8%–68.7%.
 */
const START = '2026-07-01';
function episode(
  id: string,
  fields: Partial<EpisodeOutcome> & { scores?: [number, number?]; instrumentId?: string; meaningfulAfter?: number },
): EpisodeOutcome {
  const { scores, instrumentId = 'nprs', meaningfulAfter, ...rest } = fields;
  const startedOn = rest.startedOn ?? START;
  return {
    id,
    startedOn,
    status: 'discharged',
    region: 'cervical',
    complaint: 'neck pain',
    practitionerId: 'prac-amira',
    visits: 4,
    ...rest,
    primary: {
      instrumentId,
      baseline: scores ? { on: startedOn, score: scores[0] } : undefined,
      latest: scores?.[1] === undefined ? undefined : { on: addDays(startedOn, 42), score: scores[1] },
      firstMeaningfulOn: meaningfulAfter === undefined ? undefined : addDays(startedOn, meaningfulAfter),
    },
  };
}

const episodes: EpisodeOutcome[] = [
  episode('e1', { scores: [7, 3], visits: 6, meaningfulAfter: 21 }),
  episode('e2', { scores: [6, 5], visits: 4 }),
  episode('e3', { scores: [8, 4], region: 'lumbar', complaint: 'low back pain', practitionerId: 'prac-omar', visits: 8, meaningfulAfter: 35 }),
  episode('e4', { scores: [6], region: 'lumbar', complaint: 'low back pain', practitionerId: 'prac-omar', visits: 2 }),
  episode('e5', { status: 'dropped_out', scores: [7, 4], practitionerId: 'prac-sara', visits: 3, meaningfulAfter: 20 }),
  episode('e6', { status: 'dropped_out', scores: [5], region: 'lumbar', complaint: 'low back pain', practitionerId: 'prac-sara', visits: 1 }),
  episode('e7', { status: 'open', instrumentId: 'lefs', scores: [40, 45], region: 'thigh_knee', complaint: 'knee pain', visits: 2 }),
  episode('e8', {
    instrumentId: 'lefs',
    scores: [30, 50],
    region: 'thigh_knee',
    complaint: 'knee pain',
    practitionerId: 'prac-omar',
    visits: 7,
    meaningfulAfter: 28,
  }),
  episode('e9', { scores: [5, 6], visits: 12 }),
  episode('e10', { scores: [6, 4], region: 'lumbar', complaint: 'low back pain', practitionerId: 'prac-sara', visits: 5, meaningfulAfter: 14 }),
  episode('before', { startedOn: '2026-06-30', scores: [9, 1], meaningfulAfter: 7 }),
];

describe('summariseOutcomes', () => {
  const summary = summariseOutcomes(episodes, INSTRUMENTS, { from: '2026-07-01', to: '2026-09-30' });

  it('divides responders by every episode started in the period, with every other group shown', () => {
    expect(summary.started).toBe(10);
    expect(summary.groups).toEqual({ responder: 4, non_responder: 2, no_follow_up: 1, dropped_out: 2, in_care: 1 });
    expect(summary.successRate.numerator).toBe(4);
    expect(summary.successRate.denominator).toBe(10);
    expect(summary.successRate.rate).toBe(0.4);
    expect(summary.successRate.ci95?.low).toBeCloseTo(0.1682, 4);
    expect(summary.successRate.ci95?.high).toBeCloseTo(0.6873, 4);
  });

  it('does not credit a drop-out whose interim score had improved, but reports it', () => {
    expect(summary.droppedOutImprovedAtLastMeasure).toBe(1);
  });

  it('gives the median change per instrument, never across instruments', () => {
    // NPRS improvements 4, 1, 4, 3, −1, 2 → median 2.5; LEFS 5 and 20 → 12.5.
    expect(summary.medianImprovement).toEqual([
      { instrumentId: 'lefs', n: 2, median: 12.5 },
      { instrumentId: 'nprs', n: 6, median: 2.5 },
    ]);
  });

  it('gives the median time to a meaningful change among those who reached one', () => {
    // 14, 20, 21, 28, 35 days.
    expect(summary.daysToMeaningfulChange).toEqual({ n: 5, median: 21 });
  });

  it('breaks the rate down by region, practitioner and number of visits, with the same honest denominator', () => {
    const region = Object.fromEntries(summary.breakdowns.region.map((row) => [row.key, [row.started, row.groups.responder, row.successRate.rate]]));
    expect(region).toEqual({ cervical: [4, 1, 0.25], lumbar: [4, 2, 0.5], thigh_knee: [2, 1, 0.5] });
    expect(summary.breakdowns.region.map((row) => row.key)).toEqual(['cervical', 'lumbar', 'thigh_knee']);
    const practitioner = Object.fromEntries(summary.breakdowns.practitioner.map((row) => [row.key, row.started]));
    expect(practitioner).toEqual({ 'prac-amira': 4, 'prac-omar': 3, 'prac-sara': 3 });
    const visits = Object.fromEntries(summary.breakdowns.visits.map((row) => [row.key, [row.started, row.groups.responder]]));
    expect(visits).toEqual({ '0-1': [1, 0], '2-3': [3, 0], '4-6': [3, 2], '7-10': [2, 2], '11+': [1, 0] });
  });

  it('has no rate, and no interval, for a period with no episodes', () => {
    const empty = summariseOutcomes(episodes, INSTRUMENTS, { from: '2027-01-01', to: '2027-03-31' });
    expect(empty.successRate).toEqual({ numerator: 0, denominator: 0, rate: null, ci95: null });
    expect(empty.daysToMeaningfulChange).toEqual({ n: 0, median: null });
  });

  it('bands visits as one-off, short, usual and long courses', () => {
    expect([0, 1, 2, 3, 4, 6, 7, 10, 11].map(visitBand)).toEqual(['0-1', '0-1', '2-3', '2-3', '4-6', '4-6', '7-10', '7-10', '11+']);
  });
});
