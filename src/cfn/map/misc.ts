import { isEndpointKind, parseWidget, PERSONA_ACTIONS, type RolePersona } from '../../catalog/kinds';
import type { ArchNode } from '../../model/schema';
import type { EvaluatedResource } from '../evaluate';
import { refsIn, withPlaceholders } from '../types';
import { type Builder, bool, dig, list, num, rec } from './builder';
import { subnetOf } from './network';
import { kmsNode } from './sagemaker';

/**
 * Stores, security, glue and audit: S3, ECR, KMS, IAM roles (the actions of their policies), EventBridge rules,
 * Lambda functions (SAM's AWS::Serverless::Function too), SQS, SNS, CloudWatch alarms, Macie, CloudTrail.
 */

/** Allowed actions and S3 resources of a set of IAM policy documents. */
export function policyActions(docs: unknown[]): { actions: string[]; s3Resources: string[] } {
  const actions: string[] = [];
  const s3: string[] = [];
  for (const d of docs)
    for (const st of list(rec(d).Statement).map(rec)) {
      if (st.Effect !== 'Allow') continue;
      const acts = list(st.Action).map(String);
      for (const a of acts) if (!actions.includes(a)) actions.push(a);
      if (acts.some((a) => /^s3:/i.test(a) || a === '*'))
        for (const r of list(st.Resource)) {
          const s = typeof r === 'string' ? r : String(r);
          const symbolic = typeof r !== 'string' && refsIn(r).length > 0;
          if ((s === '*' || s.startsWith('arn:aws:s3:::') || symbolic) && !s3.includes(s)) s3.push(s);
        }
    }
  return { actions, s3Resources: s3 };
}

export function mapStores(b: Builder): void {
  for (const r of b.ofType('AWS::KMS::Key')) b.add(r, 'kms-key');
  for (const r of b.ofType('AWS::KMS::Alias')) {
    const key = b.nodeOf(r.props.TargetKeyId, ['kms-key']);
    if (key) b.claim(r.id, key.id);
  }
  for (const r of b.ofType('AWS::S3::Bucket')) {
    const sse = rec(dig(r.props, 'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault'));
    const algo = typeof sse.SSEAlgorithm === 'string' ? sse.SSEAlgorithm : undefined;
    const kms = algo?.startsWith('aws:kms');
    const direct = ['LambdaConfigurations', 'QueueConfigurations', 'TopicConfigurations'].filter(
      (k) => dig(r.props, `NotificationConfiguration.${k}`) !== undefined,
    );
    if (direct.length)
      b.note(
        r,
        `${direct.join(', ')}: S3 notifications sent straight to a function, queue or topic are not simulated ` +
          `(SageSim routes S3 events through EventBridge)`,
      );
    b.add(r, 's3-bucket', {
      encryption: algo === undefined ? undefined : kms ? 'sse-kms' : 'sse-s3',
      kmsKey: kms ? kmsNode(b, sse.KMSMasterKeyID) : undefined,
      eventNotifications: bool(dig(r.props, 'NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled')),
      versioning: ((s) => (s === 'Enabled' || s === 'Suspended' ? s : undefined))(
        dig(r.props, 'VersioningConfiguration.Status'),
      ),
    });
  }
  for (const r of b.ofType('AWS::S3::BucketPolicy')) {
    const bucket = b.nodeOf(r.props.Bucket, ['s3-bucket']);
    if (bucket) b.claim(r.id, bucket.id);
  }
  for (const r of b.ofType('AWS::ECR::Repository')) b.add(r, 'ecr-repository');
  mapFileSystems(b);
}

/**
 * File systems a training job can mount: AWS::FSx::FileSystem of type LUSTRE (StorageCapacity, DeploymentType,
 * PerUnitStorageThroughput; its first subnet is its parent; ImportPath names its bucket) and AWS::EFS::FileSystem
 * (ThroughputMode, ProvisionedThroughputInMibps) placed in the subnet of its first AWS::EFS::MountTarget.
 */
function mapFileSystems(b: Builder): void {
  for (const r of b.ofType('AWS::FSx::FileSystem')) {
    const type = String(r.props.FileSystemType ?? '');
    if (type !== 'LUSTRE') {
      b.note(r, `FileSystemType ${type || '(none)'}: only FSx for Lustre is simulated; not shown`, 'warning');
      b.used.add(r.id);
      continue;
    }
    const subnet = subnetOf(b, r.props.SubnetIds);
    if (!subnet) {
      b.note(r, 'its SubnetIds name no subnet of this template: a file system sits in a subnet, not shown', 'warning');
      b.used.add(r.id);
      continue;
    }
    const lustre = rec(r.props.LustreConfiguration);
    const deployment = String(lustre.DeploymentType ?? 'SCRATCH_1');
    const known = deployment === 'SCRATCH_2' || deployment === 'PERSISTENT_2';
    if (!known)
      b.note(
        r,
        `DeploymentType ${deployment} is simulated as ` +
          `${deployment.startsWith('PERSISTENT') ? 'PERSISTENT_2' : 'SCRATCH_2'}`,
        'warning',
      );
    const n = b.add(r, 'file-system', {
      fsType: 'fsx-lustre',
      deploymentType: known ? deployment : deployment.startsWith('PERSISTENT') ? 'PERSISTENT_2' : 'SCRATCH_2',
      storageGiB: num(r.props.StorageCapacity),
      perUnitThroughput: num(lustre.PerUnitStorageThroughput),
    });
    b.setParent(n, subnet);
  }
  const mounts = b.ofType('AWS::EFS::MountTarget');
  for (const r of b.ofType('AWS::EFS::FileSystem')) {
    // its mount targets, found by the logical id their FileSystemId refers to
    const own = mounts.filter((m) => refsIn(m.props.FileSystemId).includes(r.id));
    const subnet = own.map((m) => subnetOf(b, m.props.SubnetId)).find((x) => x);
    if (!subnet) {
      b.note(r, 'no AWS::EFS::MountTarget puts it in a subnet of this template: not shown', 'warning');
      b.used.add(r.id);
      for (const m of own) b.used.add(m.id);
      continue;
    }
    const mode = String(r.props.ThroughputMode ?? 'bursting');
    const n = b.add(r, 'file-system', {
      fsType: 'efs',
      throughputMode: ['bursting', 'elastic', 'provisioned'].includes(mode) ? mode : undefined,
      provisionedMiBps: num(r.props.ProvisionedThroughputInMibps),
    });
    b.setParent(n, subnet);
    for (const m of own) b.claim(m.id, n.id);
  }
}

export function mapSecurity(b: Builder): void {
  const policies = b.ofType('AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy');
  for (const r of b.ofType('AWS::IAM::Role')) {
    const attached = policies.filter((p) => list(p.props.Roles).some((x) => refsIn(x).includes(r.id)));
    const docs = [
      ...list(r.props.Policies).map((p) => rec(p).PolicyDocument),
      ...attached.map((p) => p.props.PolicyDocument),
    ];
    const { actions, s3Resources } = policyActions(docs);
    const node = b.add(r, 'iam-role', { actions, s3Resources: s3Resources.length ? s3Resources : undefined });
    // an exported role with a Role Manager persona: the policy holds the persona's actions too; the role's own are
    // the rest (Metadata keeps them only when they are not the default, none)
    const persona = PERSONA_ACTIONS[(node.props?.persona ?? 'custom') as RolePersona];
    if (persona?.length && !('actions' in rec(b.meta(r).props)))
      b.setProps(node, { actions: actions.filter((a) => !persona.includes(a)) });
    for (const p of attached) b.claim(p.id, node.id);
    const managed = list(r.props.ManagedPolicyArns);
    if (managed.length)
      b.note(
        r,
        `managed policies ${managed.map(String).join(', ')}: their actions are not known offline, so the role ` +
          `lists only its inline and attached policies`,
        'warning',
      );
  }
  for (const r of b.ofType('AWS::Macie::Session')) b.add(r, 'macie');
  for (const r of b.ofType('AWS::CloudTrail::Trail')) {
    const basic = list(r.props.EventSelectors).some((s) =>
      list(rec(s).DataResources).some((d) => String(rec(d).Type).startsWith('AWS::S3::Object')),
    );
    const advanced = list(r.props.AdvancedEventSelectors).some((s) =>
      list(rec(s).FieldSelectors).some(
        (f) => rec(f).Field === 'resources.type' && list(rec(f).Equals).includes('AWS::S3::Object'),
      ),
    );
    b.add(r, 'cloudtrail', { s3DataEvents: basic || advanced });
  }
}

export function mapGlue(b: Builder): void {
  for (const r of b.ofType('AWS::Kinesis::Stream')) {
    const mode = String(dig(r.props, 'StreamModeDetails.StreamMode') ?? 'PROVISIONED');
    if (mode === 'ON_DEMAND')
      b.note(
        r,
        'on-demand capacity mode is not simulated: imported as a provisioned stream with ShardCount (or 1) shards',
        'warning',
      );
    b.add(r, 'kinesis-stream', {
      shards: num(r.props.ShardCount) ?? 1,
      ...(num(r.props.RetentionPeriodHours) !== undefined ? { retentionHours: num(r.props.RetentionPeriodHours) } : {}),
    });
  }
  for (const r of b.ofType('AWS::KinesisFirehose::DeliveryStream')) {
    const dest = rec(r.props.ExtendedS3DestinationConfiguration ?? r.props.S3DestinationConfiguration);
    const hints = rec(dest.BufferingHints);
    const other = Object.keys(r.props).filter((k) => /DestinationConfiguration$/.test(k) && !/S3Destination/.test(k));
    if (other.length)
      b.note(r, `${other.join(', ')}: only S3 delivery is simulated; the other destination is not shown`, 'warning');
    b.add(r, 'firehose', {
      ...(num(hints.IntervalInSeconds) !== undefined ? { bufferIntervalSec: num(hints.IntervalInSeconds) } : {}),
      ...(num(hints.SizeInMBs) !== undefined ? { bufferSizeMB: num(hints.SizeInMBs) } : {}),
    });
  }
  for (const r of b.ofType('AWS::SQS::Queue')) b.add(r, 'sqs');
  for (const r of b.ofType('AWS::SNS::Topic')) b.add(r, 'sns');
  for (const r of b.ofType('AWS::Lambda::Function', 'AWS::Serverless::Function')) {
    const events = rec(r.props.Events);
    const node = b.add(r, 'lambda');
    // The scan added by add() covers Properties; SAM events are handled below (they are rules or sources of their own).
    b.scan.set(node.id, [
      { value: { ...r.props, Events: undefined, VpcConfig: undefined, Role: undefined }, path: 'Function' },
    ]);
    const subnets = dig(r.props, 'VpcConfig.SubnetIds');
    b.setParent(node, subnetOf(b, subnets));
    if (subnets !== undefined && !node.parent)
      b.note(r, 'its VpcConfig names subnets outside this template: the function is not placed in a subnet', 'warning');
    for (const [name, ev] of Object.entries(events).map(([k, v]) => [k, rec(v)] as const)) {
      const t = String(ev.Type);
      const p = rec(ev.Properties);
      if (t === 'SQS') b.connect(b.nodeOf(p.Queue, ['sqs']), node);
      else if (t === 'EventBridgeRule' || t === 'CloudWatchEvent' || t === 'Schedule' || t === 'ScheduleV2') {
        const rule = b.node(`${node.id}-${name}`, 'eventbridge', `${name} (${t})`);
        b.connect(rule, node);
        b.scanRefs(rule.id, p.Pattern, 'EventPattern');
      } else
        b.note(
          r,
          `SAM event ${name} (Type ${t}) is not simulated: SageSim starts functions from EventBridge rules and ` +
            `SQS queues`,
        );
    }
  }
  for (const r of b.ofType('AWS::Lambda::EventSourceMapping')) {
    b.used.add(r.id);
    const fn = b.nodeOf(r.props.FunctionName, ['lambda']);
    if (!b.connect(b.nodeOf(r.props.EventSourceArn, ['sqs', 'kinesis-stream']), fn))
      b.note(r, 'its event source is not an SQS queue or Kinesis data stream of this template: not shown');
  }
  for (const r of b.ofType(
    'AWS::Lambda::Permission',
    'AWS::Lambda::Version',
    'AWS::Lambda::Alias',
    'AWS::SQS::QueuePolicy',
    'AWS::SNS::TopicPolicy',
  )) {
    const owner = b.nodeOf(r.props.FunctionName ?? r.props.Queues ?? r.props.Topics);
    if (owner) b.claim(r.id, owner.id);
  }
  for (const r of b.ofType('AWS::Events::Rule')) b.add(r, 'eventbridge');
  for (const r of b.ofType('AWS::CloudWatch::Alarm')) if (!b.used.has(r.id)) b.add(r, 'cloudwatch');
  for (const r of b.ofType('AWS::CloudWatch::Dashboard')) dashboard(b, r);
}

/**
 * A CloudWatch dashboard: each metric widget's metrics (["NAMESPACE", "METRIC", "EndpointName", name, …]) → the
 * widgets "NAMESPACE METRIC STAT" SageSim draws, and a connection from each endpoint they name
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html).
 */
function dashboard(b: Builder, r: EvaluatedResource): void {
  const text = withPlaceholders(r.props.DashboardBody);
  const body = readJson(text);
  const widgets: string[] = [];
  const eps = new Set<ArchNode>();
  let period: number | undefined;
  const skipped: string[] = [];
  for (const w of list(rec(body).widgets)) {
    const p = rec(rec(w).properties);
    if (rec(w).type !== 'metric') continue;
    const stat = typeof p.stat === 'string' ? p.stat : 'Average';
    if (typeof p.period === 'number') period ??= Math.min(3600, Math.max(60, Math.round(p.period)));
    for (const m of list(p.metrics)) {
      const row = list(m);
      const [ns, metric] = row.map(String);
      const text = `${ns} ${metric} ${stat}`;
      if (!parseWidget(text)) {
        skipped.push(text);
        continue;
      }
      if (!widgets.includes(text)) widgets.push(text);
      const i = row.indexOf('EndpointName');
      const ep = i >= 0 ? b.nodeOf(row[i + 1]) : undefined;
      if (ep && isEndpointKind(ep.kind)) eps.add(ep);
    }
  }
  const kept = 'widgets' in rec(b.meta(r).props);
  const n = b.add(r, 'cloudwatch-dashboard', kept ? {} : { widgets: widgets.slice(0, 24), periodSec: period });
  for (const ep of eps) b.connect(ep, n);
  if (text === null || body === null)
    b.note(r, 'its DashboardBody is not JSON SageSim can read: no widgets', 'warning');
  if (skipped.length)
    b.note(r, `widgets SageSim does not simulate were left out: ${[...new Set(skipped)].join(', ')}`, 'info');
}

/** Everything no mapping used: a note each (nothing is dropped silently). */
export function noteTheRest(b: Builder): void {
  for (const r of b.resources) {
    if (b.used.has(r.id)) continue;
    if (r.type === 'AWS::CDK::Metadata') b.note(r, 'CDK metadata (version reporting), not infrastructure');
    else if (r.type === 'AWS::SNS::Subscription')
      b.note(r, 'subscriptions are not shown: SageSim connects SNS topics only as notification targets');
    else b.note(r, 'no SageSim kind for this type: not simulated');
  }
}

export type { EvaluatedResource };

/** A JSON text's value, or null when there is none or it does not parse. */
function readJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
