import { type Report, designChecks, gradeGoal } from '../engine';
import { Graph } from '../model/graph';
import { goalCriteria } from '../model/goals';
import type { ArchDoc } from '../model/schema';
import type { GradedCriterion } from './protocol';

/**
 * Grade each criterion of a document's goal alone against a report of its run (the runner's own grading, one
 * criterion at a time): the puzzle checklist's verdicts, computed in the engine worker (the page words them).
 */
export function gradeCriteria(doc: ArchDoc, report: Report): GradedCriterion[] {
  const design = designChecks(new Graph(doc));
  return goalCriteria(doc.goal).map((c) => {
    const g = gradeGoal(c.goal, { ...report, design });
    return { key: c.key, met: g.met, ...(g.failed[0] !== undefined ? { why: g.failed[0] } : {}) };
  });
}
