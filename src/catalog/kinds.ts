import type { BooleanProp, EnumProp, Kind, KindDef, NumberProp, PropDef, PropValue, RefProp, Role } from './types';
import { KINDS } from './types';
import { SAVINGS_PLAN } from './prices';
import { DATASET_PROPS, TRAINING_LEARNING_PROPS, TUNING_LEARNING_PROPS } from './learning';
import { DATASET_EXPLAIN_PROPS, PREP_DROP_PROPS } from './explain';
import { DATASET_FEASIBILITY_PROPS, TRAINING_ENSEMBLE_PROPS, TRAINING_GPU_PROPS } from './feasibility';
import { AI_SERVICES, BEDROCK_INFERENCE } from './services';
import { AUTOPILOT_PROPS, DATASET_ROW_PROPS, FINE_TUNE_DATA_PROPS, JUMPSTART_PROPS } from './automl';
import {
  CLARIFY_PRETRAINING_PROPS,
  DATASET_FACET_PROPS,
  DATASET_TRAIT_PROPS,
  PREP_PROPS,
  QUALITY_GATE_PROPS,
  COLUMN_READ_PROPS,
} from './prep';

/* ---------- prop builders: keep the table below readable; each keeps its literal types for `PropsOf` ---------- */
const num = <const O extends Partial<Omit<NumberProp, 'type' | 'label' | 'default' | 'help'>> = Record<never, never>>(
  label: string,
  dflt: number | null,
  help: string,
  o: O = {} as O,
): NumberProp & O => ({ type: 'number', label, default: dflt, help, contract: true, ...o });
const int = (label: string, dflt: number, help: string, min = 0, max?: number, unit?: string): NumberProp => ({
  type: 'number',
  label,
  default: dflt,
  help,
  integer: true,
  min,
  max,
  unit,
  contract: true,
});
const bool = (label: string, dflt: boolean, help: string): BooleanProp => ({
  type: 'boolean',
  label,
  default: dflt,
  help,
  contract: true,
});
const oneOf = <const O extends readonly string[], N extends boolean = false>(
  label: string,
  options: O,
  dflt: O[number] | null,
  help: string,
  nullable: N = false as N,
): EnumProp & { options: O; nullable: N } => ({
  type: 'enum',
  label,
  options,
  default: dflt,
  help,
  nullable,
  contract: true,
});
const ref = (label: string, refKinds: readonly Kind[], help: string): RefProp => ({
  type: 'ref',
  label,
  refKinds,
  default: null,
  help,
  contract: true,
});
const kmsRef = (param: string, what: string): RefProp =>
  ref(param, ['kms-key'], `KMS key for ${what} (API parameter ${param}); null = AWS-managed key.`);
const roleRef = (): RefProp =>
  ref('Execution role', ['iam-role'], 'The IAM execution role the job assumes; one role per resource.');
const sgRef = (what: string): RefProp => ({
  ...ref(
    'Security group',
    ['security-group'],
    `The security group of ${what} in VPC mode (VpcConfig.SecurityGroupIds); null = the VPC's default group ` +
      `(all traffic from itself in, everything out).`,
  ),
  contract: false,
});

/** Kinds that run compute and may sit in a subnet (VPC mode) or a pipeline (as steps). */
const IN_NETWORK: readonly Kind[] = ['subnet'];
const STEP_PARENTS: readonly Kind[] = ['subnet', 'pipeline'];

const INSTANCE_HELP = 'SageMaker ML instance type, e.g. ml.m5.xlarge, ml.g5.2xlarge, ml.p4d.24xlarge.';

const def = <K extends Kind, const P extends Readonly<Record<string, PropDef>> = Record<never, never>>(
  kind: K,
  label: string,
  group: KindDef['group'],
  role: Role,
  description: string,
  parents: readonly Kind[],
  props: P = {} as P,
  extra: Partial<Omit<KindDef, 'kind' | 'props'>> = {},
): Omit<KindDef, 'kind' | 'props'> & { kind: K; props: P } => ({
  kind,
  label,
  group,
  role,
  description,
  icon: kind,
  parents,
  props,
  ...extra,
});

const ENDPOINT_EXTRAS = {
  modelLatencyMs: num('Model latency', 50, 'Time the model takes per request, before any queueing.', {
    min: 0,
    max: 600_000,
    unit: 'ms',
  }),
};

/*
 * ---- issue 17 (gov17): SageMaker Role Manager personas ----
 * Role Manager has three preconfigured personas (Data Scientist, MLOps, SageMaker compute role) and predefined ML
 * activities such as "Amazon S3 full access" (https://docs.aws.amazon.com/sagemaker/latest/dg/role-manager.html,
 * https://docs.aws.amazon.com/sagemaker/latest/dg/role-manager-faqs.html); the compute persona is the one for a
 * SageMaker compute role (https://docs.aws.amazon.com/sagemaker/latest/dg/role-manager-personas.html). The actions below
 * are SageSim's representative summary of each persona's suggested activities, not AWS's generated policy.
 */
export type RolePersona = 'custom' | 'data-scientist' | 'mlops' | 'compute-role';
export const PERSONA_LABELS: Readonly<Record<RolePersona, string>> = {
  custom: 'Custom (actions above only)',
  'data-scientist': 'Data Scientist',
  mlops: 'MLOps',
  'compute-role': 'SageMaker compute role',
};
/** The actions each persona's suggested ML activities grant (representative). */
export const PERSONA_ACTIONS: Readonly<Record<RolePersona, readonly string[]>> = {
  custom: [],
  // Run Studio applications, manage ML jobs and models, experiments, and S3 full access
  'data-scientist': [
    'sagemaker:CreatePresignedDomainUrl',
    'sagemaker:CreateTrainingJob',
    'sagemaker:CreateProcessingJob',
    'sagemaker:CreateModel',
    'sagemaker:CreateExperiment',
    'sagemaker:Search',
    'iam:PassRole',
    's3:*',
  ],
  // pipelines, model registry and endpoints, with the alarms that watch them
  mlops: [
    'sagemaker:CreatePipeline',
    'sagemaker:StartPipelineExecution',
    'sagemaker:CreateModelPackage',
    'sagemaker:UpdateModelPackage',
    'sagemaker:CreateEndpointConfig',
    'sagemaker:CreateEndpoint',
    'sagemaker:UpdateEndpoint',
    'cloudwatch:PutMetricAlarm',
    'iam:PassRole',
    's3:GetObject',
    's3:PutObject',
  ],
  // "Access required AWS services": read and write S3 data, pull images from ECR, write logs and metrics
  'compute-role': [
    's3:GetObject',
    's3:PutObject',
    's3:ListBucket',
    'ecr:GetAuthorizationToken',
    'ecr:BatchGetImage',
    'ecr:GetDownloadUrlForLayer',
    'ecr:BatchCheckLayerAvailability',
    'logs:CreateLogGroup',
    'logs:CreateLogStream',
    'logs:PutLogEvents',
    'logs:DescribeLogStreams',
    'cloudwatch:PutMetricData',
  ],
};
/** What a role grants: its persona's actions, then its own (without repeats). */
export function roleActions(props: { actions?: readonly string[]; persona?: string | null }): string[] {
  const persona = PERSONA_ACTIONS[(props.persona ?? 'custom') as RolePersona] ?? [];
  return [...new Set([...persona, ...(props.actions ?? [])])];
}

/** The CloudWatch namespaces of SageMaker endpoint metrics (invocations vs instances). */
export const DASHBOARD_NAMESPACES = ['AWS/SageMaker', '/aws/sagemaker/Endpoints'] as const;
export type DashboardNamespace = (typeof DASHBOARD_NAMESPACES)[number];
/** Endpoint metrics a dashboard widget may show, with the namespace AWS publishes each in. */
export const DASHBOARD_METRICS = {
  Invocations: 'AWS/SageMaker',
  Invocation4XXErrors: 'AWS/SageMaker',
  Invocation5XXErrors: 'AWS/SageMaker',
  InvocationsPerInstance: 'AWS/SageMaker',
  ModelLatency: 'AWS/SageMaker',
  CPUUtilization: '/aws/sagemaker/Endpoints',
} as const satisfies Record<string, DashboardNamespace>;
export type DashboardMetric = keyof typeof DASHBOARD_METRICS;
/** Statistics a widget may use (CloudWatch statistics definitions). */
export const DASHBOARD_STATS = ['Sum', 'Average', 'Maximum', 'p50', 'p90', 'p99'] as const;
export type DashboardStat = (typeof DASHBOARD_STATS)[number];
/** Every widget a dashboard accepts, "NAMESPACE METRIC STAT" (either namespace: the wrong one shows no data). */
export const DASHBOARD_WIDGETS: readonly string[] = DASHBOARD_NAMESPACES.flatMap((ns) =>
  Object.keys(DASHBOARD_METRICS).flatMap((m) => DASHBOARD_STATS.map((st) => `${ns} ${m} ${st}`)),
);
/** A widget string's parts, or null when it is not one of DASHBOARD_WIDGETS. */
export function parseWidget(
  w: string,
): { namespace: DashboardNamespace; metric: DashboardMetric; stat: DashboardStat } | null {
  const [namespace, metric, stat, ...rest] = w.trim().split(/\s+/);
  if (rest.length || !(DASHBOARD_NAMESPACES as readonly string[]).includes(namespace)) return null;
  if (!(metric in DASHBOARD_METRICS) || !(DASHBOARD_STATS as readonly string[]).includes(stat)) return null;
  return { namespace: namespace as DashboardNamespace, metric: metric as DashboardMetric, stat: stat as DashboardStat };
}

/** Every kind of format.md section 2, with its contract props and defaults. */
export const KIND_DEFS = [
  def(
    'client',
    'Client traffic',
    'D3',
    'client',
    'Synthetic callers: a request stream at a rate, with payload sizes and a mix of target models.',
    [],
    {
      rps: num('Requests per second', 10, 'Mean request rate.', { min: 0, max: 100_000, unit: 'rps' }),
      pattern: oneOf(
        'Pattern',
        ['constant', 'spiky', 'diurnal'],
        'constant',
        'constant: Poisson at rps; spiky: 1 min at 4× then 3 min silent; diurnal: 24 h sine between 0.2× and 1.8×.',
      ),
      payloadMB: num(
        'Payload size',
        0.1,
        'Typical request size. Real-time endpoints take 6 MB, serverless 4 MB, async 1 GB.',
        { min: 0, max: 10_000, unit: 'MB' },
      ),
      payloadSpread: oneOf(
        'Payload spread',
        ['fixed', 'lognormal'],
        'lognormal',
        'fixed: every request is payloadMB; lognormal: sizes vary around it.',
      ),
      models: int(
        'Distinct models',
        1,
        'How many target models the requests are spread over (Zipf-like), for multi-model endpoints.',
        1,
        100_000,
      ),
      startSec: num('Start', 0, 'Simulated second the client starts sending.', { min: 0, unit: 's' }),
      stopSec: num('Stop', null, 'Simulated second the client stops; empty = never.', {
        min: 0,
        unit: 's',
        nullable: true,
      }),
      retries: int(
        'Retries',
        0,
        'Retries the AWS SDKs make after a throttle (serverless ThrottlingException), a 429 ' +
          '(ModelNotReadyException) or a 503, waiting 1, 2, 4… s (at most 20 s) between tries; errors such as ' +
          '413 or ModelError are never retried.',
        0,
        10,
      ),
      targetVariant: {
        type: 'string',
        label: 'Target variant',
        default: null,
        nullable: true,
        maxLength: 63,
        help:
          'InvokeEndpoint TargetVariant: every request goes to this production variant of a real-time endpoint, ' +
          'overriding the variant weights; empty = split by weight.',
      },
    },
  ),
  def(
    's3-bucket',
    'S3 bucket',
    'D1',
    'store',
    'Object storage for datasets and model artifacts; reached from a private subnet only through an S3 gateway ' +
      'endpoint.',
    [],
    {
      datasetGB: num('Dataset size', 10, 'Size of the data the bucket holds.', { min: 0, max: 1_000_000, unit: 'GB' }),
      format: oneOf(
        'Format',
        ['csv', 'parquet', 'orc', 'jsonlines', 'recordio-protobuf', 'libsvm', 'text', 'image'],
        'csv',
        'Built-in algorithms accept only some formats; Pipe + RecordIO-protobuf is the fastest path. Parquet ' +
          'and ORC are columnar: a job that uses a few columns reads only those.',
      ),
      sensitive: bool(
        'Sensitive (PII/PHI)',
        false,
        'Sensitive data needs a private workforce, encryption keys and Macie.',
      ),
      encryption: oneOf(
        'Encryption',
        ['sse-s3', 'sse-kms'],
        'sse-s3',
        "SSE-KMS data needs kms:Decrypt on the reader's role.",
      ),
      kmsKey: kmsRef('kmsKey', 'SSE-KMS encryption of the bucket'),
      eventNotifications: bool(
        'Event notifications',
        false,
        'Send object-created events to EventBridge (starts event-driven MLOps).',
      ),
      objectCount: num(
        'Object count',
        null,
        'How many objects the dataset is stored as; empty = part files of about 64 MB. Each object is its own ' +
          'GET request: with many objects of under 1 MB, per-request overhead, not bytes, sets the read time.',
        { min: 1, max: 100_000_000_000, integer: true, nullable: true },
      ),
      positiveClassRatio: num(
        'Positive class ratio',
        0.5,
        'Label balance. Below 0.1 or above 0.9 makes accuracy misleading.',
        { min: 0, max: 1, step: 0.01 },
      ),
      ...DATASET_PROPS,
      ...DATASET_TRAIT_PROPS,
      ...DATASET_FACET_PROPS,
      ...DATASET_EXPLAIN_PROPS,
      ...DATASET_FEASIBILITY_PROPS,
      ...DATASET_ROW_PROPS,
      ...FINE_TUNE_DATA_PROPS,
    },
  ),
  def(
    'data-source',
    'External data source',
    'D1',
    'store',
    'Athena, Redshift, Snowflake or Salesforce: the connectors Data Wrangler imports from.',
    [],
    {
      engine: oneOf(
        'Engine',
        ['athena', 'redshift', 'snowflake', 'salesforce'],
        'athena',
        'Connector Data Wrangler uses.',
      ),
      datasetGB: num('Dataset size', 10, 'Size of the data read.', { min: 0, max: 1_000_000, unit: 'GB' }),
    },
  ),
  def(
    'ecr-repository',
    'ECR repository',
    'D2',
    'store',
    'Container images for jobs and endpoints; a private subnet needs ecr.api and ecr.dkr interface endpoints ' +
      'to pull them.',
    [],
    {
      framework: oneOf(
        'Framework',
        ['sklearn', 'xgboost', 'pytorch', 'tensorflow', 'custom'],
        'custom',
        'A multi-model endpoint serves all its models from one container: one framework.',
      ),
      repositoryAccessMode: oneOf(
        'Image access mode',
        ['Platform', 'Vpc'],
        'Platform',
        'ImageConfig.RepositoryAccessMode: Platform = SageMaker pulls the image itself; Vpc = through your VPC ' +
          '(needs the ECR endpoints). Matters under the AWS docs rulebook.',
      ),
      servingPort: int(
        'Serving port',
        8080,
        'Port the inference server of a bring-your-own image (framework custom) listens on: SageMaker sends ' +
          '/ping and /invocations to port 8080. AWS-built framework images comply.',
        1,
        65_535,
      ),
      implementsPing: bool(
        'Answers GET /ping',
        true,
        'A bring-your-own inference image must answer GET /ping with 200 (and POST /invocations); without it ' +
          'the endpoint fails its health check.',
      ),
    },
  ),
  def(
    'data-wrangler',
    'Data Wrangler',
    'D1',
    'job',
    'GUI data prep with 300+ transforms for medium data; it does not scale to multi-TB: export the recipe to a ' +
      'Processing job.',
    IN_NETWORK,
    { ...PREP_PROPS, ...PREP_DROP_PROPS },
  ),
  def(
    'processing-job',
    'Processing job',
    'D1',
    'job',
    'Managed PySpark or scikit-learn jobs for large-scale feature engineering in production.',
    STEP_PARENTS,
    {
      framework: oneOf(
        'Framework',
        ['pyspark', 'sklearn'],
        'sklearn',
        'PySpark for large-scale data, scikit-learn for smaller.',
      ),
      instanceType: {
        type: 'string',
        label: 'Instance type',
        default: 'ml.m5.xlarge',
        help: INSTANCE_HELP,
        maxLength: 40,
        contract: false,
      },
      instanceCount: int('Instance count', 1, 'Instances in the processing cluster.', 1, 100),
      scalerFit: oneOf(
        'Fit scalers on',
        ['train-split', 'full-dataset'],
        'train-split',
        'Fit scalers on the training split only; fitting on the full dataset leaks validation data.',
      ),
      VolumeKmsKeyId: kmsRef('VolumeKmsKeyId', 'the processing volume'),
      OutputKmsKeyId: kmsRef('OutputKmsKeyId', 'the processing output in S3'),
      role: roleRef(),
      securityGroup: sgRef('the processing job'),
      ...PREP_PROPS,
      ...PREP_DROP_PROPS,
      ...QUALITY_GATE_PROPS,
      ...COLUMN_READ_PROPS,
    },
  ),
  def(
    'feature-store',
    'Feature Store',
    'D1',
    'store',
    'Online store (single-digit ms) for inference, offline store (S3 Parquet) for training; one pipeline ' +
      'feeding both avoids skew.',
    [],
    {
      online: bool('Online store', true, 'Low-latency lookups at inference time.'),
      offline: bool('Offline store', true, 'S3 Parquet history for training and batch.'),
      OnlineStoreKmsKeyId: kmsRef('OnlineStoreConfig.SecurityConfig.KmsKeyId', 'the online store'),
      OfflineStoreKmsKeyId: kmsRef('OfflineStoreConfig.S3StorageConfig.KmsKeyId', 'the offline store'),
      eventTimeFeature: {
        type: 'string',
        label: 'Event time feature',
        default: 'event_time',
        maxLength: 128,
        contract: true,
        help:
          'EventTimeFeatureName: every feature group has one (CreateFeatureGroup requires it); point-in-time ' +
          'queries filter on it.',
      },
      // Feature Store realism (issue 16): online-store TTL and the ingestion cadence it must outlast
      ttlHours: num(
        'Online TTL',
        null,
        'OnlineStoreConfig.TtlDuration in hours: a record expires at EventTime + TtlDuration and is hard ' +
          'deleted from the online store (GetRecord then returns an empty result). Empty = no TTL: a record ' +
          'stays until overwritten.',
        { integer: true, min: 1, max: 8760, unit: 'h', nullable: true },
      ),
      ingestEveryHours: int(
        'Records rewritten every',
        24,
        'How often the feature pipeline writes each record again (PutRecord with a new event time): a batch ' +
          'job run daily is 24, weekly 168.',
        1,
        8760,
        'h',
      ),
    },
  ),
  // Streaming ingestion (issue 16, data16): Kinesis Data Streams shards and Amazon Data Firehose buffering
  def(
    'kinesis-stream',
    'Kinesis data stream',
    'D1',
    'glue',
    'Real-time ingestion: each shard takes 1 MB/s and 1,000 records/s of writes; past that, PutRecord(s) fails ' +
      'with ProvisionedThroughputExceededException. A Lambda consumer can write each record to the online ' +
      'Feature Store within seconds.',
    [],
    {
      shards: int(
        'Shards',
        1,
        'ShardCount (provisioned capacity mode): each shard supports 1 MB/s and 1,000 records/s for writes and ' +
          '2 MB/s for reads.',
        1,
        500,
      ),
      retentionHours: int(
        'Retention',
        24,
        'RetentionPeriodHours: how long records stay readable (24 h by default, up to 8,760 h = 365 days); a ' +
          'consumer that falls further behind loses them. Not simulated beyond the run.',
        24,
        8760,
        'h',
      ),
    },
  ),
  def(
    'firehose',
    'Data Firehose stream',
    'D1',
    'glue',
    'Near-real-time delivery to S3 (or Redshift, OpenSearch, Splunk, HTTP endpoints): records are buffered ' +
      'until the buffer size or interval is reached, whichever comes first, then written as one object.',
    [],
    {
      bufferIntervalSec: int(
        'Buffer interval',
        300,
        'BufferingHints.IntervalInSeconds (0–900, default 300): the longest Firehose holds records before it ' +
          'delivers them.',
        0,
        900,
        's',
      ),
      bufferSizeMB: int(
        'Buffer size',
        5,
        'BufferingHints.SizeInMBs (1–128, default 5): Firehose delivers as soon as this much has arrived, if ' +
          'that comes before the interval.',
        1,
        128,
        'MB',
      ),
    },
  ),
  // File systems as training inputs (issue 16, ingest16): EFS and FSx for Lustre, mounted by the training job
  def(
    'file-system',
    'File system (EFS / FSx for Lustre)',
    'D1',
    'store',
    'Amazon EFS or FSx for Lustre mounted by a training job (FileSystemDataSource): no download before ' +
      'training, but the job must run in the VPC of the file system; FSx for Lustre can present an S3 bucket as ' +
      'files (data repository).',
    ['subnet'],
    {
      fsType: oneOf(
        'File system type',
        ['fsx-lustre', 'efs'],
        'fsx-lustre',
        'FileSystemDataSource.FileSystemType: FSxLustre (throughput per TiB of storage) or EFS (throughput mode).',
      ),
      datasetGB: num('Data held', 100, 'Size of the training data on the file system.', {
        min: 0,
        max: 1_000_000,
        unit: 'GB',
      }),
      deploymentType: oneOf(
        'Deployment type (FSx)',
        ['SCRATCH_2', 'PERSISTENT_2'],
        'SCRATCH_2',
        'FSx for Lustre: SCRATCH_2 (temporary, not replicated, 200 MB/s per TiB baseline) or PERSISTENT_2 ' +
          '(replicated in its AZ, 125–1000 MB/s per TiB as provisioned).',
      ),
      storageGiB: int(
        'Storage capacity (FSx)',
        1200,
        'FSx for Lustre StorageCapacity in GiB (1,200 and up); its throughput is proportional to it.',
        1200,
        1_000_000,
        'GiB',
      ),
      perUnitThroughput: int(
        'Throughput per TiB (FSx persistent)',
        250,
        'PerUnitStorageThroughput of a PERSISTENT_2 file system: 125, 250, 500 or 1000 MB/s per TiB of storage.',
        125,
        1000,
        'MB/s/TiB',
      ),
      throughputMode: oneOf(
        'Throughput mode (EFS)',
        ['bursting', 'elastic', 'provisioned'],
        'bursting',
        'EFS ThroughputMode: bursting (50 KiB/s per GiB stored, bursts to 100 MiB/s on credits), elastic ' +
          '(scales with the workload, up to 1,500 MiB/s per client) or provisioned.',
      ),
      provisionedMiBps: int(
        'Provisioned throughput (EFS)',
        100,
        'ProvisionedThroughputInMibps when the EFS throughput mode is provisioned.',
        1,
        10_240,
        'MiB/s',
      ),
      directoryPath: {
        type: 'string',
        label: 'Directory path',
        default: '/',
        maxLength: 4096,
        contract: true,
        help: 'FileSystemDataSource.DirectoryPath: the directory mounted as the input channel (FSx: /MountName/path).',
      },
      accessMode: oneOf(
        'Access mode',
        ['ro', 'rw'],
        'ro',
        'FileSystemDataSource.FileSystemAccessMode: the channel mounts the directory read-only (ro) or ' +
          'read-write (rw).',
      ),
    },
    { parentRequired: true },
  ),
  def(
    'ground-truth',
    'Ground Truth labelling',
    'D1',
    'job',
    'Human labelling: private workforce for sensitive data, Mechanical Turk for general tasks; active learning ' +
      'auto-labels confident items.',
    [],
    {
      workforce: oneOf(
        'Workforce',
        ['private', 'mturk', 'vendor'],
        'private',
        'Sensitive data (medical, legal, proprietary) needs a private workforce.',
      ),
      activeLearning: bool(
        'Active learning',
        false,
        'Auto-labels confident items so humans label only the hard ones (about 70% less work).',
      ),
    },
  ),
  def(
    'training-job',
    'Training job',
    'D2',
    'job',
    'Runs an algorithm container on instances: downloads data (File, Pipe or FastFile), trains, uploads the ' +
      'model artifact.',
    STEP_PARENTS,
    {
      algorithm: oneOf(
        'Algorithm',
        [
          'xgboost',
          'linear-learner',
          'deepar',
          'random-cut-forest',
          'blazingtext',
          'factorization-machines',
          'kmeans',
          'pca',
          'ip-insights',
          'custom',
        ],
        'xgboost',
        'Built-in algorithms accept only some input formats (Factorization Machines: RecordIO-protobuf only).',
      ),
      inputMode: oneOf(
        'Input mode',
        ['File', 'Pipe', 'FastFile'],
        'File',
        'File copies to the volume first; Pipe streams; FastFile mounts S3.',
      ),
      s3DataType: oneOf(
        'S3 data type',
        ['S3Prefix', 'ManifestFile', 'AugmentedManifestFile'],
        'S3Prefix',
        'S3DataSource.S3DataType: every object under a prefix, a manifest listing the objects, or an augmented ' +
          'manifest (JSON Lines with labels: Pipe mode only).',
      ),
      instanceType: {
        type: 'string',
        label: 'Instance type',
        default: 'ml.m5.xlarge',
        help: INSTANCE_HELP,
        maxLength: 40,
        contract: true,
      },
      instanceCount: int('Instance count', 1, 'More than one instance is distributed training.', 1, 100),
      volumeGB: int('Volume size', 30, 'EBS volume; in File mode the dataset must fit on it.', 1, 16_384, 'GB'),
      trainingMinutes: num('Training time', 30, 'Time spent in the Training phase on one instance.', {
        min: 0,
        max: 40_320,
        unit: 'min',
      }),
      spot: bool('Managed spot', false, 'Up to 90% cheaper; needs checkpoints in S3 to resume after an interruption.'),
      checkpointS3Uri: {
        type: 'string',
        label: 'Checkpoint S3 URI',
        default: null,
        nullable: true,
        maxLength: 1024,
        contract: true,
        help: 'Where spot training saves checkpoints; without it an interrupted job restarts from zero.',
      },
      maxWaitSec: num(
        'Max wait (spot)',
        null,
        'StoppingCondition.MaxWaitTimeInSeconds: spot waits plus run time; it must be at least the runtime or ' +
          'the job is Stopped (MaxWaitTimeExceeded). Empty = no limit.',
        { min: 1, unit: 's', nullable: true, integer: true, contract: false },
      ),
      distribution: oneOf(
        'Distribution',
        ['none', 'data-parallel', 'model-parallel'],
        'none',
        'Data-parallel (SDP) when the model fits one GPU; model-parallel (SMP) when it does not.',
      ),
      modelSizeGB: num('Model size', 1, 'Memory the model needs on a GPU.', { min: 0, max: 10_000, unit: 'GB' }),
      ...TRAINING_LEARNING_PROPS,
      ...TRAINING_ENSEMBLE_PROPS,
      ...TRAINING_GPU_PROPS,
      VolumeKmsKeyId: kmsRef('VolumeKmsKeyId', 'the training volume (ResourceConfig.VolumeKmsKeyId)'),
      OutputKmsKeyId: kmsRef('OutputKmsKeyId', 'model artifacts (OutputDataConfig.KmsKeyId)'),
      EnableInterContainerTrafficEncryption: bool(
        'Inter-container encryption',
        false,
        'Encrypts traffic between instances in distributed training.',
      ),
      EnableNetworkIsolation: bool('Network isolation', false, 'Blocks all outbound network calls from the container.'),
      role: roleRef(),
      securityGroup: sgRef('the training job'),
      evalMetric: oneOf(
        'Evaluation metric',
        ['accuracy', 'f1', 'auc', 'rmse', 'mae', 'r2', 'logloss'],
        'auc',
        'On imbalanced data use F1 or AUC, never accuracy.',
      ),
      featureQuery: oneOf(
        'Feature query',
        ['point-in-time', 'latest'],
        'point-in-time',
        "How it reads a feature store's offline store: a point-in-time query on the event time, or the latest " +
          'values (leakage).',
      ),
      startAfterIngestMin: int(
        'Starts after ingestion',
        60,
        "Minutes between the end of the feature ingestion that feeds its feature store and this job's " +
          'offline-store query (a schedule offset or a wait in the pipeline). PutRecord data reaches the offline ' +
          'store in S3 within 15 minutes.',
        0,
        1440,
        'min',
      ),
      imbalance: {
        ...oneOf(
          'Class imbalance handling',
          ['none', 'class-weights', 'resampling'],
          'none',
          'How training treats a rare class: class weights (XGBoost scale_pos_weight, Linear Learner ' +
            'positive_example_weight_mult) or resampling the training set (over-/under-sampling, SMOTE). Without ' +
            'either, a model trained on a few % positives learns to predict the majority class.',
        ),
        contract: false,
      },
    },
  ),
  def(
    'tuning-job',
    'Hyperparameter tuning',
    'D2',
    'job',
    'Automatic model tuning: Bayesian for continuous spaces, random as a baseline, grid for small discrete ' +
      'spaces, Hyperband with early stopping.',
    STEP_PARENTS,
    {
      strategy: oneOf(
        'Strategy',
        ['bayesian', 'random', 'grid', 'hyperband'],
        'bayesian',
        'Grid search takes categorical parameters only.',
      ),
      space: oneOf(
        'Search space',
        ['continuous', 'discrete', 'mixed'],
        'continuous',
        'Kinds of hyperparameter ranges.',
      ),
      maxJobs: int('Max training jobs', 20, 'Total training jobs the tuner launches.', 1, 10_000),
      maxParallelJobs: int('Max parallel jobs', 2, 'Training jobs at a time.', 1, 100),
      warmStart: oneOf(
        'Warm start',
        ['IDENTICAL_DATA_AND_ALGORITHM', 'TRANSFER_LEARNING'],
        null,
        "Reuse an earlier tuning job's results.",
        true,
      ),
      ...TUNING_LEARNING_PROPS,
    },
  ),
  def(
    'realtime-endpoint',
    'Real-time endpoint',
    'D3',
    'endpoint',
    'Millisecond inference on always-on instances; payloads up to 6 MB, 60 s per request; production variants ' +
      'for A/B and shadow tests.',
    IN_NETWORK,
    {
      instanceType: {
        type: 'string',
        label: 'Instance type',
        default: 'ml.m5.large',
        help: INSTANCE_HELP,
        maxLength: 40,
        contract: true,
      },
      instanceCount: int('Instance count', 1, 'Instances per variant at start.', 1, 100),
      autoscaling: {
        type: 'autoscaling',
        label: 'Autoscaling',
        default: null,
        contract: true,
        help: 'Target tracking on InvocationsPerInstance (per minute per instance), between min and max instances.',
      },
      variants: {
        type: 'variants',
        label: 'Production variants',
        default: [{ name: 'primary', weight: 1 }],
        contract: true,
        help:
          'Traffic weights for A/B tests; a shadow variant gets a copy of the traffic and its responses are ' +
          'discarded.',
      },
      dataCapture: bool('Data capture', false, 'Model Monitor needs captured requests and responses.'),
      KmsKeyId: kmsRef('KmsKeyId', 'the endpoint storage volume'),
      ...ENDPOINT_EXTRAS,
      inferenceComponents: {
        ...bool(
          'Inference components',
          false,
          'The model is hosted as an inference component (CreateInferenceComponent) on an endpoint with ' +
            'managed instance scaling (ManagedInstanceScaling MinInstanceCount 0): the only way a real-time ' +
            'endpoint can scale in to zero instances.',
        ),
        contract: false,
      },
      scaleOutFromZero: {
        ...bool(
          'Scale out from zero',
          false,
          'A step-scaling policy (ChangeInCapacity +1) on a CloudWatch alarm on NoCapacityInvocationFailures: ' +
            'target tracking cannot scale out from zero instances, this policy can.',
        ),
        contract: false,
      },
      scalingMetric: {
        ...oneOf(
          'Scaling metric',
          ['InvocationsPerInstance', 'ConcurrentRequestsPerModel'],
          'InvocationsPerInstance',
          "The metric autoscaling's target tracking follows: InvocationsPerInstance (1-minute datapoints, " +
            'target = autoscaling.targetInvocationsPerInstance) or the high-resolution ' +
            'ConcurrentRequestsPerModel (requests in flight per instance, queued ones included, every 10 s: ' +
            'scales out much sooner; target = Target concurrency).',
        ),
        contract: false,
      },
      targetConcurrency: {
        ...num(
          'Target concurrency',
          4,
          'With scalingMetric ConcurrentRequestsPerModel: the concurrent requests per instance target tracking ' +
            'aims for (SageMakerVariantConcurrentRequestsPerModelHighResolution TargetValue).',
          { min: 0.1, max: 10_000 },
        ),
        contract: false,
      },
      securityGroup: sgRef('the endpoint'),
      deployment: {
        type: 'deployment',
        label: 'Deployment guardrails',
        default: null,
        help:
          'How an update shifts traffic to the new (green) fleet: all at once, canary or linear steps, with a ' +
          'baking period; CloudWatch alarms listed for auto-rollback send all traffic back to the old fleet when ' +
          'they trip.',
      },
    },
  ),
  def(
    'serverless-endpoint',
    'Serverless endpoint',
    'D3',
    'endpoint',
    'Pay per use and scales to zero when idle; payloads up to 4 MB; cold starts of seconds after idle.',
    [],
    {
      memoryMB: {
        type: 'number',
        label: 'Memory',
        default: 2048,
        min: 1024,
        max: 6144,
        step: 1024,
        integer: true,
        unit: 'MB',
        contract: true,
        help: '1024 to 6144 MB in steps of 1024.',
      },
      maxConcurrency: int('Max concurrency', 20, 'Concurrent invocations before throttling (1–200).', 1, 200),
      provisionedConcurrency: int(
        'Provisioned concurrency',
        0,
        'Warm capacity that removes cold starts (and bills while idle).',
        0,
        200,
      ),
      ...ENDPOINT_EXTRAS,
    },
  ),
  def(
    'async-endpoint',
    'Asynchronous endpoint',
    'D3',
    'endpoint',
    'Queued inference for payloads up to 1 GB and long processing; scales to zero when idle; notifies through SNS.',
    IN_NETWORK,
    {
      instanceCount: int('Instance count', 1, 'Instances at start.', 0, 100),
      minCapacity: int('Min capacity', 1, '0 lets the endpoint scale to zero when the queue is empty.', 0, 100),
      maxCapacity: int('Max capacity', 4, 'Most instances autoscaling may add.', 1, 100),
      processingSec: num(
        'Processing time',
        30,
        'Time per request. The async invocation limit is 3600 s (default 900 s).',
        { min: 0, max: 86_400, unit: 's' },
      ),
      invocationTimeoutSec: int(
        'Invocation timeout',
        900,
        'InvocationTimeoutSeconds: a request processing longer fails (default 900 s, at most 3600 s).',
        1,
        3600,
        's',
      ),
      requestTtlSec: int(
        'Request TTL',
        21_600,
        'RequestTTLSeconds of the calls: a request still queued after this expires; its failure goes to the S3 ' +
          'failure path and the error topic (default 6 h).',
        60,
        21_600,
        's',
      ),
      backlogScaling: bool(
        'Scale out from zero',
        false,
        'A step-scaling policy on HasBacklogWithoutCapacity: without it an endpoint at zero instances does not ' +
          'wake for a small backlog.',
      ),
    },
  ),
  def(
    'batch-transform',
    'Batch transform',
    'D3',
    'batch',
    'Offline inference over a dataset in S3, minutes to hours; no endpoint to call.',
    STEP_PARENTS,
    {
      instanceType: {
        type: 'string',
        label: 'Instance type',
        default: 'ml.m5.xlarge',
        help: INSTANCE_HELP,
        maxLength: 40,
        contract: false,
      },
      instanceCount: int('Instance count', 1, 'Instances working through the dataset.', 1, 100),
      MaxPayloadInMB: int('Max payload', 6, 'Largest mini-batch per request (at most 100 MB).', 0, 100, 'MB'),
      SplitType: oneOf(
        'Split type',
        ['None', 'Line', 'RecordIO'],
        'None',
        'How input files are split into records. AWS default None: each whole file is one request, so a file ' +
          'over MaxPayloadInMB fails the job.',
      ),
      BatchStrategy: oneOf(
        'Batch strategy',
        ['SingleRecord', 'MultiRecord'],
        'MultiRecord',
        'SingleRecord: one record per request; MultiRecord: as many records as fit in MaxPayloadInMB (needs ' +
          'SplitType Line or RecordIO).',
      ),
      MaxConcurrentTransforms: int(
        'Max concurrent transforms',
        1,
        'Parallel requests to each instance; MaxConcurrentTransforms × MaxPayloadInMB may not exceed 100 MB.',
        0,
        100,
      ),
      VolumeKmsKeyId: {
        ...kmsRef('VolumeKmsKeyId', 'the transform volume (TransformResources.VolumeKmsKeyId)'),
        contract: false,
      },
    },
  ),
  def(
    'multi-model-endpoint',
    'Multi-model endpoint',
    'D3',
    'endpoint',
    'Thousands of models on one endpoint sharing compute and one container; models load from S3 on first use ' +
      'and are cached.',
    IN_NETWORK,
    {
      instanceType: {
        type: 'string',
        label: 'Instance type',
        default: 'ml.m5.xlarge',
        help: INSTANCE_HELP,
        maxLength: 40,
        contract: true,
      },
      instanceCount: int('Instance count', 1, 'Instances behind the endpoint.', 1, 100),
      cachedModels: int(
        'Cached models',
        10,
        'Upper limit on models kept loaded per instance (the least recently used is unloaded); memory decides ' +
          'how many actually fit.',
        1,
        100_000,
      ),
      modelSizeMB: num(
        'Model size',
        100,
        'Memory one loaded model takes. Models that fit per instance = instance memory ÷ model size.',
        { min: 1, max: 1_000_000, unit: 'MB' },
      ),
      coldLoadSec: num('Cold load time', 4, 'Time to load a model from S3 on a cache miss.', {
        min: 0,
        max: 600,
        unit: 's',
      }),
      modelLatencyMs: num('Model latency', 30, 'Time per request once the model is loaded.', {
        min: 0,
        max: 600_000,
        unit: 'ms',
      }),
    },
  ),
  def(
    'model-registry',
    'Model registry',
    'D3',
    'registry',
    'Versioned model packages: PendingManualApproval → Approved / Rejected; only Approved versions deploy.',
    [],
    {
      approval: oneOf(
        'Approval status',
        ['PendingManualApproval', 'Approved', 'Rejected'],
        'PendingManualApproval',
        'Only Approved models go to production.',
      ),
    },
  ),
  def(
    'pipeline',
    'SageMaker Pipeline',
    'D3',
    'pipeline',
    'A DAG of steps (processing, training, tuning, transform, condition, callback); caching skips unchanged ' +
      'steps on a re-run.',
    IN_NETWORK,
    {
      caching: bool('Step caching', false, 'Skip steps whose inputs have not changed since the last run.'),
    },
    { container: true },
  ),
  def(
    'condition-step',
    'Condition step',
    'D3',
    'step',
    'Branches on a metric threshold; gates registration of the model.',
    ['pipeline'],
    {
      metric: {
        type: 'string',
        label: 'Metric',
        default: 'auc',
        help: 'Metric of the training step to compare (use F1 or AUC on imbalanced data).',
        maxLength: 32,
        contract: true,
      },
      op: oneOf('Operator', ['>=', '<='], '>=', 'Comparison with the threshold.'),
      threshold: num('Threshold', 0.8, 'Value the metric must meet.'),
    },
    { parentRequired: true },
  ),
  def(
    'callback-step',
    'Callback step',
    'D3',
    'step',
    'Pauses the pipeline until an external system answers a token sent through SQS.',
    ['pipeline'],
    {
      timeoutSec: num('Timeout', 3600, 'How long the step waits for the callback.', {
        min: 1,
        max: 604_800,
        unit: 's',
      }),
    },
    { parentRequired: true },
  ),
  /**
   * CI/CD for ML (issue 17, cicd17): a CodePipeline (V2) release with a CodeBuild build/test action.
   * Push trigger filters on branches (glob patterns, at most 8): https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html
   * CodeBuild TimeoutInMinutes 5–2160, default 60:
   * https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/codebuild/aws.sdk.kotlin.services.codebuild.model/-create-project-request/timeout-in-minutes.html
   * SageMaker Projects MLOps template for model building, training and deployment (model build pipeline; deploy
   * pipeline started by the model package approval: staging, manual approval, prod).
   */
  def(
    'codepipeline',
    'CodePipeline release',
    'D3',
    'glue',
    'CI/CD for ML: a push to a watched branch (or an EventBridge event such as a model package approval) ' +
      'starts a release: source → CodeBuild build and test suites → deploy to staging → approval → deploy to ' +
      'production. A failing suite stops the release; a build past its timeout fails.',
    [],
    {
      branches: {
        type: 'string-list',
        label: 'Trigger branches',
        default: ['main'],
        maxItems: 8,
        help:
          'Push trigger filter Branches.Includes (V2 pipelines; glob patterns such as release/*, at most 8): ' +
          'only a push to a matching branch starts the pipeline.',
        contract: false,
      },
      tests: {
        type: 'string-list',
        label: 'Test suites',
        default: ['unit'],
        maxItems: 3,
        options: ['unit', 'integration', 'e2e'],
        help:
          'Suites the CodeBuild test action runs: unit and integration tests in the build; end-to-end tests ' +
          'invoke the staging endpoint after it is deployed. A defect is caught only by a suite that tests it.',
        contract: false,
      },
      buildMinutes: {
        ...int(
          'Build time',
          15,
          'Minutes the CodeBuild build takes before its tests (install, package, start the SageMaker ' +
            'pipeline); the suites add 2 (unit), 10 (integration) and 20 (e2e) minutes.',
          1,
          2160,
          'min',
        ),
        contract: false,
      },
      buildTimeoutMinutes: {
        ...int(
          'Build timeout',
          60,
          'CodeBuild TimeoutInMinutes (5–2160, default 60): a build not completed by then is stopped as ' +
            'TIMED_OUT and the pipeline execution fails.',
          5,
          2160,
          'min',
        ),
        contract: false,
      },
      stagingEndpoint: {
        ...ref(
          'Staging endpoint',
          ['realtime-endpoint'],
          'The endpoint the DeployStaging stage updates (end-to-end tests run against it); every other ' +
            'endpoint this pipeline deploys to is production. null = no staging stage.',
        ),
        contract: false,
      },
      manualApproval: {
        ...bool(
          'Manual approval',
          true,
          'A manual approval action between staging and production: the release waits for a reviewer (SageSim ' +
            'approves after 10 minutes; CodePipeline fails an approval not answered within 7 days).',
        ),
        contract: false,
      },
    },
  ),
  def(
    'eventbridge',
    'EventBridge rule',
    'D3',
    'glue',
    'Routes events (S3 arrivals, registry approvals, monitor violations) to Lambda or a pipeline.',
    [],
  ),
  def(
    'lambda',
    'Lambda function',
    'D3',
    'glue',
    'Glue code: reacts to events, starts pipelines, updates endpoints after an approval.',
    STEP_PARENTS,
  ),
  def(
    'sqs',
    'SQS queue',
    'D3',
    'glue',
    "Queue carrying a callback step's token to the external system that answers it.",
    [],
  ),
  def('sns', 'SNS topic', 'D3', 'glue', "Notifications, such as an async endpoint's completion notice.", []),
  def(
    'cloudwatch',
    'CloudWatch',
    'D4',
    'glue',
    'Metrics, alarms and logs; jobs in a private subnet need a logs endpoint to reach it.',
    [],
    {
      metric: {
        type: 'enum',
        label: 'Alarm metric',
        options: ['Invocation5XXErrors', 'ModelLatency'],
        default: 'Invocation5XXErrors',
        help:
          "The alarm's metric on the endpoint wired to it (namespace AWS/SageMaker): the Sum of 5XX errors per " +
          'period, or the p99 of ModelLatency in ms.',
      },
      threshold: {
        type: 'number',
        label: 'Threshold',
        default: 0,
        min: 0,
        help: 'The alarm breaches when the statistic is greater than this (errors per period, or ms for ModelLatency).',
      },
      periodSec: {
        type: 'number',
        label: 'Period',
        default: 60,
        min: 60,
        max: 86_400,
        step: 60,
        integer: true,
        unit: 's',
        help: 'Seconds per evaluated data point; SageMaker endpoint metrics are published each minute.',
      },
      evaluationPeriods: {
        type: 'number',
        label: 'Evaluation periods',
        default: 1,
        min: 1,
        max: 100,
        integer: true,
        help: 'Consecutive breaching periods before the alarm goes to ALARM.',
      },
    },
  ),
  def(
    'model-monitor',
    'Model Monitor',
    'D4',
    'monitor',
    'Scheduled checks of captured traffic: data quality, model quality, bias drift, feature attribution; all ' +
      'need data capture and a baseline.',
    [],
    {
      monitorType: oneOf(
        'Monitor type',
        ['data-quality', 'model-quality', 'bias-drift', 'feature-attribution'],
        'data-quality',
        'Bias drift and feature attribution use Clarify; model quality needs ground-truth labels.',
      ),
      baseline: bool(
        'Baseline computed',
        false,
        'Constraints computed on the training data first; without them runs fail.',
      ),
      scheduleMinutes: num(
        'Schedule',
        60,
        'Minutes between monitoring runs: hourly, every N hours or daily (a multiple of 60, at most 1440).',
        { min: 60, max: 1440, step: 60, unit: 'min' },
      ),
      groundTruth: bool(
        'Ground truth merged',
        false,
        'Model quality compares predictions with labels collected later.',
      ),
    },
  ),
  def(
    'clarify',
    'SageMaker Clarify',
    'D4',
    'monitor',
    'Bias metrics (CI, DPL, DI…) and SHAP explanations; disparate impact below 0.8 flags potential discrimination.',
    [],
    {
      disparateImpactThreshold: num(
        'Disparate impact threshold',
        0.8,
        'The four-fifths rule: DI below this is flagged.',
        { min: 0, max: 1, step: 0.01 },
      ),
      ...CLARIFY_PRETRAINING_PROPS,
    },
  ),
  def(
    'ai-service',
    'Managed AI service',
    'D2',
    'endpoint',
    'Buy instead of build: Comprehend (text), Rekognition (images), Textract (documents), Transcribe (speech), ' +
      'Translate, Personalize (recommendations) or a Bedrock foundation model, called by API; some can be ' +
      'customised on your labelled data.',
    [],
    {
      service: {
        ...oneOf(
          'Service',
          AI_SERVICES,
          'comprehend',
          'Each service does one kind of job; only some learn from your labels (Comprehend custom ' +
            'classification: text; Rekognition Custom Labels: images; Personalize: recommendations; Bedrock ' +
            'fine-tuning: text).',
        ),
        contract: false,
      },
      customModel: {
        ...bool(
          'Custom model',
          false,
          'Customised on the labelled data that feeds it (a Comprehend custom classifier, Rekognition Custom ' +
            'Labels, a Personalize solution, a fine-tuned Bedrock model).',
        ),
        contract: false,
      },
      bedrockInference: {
        ...oneOf(
          'Bedrock inference',
          BEDROCK_INFERENCE,
          'on-demand',
          'Bedrock only. A customised model is invoked through Provisioned Throughput or, for custom Amazon ' +
            'Nova models, a custom model deployment (on demand); base models on demand.',
        ),
        contract: false,
      },
      modelLatencyMs: {
        ...ENDPOINT_EXTRAS.modelLatencyMs,
        default: 200,
        help: 'Time the service takes per request: measure your own (AWS publishes no per-request figure).',
        contract: false,
      },
    },
  ),
  def(
    'autopilot-job',
    'Autopilot job',
    'D2',
    'job',
    'SageMaker Autopilot (CreateAutoMLJobV2, tabular): give it a dataset and a target column; it analyses the ' +
      'data, trains and ranks candidates (a leaderboard by the objective metric), explains the best one with ' +
      'Clarify SHAP and can register it.',
    [],
    AUTOPILOT_PROPS,
  ),
  def(
    'jumpstart-model',
    'JumpStart model',
    'D2',
    'store',
    'A pretrained foundation model from SageMaker JumpStart, deployed by its model ID to the real-time ' +
      'endpoint it feeds: the instance must hold it in GPU memory, and some models need their EULA accepted. It ' +
      'can be fine-tuned first on an s3-bucket (domain adaptation or instruction tuning).',
    [],
    JUMPSTART_PROPS,
  ),
  def(
    'vpc',
    'VPC',
    'NET',
    'network',
    'Your private network; SageMaker jobs and endpoints join it in VPC mode through a subnet.',
    [],
    {},
    { container: true },
  ),
  def(
    'subnet',
    'Subnet',
    'NET',
    'network',
    'Public, private (no route to the internet) or private with a NAT gateway; private subnets need VPC ' +
      'endpoints to reach AWS services.',
    ['vpc'],
    {
      access: oneOf(
        'Access',
        ['public', 'private', 'private-with-nat'],
        'private',
        'private = no route to the internet: add VPC endpoints or a NAT gateway.',
      ),
    },
    { container: true, parentRequired: true },
  ),
  def(
    'vpc-endpoint',
    'VPC endpoint',
    'NET',
    'network',
    'Private route from the VPC to an AWS service: S3 as a free gateway endpoint, the rest (ECR, SageMaker ' +
      'API, logs…) as interface endpoints.',
    ['vpc', 'subnet'],
    {
      service: oneOf(
        'Service',
        ['s3', 'ecr.api', 'ecr.dkr', 'sagemaker.api', 'sagemaker.runtime', 'logs', 'monitoring', 'sts', 'kms'],
        's3',
        'Pulling from ECR needs both ecr.api and ecr.dkr; S3 is a gateway endpoint.',
      ),
      securityGroup: {
        ...ref(
          'Security group',
          ['security-group'],
          "An interface endpoint's security group: it must allow inbound HTTPS (TCP 443) from the callers " +
            "(their group or the VPC's CIDR). Gateway endpoints (S3) have none. null = the VPC's default group.",
        ),
        contract: false,
      },
    },
    { parentRequired: true },
  ),
  def(
    'security-group',
    'Security group',
    'NET',
    'security',
    'A stateful firewall on the network interfaces of VPC resources: inbound rules allow traffic from a CIDR ' +
      'or another group (or itself); outbound rules allow traffic out. Anything not allowed is dropped silently, ' +
      'so the caller times out.',
    ['vpc'],
    {
      ingress: {
        type: 'string-list',
        label: 'Inbound rules',
        default: [],
        maxItems: 60,
        contract: false,
        help:
          '"<protocol> <ports> from <source>": protocol tcp, udp, esp or all; ports 443, 1024-65535 or all; ' +
          "source self (the group itself), a CIDR (0.0.0.0/0, 10.0.0.0/16: the VPC) or another security group's " +
          'id. E.g. "all all from self", "tcp 443 from training-sg".',
      },
      egress: {
        type: 'string-list',
        label: 'Outbound rules',
        default: ['all all to 0.0.0.0/0'],
        maxItems: 60,
        contract: false,
        help:
          '"<protocol> <ports> to <destination>", as inbound rules. AWS\'s default for a new group: all traffic ' +
          'out ("all all to 0.0.0.0/0").',
      },
    },
    { parentRequired: true },
  ),
  def('kms-key', 'KMS key', 'D4', 'security', 'Customer managed key for volumes, outputs, stores and buckets.', []),
  def(
    'iam-role',
    'IAM role',
    'D4',
    'security',
    'Execution role with least privilege: specific actions and S3 prefixes, not s3:* on *.',
    [],
    {
      actions: {
        type: 'string-list',
        label: 'Allowed actions',
        default: [],
        maxItems: 200,
        contract: true,
        help: 'IAM actions, wildcards allowed: s3:GetObject, ecr:*, kms:Decrypt.',
      },
      s3Resources: {
        type: 'string-list',
        label: 'S3 resources',
        default: ['*'],
        maxItems: 200,
        contract: true,
        help: 'Bucket or prefix ARNs; * is every bucket (not least privilege).',
      },
      persona: oneOf(
        'Role Manager persona',
        ['custom', 'data-scientist', 'mlops', 'compute-role'],
        'custom',
        "SageMaker Role Manager's starting point: the persona's suggested permissions are granted besides the " +
          'actions above (custom: only those). Data Scientist and MLOps are personas for people; SageMaker ' +
          'compute role is the persona for the role a job or endpoint assumes.',
      ),
    },
  ),
  def(
    'macie',
    'Amazon Macie',
    'D4',
    'security',
    'Finds PII in S3, including captured inference data and training data.',
    [],
  ),
  def(
    'cloudtrail',
    'CloudTrail',
    'D4',
    'security',
    'Audits every SageMaker API call; S3 object-level access needs data events turned on.',
    [],
    {
      s3DataEvents: bool('S3 data events', false, 'Record object-level reads and writes of S3.'),
    },
  ),
  /* ---- issue 17 (gov-d4): AWS Organizations service control policy ---- */
  def(
    'scp',
    'Service control policy',
    'D4',
    'security',
    'An AWS Organizations guardrail on the whole account: it grants nothing, but its Deny statements refuse a ' +
      'create call whose request lacks what the organization requires (a volume KMS key, VPC subnets), whatever ' +
      "the caller's IAM role allows.",
    [],
    {
      actions: {
        type: 'string-list',
        label: 'Denied actions',
        default: ['sagemaker:CreateTrainingJob'],
        maxItems: 20,
        contract: false,
        help:
          'The create calls the Deny statement covers: sagemaker:CreateTrainingJob, ' +
          'sagemaker:CreateProcessingJob, sagemaker:CreateTransformJob (sagemaker:Create* covers all three).',
      },
      requireVolumeKmsKey: {
        ...bool(
          'Require volume KMS key',
          true,
          'Deny when the request has no VolumeKmsKeyId (condition "Null": {"sagemaker:VolumeKmsKey": "true"}).',
        ),
        contract: false,
      },
      requireVpcSubnets: {
        ...bool(
          'Require VPC subnets',
          false,
          'Deny when the request has no VpcConfig (condition "Null": {"sagemaker:VpcSubnets": "true"}): the ' +
            'job must sit in a subnet.',
        ),
        contract: false,
      },
    },
  ),
  /*
   * ---- issue 17 (cost17): SageMaker Inference Recommender ----
   * Recommendation jobs: https://docs.aws.amazon.com/sagemaker/latest/dg/inference-recommender-recommendation-jobs.html
   * (Default: load tests on recommended instance types, done within 45 minutes; Advanced: a custom load test with your
   * instance types, traffic pattern and latency requirement, about 2 hours); on an existing endpoint:
   * https://docs.aws.amazon.com/sagemaker/latest/dg/inference-recommender-existing-endpoint.html
   */
  def(
    'inference-recommender',
    'Inference Recommender',
    'D4',
    'job',
    'Load-tests a model on candidate instance types and reports latency, throughput and cost per configuration ' +
      '(a Default job within 45 minutes; an Advanced job with your traffic and p99 limit, about 2 hours). Bills ' +
      'the instances its tests use.',
    [],
    {
      jobType: {
        ...oneOf(
          'Job type',
          ['Default', 'Advanced'],
          'Default',
          'JobType: Default load-tests the instance types SageMaker picks, one instance each, and finishes ' +
            'within 45 minutes; Advanced load-tests your instance types at your traffic and latency limit.',
        ),
        contract: false,
      },
      instanceTypes: {
        type: 'string-list',
        label: 'Instance types (Advanced)',
        default: ['ml.c5.xlarge', 'ml.m5.xlarge', 'ml.g4dn.xlarge'],
        maxItems: 10,
        contract: false,
        help: 'EndpointConfigurations of an Advanced job: the instance types to load-test (1 to 10).',
      },
      trafficRps: {
        ...num('Traffic (Advanced)', 20, 'TrafficPattern of an Advanced job: the steady request rate to hold.', {
          min: 0.1,
          max: 10_000,
          unit: 'rps',
        }),
        contract: false,
      },
      p99LatencyMs: {
        ...num(
          'p99 limit (Advanced)',
          500,
          'StoppingConditions.ModelLatencyThresholds of an Advanced job: Percentile P99, ValueInMilliseconds.',
          { min: 1, max: 60_000, unit: 'ms' },
        ),
        contract: false,
      },
      durationSec: {
        ...int(
          'Job duration (Advanced)',
          7200,
          'JobDurationInSeconds of an Advanced job (at most 18,000 s); a Default job completes within 45 minutes.',
          60,
          18_000,
          's',
        ),
        contract: false,
      },
    },
  ),
  /*
   * ---- issue 17 (gov17): CloudWatch dashboards (skill S4.2.3) ----
   * Endpoint metrics: https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html (invocation metrics
   * Invocations, Invocation4XXErrors, Invocation5XXErrors, InvocationsPerInstance, ModelLatency in AWS/SageMaker;
   * instance metrics such as CPUUtilization in /aws/sagemaker/Endpoints; dimensions EndpointName, VariantName).
   * Statistics: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html
   */
  def(
    'cloudwatch-dashboard',
    'CloudWatch dashboard',
    'D4',
    'glue',
    'A CloudWatch dashboard: metric widgets (namespace, metric, statistic) on the endpoints wired to it, each ' +
      "a chart of the run's data points per period.",
    [],
    {
      widgets: {
        type: 'string-list',
        label: 'Widgets',
        default: ['AWS/SageMaker Invocations Sum', 'AWS/SageMaker ModelLatency Average'],
        maxItems: 24,
        options: DASHBOARD_WIDGETS,
        contract: true,
        help:
          'One metric widget per line: NAMESPACE METRIC STATISTIC, shown for every endpoint wired to the ' +
          'dashboard. Invocation metrics and ModelLatency are in AWS/SageMaker, CPUUtilization in ' +
          '/aws/sagemaker/Endpoints; a metric under the wrong namespace shows no data.',
      },
      periodSec: int(
        'Period',
        60,
        'Seconds per data point of every widget (SageMaker endpoint metrics are published each minute).',
        60,
        3600,
        's',
      ),
    },
  ),
  /*
   * ---- issue 17 (savings17): SageMaker Savings Plans (S4.2.10); facts and sources in prices.ts SAVINGS_PLAN ----
   */
  def(
    'savings-plan',
    'SageMaker Savings Plan',
    'D4',
    'glue',
    'A 1- or 3-year commitment to a $/hour of SageMaker usage, billed every hour whether used or not: eligible ' +
      'usage up to it is discounted (up to 64%), usage beyond it is billed on demand. It has no edges: it covers ' +
      'the whole account.',
    [],
    {
      commitmentUSDPerHour: {
        ...num(
          'Commitment',
          1,
          'The hourly commitment (CreateSavingsPlan commitment, 0.001 to 1,000,000 USD per hour), billed every ' +
            'hour of the term. Size it to the steady usage at the plan rate, not to the peak.',
          { min: SAVINGS_PLAN.minCommitmentUSDPerHour, max: SAVINGS_PLAN.maxCommitmentUSDPerHour, unit: '$/h' },
        ),
        contract: false,
      },
      term: {
        ...oneOf(
          'Term',
          SAVINGS_PLAN.terms,
          '1yr',
          'One or three years. AWS gives a 3-year term a deeper discount; SageSim applies the documented upper ' +
            'bound (64%) to both.',
        ),
        contract: false,
      },
      paymentOption: {
        ...oneOf(
          'Payment option',
          SAVINGS_PLAN.paymentOptions,
          'No Upfront',
          'How the commitment is paid (paymentOption). SageSim bills it by the hour whatever the option.',
        ),
        contract: false,
      },
    },
  ),
] as const;
/** Every entry is a KindDef (checked here rather than with `satisfies`, which would widen kinds without props). */
const KIND_DEFS_ARE_KIND_DEFS: readonly KindDef[] = KIND_DEFS;
void KIND_DEFS_ARE_KIND_DEFS;

/** The definition of one kind, with its props' literal types. */
export type KindDefOf<K extends Kind> = Extract<(typeof KIND_DEFS)[number], { kind: K }>;

/**
 * The props of a node of kind K once defaults are applied, typed from the catalog: `PropsOf<'training-job'>`
 * has `inputMode: 'File' | 'Pipe' | 'FastFile'`, `checkpointS3Uri: string | null`, `role: string | null`…
 */
export type PropsOf<K extends Kind> = K extends Kind
  ? {
      -readonly [P in keyof KindDefOf<K>['props']]: KindDefOf<K>['props'][P] extends PropDef
        ? PropValue<KindDefOf<K>['props'][P]>
        : never;
    }
  : never;

/**
 * Props read by a name known only at run time (the inspector's fields, a solution's `setProps`, a ref prop
 * named by a rule): every value is one of `PropValue`'s, `undefined` for a name the kind does not have.
 */
export const propsByName = (props: PropsOf<Kind>): Readonly<Record<string, unknown>> => props;

export const KIND_BY_NAME: ReadonlyMap<Kind, KindDef> = new Map(KIND_DEFS.map((k): [Kind, KindDef] => [k.kind, k]));

/** The definition of a kind. */
export function kindDef(kind: Kind): KindDef {
  const d = KIND_BY_NAME.get(kind);
  if (!d) throw new Error(`unknown kind ${kind}`);
  return d;
}

export function isKind(s: unknown): s is Kind {
  return typeof s === 'string' && (KINDS as readonly string[]).includes(s);
}

export const ENDPOINT_KINDS = [
  'realtime-endpoint',
  'serverless-endpoint',
  'async-endpoint',
  'multi-model-endpoint',
] as const satisfies readonly Kind[];
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];
export const isEndpointKind = (k: Kind): k is EndpointKind => (ENDPOINT_KINDS as readonly Kind[]).includes(k);

/** Steps of a pipeline DAG (format.md section 3). */
export const STEP_KINDS = [
  'processing-job',
  'training-job',
  'tuning-job',
  'batch-transform',
  'condition-step',
  'callback-step',
  'lambda',
] as const satisfies readonly Kind[];

/** Kinds that run a container (jobs and endpoints): the subjects of the network rules. */
export const COMPUTE_KINDS = [
  'processing-job',
  'training-job',
  'tuning-job',
  'batch-transform',
  'data-wrangler',
  ...ENDPOINT_KINDS,
] as const satisfies readonly Kind[];

/** Defaults of every prop of a kind, as a fresh object. */
export function defaultProps<K extends Kind>(kind: K): PropsOf<K> {
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(kindDef(kind).props)) {
    out[name] = Array.isArray(p.default) ? structuredClone(p.default) : p.default;
  }
  return out as PropsOf<K>;
}

export const GROUP_LABELS: Record<KindDef['group'], string> = {
  D1: 'Data preparation',
  D2: 'Model development',
  D3: 'Deployment & orchestration',
  D4: 'Monitoring & security',
  NET: 'Networking',
};
