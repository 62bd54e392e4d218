/**
 * Topics modules publish and subscribe to (`sim.emit` / `sim.on`). The payloads are the contract
 * between areas: a module never imports another module's code, only these names and shapes.
 */
export const TOPICS = {
  /** Start a job that waits to be started (a pipeline step, a tuner's training job). `{ node, by, execution }` */
  jobStart: 'job.start',
  /** A job completed. `{ node, execution?, durationSec }` */
  jobCompleted: 'job.completed',
  /** A job failed or was stopped. `{ node, execution?, rule?, state: 'Failed' | 'Stopped' }` */
  jobFailed: 'job.failed',
  /** An endpoint reached InService for the first time. `{ node }` */
  endpointInService: 'endpoint.inService',
  /** An endpoint's creation failed. `{ node, rule, data? }` */
  endpointFailed: 'endpoint.failed',
  /** Ask an InService endpoint to deploy a new model version. `{ node, version? }` */
  endpointUpdate: 'endpoint.update',
  /** An endpoint finished an update. `{ node, version? }` */
  endpointUpdated: 'endpoint.updated',
  /** Any node changed state (emitted by the core). `{ node, from, to }` */
  state: 'state',
  /** An event left its source for EventBridge (S3 object created, model package state change, monitor violation). `AwsEvent` */
  awsEvent: 'aws.event',
  /** An endpoint started serving a model version (at InService or after an update). `ModelServing` */
  modelServing: 'model.serving',
  /** A blue/green update moved a share of a real-time endpoint's traffic to the new fleet (0 = rolled back). `DeployTraffic` */
  deployTraffic: 'deploy.traffic',
} as const;

/** Payload of TOPICS.deployTraffic (published by the deploy module, read by the real-time data plane). */
export interface DeployTraffic {
  node: string;
  /** Share of production requests on the new (green) fleet, 0–1. */
  share: number;
  /** Share of the new version's requests its model fails (500 → ModelError). */
  errorRate: number;
  version: string;
}

/** Payload of TOPICS.jobStart. */
export interface JobStart {
  node: string;
  by: string;
  execution: number;
}
/** Payload of TOPICS.jobCompleted. */
export interface JobCompleted {
  node: string;
  execution?: number;
  durationSec: number;
}
/** Payload of TOPICS.jobFailed. */
export interface JobFailed {
  node: string;
  execution?: number;
  rule?: string;
  state: 'Failed' | 'Stopped';
}

/** Payload of TOPICS.awsEvent: `source` is the node that emitted it (an s3-bucket, a model-registry, a model-monitor). */
export interface AwsEvent {
  source: string;
  type: 'object-created' | 'package-state-change' | 'monitor-violation';
  /** Event details (a model package and its status, a violation's rule). */
  detail?: Record<string, string | number>;
}
/** Payload of TOPICS.modelServing. Quality figures are the judged metric's values (see mlops/quality.ts). */
export interface ModelServing {
  endpoint: string;
  /** Model version id, e.g. "train:v2"; null = the model the endpoint was created with (trained before the run). */
  version: string | null;
  /** Simulated second the version was trained (completed); 0 for a model from before the run. */
  trainedAtSec: number;
  metric: string;
  validation: number;
  production: number;
}
