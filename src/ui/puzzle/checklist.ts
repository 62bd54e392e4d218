import { RULE_INDEX } from '../../catalog/rule-index';
import type { GradedCriterion } from '../../worker/protocol';
import { type Criterion, criterionWords, goalCriteria } from '../../model/goals';
import type { ArchDoc } from '../../model/schema';

/** One line of the goal checklist after a run: met or not, and the runner's words when not. */
export interface CheckedCriterion {
  key: string;
  label: string;
  met: boolean;
  why?: string;
}

const title = (rule: string) => RULE_INDEX.get(rule)?.title ?? rule;
const name = (doc: ArchDoc, id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;

/**
 * A criterion in words (the words of its key's entry in `GOALS`). Before the first check a forbidden rule is not
 * named (the story's symptom is the clue; the run names it once it happens).
 */
export const criterionLabel = (c: Criterion, doc: ArchDoc, reveal: boolean): string =>
  criterionWords(c, { title, name: (id) => name(doc, id), reveal });

/** The goal's checklist before any run (a node state that is itself the fix is not spelled out). */
export const pendingChecklist = (doc: ArchDoc): { key: string; label: string }[] =>
  goalCriteria(doc.goal).map((c) => ({
    key: c.key,
    label: isTheFix(doc, c) ? fixStateLabel(doc, c) : criterionLabel(c, doc, false),
  }));

/**
 * The checklist as the learner may see it: before the answer is revealed, a criterion that forbids a rule is
 * worded as the story's symptom and its failure does not name the rule, and a node state that is itself the fix
 * (d3/01: the registry ends Approved) is not spelled out.
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
    if (c && isTheFix(doc, c))
      return {
        ...i,
        label: fixStateLabel(doc, c),
        why: i.met ? undefined : `${name(doc, c.node!)} is not there yet.`,
      };
    if (!c || (c.type !== 'noIncidents' && c.type !== 'noFindings')) return i;
    return { ...i, label: criterionLabel(c, doc, false), why: i.met ? undefined : 'It still happens in the run.' };
  });
}

const fixStateLabel = (doc: ArchDoc, c: Criterion) => `${name(doc, c.node!)} ends in the state the story needs`;

/** A node state the goal asks for that is itself a value the reference solution sets (a registry's approval). */
function isTheFix(doc: ArchDoc, c: Criterion): boolean {
  if (c.type !== 'nodeStates' || !c.node) return false;
  const state = doc.goal?.nodeStates?.[c.node];
  return state !== undefined && Object.values(doc.solution?.setProps?.[c.node] ?? {}).includes(state);
}

/**
 * The checklist of a run in words: each criterion as the engine worker graded it alone against the run's report
 * (`EngineClient.grade`; the page never runs the engine itself), labelled for the learner.
 */
export function checklistOf(doc: ArchDoc, graded: readonly GradedCriterion[]): CheckedCriterion[] {
  const byKey = new Map(graded.map((g) => [g.key, g]));
  return goalCriteria(doc.goal).map((c) => {
    const g = byKey.get(c.key);
    return { key: c.key, label: criterionLabel(c, doc, true), met: !!g?.met, why: g ? g.why : 'not graded' };
  });
}

export const percent = (items: readonly { met: boolean }[]) =>
  items.length ? Math.round((100 * items.filter((i) => i.met).length) / items.length) : 0;
