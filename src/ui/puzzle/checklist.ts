import { RULES_BY_ID } from '../../catalog/rules';
import type { Report } from '../../engine';
import { gradeGoal } from '../../engine';
import { type Criterion, goalCriteria } from '../../model/puzzle';
import type { ArchDoc } from '../../model/schema';

/** One line of the goal checklist after a run: met or not, and the runner's words when not. */
export interface CheckedCriterion {
  key: string;
  label: string;
  met: boolean;
  why?: string;
}

const title = (rule: string) => RULES_BY_ID.get(rule)?.title ?? rule;
const name = (doc: ArchDoc, id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;

/**
 * A criterion in words. Before the first check a forbidden rule is not named (the story's symptom is the
 * clue; the run names it once it happens).
 */
export function criterionLabel(c: Criterion, doc: ArchDoc, reveal: boolean): string {
  switch (c.type) {
    case 'noIncidents':
      return reveal ? `No “${title(c.rule!)}” during the run` : 'The failure in the story no longer happens';
    case 'noFindings':
      return reveal ? `No “${title(c.rule!)}” left in the design` : 'The design flaw behind the story is gone';
    case 'incidents':
      return `The run shows “${title(c.rule!)}”`;
    case 'nodeStates':
      return `${name(doc, c.node!)} ends ${c.value}`;
    case 'minServed':
      return `${name(doc, c.node!)} serves at least ${Number(c.value).toLocaleString('en')} requests`;
    case 'maxFailedRatio':
      return `No endpoint fails more than ${+(Number(c.value) * 100).toFixed(2)}% of its requests`;
    case 'maxP99Ms':
      return `p99 latency at most ${c.value} ms`;
    case 'maxCostUSD':
      return `The run costs at most $${c.value}`;
    default:
      return c.key;
  }
}

/** The goal's checklist before any run. */
export const pendingChecklist = (doc: ArchDoc): { key: string; label: string }[] =>
  goalCriteria(doc.goal).map((c) => ({ key: c.key, label: criterionLabel(c, doc, false) }));

/** Grade each criterion alone against the report (the runner's own grading, one criterion at a time). */
export function gradeChecklist(doc: ArchDoc, report: Report): CheckedCriterion[] {
  return goalCriteria(doc.goal).map((c) => {
    const g = gradeGoal(c.goal, report);
    return { key: c.key, label: criterionLabel(c, doc, true), met: g.met, why: g.failed[0] };
  });
}

export const percent = (items: readonly { met: boolean }[]) =>
  items.length ? Math.round((100 * items.filter((i) => i.met).length) / items.length) : 0;
