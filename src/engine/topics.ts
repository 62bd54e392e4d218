/**
 * Topics modules publish and subscribe to (`sim.emit` / `sim.on`), typed by `TopicMap` (topic → payload,
 * as tldraw's event map types its events). The payloads are the contract between areas: a module never
 * imports another module's code, only these names and shapes. The observation topics at the end
 * (flows, pipeline executions, package status, monitor runs, scaling) are for hosts: the worker
 * forwards them to the page; no module reacts to them, so listening changes nothing in a run.
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
  /**
   * An event left its source for EventBridge (S3 object created, model package state change, monitor violation).
   * `AwsEvent`
   */
  awsEvent: 'aws.event',
  /** An endpoint started serving a model version (at InService or after an update). `ModelServing` */
  modelServing: 'model.serving',
  /** An Autopilot job completed with a best candidate (DescribeAutoMLJobV2 BestCandidate). `AutomlCompleted` */
  automlCompleted: 'automl.completed',

  /** Observation: something travelled along a control-plane edge (an event, a model, data, an image). `FlowEvent` */
  flow: 'observe.flow',
  /** Observation: a pipeline execution began or ended. `PipelineExecution` */
  pipelineExecution: 'observe.pipeline-execution',
  /** Observation: a model package was registered or its approval status changed. `PackageStatus` */
  packageStatus: 'observe.package-status',
  /** Observation: a monitoring run ended (its result). `MonitorRun` */
  monitorRun: 'observe.monitor-run',
  /** Observation: an endpoint (variant) scaled out or in. `ScalingActivity` */
  scaling: 'observe.scaling',
  /**
   * A blue/green update moved a share of a real-time endpoint's traffic to the new fleet (0 = rolled back).
   * `DeployTraffic`
   */
  deployTraffic: 'deploy.traffic',
  /** A CodePipeline build stage starts a SageMaker pipeline execution (StartPipelineExecution). `PipelineStart` */
  pipelineStart: 'pipeline.start',
  /** An EventBridge rule starts a CodePipeline release (e.g. on a model package approval). `ReleaseStart` */
  releaseStart: 'release.start',
} as const;

/** A node id with no further payload. */
export interface NodeRef {
  node: string;
}
/** Payload of TOPICS.state. */
export interface StateChange {
  node: string;
  from: string | undefined;
  to: string;
}
/** Payload of TOPICS.endpointFailed. */
export interface EndpointFailed {
  node: string;
  rule: string;
  data?: Record<string, unknown>;
}
/** Payload of TOPICS.endpointUpdate and TOPICS.endpointUpdated. */
export interface EndpointVersion {
  node: string;
  version?: string;
}

/**
 * Something that travelled along a control-plane edge: an event along a chain (S3 → EventBridge →
 * Lambda / pipeline…), a model package, data or an image; `broken` (to null) is a chain that stops at `from`.
 */
export interface FlowEvent {
  from: string;
  to: string | null;
  kind: 'event' | 'model' | 'data' | 'image' | 'broken';
  label: string;
}
/** Payload of TOPICS.pipelineExecution: `state` is Executing at the start, then Succeeded or Failed. */
export interface PipelineExecution {
  pipeline: string;
  n: number;
  state: string;
  /** What started it (at the start) or why it ended (a failure's reason; empty when it succeeded). */
  reason: string;
}
/** Payload of TOPICS.packageStatus: `registered` on RegisterModel, otherwise an approval change. */
export interface PackageStatus {
  registry: string;
  package: string;
  model: string | null;
  status: string;
  registered: boolean;
}
/** Payload of TOPICS.monitorRun. `rule` is the rule that made a failed run fail or a violation's rule. */
export interface MonitorRun {
  monitor: string;
  n: number;
  result: 'ok' | 'violation' | 'failed' | 'empty';
  /** The run's outcome in words, as the log shows it after the run's number. */
  text: string;
  rule?: string;
  /** Endpoints whose captured data the run read. */
  endpoints: string[];
}
/** Payload of TOPICS.scaling: instance counts before and after (pending launches included). */
export interface ScalingActivity {
  endpoint: string;
  variant?: string;
  from: number;
  to: number;
  /** What drove it: target tracking on InvocationsPerInstance, or an async backlog policy. */
  /** step: the step-scaling policy on NoCapacityInvocationFailures (an inference component scaled to zero). */
  policy: 'target-tracking' | 'backlog' | 'step';
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

/**
 * Payload of TOPICS.awsEvent: `source` is the node that emitted it (an s3-bucket, a model-registry, a model-monitor).
 */
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
  /** The training job that made the version, if the design has one. */
  training?: string;
  metric: string;
  validation: number;
  production: number;
}

/**
 * Payload of TOPICS.automlCompleted: the best candidate of an Autopilot job (its name, algorithm and objective value on
 * the leaderboard) and the quality (0–1) behind that value, SageSim's own scale (engine/modules/automl/autopilot.ts).
 */
export interface AutomlCompleted {
  node: string;
  candidate: string;
  algorithm: string;
  /** AutoMLJobObjective.MetricName, as Autopilot spells it (F1, AUC, MSE…). */
  metric: string;
  value: number;
  quality: number;
  /** Candidates on the leaderboard. */
  candidates: number;
  /** ProblemType (inferred or declared). */
  problemType: string;
}

/** Payload of TOPICS.deployTraffic (published by the deploy module, read by the real-time data plane). */
export interface DeployTraffic {
  node: string;
  /** Share of production requests on the new (green) fleet, 0–1. */
  share: number;
  /** Share of the new version's requests its model fails (500 → ModelError). */
  errorRate: number;
  version: string;
}

/** Payload of TOPICS.pipelineStart: the SageMaker pipeline to start and who starts it. */
export interface PipelineStart {
  node: string;
  reason: string;
}
/** Payload of TOPICS.releaseStart: the codepipeline to start, why, and the model version it releases (a package). */
export interface ReleaseStart {
  node: string;
  reason: string;
  version?: string;
}

/** The payload of every topic (topic → payload), so `sim.on` / `sim.emit` are checked at compile time. */
export interface TopicMap {
  [TOPICS.jobStart]: JobStart;
  [TOPICS.jobCompleted]: JobCompleted;
  [TOPICS.jobFailed]: JobFailed;
  [TOPICS.endpointInService]: NodeRef;
  [TOPICS.endpointFailed]: EndpointFailed;
  [TOPICS.endpointUpdate]: EndpointVersion;
  [TOPICS.endpointUpdated]: EndpointVersion;
  [TOPICS.state]: StateChange;
  [TOPICS.awsEvent]: AwsEvent;
  [TOPICS.modelServing]: ModelServing;
  [TOPICS.automlCompleted]: AutomlCompleted;
  [TOPICS.flow]: FlowEvent;
  [TOPICS.pipelineExecution]: PipelineExecution;
  [TOPICS.packageStatus]: PackageStatus;
  [TOPICS.monitorRun]: MonitorRun;
  [TOPICS.scaling]: ScalingActivity;
  [TOPICS.deployTraffic]: DeployTraffic;
  [TOPICS.pipelineStart]: PipelineStart;
  [TOPICS.releaseStart]: ReleaseStart;
}

/** A topic's name. */
export type Topic = keyof TopicMap;

/** A subscriber to a topic (as tldraw's TLEventMapHandler). */
export type TopicHandler<K extends Topic> = (payload: TopicMap[K]) => void;
