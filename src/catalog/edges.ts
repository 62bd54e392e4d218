import type { EdgePair, Kind } from './types';
import { ENDPOINT_KINDS, STEP_KINDS, kindDef } from './kinds';

const EP = ENDPOINT_KINDS;

/** The edge-pair table of format.md section 3 (plus a few pairs of our own, marked). */
export const EDGE_PAIRS: readonly EdgePair[] = [
  {
    from: ['client'],
    to: EP,
    label: 'invoke',
    meaning: 'Invocations: the client sends requests to the endpoint.',
    plane: 'data',
  },
  {
    from: ['client'],
    to: ['ai-service'],
    label: 'invoke',
    meaning: 'API calls to a managed AI service or a Bedrock model (SageSim addition).',
    plane: 'data',
  },
  {
    from: ['s3-bucket'],
    to: ['ai-service'],
    label: 'training data',
    meaning: 'Labelled data a managed AI service or Bedrock model is customised on (SageSim addition).',
    plane: 'control',
  },
  // streaming ingestion (issue 16, data16)
  {
    from: ['client'],
    to: ['kinesis-stream', 'firehose'],
    label: 'put records',
    meaning:
      'A producer writes records (PutRecord/PutRecords): its rps is records per second, its payloadMB the record size.',
    plane: 'data',
  },
  {
    from: ['kinesis-stream'],
    to: ['lambda', 'firehose'],
    label: 'consume',
    meaning:
      'A Lambda event source mapping, or a Firehose stream with the data stream as its source, reads the records.',
    plane: 'data',
  },
  {
    from: ['lambda'],
    to: ['feature-store'],
    label: 'PutRecord',
    meaning:
      'The function writes each record to the feature group (online store at once, offline store within 15 minutes).',
    plane: 'data',
  },
  {
    from: ['firehose'],
    to: ['s3-bucket'],
    label: 'deliver',
    meaning: 'Firehose writes each full buffer to the bucket as one object.',
    plane: 'data',
  },
  // file systems as training inputs (issue 16, ingest16)
  {
    from: ['s3-bucket'],
    to: ['file-system'],
    label: 'data repository',
    meaning:
      'FSx for Lustre links the bucket as its data repository and presents its objects as files; for EFS, the ' +
      "bucket's data copied onto the file system (DataSync).",
    plane: 'control',
  },
  {
    from: ['file-system'],
    to: ['training-job'],
    label: 'mount',
    meaning:
      'An input channel with a FileSystemDataSource: the job mounts the directory instead of downloading it ' +
      '(the job must run in the VPC of the file system).',
    plane: 'data',
  },
  {
    from: ['s3-bucket'],
    to: ['autopilot-job'],
    label: 'input data',
    meaning: 'The tabular dataset (with its target column) an Autopilot job learns from.',
    plane: 'control',
  },
  {
    from: ['s3-bucket'],
    to: ['jumpstart-model'],
    label: 'fine-tuning data',
    meaning:
      "The training channel of a JumpStart fine-tuning job (the model's fineTune): unlabelled text for domain " +
      'adaptation, JSON Lines of prompt/completion pairs for instruction tuning.',
    plane: 'control',
  },
  {
    from: ['autopilot-job'],
    to: ['model-registry'],
    label: 'register best candidate',
    meaning:
      'When the job completes, its best candidate (DescribeAutoMLJobV2 BestCandidate) is registered as a model ' +
      "package version: CreateModelPackage with the candidate's InferenceContainers and its objective metric, at " +
      "the registry's approval status.",
    plane: 'control',
  },
  {
    from: ['jumpstart-model'],
    to: ['realtime-endpoint'],
    label: 'deploy',
    meaning:
      'Deploys the JumpStart model to the real-time endpoint (CreateModel from the model ID, then the endpoint).',
    plane: 'control',
  },
  {
    from: ['client'],
    to: ['batch-transform'],
    label: 'invoke',
    meaning: 'Interactive calls to an offline batch job (shown so that batch-for-realtime can happen).',
    plane: 'data',
  },
  {
    from: ['s3-bucket'],
    to: EP,
    label: 'model artifacts',
    meaning: "Model artifacts the endpoint loads (a multi-model endpoint's model prefix).",
    plane: 'control',
  },
  {
    from: ['ground-truth'],
    to: ['s3-bucket'],
    label: 'labels',
    meaning: 'Labels written as an augmented manifest (JSON Lines).',
    plane: 'control',
  },
  {
    from: ['batch-transform'],
    to: ['s3-bucket'],
    label: 'output',
    meaning: 'Batch transform output written to S3.',
    plane: 'control',
  },
  {
    from: ['s3-bucket'],
    to: ['clarify'],
    label: 'bias check',
    meaning: 'Pre-training bias check of the data (CI, DPL).',
    plane: 'control',
  },
  {
    from: ['training-job'],
    to: ['clarify'],
    label: 'explainability',
    meaning:
      'Post-training explainability of the trained model: a Clarify processing job computes SHAP feature attributions.',
    plane: 'control',
  },
  {
    from: ['s3-bucket', 'data-source'],
    to: ['data-wrangler', 'processing-job', 'training-job', 'batch-transform', 'ground-truth'],
    label: 'input data',
    meaning: 'Input data read by the job.',
    plane: 'control',
  },
  {
    from: ['data-wrangler'],
    to: ['processing-job', 'pipeline', 'feature-store'],
    label: 'export recipe',
    meaning: 'The Data Wrangler flow exported as a Processing job, a pipeline step or a Feature Store ingestion.',
    plane: 'control',
  },
  {
    from: ['processing-job', 'data-wrangler'],
    to: ['feature-store', 's3-bucket'],
    label: 'output',
    meaning: 'Output data written, or features ingested.',
    plane: 'control',
  },
  {
    from: ['feature-store'],
    to: ['training-job'],
    label: 'offline read',
    meaning: 'Training reads the offline store (point-in-time correct with an event time).',
    plane: 'control',
  },
  {
    from: ['feature-store'],
    to: EP,
    label: 'online lookup',
    meaning: 'The endpoint looks up features in the online store at inference.',
    plane: 'data',
  },
  {
    from: ['ecr-repository'],
    to: ['training-job', 'processing-job', ...EP],
    label: 'image',
    meaning: 'Container image pulled from ECR.',
    plane: 'control',
  },
  {
    from: ['training-job'],
    to: ['s3-bucket'],
    label: 'model artifact',
    meaning: 'The model artifact (model.tar.gz) written to S3.',
    plane: 'control',
  },
  {
    from: ['training-job', 'condition-step'],
    to: ['model-registry'],
    label: 'register',
    meaning: 'Registers a model version in the registry.',
    plane: 'control',
  },
  {
    from: ['training-job', 'model-registry'],
    to: EP,
    label: 'deploy',
    meaning: 'Deploys the model to the endpoint.',
    plane: 'control',
  },
  {
    from: ['tuning-job'],
    to: ['training-job'],
    label: 'tunes',
    meaning: 'The tuning job launches this training job with many hyperparameter sets.',
    plane: 'control',
  },
  {
    from: EP,
    to: ['model-monitor'],
    label: 'monitored by',
    meaning: "The monitor reads the endpoint's captured traffic.",
    plane: 'control',
  },
  {
    from: ['model-monitor'],
    to: ['clarify'],
    label: 'uses',
    meaning: 'Bias drift and feature attribution monitors run Clarify.',
    plane: 'control',
  },
  {
    from: ['s3-bucket', 'model-registry', 'model-monitor', 'cloudwatch'],
    to: ['eventbridge'],
    label: 'events',
    meaning:
      'Events (object created, package state change, alarm state change) sent to EventBridge. Model Monitor ' +
      'sends none of its own: its violations reach EventBridge through a CloudWatch alarm on its metrics.',
    plane: 'control',
  },
  {
    from: ['eventbridge'],
    to: ['lambda', 'pipeline', 'codepipeline'],
    label: 'triggers',
    meaning:
      'An EventBridge rule targets the function or starts the pipeline (a SageMaker pipeline, or a ' +
      'CodePipeline release: the SageMaker Projects deploy pipeline starts on a model package approval).',
    plane: 'control',
  },
  // CI/CD for ML (issue 17, cicd17): CodePipeline with CodeBuild build/test actions
  {
    from: ['codepipeline'],
    to: ['pipeline'],
    label: 'StartPipelineExecution',
    meaning:
      'The build stage runs the SageMaker pipeline (SageMaker Projects model build: CodeBuild starts the ' +
      'pipeline execution that trains and registers the model).',
    plane: 'control',
  },
  {
    from: ['codepipeline'],
    to: ['realtime-endpoint'],
    label: 'deploy',
    meaning:
      "A deploy stage updates the endpoint with the release's model version (the one named in stagingEndpoint " +
      "is staging, the others production), through the endpoint's deployment guardrails.",
    plane: 'control',
  },
  {
    from: ['lambda'],
    to: ['pipeline', ...EP],
    label: 'start / update',
    meaning: 'The function starts a pipeline execution or updates an endpoint.',
    plane: 'control',
  },
  {
    from: ['async-endpoint'],
    to: ['sns', 's3-bucket'],
    label: 'notify / output',
    meaning: 'Completion notice on SNS; results written to S3.',
    plane: 'control',
  },
  {
    from: ['callback-step'],
    to: ['sqs'],
    label: 'callback token',
    meaning: 'The step sends its token on the queue and waits for an answer.',
    plane: 'control',
  },
  // Our own additions (format.md: "at least these pairs").
  {
    from: ['sqs'],
    to: ['lambda'],
    label: 'consumer',
    meaning: 'A function reads the queue and answers the callback (SendPipelineExecutionStepSuccess).',
    plane: 'control',
  },
  {
    from: ['model-monitor', ...EP],
    to: ['cloudwatch'],
    label: 'metrics',
    meaning: "Metrics published to CloudWatch (a monitor's violations too), where alarms watch them.",
    plane: 'control',
  },
  {
    from: [...EP],
    to: ['cloudwatch-dashboard'],
    label: 'shown on',
    meaning:
      "The endpoint's CloudWatch metrics (dimensions EndpointName, VariantName) drawn by the dashboard's widgets.",
    plane: 'control',
  },
  {
    from: ['inference-recommender'],
    to: ['realtime-endpoint'],
    label: 'benchmarks',
    meaning:
      "An Inference Recommender job load-tests the endpoint's model (InputConfig.Endpoints: an existing " +
      'real-time endpoint with one variant and no autoscaling).',
    plane: 'control',
  },
  {
    from: ['training-job', 'processing-job'],
    to: ['data-source', 'sns', 'sqs', 'lambda'],
    label: 'outbound call',
    meaning: 'The container calls an outside service while it runs (needs network egress).',
    plane: 'control',
  },
  {
    from: STEP_KINDS,
    to: STEP_KINDS,
    label: 'then',
    meaning: "Runs after (the pipeline's DAG); both steps must be in one pipeline.",
    plane: 'control',
    samePipeline: true,
  },
];

export type EdgeCheck = { ok: true; pair: EdgePair } | { ok: false; reason: string };

/**
 * Whether an edge from → to may exist, with the pair it means or a reason a person can read.
 * `fromParent`/`toParent` are the parents' kinds and ids (for the pipeline-DAG rule).
 */
export function checkEdge(
  from: { kind: Kind; parent?: string | null; id?: string },
  to: { kind: Kind; parent?: string | null; id?: string },
  parentKind?: (id: string) => Kind | undefined,
): EdgeCheck {
  if (from.id !== undefined && from.id === to.id) return { ok: false, reason: 'A node cannot connect to itself.' };
  let stepPairOnly = false;
  for (const pair of EDGE_PAIRS) {
    if (!pair.from.includes(from.kind) || !pair.to.includes(to.kind)) continue;
    if (!pair.samePipeline) return { ok: true, pair };
    const samePipe =
      !!from.parent && from.parent === to.parent && (!parentKind || parentKind(from.parent) === 'pipeline');
    if (samePipe) return { ok: true, pair };
    stepPairOnly = true;
  }
  const a = kindDef(from.kind).label,
    b = kindDef(to.kind).label;
  if (stepPairOnly)
    return { ok: false, reason: `${a} → ${b} is a pipeline step order: put both inside one pipeline first.` };
  const targets = targetsOf(from.kind).map((k) => kindDef(k).label);
  return {
    ok: false,
    reason: targets.length
      ? `${a} cannot connect to ${b}. ${a} connects to: ${targets.join(', ')}.`
      : `${a} has no outgoing connections; connect other nodes to it.`,
  };
}

/** Kinds a kind may connect to (for hints when a connection is refused). */
export function targetsOf(kind: Kind): Kind[] {
  const out = new Set<Kind>();
  for (const p of EDGE_PAIRS) if (p.from.includes(kind)) p.to.forEach((k) => out.add(k));
  return [...out];
}
