import type { Problem } from '@myomap/domain/clinical/assessment-schemas';
import type { DerivedProblem } from '@myomap/domain/clinical/derive-problem-list';

/**
 * How the stored problem list relates to deriveProblemList. While the therapist has not touched
 * it, the list follows the findings; once they edit, reorder, delete or add, it is theirs, and
 * "Update from findings" merges the fresh derivation in without losing their changes.
 */

/** A derived problem as stored: language-neutral (English title; the UI shows the localized label). */
export function storedProblem(problem: DerivedProblem): Problem {
  return { id: problem.id, title: problem.title, zones: problem.zones, priority: problem.priority, source: 'derived' };
}

export function followsFindings(problems: readonly Problem[], derived: readonly DerivedProblem[]): boolean {
  if (problems.length === 0) return true;
  return (
    problems.length === derived.length &&
    problems.every((problem, index) => problem.source === 'derived' && problem.id === derived[index]?.id && problem.notes === undefined)
  );
}

export function renumber(problems: readonly Problem[]): Problem[] {
  return problems.map((problem, index) => ({ ...problem, priority: index + 1 }));
}

/** Keep the therapist's items and order; refresh derived items; append newly derived ones. */
export function mergeDerived(problems: readonly Problem[], derived: readonly DerivedProblem[]): Problem[] {
  const fresh = new Map(derived.map((problem) => [problem.id, problem]));
  const kept = problems.flatMap((problem) => {
    if (problem.source !== 'derived') return [problem];
    const update = fresh.get(problem.id);
    return update ? [{ ...storedProblem(update), ...(problem.notes ? { notes: problem.notes } : {}) }] : [];
  });
  const present = new Set(kept.map((problem) => problem.id));
  const added = derived.filter((problem) => !present.has(problem.id)).map(storedProblem);
  return renumber([...kept, ...added]);
}
