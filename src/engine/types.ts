import type { Severity } from '../catalog/types';

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
 * Phases at which a node can be stopped by something outside its own lifecycle. The module that owns
 * the lifecycle asks `sim.gate(node, phase)`; other modules register gates (`sim.addGate`).
 * - image-pull: pulling the container image from ECR (jobs, endpoints)
 * - data-download: reading input data from S3 (jobs)
 * - model-download: reading model artifacts from S3 (endpoints)
 * - deploy: deploying a model version to an endpoint (registry approval)
 * - api-call: calling the SageMaker API (lambda, pipeline)
 * - outbound-call: a container calling an outside service
 * - logs: shipping logs to CloudWatch
 * - output-upload: writing a job's output (model artifacts, processed data) to S3
 */
export type Phase =
  | 'create'
  | 'image-pull'
  | 'data-download'
  | 'model-download'
  | 'deploy'
  | 'api-call'
  | 'outbound-call'
  | 'logs'
  | 'output-upload'
  /** An endpoint's container answers GET /ping on port 8080 before it goes InService. */
  | 'health-check'
  /** The instances of a distributed job (instanceCount > 1) connect to each other (their security group). */
  | 'cluster';

/** Why a node cannot go on: the rule, the message's placeholders, and data for the why? panel (a network path). */
export interface Blocker {
  rule: string;
  /**
   * A failure no catalog rule names (IAM AccessDenied for an action the role lacks): the job fails with this
   * message as its FailureReason and no incident is recorded. Only job lifecycles (JobRun.gate) receive these.
   */
  failure?: string;
  vars?: Record<string, string | number>;
  data?: Record<string, unknown>;
}
