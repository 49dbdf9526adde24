import { describe, expect, it } from 'vitest';
import { checkGoals } from './check-goals.ts';

describe('checkGoals', () => {
  const goals = [
    { measure: 'nprs' as const, baseline: 7, target: 4 },
    { measure: 'psfs' as const, activity: 'Lifting my son', baseline: 3, target: 6 },
    { measure: 'psfs' as const, activity: 'Driving to work', baseline: 4, target: 7 },
  ];

  it('says "not yet measured" when nothing was measured, never "not met"', () => {
    expect(checkGoals(goals, {}).map((g) => g.status)).toEqual(['not_yet_measured', 'not_yet_measured', 'not_yet_measured']);
  });

  it('meets a pain goal at or below its target and a function goal at or above it', () => {
    const checks = checkGoals(goals, {
      nprs: { on: '2026-11-20', score: 4 },
      psfs: { on: '2026-11-20', ratings: { 'lifting my son ': 5, 'Driving to work': 7 } },
    });
    expect(checks.map((g) => g.status)).toEqual(['met', 'not_met', 'met']);
    expect(checks[1]?.latest).toEqual({ on: '2026-11-20', value: 5 });
  });

  it('leaves an activity that was not re-rated as not yet measured', () => {
    const checks = checkGoals(goals, { psfs: { on: '2026-11-20', ratings: { 'Lifting my son': 6, 'Driving to work': null } } });
    expect(checks.map((g) => g.status)).toEqual(['not_yet_measured', 'met', 'not_yet_measured']);
  });
});
