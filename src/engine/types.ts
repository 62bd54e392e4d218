import type { Severity } from '../catalog/types';
import type { GNode, Graph } from '../model/graph';
import type { Fault } from '../model/schema';
import type { Simulation } from './sim';

/** A static finding: a rule whose trigger is visible in the document before any traffic. */
export interface Finding {
  rule: string;
  node: string;
  severity: Severity;
  message: string;
}

/** What happened during a run, grouped by rule and node (report section 5). */
export interface Incident {
  rule: string;
  node: string;
  count: number;
  /** Simulated second of the first occurrence. */
  firstAtSec: number;
  message: string;
}

export type LogType = 'state' | 'incident' | 'fault' | 'info' | 'event' | 'cost';

/** One line of the event log. */
export interface LogEvent {
  /** Sequence number, exact even when old entries are dropped. */
  seq: number;
  /** Simulated second. */
  t: number;
  node: string | null;
  type: LogType;
  severity: Severity;
  rule?: string;
  message: string;
  /** Extra data for the UI (a network path, a request trace, a phase progress). */
  data?: Record<string, unknown>;
}

/** Job, endpoint and pipeline states of format.md section 5 (plus the phase a job is in). */
export type NodeState =
  | 'Pending'
  | 'InProgress'
  | 'Completed'
  | 'Failed'
  | 'Stopped'
  | 'Creating'
  | 'InService'
  | 'Updating'
  | 'Executing'
  | 'Succeeded'
  | (string & {});

/**
 * An engine module: one area of behaviour (inference, jobs, network, security, MLOps, monitoring).
 * The core knows nothing about any area; modules read the graph, schedule events and report through
 * the simulation's API.
 */
export interface SimModule {
  id: string;
  /** Static findings for the rules this module owns (pure; no run). */
  check?(g: Graph): Finding[];
  /** Once, before the first event: set initial states, schedule the first events, subscribe to topics. */
  start?(sim: Simulation): void;
  /** Once, at the end: bill what is still running, close open measurements. */
  finish?(sim: Simulation): void;
  /** Faults and timed actions this module handles, by kind. */
  faults?: Partial<Record<Fault['kind'], (sim: Simulation, fault: Fault) => void>>;
}

/**
 * Phases at which a node can be stopped by something outside its own lifecycle. The module that owns
 * the lifecycle asks `sim.gate(node, phase)`; other modules register gates (`sim.addGate`).
 * - image-pull: pulling the container image from ECR (jobs, endpoints)
 * - data-download: reading input data from S3 (jobs)
 * - model-download: reading model artifacts from S3 (endpoints)
 * - deploy: deploying a model version to an endpoint (registry approval)
 * - api-call: calling the SageMaker API (lambda, pipeline)
 * - outbound-call: a container calling an outside service
 * - logs: shipping logs to CloudWatch
 */
export type Phase =
  'create' | 'image-pull' | 'data-download' | 'model-download' | 'deploy' | 'api-call' | 'outbound-call' | 'logs';

/** Why a node cannot go on: the rule, the message's placeholders, and data for the why? panel (a network path). */
export interface Blocker {
  rule: string;
  vars?: Record<string, string | number>;
  data?: Record<string, unknown>;
}

export type Gate = (node: GNode, phase: Phase, sim: Simulation) => Blocker | null;
