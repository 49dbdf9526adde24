import type { PlanGoal } from '../treatment/treatment-schemas.ts';

/**
 * A plan's goals (proposed from MCIDs by propose-treatment-plan.ts) checked against the
 * measurements taken since: met, not met, or not yet measured. A goal with no measurement after
 * the plan began is "not yet measured", never "not met" and never met by a default of 0.
 */
export type GoalStatus = 'met' | 'not_met' | 'not_yet_measured';

export interface GoalMeasurements {
  /** The latest NPRS after the plan began. */
  nprs?: { on: string; score: number } | undefined;
  /** The latest PSFS re-rating after the plan began, by activity (in the patient's words). */
  psfs?: { on: string; ratings: Readonly<Record<string, number | null | undefined>> } | undefined;
}

export interface GoalCheck {
  goal: PlanGoal;
  status: GoalStatus;
  latest?: { on: string; value: number };
}

const sameActivity = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

export function checkGoals(goals: readonly PlanGoal[], measured: GoalMeasurements): GoalCheck[] {
  return goals.map((goal): GoalCheck => {
    if (goal.measure === 'nprs') {
      if (!measured.nprs) return { goal, status: 'not_yet_measured' };
      const latest = { on: measured.nprs.on, value: measured.nprs.score };
      // Pain goals are ceilings: "7 → 4 or less".
      return { goal, status: latest.value <= goal.target ? 'met' : 'not_met', latest };
    }
    const psfs = measured.psfs;
    const key = psfs && goal.activity !== undefined ? Object.keys(psfs.ratings).find((activity) => sameActivity(activity, goal.activity as string)) : undefined;
    const value = key === undefined ? undefined : psfs?.ratings[key];
    if (!psfs || typeof value !== 'number') return { goal, status: 'not_yet_measured' };
    // Function goals are floors: "3 → 6 or more".
    return { goal, status: value >= goal.target ? 'met' : 'not_met', latest: { on: psfs.on, value } };
  });
}
