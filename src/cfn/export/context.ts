import { defaultProps, kindDef, propsByName } from '../../catalog/kinds';
import type { ArchDoc, ArchEdge, ArchNode } from '../../model/schema';
import { META, type ResourceMeta } from '../map/builder';

/** Long-form intrinsics, as the template holds them before it is written as YAML with short tags. */
export const Ref = (id: string) => ({ Ref: id });
export const GetAtt = (id: string, attr: string) => ({ 'Fn::GetAtt': [id, attr] });
export const Sub = (s: string) => ({ 'Fn::Sub': s });

/**
 * Props that have a CloudFormation resource property, per kind: export writes them into resources, import reads
 * them back. Every other prop (a dataset size, a model latency…) travels in the resource's Metadata.SageSim.props.
 */
export const RESOURCE_PROPS: Readonly<Partial<Record<string, readonly string[]>>> = {
  's3-bucket': ['encryption', 'kmsKey', 'eventNotifications', 'versioning'],
  'processing-job': [
    'framework',
    'instanceType',
    'instanceCount',
    'VolumeKmsKeyId',
    'OutputKmsKeyId',
    'role',
    'securityGroup',
  ],
  'feature-store': ['online', 'offline', 'OnlineStoreKmsKeyId', 'OfflineStoreKmsKeyId', 'eventTimeFeature', 'ttlHours'],
  'kinesis-stream': ['shards', 'retentionHours'],
  firehose: ['bufferIntervalSec', 'bufferSizeMB'],
  'file-system': ['fsType', 'deploymentType', 'storageGiB', 'perUnitThroughput', 'throughputMode', 'provisionedMiBps'],
  'training-job': [
    'algorithm',
    'inputMode',
    'instanceType',
    'instanceCount',
    'volumeGB',
    'spot',
    'checkpointS3Uri',
    'maxWaitSec',
    'VolumeKmsKeyId',
    'OutputKmsKeyId',
    'EnableInterContainerTrafficEncryption',
    'EnableNetworkIsolation',
    'role',
    'securityGroup',
  ],
  'tuning-job': ['strategy', 'maxJobs', 'maxParallelJobs', 'warmStart'],
  'realtime-endpoint': [
    'instanceType',
    'instanceCount',
    'autoscaling',
    'variants',
    'dataCapture',
    'KmsKeyId',
    'deployment',
    'securityGroup',
    'inferenceComponents',
    'scaleOutFromZero',
    'scalingMetric',
    'targetConcurrency',
  ],
  'serverless-endpoint': ['memoryMB', 'maxConcurrency', 'provisionedConcurrency'],
  'async-endpoint': ['instanceCount', 'minCapacity', 'maxCapacity', 'backlogScaling'],
  'batch-transform': [
    'instanceType',
    'instanceCount',
    'VolumeKmsKeyId',
    'MaxPayloadInMB',
    'SplitType',
    'BatchStrategy',
    'MaxConcurrentTransforms',
  ],
  'multi-model-endpoint': ['instanceType', 'instanceCount'],
  pipeline: ['caching'],
  codepipeline: ['branches', 'tests', 'buildTimeoutMinutes', 'stagingEndpoint', 'manualApproval'],
  'condition-step': ['metric', 'op', 'threshold'],
  'model-monitor': ['monitorType', 'baseline', 'scheduleMinutes', 'groundTruth'],
  subnet: ['access'],
  'vpc-endpoint': ['service', 'securityGroup'],
  'iam-role': ['actions', 's3Resources'],
  cloudtrail: ['s3DataEvents'],
  cloudwatch: ['metric', 'threshold', 'periodSec', 'evaluationPeriods'],
  'cloudwatch-dashboard': ['widgets', 'periodSec'],
  scp: ['actions', 'requireVolumeKmsKey', 'requireVpcSubnets'],
};

/**
 * Resource types of a node's main resource that take CloudFormation `Tags` (a list of `{ Key, Value }`): a node's cost
 * allocation tags are written there (e.g. AWS::SageMaker::Endpoint "Tags: - Tag",
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-endpoint.html). Other nodes keep
 * their tags in Metadata.SageSim.
 */
export const TAGGABLE_TYPES: ReadonlySet<string> = new Set([
  'AWS::S3::Bucket',
  'AWS::ECR::Repository',
  'AWS::SQS::Queue',
  'AWS::SNS::Topic',
  'AWS::CloudTrail::Trail',
  'AWS::KMS::Key',
  'AWS::IAM::Role',
  'AWS::EC2::VPC',
  'AWS::EC2::Subnet',
  'AWS::Lambda::Function',
  'AWS::SageMaker::Endpoint',
  'AWS::SageMaker::MonitoringSchedule',
  'AWS::SageMaker::FeatureGroup',
  'AWS::SageMaker::ModelPackageGroup',
  'AWS::SageMaker::Pipeline',
]);

/** A node's tags as CloudFormation `Tags`, in key order. */
export const cfnTags = (tags: Readonly<Record<string, string>>): { Key: string; Value: string }[] =>
  Object.keys(tags)
    .sort()
    .map((Key) => ({ Key, Value: tags[Key] }));

/** What the export builds: the template, and which node props it could only keep in Metadata. */
export class ExportContext {
  readonly resources: Record<string, Record<string, unknown>> = {};
  readonly parameters: Record<string, Record<string, unknown>> = {};
  /** node id → logical id of the resource that stands for it (references to the node point there). */
  readonly logical = new Map<string, string>();
  /** Connections a reference in some resource already says. */
  readonly said = new Set<string>();
  /** Props kept in Metadata although the kind maps them (no resource property could hold this value). */
  readonly metaOnly: { node: string; prop: string }[] = [];
  readonly byId: Map<string, ArchNode>;
  /** vpc node id → logical id of the security group the export gives its jobs, endpoints and interface endpoints. */
  readonly vpcSg = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(readonly doc: ArchDoc) {
    this.byId = new Map(doc.nodes.map((n) => [n.id, n]));
  }

  get edges(): readonly ArchEdge[] {
    return this.doc.edges ?? [];
  }

  /** A fresh logical id from a node id or name: `ep-s3` → `EpS3`. */
  logicalId(base: string, suffix = ''): string {
    const stem =
      base
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join('') + suffix || 'Resource';
    let id = /^[A-Za-z]/.test(stem) ? stem : `N${stem}`;
    for (let i = 2; this.taken.has(id); i++) id = `${stem}${i}`;
    this.taken.add(id);
    return id;
  }

  /** Add a resource; `node` makes it the node's main resource and gives it the node's Metadata. */
  add(
    id: string,
    type: string,
    props: Record<string, unknown>,
    node?: ArchNode,
    extra: Record<string, unknown> = {},
  ): string {
    const r: Record<string, unknown> = { Type: type, ...extra };
    const tagged = !!node?.tags && Object.keys(node.tags).length > 0 && TAGGABLE_TYPES.has(type);
    if (tagged) props = { ...props, Tags: cfnTags(node!.tags!) };
    if (Object.keys(props).length) r.Properties = props;
    if (node) {
      this.logical.set(node.id, id);
      const meta = this.nodeMeta(node);
      // a resource type without Tags keeps the node's cost allocation tags in its Metadata
      if (node.tags && Object.keys(node.tags).length && !tagged) meta.tags = { ...node.tags };
      r.Metadata = { [META]: meta };
    }
    this.resources[id] = r;
    return id;
  }

  /** Metadata.SageSim of a node: its id, label and the props no property holds (non-default only). */
  nodeMeta(node: ArchNode): ResourceMeta {
    const meta: ResourceMeta = { id: node.id };
    if (node.label) meta.label = node.label;
    const props = this.extraProps(node);
    if (Object.keys(props).length) meta.props = props;
    return meta;
  }

  extraProps(node: ArchNode): Record<string, unknown> {
    const mapped = RESOURCE_PROPS[node.kind] ?? [];
    const defaults = propsByName(defaultProps(node.kind));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node.props ?? {})) {
      if (!(k in kindDef(node.kind).props)) continue;
      const only = this.metaOnly.some((m) => m.node === node.id && m.prop === k);
      if (mapped.includes(k) && !only) continue;
      if (JSON.stringify(v) !== JSON.stringify(defaults[k])) out[k] = v;
    }
    return out;
  }

  /** A prop this node maps but whose value no property can hold: it goes to Metadata. */
  keepInMetadata(node: ArchNode, prop: string): void {
    this.metaOnly.push({ node: node.id, prop });
  }

  param(name: string, def: Record<string, unknown>): { Ref: string } {
    if (!this.parameters[name]) this.parameters[name] = def;
    return Ref(name);
  }

  /** Every prop of a node, defaults applied (values as the kind's schema allows, like the model's GNode.props). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- props are typed per kind by the catalog, not here
  props(node: ArchNode): Record<string, any> {
    return { ...defaultProps(node.kind), ...(node.props ?? {}) };
  }

  out(id: string, kinds?: readonly string[]): ArchNode[] {
    return this.edges
      .filter((e) => e.from === id)
      .map((e) => this.byId.get(e.to)!)
      .filter((n) => n && (!kinds || kinds.includes(n.kind)));
  }
  in(id: string, kinds?: readonly string[]): ArchNode[] {
    return this.edges
      .filter((e) => e.to === id)
      .map((e) => this.byId.get(e.from)!)
      .filter((n) => n && (!kinds || kinds.includes(n.kind)));
  }
  /** A connection the template now says through a reference. */
  say(from: string, to: string): void {
    this.said.add(`${from}\u0000${to}`);
  }
  children(id: string): ArchNode[] {
    return this.doc.nodes.filter((n) => n.parent === id);
  }
}
