import type {
  ExperimentRun,
  FlowEvent,
  Finding,
  Incident,
  LogEvent,
  ModelLineage,
  NetworkReport,
  Report,
  RequestTrace,
  ScalingActivity,
} from '../engine';
import type { ArchDoc, Fault } from '../model/schema';

/** A fault as the page asks for it: any fault kind with its parameters; `atSec` defaults to now. */
export type FaultInput = Fault extends infer F
  ? F extends Fault
    ? Omit<F, 'atSec'> & { atSec?: number }
    : never
  : never;

/** Messages from the page to the engine worker. */
export type ToWorker =
  | { type: 'load'; doc: ArchDoc; seed?: number; durationSec?: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'speed'; speed: number }
  | { type: 'runToEnd' }
  | { type: 'reset' }
  /** Inject a fault at the current simulated time (the page also records it in the document). */
  | { type: 'fault'; fault: FaultInput }
  /** Ask for the report of the document, built exactly as the runner builds it. */
  | { type: 'report' }
  /** The node whose chart series come with every update (null: none). */
  | { type: 'select'; node: string | null }
  /** Ask for the sampled request traces of an endpoint. */
  | { type: 'traces'; node: string }
  /** Ask for the run's experiments (training and tuning jobs compared) and the lineage of its models. */
  | { type: 'experiments' }
  /** Static findings of a document (the editor's checks, off the main thread). */
  | { type: 'check'; doc: ArchDoc; id: number }
  /** What a node of a document can reach over the network, and the path (the why? panel). */
  | { type: 'network'; doc: ArchDoc; node: string; id: number }
  /** Grade each criterion of a document's goal alone against a report of its run (the puzzle checklist). */
  | { type: 'grade'; doc: ArchDoc; report: Report; id: number };

/** One criterion of a goal graded alone: met or not, and the runner's words when not (`key` from goalCriteria). */
export interface GradedCriterion {
  key: string;
  met: boolean;
  why?: string;
}

/** `toEnd`: running to the end at full speed, in slices (pause, step and reset still work). */
export type RunStatus = 'idle' | 'running' | 'paused' | 'toEnd' | 'finished';

/** What the page shows of one node while a run goes on. Rates are per simulated second over the last update. */
export interface LiveNode {
  state?: string;
  requests: number;
  ok: number;
  failed: number;
  coldStarts: number;
  /** Requests per simulated second since the previous update. */
  rps: number;
  /** Failed requests per simulated second since the previous update. */
  errorRate: number;
  p50Ms: number;
  p99Ms: number;
  costUSD: number;
  /** Incident counts on this node by rule (cumulative). */
  incidents: Record<string, number>;
  /** Module-provided figures (instances, phase…). */
  extra: Record<string, unknown>;
  /** Live instance count (the `instances` series' latest value), when the node has one. */
  instances?: number;
  /** A running job's phase and its progress (0…1). */
  phase?: string;
  progress?: number;
  /** Outcome rates per simulated second over the last few simulated seconds (endpoints). */
  outcomes?: Outcomes;
  /** Live MLOps state (pipelines, registries, monitors): never in the report. */
  mlops?: MlopsLive;
}

/** A monitoring run as the live view shows it. */
export interface MonitorRunLive {
  n: number;
  t: number;
  result: 'ok' | 'violation' | 'failed' | 'empty';
  text: string;
}

/** What a pipeline, a model registry or a model monitor shows while a run goes on. */
export interface MlopsLive {
  /** A pipeline's executions (newest last; the last one is current or the last finished). */
  executions?: { n: number; state: string; reason: string; startSec: number; endSec?: number }[];
  /** A pipeline's steps with their states (a job step's phase and progress while it runs). */
  steps?: { id: string; state?: string; phase?: string; progress?: number }[];
  /** A registry's model packages, oldest first (package 0 is the one from before the run). */
  packages?: {
    n: number;
    id: string;
    model: string | null;
    status: string;
    registeredAt?: number;
    statusAt?: number;
  }[];
  /** A monitor's runs (the newest ones). */
  runs?: MonitorRunLive[];
}

/**
 * Something that travelled along a control-plane edge at simulated second `t` (the engine's FlowEvent):
 * an event along a chain (S3 → EventBridge → Lambda / pipeline…), a model package, data or an image;
 * `broken` (to null) is a chain that stops at `from`.
 */
export interface Flow extends FlowEvent {
  t: number;
}

/** An endpoint's scaling activity at simulated second `t` (the engine's ScalingActivity). */
export interface Scaling extends ScalingActivity {
  t: number;
}

/** Requests per simulated second by outcome, for the dots on the canvas. */
export interface Outcomes {
  ok: number;
  rejected: number;
  throttled: number;
  timedOut: number;
  cold: number;
  failed: number;
}

/** A batched update from the worker: everything that changed since the last one. */
export interface RunUpdate {
  type: 'update';
  status: RunStatus;
  /** Simulated seconds. */
  now: number;
  durationSec: number;
  speed: number;
  seed: number;
  nodes: Record<string, LiveNode>;
  /** Log entries added since the previous update (capped; `logTotal` stays exact). */
  log: LogEvent[];
  logTotal: number;
  incidents: Incident[];
  costUSD: number;
  /** The event a single step processed. */
  lastStep: string | null;
  /** While running to the end: wall seconds left at the pace so far (null before the first slice). */
  etaSec?: number | null;
  /** Exact log counts by severity (the log itself is streamed in batches). */
  logCounts: { error: number; warning: number; info: number };
  /** Chart series of the selected node ([startSec, value] points), when one is selected. */
  selected?: { node: string; bucketSec: number; series: Record<string, [number, number][]> };
  /** Control-plane flows since the previous update (events along chains, artifacts), oldest first. */
  flows?: Flow[];
  /** Scaling activities since the previous update, oldest first. */
  scaling?: Scaling[];
}

export type FromWorker =
  | RunUpdate
  | { type: 'report'; report: Report }
  /** A fault the worker applied, as it must be recorded in the document (its `atSec` fixed). */
  | { type: 'fault'; fault: Fault }
  | { type: 'traces'; node: string; traces: RequestTrace[] }
  | { type: 'experiments'; runs: ExperimentRun[]; lineage: ModelLineage[] }
  | { type: 'findings'; id: number; findings: Finding[] }
  | { type: 'network'; id: number; report: NetworkReport | null }
  | { type: 'graded'; id: number; items: GradedCriterion[] }
  | { type: 'error'; message: string };
