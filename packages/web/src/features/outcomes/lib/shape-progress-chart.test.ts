import { describe, expect, it } from 'vitest';
import type { EpisodeProgressOut, InstrumentOut } from '../api/outcomes-api.ts';
import { axisEnd, dayOffset, shapeProgressCharts, targetFor } from './shape-progress-chart.ts';

const source = [{ citation: 'test', locator: 'p. 1' }];
const nprs = {
  id: 'nprs',
  range: { min: 0, max: 10 },
  higherIsBetter: false,
  mcid: { value: 2, sources: source },
  mdc: { value: 2, sources: source },
} as unknown as InstrumentOut;
const lefs = { id: 'lefs', range: { min: 0, max: 80 }, higherIsBetter: true, mcid: { value: 9, sources: source } } as unknown as InstrumentOut;

type Measurement = EpisodeProgressOut['series'][number]['measurements'][number];
const measure = (takenOn: string, score: number | null, direction?: 'improved' | 'worsened' | 'no_meaningful_change'): Measurement =>
  ({
    id: `m-${takenOn}-${score}`,
    takenOn,
    score,
    changeFromBaseline: direction ? { change: 0, improvement: 0, threshold: 2, direction } : null,
  }) as Measurement;

const progress = (change: Partial<EpisodeProgressOut> = {}): EpisodeProgressOut =>
  ({
    episode: { id: 'e1', startedOn: '2026-11-02' },
    series: [{ instrumentId: 'nprs', measurements: [measure('2026-11-02', 7), measure('2026-11-09', null), measure('2026-11-16', 3, 'improved')] }],
    goals: [],
    visits: [
      { on: '2026-11-09', sessionId: 's1', techniques: ['ischemic_compression'] },
      { on: '2026-11-16', sessionId: 's2', techniques: [] },
    ],
    ...change,
  }) as EpisodeProgressOut;

describe('shapeProgressCharts', () => {
  it('puts measures and visits on one day axis from the episode’s start', () => {
    const [chart] = shapeProgressCharts(progress(), [nprs]);
    expect(chart?.rows.map((row) => [row.day, row.score, row.techniques])).toEqual([
      [0, 7, undefined],
      [7, null, ['ischemic_compression']],
      [14, 3, []],
    ]);
  });

  it('never draws an unscorable measure as 0: it is listed as unscored instead', () => {
    const [chart] = shapeProgressCharts(progress(), [nprs]);
    expect(chart?.rows.filter((row) => row.score === 0)).toEqual([]);
    expect(chart?.unscored).toEqual(['2026-11-09']);
  });

  it('flags only changes the server classed as meaningful (beyond the MCID and the MDC)', () => {
    const shaped = shapeProgressCharts(
      progress({
        series: [
          {
            instrumentId: 'nprs',
            measurements: [measure('2026-11-02', 7), measure('2026-11-09', 6, 'no_meaningful_change'), measure('2026-11-16', 3, 'improved')],
          },
        ],
      }),
      [nprs],
    );
    expect(shaped[0]?.rows.filter((row) => row.score !== null).map((row) => row.flag)).toEqual([null, null, 'improved']);
  });

  it('leaves out a measure whose instrument the clinic does not list', () => {
    expect(shapeProgressCharts(progress(), [lefs])).toEqual([]);
  });

  it('ends the shared axis at the latest measure or visit', () => {
    expect(axisEnd(progress())).toBe(14);
    expect(axisEnd(progress({ series: [], visits: [] }))).toBe(1);
  });
});

describe('targetFor', () => {
  it('uses the plan’s pain goal when there is one', () => {
    const goals = [{ goal: { measure: 'nprs', baseline: 7, target: 4 }, status: 'not_yet_measured' }] as EpisodeProgressOut['goals'];
    expect(targetFor(nprs, 7, goals)).toEqual({ value: 4, source: 'plan_goal' });
  });

  it('otherwise moves the baseline by the MCID towards better, within the scale', () => {
    expect(targetFor(nprs, 7, [])).toEqual({ value: 5, source: 'mcid' });
    expect(targetFor(nprs, 1, [])).toEqual({ value: 0, source: 'mcid' });
    expect(targetFor(lefs, 40, [])).toEqual({ value: 49, source: 'mcid' });
    expect(targetFor(lefs, 75, [])).toEqual({ value: 80, source: 'mcid' });
  });

  it('has no goal line without a baseline or an MCID', () => {
    expect(targetFor(nprs, undefined, [])).toBeNull();
    expect(targetFor({ ...lefs, mcid: undefined } as unknown as InstrumentOut, 40, [])).toBeNull();
  });
});

describe('dayOffset', () => {
  it('counts calendar days across the end of March (no clock change in the count)', () => {
    expect(dayOffset('2026-03-28', '2026-04-02')).toBe(5);
  });
});
