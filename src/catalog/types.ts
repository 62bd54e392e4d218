/**
 * Types of the catalog: the data that describes every kind of node, every edge pair,
 * every rule and every price. The catalog imports nothing but itself.
 */

/** Exam domains of the cheat sheet. */
export type Domain = 'D1' | 'D2' | 'D3' | 'D4';
/** Palette groups: the four exam domains, plus networking & security building blocks. */
export type Group = Domain | 'NET';
export type Severity = 'error' | 'warning' | 'info';

export const KINDS = [
  'client',
  's3-bucket',
  'data-source',
  'ecr-repository',
  'data-wrangler',
  'processing-job',
  'feature-store',
  'kinesis-stream',
  'firehose',
  'file-system',
  'ground-truth',
  'training-job',
  'tuning-job',
  'realtime-endpoint',
  'serverless-endpoint',
  'async-endpoint',
  'batch-transform',
  'multi-model-endpoint',
  'model-registry',
  'pipeline',
  'condition-step',
  'callback-step',
  'codepipeline',
  'eventbridge',
  'lambda',
  'sqs',
  'sns',
  'cloudwatch',
  'model-monitor',
  'clarify',
  'vpc',
  'subnet',
  'vpc-endpoint',
  'kms-key',
  'iam-role',
  'macie',
  'cloudtrail',
  'ai-service',
  'autopilot-job',
  'jumpstart-model',
  'scp',
  'inference-recommender',
  'security-group',
  'cloudwatch-dashboard',
  'savings-plan',
] as const;
export type Kind = (typeof KINDS)[number];

/** What a node does in a run; decides its report entry and its default state. */
export type Role =
  | 'client'
  | 'store'
  | 'job'
  | 'endpoint'
  | 'batch'
  | 'pipeline'
  | 'step'
  | 'registry'
  | 'monitor'
  | 'glue'
  | 'network'
  | 'security';

interface PropBase {
  /** Label in the inspector. */
  label: string;
  /** One-line help text: the sheet's fact behind the prop where there is one. */
  help: string;
  /** A prop the contract (format.md section 2) fixes; extra props are the project's own. */
  contract?: boolean;
}
export interface NumberProp extends PropBase {
  type: 'number';
  default: number | null;
  nullable?: boolean;
  integer?: boolean;
  min?: number;
  max?: number;
  step?: number;
  /** Unit shown beside the field: "GB", "MB", "s", "ms", "rps", "min"… */
  unit?: string;
}
export interface BooleanProp extends PropBase {
  type: 'boolean';
  default: boolean;
}
export interface EnumProp extends PropBase {
  type: 'enum';
  options: readonly string[];
  default: string | null;
  nullable?: boolean;
}
export interface StringProp extends PropBase {
  type: 'string';
  default: string | null;
  nullable?: boolean;
  maxLength?: number;
}
/** A prop holding the id of another node (a KMS key, an IAM role). */
export interface RefProp extends PropBase {
  type: 'ref';
  refKinds: readonly Kind[];
  default: null;
}
export interface StringListProp extends PropBase {
  type: 'string-list';
  default: readonly string[];
  maxItems?: number;
  /** The only values an item may take (e.g. Debugger built-in rule names); missing = free text. */
  options?: readonly string[];
}
/** Target-tracking autoscaling `{ min, max, targetInvocationsPerInstance }` or null. */
export interface AutoscalingProp extends PropBase {
  type: 'autoscaling';
  default: null;
}
/** Production variants `[{ name, weight, shadow? }]`. */
export interface VariantsProp extends PropBase {
  type: 'variants';
  default: readonly VariantValue[];
}
/**
 * A real-time endpoint's deployment guardrails (UpdateEndpoint DeploymentConfig: BlueGreenUpdatePolicy with its
 * TrafficRoutingConfiguration, and AutoRollbackConfiguration) or null (AWS's default blue/green, all at once, no
 * alarms).
 */
export interface DeploymentProp extends PropBase {
  type: 'deployment';
  default: null;
}
export type PropDef =
  | NumberProp
  | BooleanProp
  | EnumProp
  | StringProp
  | RefProp
  | StringListProp
  | AutoscalingProp
  | VariantsProp
  | DeploymentProp;

/**
 * Target-tracking autoscaling of a real-time endpoint (the value of an `autoscaling` prop; model/props.ts validates
 * it).
 */
export interface AutoscalingValue {
  min: number;
  max: number;
  targetInvocationsPerInstance: number;
  /** Our own additions: cooldowns (AWS default 300 s each). */
  scaleOutCooldownSec?: number;
  scaleInCooldownSec?: number;
}
/** One production variant (an element of a `variants` prop; model/props.ts validates it). */
export interface VariantValue {
  name: string;
  weight: number;
  shadow?: boolean;
  /** A shadow variant's share of the requests it mirrors, 1–100 (format.md section 7; default 100). */
  samplingPercentage?: number;
  /** Our own additions: per-variant instances and model latency. */
  instanceType?: string;
  instanceCount?: number;
  modelLatencyMs?: number;
}

/** A real-time endpoint's deployment guardrails once loaded (model/props.ts `deploymentSchema` validates it). */
export interface DeploymentValue {
  type: 'all-at-once' | 'canary' | 'linear';
  sizePercent?: number;
  waitIntervalSec: number;
  terminationWaitSec?: number;
  rollbackAlarms?: string[];
}

/** The value a prop holds once defaults are applied, from its definition (nullable props may hold null). */
export type PropValue<P extends PropDef> = P extends { type: 'number' }
  ? Nullable<P, number>
  : P extends { type: 'boolean' }
    ? boolean
    : P extends { type: 'enum'; options: readonly (infer O)[] }
      ? Nullable<P, O>
      : P extends { type: 'string' }
        ? Nullable<P, string>
        : P extends { type: 'ref' }
          ? string | null
          : P extends { type: 'string-list' }
            ? string[]
            : P extends { type: 'autoscaling' }
              ? AutoscalingValue | null
              : P extends { type: 'variants' }
                ? VariantValue[]
                : P extends { type: 'deployment' }
                  ? DeploymentValue | null
                  : never;
type Nullable<P, T> = P extends { nullable: true } ? T | null : T;

export interface KindDef {
  kind: Kind;
  /** Name on the canvas and in the palette, as AWS names the thing. */
  label: string;
  group: Group;
  role: Role;
  /** The sheet's fact about this component, in one line of our own words. */
  description: string;
  /** Key of the icon drawn for it. */
  icon: string;
  /** vpc, subnet and pipeline hold other nodes. */
  container?: boolean;
  /** Kinds that may be this node's parent; empty = never has a parent. */
  parents: readonly Kind[];
  /** The node must have a parent (a subnet in a vpc, a step in a pipeline). */
  parentRequired?: boolean;
  props: Readonly<Record<string, PropDef>>;
}

export interface EdgePair {
  from: readonly Kind[];
  to: readonly Kind[];
  /** Short name of what the edge carries, shown on the canvas. */
  label: string;
  /** What the connection means, in a sentence. */
  meaning: string;
  /** Both ends must be children of one pipeline (the pipeline's DAG). */
  samePipeline?: boolean;
  /** Control-plane (artifacts, events, creation) or data-plane (requests). */
  plane: 'data' | 'control';
}

/** Which issue's engine module makes the rule happen during a run. */
export type RuleArea =
  'inference' | 'jobs' | 'network' | 'security' | 'mlops' | 'monitoring' | 'data' | 'deploy' | 'cost';

export interface RuleDef {
  id: string;
  domain: Domain;
  severity: Severity;
  /** Short title for lists. */
  title: string;
  /** The cheat-sheet fact it teaches, in our own words. */
  sheet: string;
  /** What resolves it (names API parameters where there is one). */
  fix: string;
  /** What AWS documents today where it differs from the sheet; null when they agree. */
  docs: string | null;
  /**
   * The AWS-style message a user sees when it happens. `{node}` and other `{name}` placeholders
   * are filled from the incident's details.
   */
  message: string;
  /** Architecture condition that triggers it (rules.md "trigger"). */
  trigger: string;
  /** What the run shows (rules.md "in the run"). */
  inRun: string;
  /** Engine area that makes it happen in a run. */
  area: RuleArea;
  /** True when the trigger can be seen in the document before a run (a static finding). */
  static: boolean;
  /** HTTP status AWS returns on the requests the rule fails (InvokeEndpoint's error table), where it fails requests. */
  http?: number;
  /** The status where it differs by endpoint kind (a payload over the limit: 413 real-time, 400 serverless). */
  httpByKind?: Partial<Record<Kind, number>>;
  /**
   * Where the exam sheet and AWS documentation differ: how the rule behaves under the `aws` rulebook
   * (format.md section 7). Absent when both rulebooks behave alike.
   */
  aws?: string;
  /** How the UI shows the rule when it happens (one place: the canvas, the log, the trace, the why? panel). */
  display?: RuleDisplay;
}

/**
 * A rule's short facts as the first screen reads them (`rule-index.ts`): generated from its catalog entry in
 * `rules.ts`, so the page loads the catalog's prose only with the panels that show it.
 */
export type RuleSummary = Pick<RuleDef, 'id' | 'domain' | 'severity' | 'title' | 'display'>;

/** The services a node may need over the network; all but `internet` have a VPC endpoint of that name. */
export const NET_SERVICES = [
  's3',
  'ecr.api',
  'ecr.dkr',
  'sagemaker.api',
  'sagemaker.runtime',
  'logs',
  'monitoring',
  'sts',
  'kms',
  'internet',
] as const;
export type NetService = (typeof NET_SERVICES)[number];

/** How a request hit by a rule ends, as the canvas colours it and its sampled trace is labelled. */
export type RequestOutcome = 'rejected' | 'throttled' | 'timedOut' | 'cold';

/** How a rule is shown when it happens. Every consumer (worker, log, why? panel, traces) reads this. */
export interface RuleDisplay {
  /**
   * The rule hits single requests: how such a request ends (its dot's colour on the canvas and its trace's
   * outcome). Its log rows open a sampled request's trace. `cold` requests succeed late (counted as cold starts).
   */
  request?: RequestOutcome;
  /** The rule's cause is a network path: the services whose path the why? panel draws. */
  network?: readonly NetService[];
  /** The rule makes a monitoring run fail (as opposed to a violation the run reports). */
  monitorFailure?: boolean;
}
