import { z } from './zod';
import { LIMITS } from '../catalog/limits';
import { KINDS } from '../catalog/types';
import { goalSchema } from './goals';
import { idSchema } from './ids';

export { LIMITS } from '../catalog/limits';
export const FORMAT = 'sagesim/architecture@1';

/** The rulebooks of format.md section 7: the exam sheet (default) or AWS documentation. */
export const RULEBOOKS = ['sheet', 'aws'] as const;
export type Rulebook = (typeof RULEBOOKS)[number];

export { ID_RE } from './ids';
const id = idSchema;
/** Canvas coordinates (px): far beyond any real layout, near enough that sums of positions stay finite. */
const coord = z.number().finite().min(-LIMITS.coord).max(LIMITS.coord);
const containerSide = z.number().finite().min(LIMITS.containerSize.min).max(LIMITS.containerSize.max);
const point = z.strictObject({ x: coord, y: coord });

export const nodeSchema = z.strictObject({
  id,
  kind: z.enum(KINDS),
  label: z.string().max(200).optional(),
  parent: id.nullable().optional(),
  props: z.record(z.string(), z.unknown()).optional(),
  position: point.optional(),
  /**
   * Our own (issue 17, S4.2.7): cost allocation tags, key → value, as SageMaker's AddTags / `Tags` parameters take
   * them (at most 50 per resource, keys up to 128 characters, values up to 256). The report sums cost by tag.
   */
  tags: z
    .record(z.string().min(1).max(128), z.string().max(256))
    .refine((t) => Object.keys(t).length <= 50, 'at most 50 tags per resource')
    .optional(),
  /** Our own: the size of a container on the canvas, in px. */
  size: z.strictObject({ width: containerSide, height: containerSide }).optional(),
});

export const edgeSchema = z.strictObject({
  from: id,
  to: id,
  /** Our own: a stable id for the editor; derived from the pair when missing. */
  id: z.string().max(140).optional(),
  label: z.string().max(200).optional(),
});

const atSec = z.number().finite().min(0).max(LIMITS.durationSec);
const faultBase = { atSec, node: id };
export const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...faultBase, kind: z.literal('spot-interruption') }),
  z.strictObject({
    ...faultBase,
    kind: z.literal('traffic-spike'),
    factor: z.number().min(0).max(1000).optional(),
    durationSec: z.number().min(0).max(LIMITS.durationSec).optional(),
  }),
  z.strictObject({
    ...faultBase,
    kind: z.literal('large-payloads'),
    sizeMB: z.number().min(0).max(100_000).optional(),
    durationSec: z.number().min(0).max(LIMITS.durationSec).optional(),
  }),
  z.strictObject({ ...faultBase, kind: z.literal('data-drift'), magnitude: z.number().min(0).max(1).optional() }),
  z.strictObject({ ...faultBase, kind: z.literal('bias-shift'), magnitude: z.number().min(0).max(1).optional() }),
  z.strictObject({
    ...faultBase,
    kind: z.literal('approve'),
    status: z.enum(['PendingManualApproval', 'Approved', 'Rejected']).optional(),
  }),
  z.strictObject({
    ...faultBase,
    kind: z.literal('data-arrival'),
    sizeGB: z.number().min(0).max(1_000_000).optional(),
  }),
  /**
   * UpdateEndpoint with a new model version (a real-time endpoint): the share of requests it fails with a 500
   * ModelError.
   */
  z.strictObject({
    ...faultBase,
    kind: z.literal('model-update'),
    errorRate: z.number().min(0).max(1).optional(),
    version: z.string().max(64).optional(),
  }),
  /**
   * UpdateEndpointWeightsAndCapacities on a real-time endpoint: production variant name → its new weight
   * (DesiredWeight).
   * The endpoint stays InService; variants not named keep their weight.
   */
  z.strictObject({
    ...faultBase,
    kind: z.literal('update-weights'),
    weights: z.record(z.string().min(1).max(63), z.number().min(0).max(1_000)),
  }),
  /**
   * A git push to a branch of the repository a codepipeline's source action watches (issue 17, CI/CD). `defect`: the
   * narrowest test suite that catches the change's bug (none = a good change); if it ships, the new version fails
   * `errorRate` of its requests [0.5]. `release` [true]: the team means this push to ship (a push to a feature branch
   * that starts nothing is then expected).
   */
  z.strictObject({
    ...faultBase,
    kind: z.literal('code-push'),
    branch: z.string().min(1).max(255).optional(),
    defect: z.enum(['unit', 'integration', 'e2e']).optional(),
    errorRate: z.number().min(0).max(1).optional(),
    version: z.string().max(64).optional(),
    release: z.boolean().optional(),
  }),
]);
export const FAULT_KINDS = [
  'spot-interruption',
  'traffic-spike',
  'large-payloads',
  'data-drift',
  'bias-shift',
  'approve',
  'data-arrival',
  'model-update',
  'update-weights',
  'code-push',
] as const;

/** Goal keys of format.md section 6: the schema lives with the rest of each key in `goals.ts`. */
export { goalSchema } from './goals';

export const solutionSchema = z.strictObject({
  addNodes: z.array(nodeSchema).max(LIMITS.nodes).optional(),
  addEdges: z.array(edgeSchema).max(LIMITS.edges).optional(),
  /** node id → props to set (merged over the node's props). */
  setProps: z.record(id, z.record(z.string(), z.unknown())).optional(),
  /** node id → new parent (null = none). */
  setParent: z.record(id, id.nullable()).optional(),
  removeNodes: z.array(id).optional(),
  removeEdges: z.array(z.strictObject({ from: id, to: id })).optional(),
});

export const scriptStepSchema = z.strictObject({
  atSec,
  say: z.string().max(2000).optional(),
  /** Question put to the class before the step shows. */
  ask: z.string().max(2000).optional(),
  fault: z.record(z.string(), z.unknown()).optional(),
  focus: id.optional(),
  /** v1.1: the answers offered to the class for `ask` (3–4), and the index of the right one. */
  options: z.array(z.string().min(1).max(500)).min(2).max(5).optional(),
  answer: z.number().int().min(0).optional(),
});

/** A variant value: what a puzzle variable may set a prop to. */
const variableValue = z.union([z.string().max(200), z.number().finite(), z.boolean(), z.null()]);
/** v1.1 `variables`: a name → the values a variant picks and the `node.prop`s it sets (see variants.ts). */
export const variablesSchema = z.record(
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'variable names use letters and digits and start with a letter'),
  z.strictObject({
    values: z.array(variableValue).min(2, 'a variable needs at least 2 values').max(20),
    set: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*\.[A-Za-z][A-Za-z0-9]*$/, 'expected "nodeId.prop"')).max(20),
  }),
);

/** v1.1 `questions`: exam-style multiple-choice questions shown after a puzzle is solved. */
export const questionSchema = z.strictObject({
  q: z.string().min(1).max(2000),
  options: z.array(z.string().min(1).max(500)).min(3).max(5),
  answer: z.number().int().min(0),
  why: z.string().min(1).max(2000),
});

/** Our own: what the page records of a puzzle attempt when it exports the learner's design (the grader prints it). */
export const attemptSchema = z.looseObject({
  puzzle: z.string().max(300).optional(),
  variant: z.number().int().min(0).nullable().optional(),
  learner: z.string().max(200).optional(),
  hints: z.number().int().min(0).optional(),
  solutionShown: z.boolean().optional(),
  gaveUp: z.boolean().optional(),
  timeSpentSec: z.number().min(0).optional(),
  solved: z.boolean().optional(),
  answers: z.array(z.number().int().min(0).nullable()).optional(),
});

export const docSchema = z.looseObject({
  format: z.literal(FORMAT, { error: `must be exactly "${FORMAT}"` }),
  title: z.string().max(200).optional(),
  description: z.string().max(5000).optional(),
  seed: z.number().int().min(0).max(LIMITS.seedMax).optional(),
  durationSec: z.number().finite().positive().max(LIMITS.durationSec).optional(),
  /** format.md section 7: which behaviour a run follows where the exam sheet and AWS documentation differ. */
  rulebook: z.enum(RULEBOOKS).optional(),
  nodes: z.array(nodeSchema).max(LIMITS.nodes, `more than ${LIMITS.nodes} nodes`),
  edges: z.array(edgeSchema).max(LIMITS.edges, `more than ${LIMITS.edges} edges`).optional(),
  faults: z.array(faultSchema).max(LIMITS.faults).optional(),
  mode: z.enum(['sandbox', 'puzzle', 'demo']).optional(),
  domain: z.enum(['D1', 'D2', 'D3', 'D4']).optional(),
  story: z.string().max(10_000).optional(),
  goal: goalSchema.optional(),
  hints: z.array(z.string().max(2000)).max(20).optional(),
  locked: z.array(id).optional(),
  palette: z.array(z.enum(KINDS)).optional(),
  solution: solutionSchema.optional(),
  script: z.array(scriptStepSchema).max(500).optional(),
  /** v1.1: exam skill ids (exam-skills.md) a puzzle or demo trains. */
  skills: z
    .array(z.string().regex(/^[SK][1-4]\.[1-3]\.\d{1,2}$/, 'expected an exam skill id such as "S3.1.2"'))
    .max(20)
    .optional(),
  questions: z.array(questionSchema).max(5).optional(),
  /** Our own: other correct fixes (each hint's alternative), proven by tests and shown after solving. */
  alternatives: z
    .array(z.strictObject({ label: z.string().min(1).max(500), solution: solutionSchema }))
    .max(10)
    .optional(),
  variables: variablesSchema.optional(),
  /**
   * Our own (issue 17): AWS Budgets cost budgets over the simulated period, each with alert thresholds in percent of
   * its limit and optionally filtered to one cost allocation tag ("key=value"). Graded in the report's `budgets`.
   */
  budgets: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(100),
        limitUSD: z.number().positive().max(1_000_000_000),
        thresholds: z.array(z.number().min(1).max(1000)).min(1).max(10),
        tag: z
          .string()
          .regex(/^[^=]+=.*$/, 'expected "key=value", a cost allocation tag')
          .max(400)
          .optional(),
      }),
    )
    .max(10)
    .optional(),
  /**
   * Our own: a capstone incident's par, the fewest changes (solution.ts `countChanges`) that fix every fault;
   * the reference solution makes exactly that many. Shown, with the learner's count, after solving.
   */
  par: z.number().int().min(1).max(50).optional(),
  /** Our own: the variant number this document was made from (set by applyVariant). */
  variant: z.number().int().min(0).optional(),
  /**
   * Our own: the scenario props of locked nodes (node id → prop names) that the story states and the player may
   * not change. A locked node listed here keeps its other props editable; a locked node not listed keeps all its
   * props but those the solution sets (the v1 behaviour).
   */
  lockedProps: z.record(id, z.array(z.string().max(64))).optional(),
  attempt: attemptSchema.optional(),
});

export type ArchNode = z.infer<typeof nodeSchema>;
export type ArchEdge = z.infer<typeof edgeSchema>;
export type Fault = z.infer<typeof faultSchema>;
export type FaultKind = Fault['kind'];
export type { Goal } from './goals';
export type Solution = z.infer<typeof solutionSchema>;
export type ScriptStep = z.infer<typeof scriptStepSchema>;
export type ArchDoc = z.infer<typeof docSchema>;
export type Variables = z.infer<typeof variablesSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Attempt = z.infer<typeof attemptSchema>;
