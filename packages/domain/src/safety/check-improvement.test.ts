import { describe, expect, it } from 'vitest';
import { checkImprovement } from './check-improvement.ts';

const baseline = { date: '2026-10-01', pain: 7 };

describe('checkImprovement', () => {
  it('prompts re-assessment after 6 weeks when the NPRS fell by less than 2 points', () => {
    const result = checkImprovement({ baseline, readings: [{ date: '2026-11-10', pain: 6 }], firstSession: '2026-10-01', today: '2026-11-12' });
    expect(result).toMatchObject({ status: 'reassess', weeks: 6, change: 1 });
  });

  it('does not prompt before the weeks are up, or when the change reaches 2 points', () => {
    expect(checkImprovement({ baseline, readings: [{ date: '2026-11-01', pain: 7 }], firstSession: '2026-10-01', today: '2026-11-11' }).status).toBe(
      'too_early',
    );
    expect(checkImprovement({ baseline, readings: [{ date: '2026-11-20', pain: 5 }], firstSession: '2026-10-01', today: '2026-11-20' }).status).toBe(
      'improving',
    );
  });

  it('reads the newest reading and honours a clinic setting of 4 weeks', () => {
    const readings = [
      { date: '2026-10-29', pain: 7 },
      { date: '2026-10-15', pain: 3 },
    ];
    expect(checkImprovement({ baseline, readings, firstSession: '2026-10-01', today: '2026-10-30', reassessAfterWeeks: 4 }).status).toBe('reassess');
    expect(checkImprovement({ baseline, readings, firstSession: '2026-10-01', today: '2026-10-30' }).status).toBe('too_early');
  });

  it('has nothing to say without a start or a reading', () => {
    expect(checkImprovement({ baseline, readings: [], firstSession: '2026-10-01', today: '2026-12-30' }).status).toBe('no_data');
    expect(checkImprovement({ baseline: undefined, readings: [], firstSession: undefined, today: '2026-12-30' }).status).toBe('no_data');
  });
});
