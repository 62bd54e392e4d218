import { httpStatus } from '../../../catalog/rules';

/**
 * The numbers of the inference data plane. Limits come from rules.md (and AWS's documentation);
 * timings that AWS does not publish are chosen to make the sheet's lessons visible in a one-hour run.
 */
export const INFERENCE = {
  /** Simulated seconds per traffic tick: each endpoint moves one tick's arrivals at a time. */
  tickSec: 1,

  /** Payload limits, MB. */
  realtimeMaxPayloadMB: 6,
  serverlessMaxPayloadMB: 4,
  asyncMaxPayloadMB: 1024,

  /** A synchronous invocation (real-time, multi-model, serverless) fails after this many seconds. */
  invocationTimeoutSec: 60,
  /** Async invocation timeout: the maximum InvocationTimeoutSeconds (rules.md: processingSec over 3600). */
  asyncTimeoutSec: 3600,

  /** Requests a worker's queue holds (model server job queue) before the instance answers 503. */
  queueDepthPerWorker: 50,
  /** Spread (sigma of the underlying normal) of model latency around modelLatencyMs. */
  latencySigma: 0.25,
  /** Spread of payload sizes around payloadMB when payloadSpread is lognormal. */
  payloadSigma: 0.5,
  /** Zipf exponent of the model mix. */
  zipfExponent: 1,

  /** Online feature store lookup: median ms (GetRecord is single-digit ms) and spread. */
  onlineLookupMs: 5,
  onlineLookupSigma: 0.3,
  /** Offline feature store read (an Athena query over S3 Parquet): median ms and spread. */
  offlineLookupMs: 6000,
  offlineLookupSigma: 1,

  /** Serverless: a container's cold start (ModelSetupTime), s, and how long an idle container stays warm, s. */
  serverlessColdStartSec: 3,
  serverlessIdleSec: 120,

  /** Autoscaling: seconds between evaluations (CloudWatch's 1-minute period). */
  scalingPeriodSec: 60,
  /**
   * High-resolution metrics (ConcurrentRequestsPerModel) emit every 10 s; standard ones (InvocationsPerInstance)
   * every minute: https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-add-code-define.html
   */
  highResPeriodSec: 10,
  /** Default scale-out and scale-in cooldowns (Application Auto Scaling), s. */
  scaleOutCooldownSec: 300,
  scaleInCooldownSec: 300,
  /**
   * Target tracking's alarms (Application Auto Scaling creates them): scale-out after this many consecutive
   * 1-minute datapoints above the target, scale-in after this many below `scaleInRatio` × target. A minute
   * with no invocations has no datapoint, so an idle endpoint never scales in. Scale-in removes capacity
   * more conservatively than scale-out adds it ("usually 10% or more" below the target):
   * https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html
   */
  scaleOutDatapoints: 3,
  scaleInDatapoints: 15,
  scaleInRatio: 0.9,
  /** Time for a new instance to launch and pass its health check, s. */
  provisionSec: 240,

  /** Async: queued requests per instance the backlog policy aims for. */
  asyncBacklogPerInstance: 5,
  /** Async: the endpoint scales in to minCapacity after this long with an empty queue, s. */
  asyncIdleSec: 300,
  /** Async: a queued request expires after RequestTTLSeconds (default and maximum 6 h). */
  asyncRequestTtlSec: 21_600,
  /** Async: most requests held in the queue (keeps a day-long overloaded run's memory bounded). */
  asyncMaxBacklog: 1_000_000,
  /**
   * Async: async-backlog-growing compares the backlog with this many minutes before (a spiky client's burst that the
   * instances drain in between raises nothing; a backlog that is higher than 5 minutes ago keeps climbing). The
   * simulator's choice.
   */
  asyncBacklogGrowthMinutes: 5,
  /** Async: time for an instance to start when the endpoint is at zero, s. */
  asyncScaleOutSec: 240,

  /** Multi-model cache thrash is reported from evictions that reload a model in use. */
  mmeModelName: (i: number) => `model-${i + 1}`,

  /**
   * Right-sizing (endpoint-idle, endpoint-over-provisioned): the utilization per core an endpoint's load is sized at,
   * Inference
   * Recommender's default target (TargetCpuUtilizationPerCore, "The default value is 50%":
   * https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/sagemaker/aws.sdk.kotlin.services.sagemaker.model/-get-scaling-configuration-recommendation-request/target-cpu-utilization-per-core.html),
   * and the time in service a run needs before the finding is made (the simulator's choice).
   */
  rightSizeUtilization: 0.5,
  rightSizeMinSec: 3600,
} as const;

/** The mean of the lognormal model-latency factor (median 1): e^(sigma²/2). */
export const LATENCY_MEAN_FACTOR = Math.exp((INFERENCE.latencySigma * INFERENCE.latencySigma) / 2);

/**
 * Error text shown per endpoint kind when a payload is over the limit (rules.md: AWS error text). The
 * statuses come from the catalog (payload-too-large's http / httpByKind): one table, no copy here.
 */
export const PAYLOAD_ERRORS = {
  'realtime-endpoint': {
    status: httpStatus('payload-too-large', 'realtime-endpoint')!,
    detail: 'Request Entity Too Large',
    endpointType: 'real-time',
    limitMB: INFERENCE.realtimeMaxPayloadMB,
  },
  'multi-model-endpoint': {
    status: httpStatus('payload-too-large', 'multi-model-endpoint')!,
    detail: 'Request Entity Too Large',
    endpointType: 'real-time (multi-model)',
    limitMB: INFERENCE.realtimeMaxPayloadMB,
  },
  'serverless-endpoint': {
    status: httpStatus('payload-too-large', 'serverless-endpoint')!,
    detail: 'ValidationError: oversize body',
    endpointType: 'serverless',
    limitMB: INFERENCE.serverlessMaxPayloadMB,
  },
  'async-endpoint': {
    status: httpStatus('payload-too-large', 'async-endpoint')!,
    detail: 'ValidationError: the input object is larger than 1 GB',
    endpointType: 'asynchronous',
    limitMB: INFERENCE.asyncMaxPayloadMB,
  },
} as const;

/** AWS's name for the single production variant of endpoints without variants. */
export const DEFAULT_VARIANT = 'AllTraffic';
