/**
 * Puzzle goals as data (format.md sections 6 and 7): one `GOALS` entry per goal key gives its schema, how a run
 * is graded against it, how it splits into checklist criteria, how each criterion is put in words and what is
 * checked on load. The schema (`goalSchema`), the runner's grading (`gradeGoal`), the puzzle checklist and the
 * puzzle maker all read this table; adding a goal key is adding an entry here.
 */
import { z } from './zod';
import { own } from './own';
import { RULE_INDEX } from '../catalog/rule-index';
import { idSchema } from './ids';

/** What a goal is graded against: the parts of a report a goal can name. */
export interface GoalRun {
  findings: readonly { rule: string }[];
  incidents: readonly { rule: string; node: string; count: number }[];
  nodes: Readonly<
    Record<string, { state?: string; requests?: number; ok?: number; failed?: number; p99Ms?: number; model?: unknown }>
  >;
  costUSD: number;
  /** The design checks (engine/goal.ts `designChecks`) that `leastPrivilege` and `noUnneededEndpoints` need. */
  design?: DesignChecks;
}

/** Judgements of the architecture itself, one sentence per problem (the engine computes them from the graph). */
export interface DesignChecks {
  /** Roles that grant more, or less, than their jobs use (goal key `leastPrivilege`). */
  leastPrivilege(): string[];
  /** VPC endpoints nothing in their VPC needs, or repeats (goal key `noUnneededEndpoints`). */
  unneededEndpoints(): string[];
}

const needDesign = (run: GoalRun, key: string): DesignChecks => {
  if (!run.design) throw new Error(`gradeGoal: ${key} judges the design: pass design checks (engine designChecks)`);
  return run.design;
};

/** A piece of a goal value graded alone: one rule of a list, one node of a map, or a whole limit. */
export interface GoalPiece<V> {
  /** Stable key of the criterion (`noIncidents:ecr-pull-blocked`, `nodeStates:train`, `maxCostUSD`). */
  key: string;
  /** The goal value holding exactly this piece. */
  value: V;
  rule?: string;
  node?: string;
  /** What the piece requires, where it is a state or a figure. */
  shown?: string | number;
}

/** How a criterion names things: rule titles, node labels, and whether a forbidden rule may be named yet. */
export interface GoalWords {
  title(rule: string): string;
  name(node: string): string;
  /** False before the first check: a forbidden rule is not named (the story's symptom is the clue). */
  reveal: boolean;
}

/** One goal key: its schema, grading, criteria, words and load-time check. */
export interface GoalDef<V> {
  schema: z.ZodType<V>;
  /**
   * The key forbids rules: the rule a puzzle teaches is the one such key names; its criteria come first in the
   * checklist.
   */
  forbids?: true;
  /** Why the run does not meet the value (empty when it does), in the runner's words (`goal.failed`). */
  grade(value: V, run: GoalRun): string[];
  /** The value as checklist criteria, each graded alone; together they are the value. */
  split(value: V, key: string): GoalPiece<V>[];
  /** A criterion in words for the checklist. */
  label(piece: GoalPiece<V>, words: GoalWords): string;
  /** Node ids the value names (a puzzle must ship them and lock them). */
  nodes?(value: V): string[];
  /** Problems the loader reports (`path` is `goal.<key>`): names of rules and states that do not exist. */
  check?(value: V, path: string, err: (path: string, message: string) => void): void;
}

const goal = <V>(d: GoalDef<V>): GoalDef<V> => d;

/**
 * States a goal may require (format.md section 5), plus a registry's approval status and a CloudWatch dashboard's
 * Active (SageSim's: it has a widget and an endpoint to draw).
 */
export const GOAL_STATES = [
  'Pending',
  'InProgress',
  'Completed',
  'Failed',
  'Stopped',
  'Creating',
  'InService',
  'Executing',
  'Succeeded',
  'PendingManualApproval',
  'Approved',
  'Rejected',
  'Active',
] as const;

const ruleIds = z.array(z.string().max(64));
/** A list of rule ids, graded rule by rule. */
const ruleList = (
  fails: (rule: string, run: GoalRun) => string | null,
  label: (rule: string, w: GoalWords) => string,
  forbids?: true,
): GoalDef<string[]> =>
  goal({
    schema: ruleIds,
    forbids,
    grade: (rules, run) => rules.flatMap((rule) => fails(rule, run) ?? []),
    split: (rules, key) => rules.map((rule) => ({ key: `${key}:${rule}`, value: [rule], rule })),
    label: (p, w) => label(p.rule!, w),
    check(rules, path, err) {
      rules.forEach((rule, i) => {
        if (!RULE_INDEX.has(rule))
          err(`${path}[${i}]`, `"${rule}" is not a rule id (npm run sim -- --rules lists them)`);
      });
    },
  });
/** A map node id → what the node must reach, graded node by node. */
const nodeMap = <V extends string | number>(
  valueSchema: z.ZodType<V>,
  fails: (node: string, want: V, run: GoalRun) => string | null,
  label: (node: string, want: V, w: GoalWords) => string,
  check?: GoalDef<Record<string, V>>['check'],
): GoalDef<Record<string, V>> =>
  goal({
    schema: z.record(idSchema, valueSchema),
    grade: (m, run) => Object.entries(m).flatMap(([node, want]) => fails(node, want, run) ?? []),
    split: (m, key) =>
      Object.entries(m).map(([node, want]) => ({ key: `${key}:${node}`, value: { [node]: want }, node, shown: want })),
    label: (p, w) => label(p.node!, p.shown as V, w),
    nodes: (m) => Object.keys(m),
    check,
  });
/** One limit, graded as a whole. */
const limit = (
  schema: z.ZodType<number>,
  grade: (max: number, run: GoalRun) => string[],
  label: (max: number) => string,
): GoalDef<number> =>
  goal({ schema, grade, split: (v, key) => [{ key, value: v, shown: v }], label: (p) => label(p.value) });

const occurred = (rule: string, run: GoalRun) => run.incidents.some((i) => i.rule === rule && i.count > 0);

/**
 * Every goal key, in the order the runner grades them (the order of `goal.failed` in a report; keep it so
 * reports stay byte-identical). All keys present must hold.
 */
export const GOALS = {
  noIncidents: ruleList(
    (rule, run) =>
      occurred(rule, run)
        ? `incident of rule ${rule} occurred (${run.incidents
            .filter((i) => i.rule === rule)
            .map((i) => i.node)
            .join(', ')})`
        : null,
    (rule, w) => (w.reveal ? `No “${w.title(rule)}” during the run` : 'The failure in the story no longer happens'),
    true,
  ),
  incidents: ruleList(
    (rule, run) => (occurred(rule, run) ? null : `no incident of rule ${rule}`),
    (rule, w) => `The run shows “${w.title(rule)}”`,
  ),
  nodeStates: nodeMap(
    z.string().max(32),
    (node, want, run) => {
      const got = own(run.nodes, node)?.state;
      return got === want ? null : `node ${node} is ${got ?? 'absent'}, not ${want}`;
    },
    (node, want, w) => `${w.name(node)} ends ${want}`,
    // A node the goal names may be missing (a player deleted it): the goal then fails, naming it.
    (m, path, err) => {
      for (const [node, state] of Object.entries(m))
        if (!(GOAL_STATES as readonly string[]).includes(state))
          err(`${path}.${node}`, `"${state}" is not a state; expected ${GOAL_STATES.map((x) => `"${x}"`).join(' | ')}`);
    },
  ),
  /** Our own (additive): endpoint id → training job whose version trained in this run it must serve at the end. */
  modelFrom: nodeMap(
    idSchema,
    (node, job, run) => {
      const model = run.nodes[node]?.model;
      return typeof model !== 'string' || !model.startsWith(`${job}:v`) || model === `${job}:v0`
        ? `endpoint ${node} serves ${typeof model === 'string' ? model : 'no model'}, not a version ${job} ` +
            `trained in this run`
        : null;
    },
    (node, job, w) => `${w.name(node)} serves a new model from ${w.name(job)}`,
  ),
  /** Our own (additive): node id → fewest requests it serves OK, so that deleting the client or the endpoint fails. */
  minServed: nodeMap(
    z.number().int().min(0),
    (node, min, run) => {
      const ok = own(run.nodes, node)?.ok ?? 0;
      return ok < min ? `node ${node} served ${ok} requests, fewer than ${min}` : null;
    },
    (node, min, w) => `${w.name(node)} serves at least ${min.toLocaleString('en')} requests`,
  ),
  maxFailedRatio: limit(
    z.number().min(0).max(1),
    (max, run) =>
      Object.entries(run.nodes).flatMap(([id, n]) => {
        if (n.failed === undefined || !n.requests) return [];
        const ratio = n.failed / n.requests;
        return ratio > max
          ? [`endpoint ${id} failed ${(ratio * 100).toFixed(1)}% of requests (max ${(max * 100).toFixed(1)}%)`]
          : [];
      }),
    (max) => `No endpoint fails more than ${+(max * 100).toFixed(2)}% of its requests`,
  ),
  maxP99Ms: limit(
    z.number().min(0),
    (max, run) =>
      Object.entries(run.nodes).flatMap(([id, n]) =>
        n.p99Ms !== undefined && n.requests && n.p99Ms > max
          ? [`endpoint ${id} p99 ${n.p99Ms} ms is above ${max} ms`]
          : [],
      ),
    (max) => `p99 latency at most ${max} ms`,
  ),
  maxCostUSD: limit(
    z.number().min(0),
    (max, run) => (run.costUSD > max ? [`cost $${run.costUSD} is above $${max}`] : []),
    (max) => `The run costs at most $${max}`,
  ),
  noFindings: ruleList(
    (rule, run) => (run.findings.some((f) => f.rule === rule) ? `finding of rule ${rule} remains` : null),
    (rule, w) => (w.reveal ? `No “${w.title(rule)}” left in the design` : 'The design flaw behind the story is gone'),
    true,
  ),
  /** v1.1: every role grants exactly what its jobs use, with no wildcard. */
  leastPrivilege: goal<boolean>({
    schema: z.boolean(),
    grade: (on, run) =>
      on
        ? needDesign(run, 'leastPrivilege')
            .leastPrivilege()
            .map((p) => `not least privilege: ${p}`)
        : [],
    split: (v, key) => (v ? [{ key, value: v }] : []),
    label: () => 'Every role grants exactly what its jobs use (no wildcards)',
  }),
  /** v1.1: no VPC endpoint that nothing in its VPC needs. */
  noUnneededEndpoints: goal<boolean>({
    schema: z.boolean(),
    grade: (on, run) => (on ? needDesign(run, 'noUnneededEndpoints').unneededEndpoints() : []),
    split: (v, key) => (v ? [{ key, value: v }] : []),
    label: () => 'Only the VPC endpoints the design needs',
  }),
} as const;

export type GoalKey = keyof typeof GOALS;
/** Goal keys in grading order. */
export const GOAL_KEYS = Object.keys(GOALS) as GoalKey[];
type ValueOf<K extends GoalKey> = (typeof GOALS)[K] extends GoalDef<infer V> ? V : never;

/** The zod schema of `goal`: every key of `GOALS`, optional; nothing else. */
export const goalSchema = z.strictObject(
  Object.fromEntries(GOAL_KEYS.map((k) => [k, GOALS[k].schema.optional()])) as {
    [K in GoalKey]: z.ZodOptional<z.ZodType<ValueOf<K>>>;
  },
);
export type Goal = z.infer<typeof goalSchema>;

/** The def of a key, typed loosely for loops over every key. */
const defOf = (k: GoalKey) => GOALS[k] as GoalDef<unknown>;
const present = (g: Goal) => GOAL_KEYS.filter((k) => g[k] !== undefined);

/** Grade a run against a goal (format.md section 6): every key present must hold. */
export function gradeGoal(g: Goal, run: GoalRun): { met: boolean; failed: string[] } {
  const failed = present(g).flatMap((k) => defOf(k).grade(g[k], run));
  return { met: failed.length === 0, failed };
}

/** One criterion of a goal: a sub-goal holding exactly that criterion (grade it alone), and what it names. */
export interface Criterion {
  key: string;
  type: GoalKey;
  goal: Goal;
  rule?: string;
  node?: string;
  value?: string | number;
}

/** A goal split into its criteria (a checklist): the rules it forbids first, then the rest in grading order. */
export function goalCriteria(g: Goal | undefined): Criterion[] {
  if (!g) return [];
  const keys = present(g);
  const ordered = [...keys.filter((k) => GOALS[k].forbids), ...keys.filter((k) => !GOALS[k].forbids)];
  return ordered.flatMap((type) =>
    defOf(type)
      .split(g[type], type)
      .map((p) => ({
        key: p.key,
        type,
        goal: { [type]: p.value },
        ...(p.rule !== undefined && { rule: p.rule }),
        ...(p.node !== undefined && { node: p.node }),
        ...(p.shown !== undefined && { value: p.shown }),
      })),
  );
}

/** A criterion in words, naming rules by title and nodes by label. */
export function criterionWords(c: Criterion, words: GoalWords): string {
  const piece = defOf(c.type).split(c.goal[c.type], c.type)[0];
  return defOf(c.type).label(piece, words);
}

/** The rule ids a goal forbids (`noIncidents` ∪ `noFindings`, and any key marked `forbids`), without repeats. */
export const forbiddenRules = (g: Goal | undefined): string[] =>
  g ? [...new Set(present(g).flatMap((k) => (GOALS[k].forbids ? (g[k] as string[]) : [])))] : [];

/** Node ids a goal names. */
export const goalNodes = (g: Goal | undefined): string[] =>
  g ? present(g).flatMap((k) => defOf(k).nodes?.(g[k]) ?? []) : [];

/** Load-time problems of a goal: rule ids and states that do not exist (paths `goal.<key>…`). */
export function checkGoal(g: Goal, err: (path: string, message: string) => void): void {
  for (const k of present(g)) defOf(k).check?.(g[k], `goal.${k}`, err);
}
