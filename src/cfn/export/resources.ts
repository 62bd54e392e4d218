import { sgRules, type SgRule } from '../../model/sg';
import { defaultProps, kindDef, propsByName, roleActions } from '../../catalog/kinds';
import { instanceType } from '../../catalog/instances';
import type { AutoscalingValue, DeploymentValue, VariantValue } from '../../catalog/types';
import type { ArchNode } from '../../model/schema';
import { type ExportContext, GetAtt, Ref, Sub } from './context';
import { shadowTest } from './shadow-test';

/**
 * One function per kind that has an AWS resource: the resources it becomes, with references (Ref, GetAtt, Sub)
 * wherever a connection or a prop names another node, and parameters for names and ARNs the design does not hold.
 */

const ROLE_PARAM = 'SageMakerExecutionRoleArn';
const ASSUME = (service: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
});

/** `cron(...)` of a monitoring schedule, or null when SageMaker cannot run it that often (hourly is the most). */
export function cronOf(minutes: number): string | null {
  if (minutes === 60) return 'cron(0 * ? * * *)';
  if (minutes === 1440) return 'cron(0 0 ? * * *)';
  if (minutes > 60 && minutes < 1440 && minutes % 60 === 0 && 24 % (minutes / 60) === 0)
    return `cron(0 */${minutes / 60} ? * * *)`;
  return null;
}

const MONITOR_TYPES: Record<string, string> = {
  'data-quality': 'DataQuality',
  'model-quality': 'ModelQuality',
  'bias-drift': 'ModelBias',
  'feature-attribution': 'ModelExplainability',
};

function executionRole(c: ExportContext) {
  return c.param(ROLE_PARAM, {
    Type: 'String',
    Description: 'ARN of the IAM role SageMaker assumes for models, jobs and pipelines',
  });
}

/** The logical id of a node's resource (the node must have one). */
const L = (c: ExportContext, n: ArchNode | string) => c.logical.get(typeof n === 'string' ? n : n.id)!;
/** The AlarmName an alarm node is given: the stack name and the node id. */
const alarmName = (id: string) => Sub(`\${AWS::StackName}-${id}`);

/**
 * UpdateEndpoint's DeploymentConfig of a real-time endpoint's `deployment` (AWS::SageMaker::Endpoint DeploymentConfig:
 * BlueGreenUpdatePolicy.TrafficRoutingConfiguration with CAPACITY_PERCENT sizes, AutoRollbackConfiguration.Alarms by
 * name). The alarm watches the endpoint, so the endpoint names the alarm by its fixed AlarmName, not by Ref (which
 * would be a circular reference).
 */
function deploymentConfig(c: ExportContext, d: DeploymentValue): Record<string, unknown> {
  const size = d.sizePercent === undefined ? undefined : { Type: 'CAPACITY_PERCENT', Value: d.sizePercent };
  const routing: Record<string, unknown> = {
    Type: d.type === 'all-at-once' ? 'ALL_AT_ONCE' : d.type === 'canary' ? 'CANARY' : 'LINEAR',
    WaitIntervalInSeconds: d.waitIntervalSec,
    ...(d.type === 'canary' && size ? { CanarySize: size } : {}),
    ...(d.type === 'linear' && size ? { LinearStepSize: size } : {}),
  };
  const alarms = (d.rollbackAlarms ?? []).filter((id) => c.logical.has(id));
  return {
    BlueGreenUpdatePolicy: {
      TrafficRoutingConfiguration: routing,
      ...(d.terminationWaitSec !== undefined ? { TerminationWaitInSeconds: d.terminationWaitSec } : {}),
    },
    ...(alarms.length
      ? { AutoRollbackConfiguration: { Alarms: alarms.map((id) => ({ AlarmName: alarmName(id) })) } }
      : {}),
  };
}

/** Network: the VPC, its subnets (route tables decide public / private / NAT), VPC endpoints, a security group. */
export function exportVpc(c: ExportContext, vpc: ArchNode): void {
  const V = L(c, vpc);
  c.add(
    V,
    'AWS::EC2::VPC',
    {
      CidrBlock: c.param(`${V}Cidr`, {
        Type: 'String',
        Default: '10.0.0.0/16',
        Description: `CIDR block of ${vpc.label ?? vpc.id}`,
      }),
      EnableDnsSupport: true,
      EnableDnsHostnames: true,
    },
    vpc,
  );
  const subnets = c.children(vpc.id).filter((n) => n.kind === 'subnet');
  const access = (s: ArchNode) => String(c.props(s).access);
  let igw: string | null = null;
  const internetGateway = () => {
    if (igw) return igw;
    igw = c.logicalId(vpc.id, 'Igw');
    c.add(igw, 'AWS::EC2::InternetGateway', {});
    c.add(c.logicalId(vpc.id, 'IgwAttachment'), 'AWS::EC2::VPCGatewayAttachment', {
      VpcId: Ref(V),
      InternetGatewayId: Ref(igw),
    });
    return igw;
  };
  const tables = new Map<string, string>();
  let i = 0;
  const subnet = (id: string, node: ArchNode | null, kind: string, nat?: string) => {
    c.add(
      id,
      'AWS::EC2::Subnet',
      {
        VpcId: Ref(V),
        CidrBlock: { 'Fn::Select': [i++, { 'Fn::Cidr': [GetAtt(V, 'CidrBlock'), 16, 8] }] },
        MapPublicIpOnLaunch: kind === 'public',
      },
      node ?? undefined,
      node ? {} : { Metadata: { SageSim: { helper: true } } },
    );
    const rt = c.logicalId(id, 'RouteTable');
    c.add(rt, 'AWS::EC2::RouteTable', { VpcId: Ref(V) });
    c.add(c.logicalId(id, 'RouteTableAssociation'), 'AWS::EC2::SubnetRouteTableAssociation', {
      SubnetId: Ref(id),
      RouteTableId: Ref(rt),
    });
    if (kind === 'public')
      c.add(c.logicalId(id, 'DefaultRoute'), 'AWS::EC2::Route', {
        RouteTableId: Ref(rt),
        DestinationCidrBlock: '0.0.0.0/0',
        GatewayId: Ref(internetGateway()),
      });
    if (kind === 'private-with-nat')
      c.add(c.logicalId(id, 'DefaultRoute'), 'AWS::EC2::Route', {
        RouteTableId: Ref(rt),
        DestinationCidrBlock: '0.0.0.0/0',
        NatGatewayId: Ref(nat!),
      });
    tables.set(id, rt);
  };
  for (const s of subnets.filter((s) => access(s) === 'public')) subnet(L(c, s), s, 'public');
  let nat: string | null = null;
  if (subnets.some((s) => access(s) === 'private-with-nat')) {
    const pub = subnets.find((s) => access(s) === 'public');
    let host = pub ? L(c, pub) : null;
    if (!host) {
      host = c.logicalId(vpc.id, 'NatSubnet');
      subnet(host, null, 'public');
    }
    const eip = c.logicalId(vpc.id, 'NatEip');
    c.add(eip, 'AWS::EC2::EIP', { Domain: 'vpc' });
    nat = c.logicalId(vpc.id, 'Nat');
    c.add(nat, 'AWS::EC2::NatGateway', { SubnetId: Ref(host), AllocationId: GetAtt(eip, 'AllocationId') });
  }
  for (const s of subnets.filter((s) => access(s) !== 'public')) subnet(L(c, s), s, access(s), nat ?? undefined);
  const sg = c.logicalId(vpc.id, 'Sg');
  c.add(
    sg,
    'AWS::EC2::SecurityGroup',
    {
      GroupDescription: 'HTTPS within the VPC (jobs, endpoints and interface endpoints)',
      VpcId: Ref(V),
      SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: GetAtt(V, 'CidrBlock') }],
    },
    undefined,
    { Metadata: { SageSim: { helper: true } } },
  );
  c.vpcSg.set(vpc.id, sg);
  for (const g of c.doc.nodes.filter((n) => n.kind === 'security-group' && n.parent === vpc.id))
    exportSecurityGroup(c, g, V);
  const endpoints = c.doc.nodes.filter(
    (n) => n.kind === 'vpc-endpoint' && (n.parent === vpc.id || subnets.some((s) => s.id === n.parent)),
  );
  for (const e of endpoints) {
    const service = String(c.props(e).service);
    const inSubnet = e.parent !== vpc.id ? L(c, e.parent!) : null;
    const props: Record<string, unknown> = {
      VpcId: Ref(V),
      ServiceName: Sub(`com.amazonaws.\${AWS::Region}.${service}`),
    };
    if (service === 's3') {
      props.VpcEndpointType = 'Gateway';
      props.RouteTableIds = (inSubnet ? [inSubnet] : subnets.map((s) => L(c, s))).map((s) => Ref(tables.get(s)!));
    } else {
      props.VpcEndpointType = 'Interface';
      props.PrivateDnsEnabled = true;
      props.SecurityGroupIds = [Ref(groupOf(c, e) ?? sg)];
      const ss = inSubnet ? [inSubnet] : subnets.length >= 2 ? subnets.map((s) => L(c, s)) : [];
      if (ss.length) props.SubnetIds = ss.map(Ref);
    }
    c.add(L(c, e), 'AWS::EC2::VPCEndpoint', props, e);
  }
}

/** VpcConfig of something in a subnet: that subnet and its security group (or the VPC's helper group). */
function vpcConfig(c: ExportContext, node: ArchNode, subnetsKey = 'Subnets'): Record<string, unknown> | undefined {
  const parent = node.parent ? c.byId.get(node.parent) : undefined;
  if (parent?.kind !== 'subnet') return undefined;
  return {
    [subnetsKey]: [Ref(L(c, parent))],
    SecurityGroupIds: [Ref(groupOf(c, node) ?? c.vpcSg.get(parent.parent!)!)],
  };
}

/** The logical id of the security group a node names (its `securityGroup` prop), if it is exported. */
function groupOf(c: ExportContext, node: ArchNode): string | undefined {
  const id = c.props(node).securityGroup;
  return typeof id === 'string' ? c.logical.get(id) : undefined;
}

/**
 * A security-group node → AWS::EC2::SecurityGroup with its CIDR rules inline, and one AWS::EC2::SecurityGroupIngress /
 * SecurityGroupEgress per rule naming a group (itself included: a group cannot reference itself in its own properties).
 * An empty list is left out (CloudFormation then keeps EC2's default outbound rule, all traffic out).
 */
function exportSecurityGroup(c: ExportContext, g: ArchNode, vpcLogical: string): void {
  const id = L(c, g);
  const { ingress, egress } = sgRules(c.props(g));
  const cidr = (r: SgRule, dir: 'in' | 'out') => ({
    IpProtocol: PROTOCOL[r.protocol],
    ...(r.protocol === 'tcp' || r.protocol === 'udp' ? { FromPort: r.from, ToPort: r.to } : {}),
    [r.peer.includes(':') ? 'CidrIpv6' : 'CidrIp']: r.peer,
    Description: `${dir === 'in' ? 'inbound' : 'outbound'}: ${r.text}`,
  });
  c.add(
    id,
    'AWS::EC2::SecurityGroup',
    {
      GroupDescription: g.label ?? g.id,
      VpcId: Ref(vpcLogical),
      ...nonEmpty(
        'SecurityGroupIngress',
        ingress.filter((r) => r.kind === 'cidr').map((r) => cidr(r, 'in')),
      ),
      ...nonEmpty(
        'SecurityGroupEgress',
        egress.filter((r) => r.kind === 'cidr').map((r) => cidr(r, 'out')),
      ),
    },
    g,
  );
  const peers = (rules: SgRule[], dir: 'in' | 'out') =>
    rules
      .filter((r) => r.kind !== 'cidr')
      .forEach((r, i) => {
        const peer = r.kind === 'self' ? id : c.logical.get(r.peer);
        if (!peer) return;
        c.add(
          `${id}${dir === 'in' ? 'Ingress' : 'Egress'}${i + 1}`,
          dir === 'in' ? 'AWS::EC2::SecurityGroupIngress' : 'AWS::EC2::SecurityGroupEgress',
          {
            GroupId: Ref(id),
            IpProtocol: PROTOCOL[r.protocol],
            ...(r.protocol === 'tcp' || r.protocol === 'udp' ? { FromPort: r.from, ToPort: r.to } : {}),
            [dir === 'in' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId']: Ref(peer),
            Description: `${dir === 'in' ? 'inbound' : 'outbound'}: ${r.text}`,
          },
        );
      });
  peers(ingress, 'in');
  peers(egress, 'out');
}

const nonEmpty = (key: string, v: unknown[]) => (v.length ? { [key]: v } : {});

/** EC2's IpProtocol of a SageSim protocol. */
const PROTOCOL: Record<SgRule['protocol'], string> = { tcp: 'tcp', udp: 'udp', esp: '50', all: '-1' };

export function exportStore(c: ExportContext, n: ArchNode): void {
  const p = c.props(n);
  const id = L(c, n);
  switch (n.kind) {
    case 'kms-key':
      c.add(
        id,
        'AWS::KMS::Key',
        {
          Description: `${n.label ?? n.id} (customer managed key)`,
          EnableKeyRotation: true,
          KeyPolicy: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: Sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') },
                Action: 'kms:*',
                Resource: '*',
              },
            ],
          },
        },
        n,
      );
      return;
    case 's3-bucket': {
      const props: Record<string, unknown> = {};
      if (p.encryption === 'sse-kms' || n.props?.encryption !== undefined) {
        const d: Record<string, unknown> = { SSEAlgorithm: p.encryption === 'sse-kms' ? 'aws:kms' : 'AES256' };
        if (p.encryption === 'sse-kms' && p.kmsKey) d.KMSMasterKeyID = GetAtt(L(c, p.kmsKey), 'Arn');
        props.BucketEncryption = { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: d }] };
      }
      if (p.encryption !== 'sse-kms' && p.kmsKey) c.keepInMetadata(n, 'kmsKey');
      if (p.eventNotifications)
        props.NotificationConfiguration = { EventBridgeConfiguration: { EventBridgeEnabled: true } };
      // VersioningConfiguration.Status is Enabled | Suspended; a bucket never versioned has none (kept as "Off")
      if (p.versioning === 'Enabled' || p.versioning === 'Suspended')
        props.VersioningConfiguration = { Status: p.versioning };
      else if (p.versioning === 'Off') c.keepInMetadata(n, 'versioning');
      c.add(id, 'AWS::S3::Bucket', props, n);
      return;
    }
    case 'ecr-repository':
      c.add(id, 'AWS::ECR::Repository', { ImageScanningConfiguration: { ScanOnPush: true } }, n);
      return;
    case 'sqs':
      c.add(id, 'AWS::SQS::Queue', {}, n);
      return;
    case 'sns':
      c.add(id, 'AWS::SNS::Topic', {}, n);
      return;
    case 'macie':
      c.add(id, 'AWS::Macie::Session', { Status: 'ENABLED' }, n);
      return;
    case 'cloudtrail': {
      const props: Record<string, unknown> = {
        IsLogging: true,
        S3BucketName: c.param('TrailBucketName', {
          Type: 'String',
          Description: 'Bucket CloudTrail writes its logs to',
        }),
      };
      if (p.s3DataEvents)
        props.EventSelectors = [
          {
            ReadWriteType: 'All',
            IncludeManagementEvents: true,
            DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }],
          },
        ];
      c.add(id, 'AWS::CloudTrail::Trail', props, n);
      return;
    }
    case 'iam-role': {
      // a Role Manager persona's actions are in the policy; the persona and the role's own actions stay in Metadata
      const actions: string[] = roleActions(p);
      if (p.persona !== 'custom') {
        c.keepInMetadata(n, 'persona');
        c.keepInMetadata(n, 'actions');
      }
      const s3 = actions.filter((a) => /^s3:/i.test(a) || a === '*');
      const rest = actions.filter((a) => !s3.includes(a));
      const statements: Record<string, unknown>[] = [];
      if (s3.length) statements.push({ Effect: 'Allow', Action: s3, Resource: p.s3Resources });
      if (rest.length) statements.push({ Effect: 'Allow', Action: rest, Resource: '*' });
      if (!s3.length && JSON.stringify(p.s3Resources) !== '["*"]') c.keepInMetadata(n, 's3Resources');
      c.add(
        id,
        'AWS::IAM::Role',
        {
          AssumeRolePolicyDocument: ASSUME('sagemaker.amazonaws.com'),
          ...(statements.length
            ? {
                Policies: [
                  { PolicyName: 'least-privilege', PolicyDocument: { Version: '2012-10-17', Statement: statements } },
                ],
              }
            : {}),
        },
        n,
      );
      return;
    }
  }
}

/** Real-time, serverless, asynchronous and multi-model endpoints: Model + EndpointConfig + Endpoint (+ autoscaling). */
export function exportEndpoint(c: ExportContext, n: ArchNode): void {
  const p = c.props(n);
  const E = L(c, n);
  const components = n.kind === 'realtime-endpoint' && p.inferenceComponents === true;
  const model = c.logicalId(n.id, 'Model'),
    config = c.logicalId(n.id, 'Config');
  const container: Record<string, unknown> = {};
  const repo = c.in(n.id, ['ecr-repository'])[0];
  if (repo) {
    container.Image = Sub(`\${${L(c, repo)}.RepositoryUri}:latest`);
    c.say(repo.id, n.id);
  } else
    container.Image = c.param(`${E}ImageUri`, { Type: 'String', Description: `Inference image of ${n.label ?? n.id}` });
  const artifacts = c.in(n.id, ['s3-bucket'])[0];
  if (artifacts) {
    container.ModelDataUrl = Sub(
      `s3://\${${L(c, artifacts)}}/${n.kind === 'multi-model-endpoint' ? 'models/' : 'model.tar.gz'}`,
    );
    c.say(artifacts.id, n.id);
  }
  if (n.kind === 'multi-model-endpoint') container.Mode = 'MultiModel';
  // a JumpStart model: its artifacts as the container's ModelDataSource, with the EULA acceptance
  // (ContainerDefinition.ModelDataSource.S3DataSource.ModelAccessConfig.AcceptEula). The jumpstart-model node and its
  // connection stay in the template's Metadata.SageSim, which import reads back.
  const js = c.in(n.id, ['jumpstart-model'])[0];
  if (js && !artifacts) {
    const jp = c.props(js);
    container.ModelDataSource = {
      S3DataSource: {
        S3Uri: c.param(`${E}JumpStartModelUri`, {
          Type: 'String',
          Description: `S3 prefix of the JumpStart model ${String(jp.modelId)} (its uncompressed artifacts)`,
        }),
        S3DataType: 'S3Prefix',
        CompressionType: 'None',
        ModelAccessConfig: { AcceptEula: jp.acceptEula === true },
      },
    };
  }
  const vpc = vpcConfig(c, n);
  c.add(model, 'AWS::SageMaker::Model', {
    ExecutionRoleArn: executionRole(c),
    PrimaryContainer: container,
    ...(vpc ? { VpcConfig: vpc } : {}),
  });
  const cfg: Record<string, unknown> = {};
  const first = 'AllTraffic';
  let variantName = first;
  if (n.kind === 'serverless-endpoint') {
    cfg.ProductionVariants = [
      {
        VariantName: first,
        ModelName: GetAtt(model, 'ModelName'),
        InitialVariantWeight: 1,
        ServerlessConfig: {
          MemorySizeInMB: p.memoryMB,
          MaxConcurrency: p.maxConcurrency,
          ...(p.provisionedConcurrency ? { ProvisionedConcurrency: p.provisionedConcurrency } : {}),
        },
      },
    ];
  } else if (n.kind === 'realtime-endpoint') {
    const vs = p.variants as {
      name: string;
      weight: number;
      shadow?: boolean;
      instanceType?: string;
      instanceCount?: number;
      modelLatencyMs?: number;
    }[];
    const variant = (v: (typeof vs)[number], i: number) => ({
      VariantName: v.name,
      ModelName: GetAtt(model, 'ModelName'),
      InstanceType: i === 0 ? p.instanceType : (v.instanceType ?? p.instanceType),
      InitialInstanceCount: i === 0 ? p.instanceCount : (v.instanceCount ?? p.instanceCount),
      InitialVariantWeight: v.weight,
    });
    const prod = vs.filter((v) => !v.shadow);
    cfg.ProductionVariants = prod.map(variant);
    if (components) {
      // the model is the inference components' (Specification.ModelName), not the variants'; the variants scale
      // their instances themselves (ManagedInstanceScaling), the endpoint config names the role
      const a = p.autoscaling as AutoscalingValue | null;
      cfg.ProductionVariants = prod.map((v, i) => {
        const { ModelName: _model, ...rest } = variant(v, i);
        void _model;
        return {
          ...rest,
          ...(a
            ? { ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: a.min, MaxInstanceCount: a.max } }
            : {}),
        };
      });
      cfg.ExecutionRoleArn = executionRole(c);
    }
    if (prod[0]?.instanceType && prod[0].instanceType !== p.instanceType) c.keepInMetadata(n, 'variants');
    if (prod[0]?.instanceCount !== undefined) c.keepInMetadata(n, 'variants');
    // a variant's own model latency is SageSim's (no resource property holds it): keep the variants in metadata
    if (vs.some((v) => v.modelLatencyMs !== undefined)) c.keepInMetadata(n, 'variants');
    const shadows = vs.filter((v) => v.shadow);
    if (shadows.length) cfg.ShadowProductionVariants = shadows.map((v) => variant(v, 1));
    if (vs.some((v, i) => v.shadow && vs.slice(i + 1).some((w) => !w.shadow))) c.keepInMetadata(n, 'variants'); // order
    variantName = prod[0]?.name ?? first;
    if (p.dataCapture)
      cfg.DataCaptureConfig = {
        EnableCapture: true,
        InitialSamplingPercentage: 100,
        DestinationS3Uri: c.param('DataCaptureS3Uri', {
          Type: 'String',
          Default: 's3://data-capture-bucket/capture/',
          Description: 'Where endpoints write captured requests and responses',
        }),
        CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
      };
    if (p.KmsKeyId) cfg.KmsKeyId = Ref(L(c, p.KmsKeyId));
  } else {
    cfg.ProductionVariants = [
      {
        VariantName: first,
        ModelName: GetAtt(model, 'ModelName'),
        InstanceType:
          n.kind === 'multi-model-endpoint'
            ? p.instanceType
            : c.param(`${E}InstanceType`, {
                Type: 'String',
                Default: 'ml.m5.xlarge',
                Description: `Instance type of ${n.label ?? n.id}`,
              }),
        InitialInstanceCount: n.kind === 'async-endpoint' ? Math.max(1, p.instanceCount) : p.instanceCount,
        InitialVariantWeight: 1,
      },
    ];
    if (n.kind === 'async-endpoint') {
      if (p.instanceCount < 1) c.keepInMetadata(n, 'instanceCount');
      const out = c.out(n.id, ['s3-bucket'])[0];
      const topics = c.out(n.id, ['sns']);
      if (out) c.say(n.id, out.id);
      for (const t of topics.slice(0, 2)) c.say(n.id, t.id);
      cfg.AsyncInferenceConfig = {
        OutputConfig: {
          S3OutputPath: out
            ? Sub(`s3://\${${L(c, out)}}/async-output/`)
            : c.param(`${E}OutputPath`, {
                Type: 'String',
                Default: 's3://async-output-bucket/output/',
                Description: `Where ${n.label ?? n.id} writes its results`,
              }),
          ...(topics.length
            ? {
                NotificationConfig: {
                  SuccessTopic: Ref(L(c, topics[0])),
                  ...(topics[1] ? { ErrorTopic: Ref(L(c, topics[1])) } : {}),
                },
              }
            : {}),
        },
      };
    }
  }
  c.add(config, 'AWS::SageMaker::EndpointConfig', cfg);
  const dep = n.kind === 'realtime-endpoint' ? (p.deployment as DeploymentValue | null) : null;
  // no property holds an all-at-once size, nor an empty list of rollback alarms: Metadata keeps them
  if (dep && ((dep.type === 'all-at-once' && dep.sizePercent !== undefined) || dep.rollbackAlarms?.length === 0))
    c.keepInMetadata(n, 'deployment');
  if (n.kind === 'realtime-endpoint') realtimeScalingMetadata(c, n);
  c.add(
    E,
    'AWS::SageMaker::Endpoint',
    {
      EndpointConfigName: GetAtt(config, 'EndpointConfigName'),
      ...(dep ? { DeploymentConfig: deploymentConfig(c, dep) } : {}),
    },
    n,
  );
  if (n.kind === 'realtime-endpoint') {
    const vs = p.variants as VariantValue[];
    shadowTest(c, n.id, E, model, vs, { type: p.instanceType, count: p.instanceCount }, executionRole(c));
    realtimeScaling(c, n, E, model, variantName);
    return;
  }
  if (n.kind !== 'async-endpoint') return;
  const target = c.logicalId(n.id, 'ScalableTarget');
  c.add(target, 'AWS::ApplicationAutoScaling::ScalableTarget', {
    ServiceNamespace: 'sagemaker',
    ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
    ResourceId: { 'Fn::Join': ['/', ['endpoint', GetAtt(E, 'EndpointName'), 'variant', variantName]] },
    MinCapacity: p.minCapacity,
    MaxCapacity: p.maxCapacity,
  });
  if (p.backlogScaling)
    c.add(c.logicalId(n.id, 'BacklogPolicy'), 'AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyName: `${n.id}-has-backlog-without-capacity`,
      PolicyType: 'TargetTrackingScaling',
      ScalingTargetId: Ref(target),
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 0.5,
        CustomizedMetricSpecification: {
          MetricName: 'HasBacklogWithoutCapacity',
          Namespace: 'AWS/SageMaker',
          Dimensions: [{ Name: 'EndpointName', Value: GetAtt(E, 'EndpointName') }],
          Statistic: 'Average',
        },
      },
    });
}

/**
 * PredefinedMetricType of a real-time endpoint's target tracking, by what it scales (a variant's instances or an
 * inference component's copies) and on which metric
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html;
 * https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-add-code-define.html).
 */
export const SCALING_METRICS = {
  variant: {
    InvocationsPerInstance: 'SageMakerVariantInvocationsPerInstance',
    ConcurrentRequestsPerModel: 'SageMakerVariantConcurrentRequestsPerModelHighResolution',
  },
  component: {
    InvocationsPerInstance: 'SageMakerInferenceComponentInvocationsPerCopy',
    ConcurrentRequestsPerModel: 'SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution',
  },
} as const;

/** The InferenceComponentName the export gives a real-time endpoint's component on its first production variant. */
export const componentName = (nodeId: string) => Sub(`\${AWS::StackName}-${nodeId}`);

/**
 * What one copy of an inference component asks of its instance (InferenceComponentComputeResourceRequirements:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-sagemaker-inferencecomponent-inferencecomponentcomputeresourcerequirements.html).
 * SageSim simulates one copy per instance, so a copy asks for more than half the instance's memory (no second copy
 * fits) and all its GPUs; the figures are SageSim's choice, not AWS's. An instance type the catalog does not know asks
 * for 1024 MB.
 */
function computeRequirements(type: string): Record<string, number> {
  const it = instanceType(type);
  if (!it) return { MinMemoryRequiredInMb: 1024 };
  return {
    MinMemoryRequiredInMb: Math.max(128, Math.floor(it.memoryGiB * 1024 * 0.55)),
    ...(it.gpus > 0 ? { NumberOfAcceleratorDevicesRequired: it.gpus } : { NumberOfCpuCoresRequired: 1 }),
  };
}

/** Scaling props of a real-time endpoint no resource holds (see realtimeScaling), before its Metadata is written. */
function realtimeScalingMetadata(c: ExportContext, n: ArchNode): void {
  const p = c.props(n);
  const a = p.autoscaling as AutoscalingValue | null;
  const defaults = propsByName(defaultProps(n.kind));
  const keep = (k: string) => {
    if (JSON.stringify(p[k]) !== JSON.stringify(defaults[k])) c.keepInMetadata(n, k);
  };
  if (p.inferenceComponents !== true || !a) keep('scaleOutFromZero');
  if (!a) {
    keep('scalingMetric');
    keep('targetConcurrency');
  } else if (p.scalingMetric === 'ConcurrentRequestsPerModel') keep('autoscaling');
  else keep('targetConcurrency');
}

/**
 * A real-time endpoint's scaling.
 * - Without inference components: a scalable target on the first production variant's DesiredInstanceCount and a
 *   target-tracking policy on InvocationsPerInstance or the high-resolution ConcurrentRequestsPerModel.
 * - With them (`inferenceComponents`): an AWS::SageMaker::InferenceComponent per production variant
 *   (EndpointName, VariantName, Specification.ModelName and ComputeResourceRequirements, RuntimeConfig.CopyCount;
 *   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sagemaker-inferencecomponent.html),
 *   and, with autoscaling, a scalable target on the first component's copies (ResourceId
 *   `inference-component/NAME`, ScalableDimension `sagemaker:inference-component:DesiredCopyCount`) with its
 *   target-tracking policy; `scaleOutFromZero` adds the step-scaling policy (ChangeInCapacity +1, MetricAggregationType
 *   Maximum, Cooldown 60) and the CloudWatch alarm on NoCapacityInvocationFailures (dimension InferenceComponentName,
 *   Sum over 60 s, GreaterThanThreshold 1, one datapoint) that AWS's procedure sets up
 *   (https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html). The component has a
 *   fixed name (Ref gives its ARN), so the target and the alarm name it and DependsOn it.
 * What no resource can hold stays in Metadata: a step-scaling policy without inference components or without
 * autoscaling (it has nothing to scale from zero), the metric and target concurrency of an endpoint with no
 * autoscaling, and the invocations target of autoscaling that tracks concurrency.
 */
function realtimeScaling(c: ExportContext, n: ArchNode, E: string, model: string, variantName: string): void {
  const p = c.props(n);
  const a = p.autoscaling as AutoscalingValue | null;
  const components = p.inferenceComponents === true;
  const metric = (p.scalingMetric ?? 'InvocationsPerInstance') as keyof (typeof SCALING_METRICS)['variant'];
  const concurrency = metric === 'ConcurrentRequestsPerModel';
  let component: string | null = null;
  if (components) {
    const vs = (p.variants as VariantValue[]).filter((v) => !v.shadow);
    vs.forEach((v, i) => {
      const id = c.logicalId(n.id, i ? `Component${i + 1}` : 'Component');
      if (!i) component = id;
      c.add(id, 'AWS::SageMaker::InferenceComponent', {
        InferenceComponentName: i ? Sub(`\${AWS::StackName}-${n.id}-${v.name}`) : componentName(n.id),
        EndpointName: GetAtt(E, 'EndpointName'),
        VariantName: v.name,
        Specification: {
          ModelName: GetAtt(model, 'ModelName'),
          ComputeResourceRequirements: computeRequirements(i ? (v.instanceType ?? p.instanceType) : p.instanceType),
        },
        RuntimeConfig: { CopyCount: i ? (v.instanceCount ?? p.instanceCount) : p.instanceCount },
      });
    });
  }
  if (!a) return;
  const target = c.logicalId(n.id, 'ScalableTarget');
  const dependsOn = component ? { DependsOn: [component] } : {};
  c.add(
    target,
    'AWS::ApplicationAutoScaling::ScalableTarget',
    {
      ServiceNamespace: 'sagemaker',
      ...(component
        ? {
            ScalableDimension: 'sagemaker:inference-component:DesiredCopyCount',
            ResourceId: Sub(`inference-component/\${AWS::StackName}-${n.id}`),
          }
        : {
            ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
            ResourceId: { 'Fn::Join': ['/', ['endpoint', GetAtt(E, 'EndpointName'), 'variant', variantName]] },
          }),
      MinCapacity: a.min,
      MaxCapacity: a.max,
    },
    undefined,
    dependsOn,
  );
  const type = SCALING_METRICS[component ? 'component' : 'variant'][metric];
  c.add(c.logicalId(n.id, 'ScalingPolicy'), 'AWS::ApplicationAutoScaling::ScalingPolicy', {
    PolicyName: `${n.id}-${concurrency ? 'concurrent-requests' : 'invocations'}-per-${component ? 'copy' : 'instance'}`,
    PolicyType: 'TargetTrackingScaling',
    ScalingTargetId: Ref(target),
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: concurrency ? p.targetConcurrency : a.targetInvocationsPerInstance,
      PredefinedMetricSpecification: { PredefinedMetricType: type },
      ...(a.scaleInCooldownSec !== undefined ? { ScaleInCooldown: a.scaleInCooldownSec } : {}),
      ...(a.scaleOutCooldownSec !== undefined ? { ScaleOutCooldown: a.scaleOutCooldownSec } : {}),
    },
  });
  if (!component || p.scaleOutFromZero !== true) return;
  const step = c.logicalId(n.id, 'ScaleOutFromZeroPolicy');
  c.add(step, 'AWS::ApplicationAutoScaling::ScalingPolicy', {
    PolicyName: `${n.id}-scale-out-from-zero`,
    PolicyType: 'StepScaling',
    ScalingTargetId: Ref(target),
    StepScalingPolicyConfiguration: {
      AdjustmentType: 'ChangeInCapacity',
      MetricAggregationType: 'Maximum',
      Cooldown: 60,
      StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }],
    },
  });
  c.add(
    c.logicalId(n.id, 'NoCapacityAlarm'),
    'AWS::CloudWatch::Alarm',
    {
      AlarmDescription: `${n.label ?? n.id}: invoked with no instance (scale out from zero)`,
      Namespace: 'AWS/SageMaker',
      MetricName: 'NoCapacityInvocationFailures',
      Dimensions: [{ Name: 'InferenceComponentName', Value: componentName(n.id) }],
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [Ref(step)],
    },
    undefined,
    dependsOn,
  );
}

/** Model monitor: a job definition of its type and a schedule. */
export function exportMonitor(c: ExportContext, n: ArchNode): void {
  const p = c.props(n);
  const type = MONITOR_TYPES[p.monitorType] ?? 'DataQuality';
  const ep = c.in(n.id).find((x) => kindDef(x.kind).role === 'endpoint');
  if (ep) c.say(ep.id, n.id);
  const endpointName = ep
    ? GetAtt(L(c, ep), 'EndpointName')
    : c.param(`${L(c, n)}EndpointName`, { Type: 'String', Description: `Endpoint ${n.label ?? n.id} monitors` });
  const input: Record<string, unknown> = {
    EndpointInput: { EndpointName: endpointName, LocalPath: '/opt/ml/processing/input' },
  };
  c.param('MonitoringS3Uri', {
    Type: 'String',
    Default: 's3://model-monitor-bucket',
    Description: 'S3 prefix for baselines, ground truth and reports',
  });
  const s3 = (what: string) => Sub(`\${MonitoringS3Uri}/${n.id}/${what}`);
  if (p.groundTruth) input.GroundTruthS3Input = { S3Uri: s3('ground-truth') };
  const job: Record<string, unknown> = {
    RoleArn: executionRole(c),
    [`${type}AppSpecification`]: {
      ImageUri: c.param('ModelMonitorImageUri', {
        Type: 'String',
        Description: 'Model Monitor (or Clarify) analyzer image of the region',
      }),
      ...(type === 'ModelQuality' ? { ProblemType: 'BinaryClassification' } : {}),
      ...(type === 'ModelBias' || type === 'ModelExplainability' ? { ConfigUri: s3('analysis_config.json') } : {}),
    },
    [`${type}JobInput`]: input,
    [`${type}JobOutputConfig`]: {
      MonitoringOutputs: [{ S3Output: { S3Uri: s3('reports'), LocalPath: '/opt/ml/processing/output' } }],
    },
    JobResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 20 } },
  };
  if (p.baseline) job[`${type}BaselineConfig`] = { ConstraintsResource: { S3Uri: s3('baseline/constraints.json') } };
  const jd = c.logicalId(n.id, 'JobDefinition');
  c.add(jd, `AWS::SageMaker::${type}JobDefinition`, job);
  let cron = cronOf(p.scheduleMinutes);
  if (!cron) {
    c.keepInMetadata(n, 'scheduleMinutes');
    cron = 'cron(0 * ? * * *)';
  }
  c.add(
    L(c, n),
    'AWS::SageMaker::MonitoringSchedule',
    {
      MonitoringScheduleName: Sub(`\${AWS::StackName}-${n.id}`),
      MonitoringScheduleConfig: {
        MonitoringJobDefinitionName: GetAtt(jd, 'JobDefinitionName'),
        MonitoringType: type,
        ScheduleConfig: { ScheduleExpression: cron },
      },
    },
    n,
  );
}

export function exportFeatureStore(c: ExportContext, n: ArchNode): void {
  const p = c.props(n);
  if (!p.offline && p.OfflineStoreKmsKeyId) c.keepInMetadata(n, 'OfflineStoreKmsKeyId');
  if (!p.online && p.ttlHours) c.keepInMetadata(n, 'ttlHours');
  const features = [{ FeatureName: 'record_id', FeatureType: 'String' }];
  if (p.eventTimeFeature) features.push({ FeatureName: p.eventTimeFeature, FeatureType: 'String' });
  c.add(
    L(c, n),
    'AWS::SageMaker::FeatureGroup',
    {
      FeatureGroupName: Sub(`\${AWS::StackName}-${n.id}`),
      RecordIdentifierFeatureName: 'record_id',
      ...(p.eventTimeFeature ? { EventTimeFeatureName: p.eventTimeFeature } : {}),
      FeatureDefinitions: features,
      OnlineStoreConfig: {
        EnableOnlineStore: !!p.online,
        ...(p.OnlineStoreKmsKeyId ? { SecurityConfig: { KmsKeyId: Ref(L(c, p.OnlineStoreKmsKeyId)) } } : {}),
        ...(p.online && p.ttlHours ? { TtlDuration: { Unit: 'Hours', Value: p.ttlHours } } : {}),
      },
      ...(p.offline
        ? {
            OfflineStoreConfig: {
              S3StorageConfig: {
                S3Uri: c.param('OfflineStoreS3Uri', {
                  Type: 'String',
                  Default: 's3://feature-store-offline',
                  Description: 'S3 prefix of offline stores',
                }),
                ...(p.OfflineStoreKmsKeyId ? { KmsKeyId: Ref(L(c, p.OfflineStoreKmsKeyId)) } : {}),
              },
            },
          }
        : {}),
      RoleArn: executionRole(c),
    },
    n,
  );
}

/** EventBridge rules, Lambda functions, CloudWatch alarms, the model registry. */
export function exportGlue(c: ExportContext, n: ArchNode): void {
  const id = L(c, n);
  switch (n.kind) {
    case 'model-registry':
      c.add(id, 'AWS::SageMaker::ModelPackageGroup', { ModelPackageGroupName: Sub(`\${AWS::StackName}-${n.id}`) }, n);
      return;
    case 'lambda': {
      const env: Record<string, unknown> = {};
      for (const t of c.out(n.id)) {
        if (t.kind === 'pipeline') env[`PIPELINE_${envName(t.id)}`] = Ref(L(c, t));
        else if (t.kind === 'feature-store') env[`FEATURE_GROUP_${envName(t.id)}`] = Ref(L(c, t));
        else if (kindDef(t.kind).role === 'endpoint')
          env[`ENDPOINT_${envName(t.id)}`] = GetAtt(L(c, t), 'EndpointName');
        else continue;
        c.say(n.id, t.id);
      }
      const vpc = vpcConfig(c, n, 'SubnetIds');
      c.add(
        id,
        'AWS::Lambda::Function',
        {
          Runtime: 'python3.12',
          Handler: 'index.handler',
          Code: { ZipFile: 'def handler(event, context):\n    return event\n' },
          Role: c.param('LambdaRoleArn', { Type: 'String', Description: 'ARN of the execution role of the functions' }),
          ...(Object.keys(env).length ? { Environment: { Variables: env } } : {}),
          ...(vpc ? { VpcConfig: vpc } : {}),
        },
        n,
      );
      for (const q of c.in(n.id, ['sqs'])) {
        c.add(c.logicalId(`${q.id}-to-${n.id}`), 'AWS::Lambda::EventSourceMapping', {
          EventSourceArn: GetAtt(L(c, q), 'Arn'),
          FunctionName: Ref(id),
        });
        c.say(q.id, n.id);
      }
      for (const k of c.in(n.id, ['kinesis-stream'])) {
        c.add(c.logicalId(`${k.id}-to-${n.id}`), 'AWS::Lambda::EventSourceMapping', {
          EventSourceArn: GetAtt(L(c, k), 'Arn'),
          FunctionName: Ref(id),
          StartingPosition: 'LATEST',
        });
        c.say(k.id, n.id);
      }
      return;
    }
    case 'eventbridge': {
      const patterns: Record<string, unknown>[] = [];
      for (const s of c.in(n.id)) {
        const S = L(c, s);
        if (!S) continue;
        if (s.kind === 's3-bucket')
          patterns.push({
            source: ['aws.s3'],
            'detail-type': ['Object Created'],
            detail: { bucket: { name: [Ref(S)] } },
          });
        else if (s.kind === 'model-registry')
          patterns.push({
            source: ['aws.sagemaker'],
            'detail-type': ['SageMaker Model Package State Change'],
            detail: { ModelPackageGroupName: [GetAtt(S, 'ModelPackageGroupName')] },
          });
        else if (s.kind === 'model-monitor')
          patterns.push({
            source: ['aws.sagemaker'],
            detail: { monitoringScheduleName: [GetAtt(S, 'MonitoringScheduleName')] },
          });
        else if (s.kind === 'cloudwatch')
          patterns.push({
            source: ['aws.cloudwatch'],
            'detail-type': ['CloudWatch Alarm State Change'],
            detail: { alarmName: [Ref(S)] },
          });
        else continue;
        c.say(s.id, n.id);
      }
      const targets = c.out(n.id, ['lambda', 'pipeline', 'codepipeline']).map((t, i) => {
        c.say(n.id, t.id);
        if (t.kind === 'codepipeline')
          return {
            Id: `target-${i + 1}`,
            Arn: Sub(`arn:\${AWS::Partition}:codepipeline:\${AWS::Region}:\${AWS::AccountId}:\${${L(c, t)}}`),
            RoleArn: c.param('EventsRoleArn', {
              Type: 'String',
              Description: 'Role EventBridge assumes to start pipelines',
            }),
          };
        return t.kind === 'lambda'
          ? { Id: `target-${i + 1}`, Arn: GetAtt(L(c, t), 'Arn') }
          : {
              Id: `target-${i + 1}`,
              Arn: Sub(`arn:\${AWS::Partition}:sagemaker:\${AWS::Region}:\${AWS::AccountId}:pipeline/\${${L(c, t)}}`),
              RoleArn: c.param('EventsRoleArn', {
                Type: 'String',
                Description: 'Role EventBridge assumes to start pipelines',
              }),
            };
      });
      c.add(
        id,
        'AWS::Events::Rule',
        {
          EventPattern:
            patterns.length === 0
              ? { source: ['aws.sagemaker'] }
              : patterns.length === 1
                ? patterns[0]
                : { $or: patterns },
          ...(targets.length ? { Targets: targets } : {}),
        },
        n,
      );
      return;
    }
    case 'cloudwatch-dashboard': {
      // one metric widget per dashboard widget, a line per wired endpoint (dimensions EndpointName and VariantName)
      const d = c.props(n) as { widgets: string[]; periodSec: number };
      const eps = c.in(n.id).filter((x) => kindDef(x.kind).role === 'endpoint');
      for (const ep of eps) c.say(ep.id, n.id);
      const widgets = d.widgets.map((w, i) => {
        const [ns, metric, stat] = w.split(' ');
        return {
          type: 'metric',
          x: (i % 2) * 12,
          y: Math.floor(i / 2) * 6,
          width: 12,
          height: 6,
          properties: {
            title: w,
            view: 'timeSeries',
            region: '${AWS::Region}',
            stat,
            period: d.periodSec,
            metrics: eps.map((ep) => [
              ns,
              metric,
              'EndpointName',
              `\${${L(c, ep)}.EndpointName}`,
              'VariantName',
              'AllTraffic',
            ]),
          },
        };
      });
      c.add(id, 'AWS::CloudWatch::Dashboard', { DashboardBody: Sub(JSON.stringify({ widgets })) }, n);
      return;
    }
    case 'cloudwatch': {
      const alarm = c.props(n) as { metric: string; threshold: number; periodSec: number; evaluationPeriods: number };
      const ep = c.in(n.id).find((x) => kindDef(x.kind).role === 'endpoint');
      if (ep) c.say(ep.id, n.id);
      c.add(
        id,
        'AWS::CloudWatch::Alarm',
        {
          AlarmName: alarmName(n.id),
          AlarmDescription:
            `${n.label ?? n.id}: ` + `${alarm.metric === 'ModelLatency' ? 'model latency' : 'server errors'}`,
          Namespace: 'AWS/SageMaker',
          MetricName: alarm.metric,
          ...(ep
            ? {
                Dimensions: [
                  { Name: 'EndpointName', Value: GetAtt(L(c, ep), 'EndpointName') },
                  { Name: 'VariantName', Value: 'AllTraffic' },
                ],
              }
            : {}),
          // ModelLatency is published in microseconds; the alarm's threshold is in ms
          ...(alarm.metric === 'ModelLatency' ? { ExtendedStatistic: 'p99' } : { Statistic: 'Sum' }),
          Period: alarm.periodSec,
          EvaluationPeriods: alarm.evaluationPeriods,
          Threshold: alarm.metric === 'ModelLatency' ? alarm.threshold * 1000 : alarm.threshold,
          ComparisonOperator: 'GreaterThanThreshold',
        },
        n,
      );
      return;
    }
  }
}

const envName = (id: string) => id.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

export { ROLE_PARAM, executionRole, vpcConfig, L };

/**
 * Streaming ingestion: a Kinesis data stream (provisioned, ShardCount) and a Firehose stream whose source is a data
 * stream (KinesisStreamAsSource) or Direct PUT, delivering to a bucket with its BufferingHints. A Firehose stream with
 * no bucket keeps its buffering in Metadata (ExtendedS3DestinationConfiguration needs a BucketARN).
 */
export function exportStreaming(c: ExportContext, n: ArchNode): void {
  const p = c.props(n);
  const streamRole = () =>
    c.param('FirehoseRoleArn', { Type: 'String', Description: 'ARN of the role Firehose assumes to read and deliver' });
  if (n.kind === 'kinesis-stream') {
    c.add(
      L(c, n),
      'AWS::Kinesis::Stream',
      {
        ShardCount: p.shards,
        RetentionPeriodHours: p.retentionHours,
        StreamModeDetails: { StreamMode: 'PROVISIONED' },
      },
      n,
    );
    return;
  }
  const source = c.in(n.id, ['kinesis-stream'])[0];
  const bucket = c.out(n.id, ['s3-bucket'])[0];
  if (source) c.say(source.id, n.id);
  if (bucket) c.say(n.id, bucket.id);
  else for (const k of ['bufferIntervalSec', 'bufferSizeMB']) c.keepInMetadata(n, k);
  c.add(
    L(c, n),
    'AWS::KinesisFirehose::DeliveryStream',
    {
      DeliveryStreamType: source ? 'KinesisStreamAsSource' : 'DirectPut',
      ...(source
        ? { KinesisStreamSourceConfiguration: { KinesisStreamARN: GetAtt(L(c, source), 'Arn'), RoleARN: streamRole() } }
        : {}),
      ...(bucket
        ? {
            ExtendedS3DestinationConfiguration: {
              BucketARN: GetAtt(L(c, bucket), 'Arn'),
              RoleARN: streamRole(),
              BufferingHints: { IntervalInSeconds: p.bufferIntervalSec, SizeInMBs: p.bufferSizeMB },
            },
          }
        : {}),
    },
    n,
  );
}

/**
 * A file system in its subnet: AWS::FSx::FileSystem (LUSTRE, StorageCapacity, SubnetIds, the VPC's security group,
 * LustreConfiguration DeploymentType, PerUnitStorageThroughput on PERSISTENT_2, ImportPath of a linked bucket on
 * SCRATCH_2; https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-fsx-filesystem.html), or
 * AWS::EFS::FileSystem (ThroughputMode, ProvisionedThroughputInMibps) with an AWS::EFS::MountTarget in the subnet. What
 * the other type has no property for stays in Metadata.
 */
export function exportFileSystem(c: ExportContext, n: ArchNode): void {
  const p = c.props(n);
  const subnet = n.parent ? c.byId.get(n.parent) : undefined;
  const sg = subnet?.parent ? c.vpcSg.get(subnet.parent) : undefined;
  const id = L(c, n);
  const bucket = c.in(n.id, ['s3-bucket'])[0];
  if (p.fsType === 'efs') {
    for (const k of ['deploymentType', 'storageGiB', 'perUnitThroughput']) c.keepInMetadata(n, k);
    if (p.throughputMode !== 'provisioned') c.keepInMetadata(n, 'provisionedMiBps');
    c.add(
      id,
      'AWS::EFS::FileSystem',
      {
        ThroughputMode: p.throughputMode,
        ...(p.throughputMode === 'provisioned' ? { ProvisionedThroughputInMibps: p.provisionedMiBps } : {}),
      },
      n,
    );
    if (subnet)
      c.add(c.logicalId(`${n.id}-mount`), 'AWS::EFS::MountTarget', {
        FileSystemId: Ref(id),
        SubnetId: Ref(L(c, subnet)),
        ...(sg ? { SecurityGroups: [Ref(sg)] } : {}),
      });
    return;
  }
  for (const k of ['throughputMode', 'provisionedMiBps']) c.keepInMetadata(n, k);
  const scratch = p.deploymentType === 'SCRATCH_2';
  if (scratch) c.keepInMetadata(n, 'perUnitThroughput');
  if (bucket && scratch) c.say(bucket.id, n.id);
  c.add(
    id,
    'AWS::FSx::FileSystem',
    {
      FileSystemType: 'LUSTRE',
      StorageCapacity: p.storageGiB,
      ...(subnet ? { SubnetIds: [Ref(L(c, subnet))] } : {}),
      ...(sg ? { SecurityGroupIds: [Ref(sg)] } : {}),
      LustreConfiguration: {
        DeploymentType: p.deploymentType,
        ...(scratch ? {} : { PerUnitStorageThroughput: p.perUnitThroughput }),
        ...(bucket && scratch ? { ImportPath: Sub(`s3://\${${L(c, bucket)}}`) } : {}),
      },
    },
    n,
  );
}
