import { knowledgeBase as bundledKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { AssessmentData } from './assessment-schemas.ts';
import { deriveProblemListWith, type DerivedProblem } from './derive-problem-list-with.ts';

export { PROBLEM_WEIGHTS, UNPLACED_REGION, type DerivedProblem, type ProblemListKnowledge } from './derive-problem-list-with.ts';

/**
 * The prioritised problem list (rules in derive-problem-list-with.ts) from the bundled knowledge base,
 * for the server and the tests. The browser calls deriveProblemListWith with what the API sent, so the
 * knowledge base stays on the server.
 */
export function deriveProblemList(data: AssessmentData, kb: KnowledgeBase = bundledKnowledgeBase): DerivedProblem[] {
  return deriveProblemListWith(data, { ...kb, regions: kb.regions ?? bundledKnowledgeBase.regions });
}
