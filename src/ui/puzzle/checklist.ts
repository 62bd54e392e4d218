import { RULES_BY_ID } from '../../catalog/rules';
import type { Report } from '../../engine/report';
import { gradeGoal } from '../../engine/goal';
import { Graph } from '../../model/graph';
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
    case 'modelFrom':
      return `${name(doc, c.node!)} serves a new model from ${name(doc, String(c.value))}`;
    case 'leastPrivilege':
      return 'Every role grants exactly what its jobs use (no wildcards)';
    case 'noUnneededEndpoints':
      return 'Only the VPC endpoints the design needs';
    default:
      return c.key;
  }
}

/** The goal's checklist before any run. */
export const pendingChecklist = (doc: ArchDoc): { key: string; label: string }[] =>
  goalCriteria(doc.goal).map((c) => ({ key: c.key, label: criterionLabel(c, doc, false) }));

/**
 * The checklist as the learner may see it: before the answer is revealed, a criterion that forbids a rule is
 * worded as the story's symptom and its failure does not name the rule.
 */
export function shownChecklist(
  doc: ArchDoc,
  items: readonly CheckedCriterion[],
  revealed: boolean,
): CheckedCriterion[] {
  if (revealed) return [...items];
  const crit = new Map(goalCriteria(doc.goal).map((c) => [c.key, c]));
  return items.map((i) => {
    const c = crit.get(i.key);
    if (!c || (c.type !== 'noIncidents' && c.type !== 'noFindings')) return i;
    return { ...i, label: criterionLabel(c, doc, false), why: i.met ? undefined : 'It still happens in the run.' };
  });
}

/** Grade each criterion alone against the report (the runner's own grading, one criterion at a time). */
export function gradeChecklist(doc: ArchDoc, report: Report): CheckedCriterion[] {
  const graph = new Graph(doc);
  return goalCriteria(doc.goal).map((c) => {
    const g = gradeGoal(c.goal, report, graph);
    return { key: c.key, label: criterionLabel(c, doc, true), met: g.met, why: g.failed[0] };
  });
}

export const percent = (items: readonly { met: boolean }[]) =>
  items.length ? Math.round((100 * items.filter((i) => i.met).length) / items.length) : 0;
