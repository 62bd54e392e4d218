import type { Kind } from '../../catalog/types';
import type { ArchNode } from '../../model/schema';
import type { EvaluatedResource } from '../evaluate';
import { isSym, refsIn } from '../types';
import { type Builder, bool, dig, list, num, rec } from './builder';
import { securityGroupOf, subnetOf } from './network';

/**
 * SageMaker hosting and MLOps resources.
 * - Endpoint + EndpointConfig + Model(s) (+ ScalableTarget / ScalingPolicy) make one endpoint node; the config decides
 * the
 *   kind: ServerlessConfig on a variant → serverless, AsyncInferenceConfig → async, a model in Mode MultiModel →
 * multi-model,
 *   otherwise real-time. https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sagemaker-endpointconfig.html
 * - MonitoringSchedule (+ its job definition) → model monitor (MonitoringType DataQuality | ModelQuality | ModelBias |
 *   ModelExplainability). https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-sagemaker-monitoringschedule-monitoringscheduleconfig.html
 * - ModelPackageGroup (+ ModelPackage approval) → model registry; FeatureGroup → Feature Store.
 */

/** A KMS key reference: the key node in the template, or a node standing for a key outside it (its ARN as label). */
export function kmsNode(b: Builder, v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = b.nodeOf(v, ['kms-key']);
  if (n) return n.id;
  const label = typeof v === 'string' ? v : String(v);
  const existing = b.nodes.find((x) => x.kind === 'kms-key' && x.label === label && x.id.startsWith('external-key'));
  return (existing ?? b.node('external-key', 'kms-key', label)).id;
}

const MONITOR_TYPES: Record<string, string> = {
  DataQuality: 'data-quality',
  ModelQuality: 'model-quality',
  ModelBias: 'bias-drift',
  ModelExplainability: 'feature-attribution',
};
const JOB_DEF_TYPES: Record<string, string> = {
  'AWS::SageMaker::DataQualityJobDefinition': 'DataQuality',
  'AWS::SageMaker::ModelQualityJobDefinition': 'ModelQuality',
  'AWS::SageMaker::ModelBiasJobDefinition': 'ModelBias',
  'AWS::SageMaker::ModelExplainabilityJobDefinition': 'ModelExplainability',
};

/**
 * Minutes between runs of a monitoring cron expression: hourly, every N hours, daily; null when it is none of these.
 */
export function cronMinutes(expr: unknown): number | null {
  const s = String(expr ?? '').trim();
  let m = /^cron\(0 (\*|\*\/(\d+)|(\d+)) \? \* \* \*\)$/.exec(s);
  if (m) return m[1] === '*' ? 60 : m[2] ? Number(m[2]) * 60 : 1440;
  m = /^cron\(0 (\d+)\/(\d+) \? \* \* \*\)$/.exec(s);
  if (m) return Number(m[2]) * 60;
  return null;
}

export function mapSageMaker(b: Builder): void {
  const ofRef = (v: unknown, type: string) =>
    refsIn(v)
      .map((id) => b.res.get(id))
      .find((r) => r?.type === type);
  const targets = b.ofType('AWS::ApplicationAutoScaling::ScalableTarget');
  const policies = b.ofType('AWS::ApplicationAutoScaling::ScalingPolicy');
  const alarms = b.ofType('AWS::CloudWatch::Alarm');
  const components = b.ofType('AWS::SageMaker::InferenceComponent');

  for (const ep of b.ofType('AWS::SageMaker::Endpoint')) {
    const cfg = ofRef(ep.props.EndpointConfigName, 'AWS::SageMaker::EndpointConfig');
    if (!cfg) {
      b.add(ep, 'realtime-endpoint');
      b.note(
        ep,
        'its EndpointConfigName is not an endpoint config in this template: imported as a real-time endpoint ' +
          'with defaults',
        'warning',
      );
      continue;
    }
    const variants = list(cfg.props.ProductionVariants).map(rec);
    const shadows = list(cfg.props.ShadowProductionVariants).map(rec);
    // inference components hosted on this endpoint (by reference to it, or by its literal EndpointName)
    const ics = components.filter(
      (ic) =>
        refsIn([ic.props.EndpointName, ic.props.EndpointArn]).includes(ep.id) ||
        (typeof ep.props.EndpointName === 'string' && ic.props.EndpointName === ep.props.EndpointName),
    );
    const models = [...variants, ...shadows, ...ics.map((ic) => rec(ic.props.Specification))]
      .map((v) => ofRef(v.ModelName, 'AWS::SageMaker::Model'))
      .filter((m): m is EvaluatedResource => !!m);
    const model = models[0];
    const container = rec(model?.props.PrimaryContainer ?? list(model?.props.Containers)[0]);
    const v0 = variants[0] ?? {};
    const serverless = variants.find((v) => v.ServerlessConfig !== undefined);
    const kind: Kind = serverless
      ? 'serverless-endpoint'
      : cfg.props.AsyncInferenceConfig !== undefined
        ? 'async-endpoint'
        : container.Mode === 'MultiModel'
          ? 'multi-model-endpoint'
          : 'realtime-endpoint';
    const props: Record<string, unknown> = {};
    const scaling = scalingOf(b, ep, targets, policies, alarms, ics);
    if (kind === 'serverless-endpoint') {
      const sc = rec(serverless!.ServerlessConfig);
      Object.assign(props, {
        memoryMB: num(sc.MemorySizeInMB),
        maxConcurrency: num(sc.MaxConcurrency),
        provisionedConcurrency: num(sc.ProvisionedConcurrency),
      });
    } else if (kind === 'async-endpoint') {
      Object.assign(props, {
        instanceCount: num(v0.InitialInstanceCount),
        minCapacity: scaling?.min,
        maxCapacity: scaling?.max,
        backlogScaling: scaling ? scaling.backlog : undefined,
      });
    } else {
      Object.assign(props, { instanceType: str(v0.InstanceType), instanceCount: num(v0.InitialInstanceCount) });
      if (kind === 'realtime-endpoint') {
        const it = str(v0.InstanceType),
          ic = num(v0.InitialInstanceCount);
        const vs = [...variants.map((v) => ({ v, shadow: false })), ...shadows.map((v) => ({ v, shadow: true }))].map(
          ({ v, shadow }, i) => {
            const out: Record<string, unknown> = {
              name: String(v.VariantName ?? `variant-${i + 1}`),
              weight: num(v.InitialVariantWeight) ?? 1,
            };
            if (shadow) out.shadow = true;
            if (str(v.InstanceType) && str(v.InstanceType) !== it) out.instanceType = str(v.InstanceType);
            if (num(v.InitialInstanceCount) !== undefined && num(v.InitialInstanceCount) !== ic)
              out.instanceCount = num(v.InitialInstanceCount);
            return out;
          },
        );
        if (vs.length) props.variants = vs;
        const dc = cfg.props.DataCaptureConfig;
        props.dataCapture = dc !== undefined && bool(rec(dc).EnableCapture) !== false;
        props.KmsKeyId = kmsNode(b, cfg.props.KmsKeyId);
        if (ics.length) props.inferenceComponents = true;
        if (scaling?.target !== undefined || scaling?.concurrency !== undefined)
          props.autoscaling = {
            min: scaling.min,
            max: scaling.max,
            // a policy tracking concurrency has no invocations target: the inspector's default stands in, unused
            // while scalingMetric is ConcurrentRequestsPerModel
            targetInvocationsPerInstance: scaling.target ?? 1000,
            ...(scaling.scaleOut !== undefined ? { scaleOutCooldownSec: scaling.scaleOut } : {}),
            ...(scaling.scaleIn !== undefined ? { scaleInCooldownSec: scaling.scaleIn } : {}),
          };
        if (scaling?.concurrency !== undefined)
          Object.assign(props, { scalingMetric: 'ConcurrentRequestsPerModel', targetConcurrency: scaling.concurrency });
        if (scaling?.fromZero) props.scaleOutFromZero = true;
      }
    }
    const node = b.add(ep, kind, props);
    for (const id of scaling?.resources ?? []) b.claim(id, node.id);
    b.claim(cfg.id, node.id);
    b.scanRefs(node.id, cfg.props, 'EndpointConfig');
    for (const m of models) {
      b.claim(m.id, node.id);
      b.scanRefs(node.id, { ...m.props, VpcConfig: undefined }, 'Model');
    }
    for (const ic of ics) {
      b.claim(ic.id, node.id);
      b.scanRefs(node.id, { ...ic.props, EndpointName: undefined, EndpointArn: undefined }, 'InferenceComponent');
    }
    if (ics.length && kind !== 'realtime-endpoint')
      b.note(
        ep,
        `it hosts inference components: SageSim simulates them on real-time endpoints only, so this ${kind} ` +
          `ignores them`,
        'warning',
      );
    if (variants.length > 1 && kind !== 'realtime-endpoint')
      b.note(ep, `${variants.length} production variants: SageSim's ${kind} has one; the first is imported`, 'warning');
    const vpc = rec(model?.props.VpcConfig);
    if (vpc.Subnets !== undefined) b.setParent(node, subnetOf(b, vpc.Subnets));
    const group = kind === 'realtime-endpoint' ? securityGroupOf(b, vpc.SecurityGroupIds) : undefined;
    if (group) node.props = { ...node.props, securityGroup: group.id };
  }
  for (const r of components)
    if (!b.used.has(r.id)) {
      b.used.add(r.id);
      b.note(r, 'no endpoint in the template hosts it: nothing serves it, so it is not on the canvas');
    }
  for (const r of b.ofType('AWS::SageMaker::EndpointConfig', 'AWS::SageMaker::Model'))
    if (!b.used.has(r.id)) {
      b.used.add(r.id);
      b.note(r, 'no endpoint in the template uses it: nothing serves it, so it is not on the canvas');
    }

  // Model monitors.
  for (const s of b.ofType('AWS::SageMaker::MonitoringSchedule')) {
    const cfg = rec(s.props.MonitoringScheduleConfig);
    const jd = refsIn(cfg.MonitoringJobDefinitionName)
      .map((id) => b.res.get(id))
      .find((r) => r && r.type in JOB_DEF_TYPES);
    const type = String(cfg.MonitoringType ?? (jd ? JOB_DEF_TYPES[jd.type] : 'DataQuality'));
    const jdProps = jd?.props ?? rec(cfg.MonitoringJobDefinition);
    const baselineCfg = jd ? jdProps[`${type}BaselineConfig`] : jdProps.BaselineConfig;
    const input = rec(jdProps[`${type}JobInput`]);
    const minutes = cronMinutes(dig(cfg, 'ScheduleConfig.ScheduleExpression'));
    const node = b.add(s, 'model-monitor', {
      monitorType: MONITOR_TYPES[type] ?? 'data-quality',
      scheduleMinutes: minutes ?? undefined,
      baseline: dig(baselineCfg, 'ConstraintsResource.S3Uri') !== undefined,
      groundTruth: dig(input, 'GroundTruthS3Input.S3Uri') !== undefined,
    });
    if (minutes === null)
      b.note(
        s,
        `schedule ${String(dig(cfg, 'ScheduleConfig.ScheduleExpression'))} is not hourly, every N hours or ` +
          `daily: the default schedule is used`,
        'warning',
      );
    if (jd) {
      b.claim(jd.id, node.id);
      b.scanRefs(node.id, jd.props, 'JobDefinition');
    }
  }
  for (const r of b.resources)
    if (r.type in JOB_DEF_TYPES && !b.used.has(r.id)) {
      b.used.add(r.id);
      b.note(r, 'no monitoring schedule runs this job definition: it never runs, so it is not on the canvas');
    }

  for (const r of b.ofType('AWS::SageMaker::ModelPackageGroup')) {
    const pkgs = b
      .ofType('AWS::SageMaker::ModelPackage')
      .filter(
        (p) =>
          refsIn(p.props.ModelPackageGroupName).includes(r.id) ||
          (r.props.ModelPackageGroupName !== undefined &&
            p.props.ModelPackageGroupName === r.props.ModelPackageGroupName),
      );
    const status = pkgs
      .map((p) => p.props.ModelApprovalStatus)
      .filter((s) => typeof s === 'string')
      .pop();
    const node = b.add(r, 'model-registry', { approval: status });
    for (const p of pkgs) b.claim(p.id, node.id);
  }

  for (const r of b.ofType('AWS::SageMaker::FeatureGroup')) {
    const on = rec(r.props.OnlineStoreConfig),
      off = r.props.OfflineStoreConfig;
    b.add(r, 'feature-store', {
      online: bool(on.EnableOnlineStore) ?? false,
      offline: off !== undefined,
      OnlineStoreKmsKeyId: kmsNode(b, dig(on, 'SecurityConfig.KmsKeyId')),
      OfflineStoreKmsKeyId: kmsNode(b, dig(off, 'S3StorageConfig.KmsKeyId')),
      eventTimeFeature: r.props.EventTimeFeatureName === undefined ? null : String(r.props.EventTimeFeatureName),
      ...(on.TtlDuration !== undefined ? { ttlHours: ttlHours(b, r, rec(on.TtlDuration)) } : {}),
    });
  }

  for (const r of b.ofType('AWS::SageMaker::NotebookInstance')) {
    b.used.add(r.id);
    const sub = subnetOf(b, r.props.SubnetId);
    b.note(
      r,
      `notebook instances are not ` +
        `simulated${
          sub
            ? ` (it sits in subnet ` +
              `${sub.id}${
                r.props.DirectInternetAccess === 'Disabled'
                  ? ' with direct internet access disabled: it needs ' + 'the same VPC endpoints as the jobs'
                  : ''
              })`
            : ''
        }`,
    );
  }
  for (const r of b.ofType('AWS::SageMaker::Domain')) {
    b.used.add(r.id);
    const vpcOnly = r.props.AppNetworkAccessType === 'VpcOnly';
    b.note(
      r,
      `Studio domains are not ` +
        `simulated${
          vpcOnly
            ? ': in VpcOnly mode its apps reach AWS only through the VPC (sagemaker.api, sagemaker.runtime and the ' +
              'other endpoints, or a NAT gateway)'
            : ''
        }`,
    );
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

interface Scaling {
  min?: number;
  max?: number;
  /** Target of tracking on invocations (per instance, or per copy of an inference component). */
  target?: number;
  /** Target of tracking on concurrent requests (per model, or per copy of an inference component). */
  concurrency?: number;
  scaleIn?: number;
  scaleOut?: number;
  backlog: boolean;
  /** A step-scaling policy on an alarm on NoCapacityInvocationFailures: scale out from zero. */
  fromZero?: boolean;
  /** The target, policies and alarms read: they belong to the endpoint's node. */
  resources: string[];
}

/** PredefinedMetricType of target tracking on invocations and on concurrency (variant or inference component). */
const INVOCATION_METRICS = ['SageMakerVariantInvocationsPerInstance', 'SageMakerInferenceComponentInvocationsPerCopy'];
const CONCURRENCY_METRICS = [
  'SageMakerVariantConcurrentRequestsPerModelHighResolution',
  'SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution',
];

/**
 * The scalable target and policies of an endpoint: on a variant (ResourceId `endpoint/NAME/variant/VARIANT`,
 * referring to the endpoint or naming it), or on one of its inference components (ResourceId
 * `inference-component/NAME`: referring to the component, depending on it, or built as its InferenceComponentName
 * is; https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html).
 */
function scalingOf(
  b: Builder,
  ep: EvaluatedResource,
  targets: readonly EvaluatedResource[],
  policies: readonly EvaluatedResource[],
  alarms: readonly EvaluatedResource[],
  components: readonly EvaluatedResource[],
): Scaling | undefined {
  const name = ep.props.EndpointName;
  const ofComponent = (x: EvaluatedResource) =>
    components.some(
      (ic) =>
        refsIn(x.props.ResourceId).includes(ic.id) ||
        x.dependsOn.includes(ic.id) ||
        (ic.props.InferenceComponentName !== undefined &&
          x.props.ResourceId !== undefined &&
          String(x.props.ResourceId) === `inference-component/${String(ic.props.InferenceComponentName)}`),
    );
  const t = targets.find(
    (x) =>
      x.props.ServiceNamespace === 'sagemaker' &&
      (refsIn(x.props.ResourceId).includes(ep.id) ||
        (typeof name === 'string' &&
          typeof x.props.ResourceId === 'string' &&
          x.props.ResourceId.startsWith(`endpoint/${name}/`)) ||
        ofComponent(x)),
  );
  if (!t) return undefined;
  const ps = policies.filter(
    (p) =>
      refsIn(p.props.ScalingTargetId).includes(t.id) ||
      (p.props.ResourceId !== undefined && !isSym(p.props.ResourceId) && p.props.ResourceId === t.props.ResourceId),
  );
  const out: Scaling = {
    min: num(t.props.MinCapacity),
    max: num(t.props.MaxCapacity),
    backlog: false,
    resources: [t.id],
  };
  for (const p of ps) {
    out.resources.push(p.id);
    const tt = rec(p.props.TargetTrackingScalingPolicyConfiguration);
    const metric =
      dig(tt, 'PredefinedMetricSpecification.PredefinedMetricType') ??
      dig(tt, 'CustomizedMetricSpecification.MetricName');
    const invocations = INVOCATION_METRICS.includes(String(metric));
    if (invocations || CONCURRENCY_METRICS.includes(String(metric))) {
      if (invocations) out.target = num(tt.TargetValue);
      else out.concurrency = num(tt.TargetValue);
      out.scaleIn = num(tt.ScaleInCooldown);
      out.scaleOut = num(tt.ScaleOutCooldown);
    } else if (metric === 'HasBacklogWithoutCapacity' || metric === 'ApproximateBacklogSizePerInstance')
      out.backlog = true;
    else if (metric !== undefined)
      b.note(
        p,
        `target tracking on ${String(metric)}: SageSim scales real-time endpoints on InvocationsPerInstance or ` +
          `ConcurrentRequestsPerModel (per copy with inference components) only, so this policy is not simulated`,
        'warning',
      );
    if (p.props.PolicyType === 'StepScaling') {
      const alarm = alarms.find((a) => list(a.props.AlarmActions).some((x) => refsIn(x).includes(p.id)));
      if (alarm) out.resources.push(alarm.id);
      if (alarm?.props.MetricName === 'NoCapacityInvocationFailures') out.fromZero = true;
      else if (!alarm || alarm.props.MetricName === 'HasBacklogWithoutCapacity') out.backlog = true;
    }
  }
  return out;
}

export type { ArchNode };

/** Hours of each TtlDuration unit (Seconds | Minutes | Hours | Days | Weeks, API_feature_store_TtlDuration). */
const TTL_UNIT_HOURS: Readonly<Record<string, number>> = {
  Seconds: 1 / 3600,
  Minutes: 1 / 60,
  Hours: 1,
  Days: 24,
  Weeks: 168,
};

/**
 * OnlineStoreConfig.TtlDuration as SageSim's whole hours (ttlHours); a duration under an hour or not a whole number of
 * hours is rounded up, with a note; an unknown unit or a missing value imports as no TTL, with a warning.
 */
function ttlHours(b: Builder, r: EvaluatedResource, ttl: Record<string, unknown>): number | null {
  const unit = String(ttl.Unit ?? ''),
    value = num(ttl.Value);
  const per = TTL_UNIT_HOURS[unit];
  if (per === undefined || value === undefined || value < 1) {
    b.note(
      r,
      `OnlineStoreConfig.TtlDuration ${JSON.stringify(ttl)} needs a Unit (Seconds, Minutes, Hours, Days or ` +
        `Weeks) and a Value ≥ 1: imported as no TTL`,
      'warning',
    );
    return null;
  }
  const hours = value * per;
  if (!Number.isInteger(hours))
    b.note(
      r,
      `OnlineStoreConfig.TtlDuration ${value} ${unit} is rounded up to ${Math.ceil(hours)} h (SageSim counts ` +
        `TTL in whole hours)`,
    );
  return Math.ceil(hours);
}
