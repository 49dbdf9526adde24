import { describe, expect, it } from 'vitest';
import { checkProgress } from './check-progress.ts';
import { findInstrument } from './load-instruments.ts';

const nprs = findInstrument('nprs');
if (!nprs) throw new Error('nprs');
const base = { instrument: nprs, startedOn: '2026-09-01', baseline: { on: '2026-09-01', score: 7 } };

describe('checkProgress', () => {
  it('prompts a re-assessment after six weeks without a meaningful improvement', () => {
    const result = checkProgress({ ...base, followUps: [{ on: '2026-10-14', score: 6 }], today: '2026-10-14' });
    expect(result).toMatchObject({ status: 'reassess', weeks: 6 });
  });

  it('waits before six weeks, and is content once the change is meaningful', () => {
    expect(checkProgress({ ...base, followUps: [{ on: '2026-09-20', score: 6 }], today: '2026-09-20' }).status).toBe('too_early');
    expect(checkProgress({ ...base, followUps: [{ on: '2026-10-20', score: 5 }], today: '2026-10-20' }).status).toBe('improving');
  });

  it('uses the latest measurement, so an early gain that faded still prompts', () => {
    const followUps = [
      { on: '2026-09-15', score: 4 },
      { on: '2026-10-20', score: 6 },
    ];
    expect(checkProgress({ ...base, followUps, today: '2026-10-20' }).status).toBe('reassess');
  });

  it('says what is missing rather than guessing', () => {
    expect(checkProgress({ ...base, baseline: undefined, followUps: [], today: '2026-12-01' }).status).toBe('no_baseline');
    expect(checkProgress({ ...base, followUps: [], today: '2026-12-01' }).status).toBe('no_follow_up');
  });

  it('follows the clinic’s setting', () => {
    expect(checkProgress({ ...base, followUps: [{ on: '2026-09-29', score: 6 }], today: '2026-09-29', afterWeeks: 4 }).status).toBe('reassess');
  });
});
