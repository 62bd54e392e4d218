import type { DeploymentValue, VariantValue } from '../../catalog/types';
import { deploymentSchema } from '../../model/props';
import type { ArchNode } from '../../model/schema';
import type { EvaluatedResource } from '../evaluate';
import { isSym } from '../types';
import { type Builder, dig, list, num, rec } from './builder';

/**
 * What watches and guards a real-time endpoint, read once every node exists:
 * - CloudWatch alarms → the cloudwatch node's metric, threshold, period and evaluation periods
 *   (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudwatch-alarm.html;
 *   ModelLatency is published in microseconds, SageSim's threshold is in ms).
 * - An endpoint's DeploymentConfig → its `deployment`: BlueGreenUpdatePolicy.TrafficRoutingConfiguration (ALL_AT_ONCE,
 *   CANARY, LINEAR with CAPACITY_PERCENT sizes, WaitIntervalInSeconds), TerminationWaitInSeconds, and
 *   AutoRollbackConfiguration.Alarms by AlarmName → the cloudwatch nodes of the alarms with that name
 *   (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-sagemaker-endpoint-deploymentconfig.html).
 * - A shadow test (AWS::SageMaker::InferenceExperiment, Type ShadowMode) → its shadow variants' samplingPercentage.
 */
export function mapGuardrails(b: Builder): void {
  const alarmByName = new Map<string, ArchNode>();
  for (const r of b.ofType('AWS::CloudWatch::Alarm')) {
    const n = b.get(b.owner.get(r.id));
    if (!n) continue;
    if (r.props.AlarmName !== undefined) alarmByName.set(String(r.props.AlarmName), n);
    if (n.kind === 'cloudwatch') alarmProps(b, r, n);
  }
  for (const ep of b.ofType('AWS::SageMaker::Endpoint')) {
    const n = b.get(b.owner.get(ep.id));
    if (n?.kind === 'realtime-endpoint' && ep.props.DeploymentConfig !== undefined && !kept(b, ep, 'deployment'))
      deployment(b, ep, n, alarmByName);
  }
  for (const r of b.ofType('AWS::SageMaker::InferenceExperiment')) shadowTest(b, r);
}

/** Metadata.SageSim of an exported design holds what no property could: it wins over the resource's properties. */
const kept = (b: Builder, r: EvaluatedResource, prop: string) => prop in rec(b.meta(r).props);

function alarmProps(b: Builder, r: EvaluatedResource, n: ArchNode): void {
  const p = r.props;
  if (['metric', 'threshold', 'periodSec', 'evaluationPeriods'].some((k) => kept(b, r, k))) return;
  const metric = p.MetricName;
  if (metric !== 'Invocation5XXErrors' && metric !== 'ModelLatency') {
    if (metric !== undefined)
      b.note(
        r,
        `an alarm on ${String(metric)}: SageSim's alarms watch an endpoint's Invocation5XXErrors or ` +
          `ModelLatency, so it never trips`,
        'warning',
      );
    return;
  }
  const op = String(p.ComparisonOperator ?? '');
  let threshold = num(p.Threshold);
  if (threshold !== undefined && metric === 'ModelLatency') threshold /= 1000;
  // SageSim's alarm breaches when the statistic is greater than its threshold; a sum of errors is a whole number,
  // so ">= N" is "> N - 1"
  if (threshold !== undefined && op === 'GreaterThanOrEqualToThreshold' && metric === 'Invocation5XXErrors')
    threshold = Math.max(0, Math.ceil(threshold) - 1);
  else if (op && op !== 'GreaterThanThreshold' && op !== 'GreaterThanOrEqualToThreshold')
    b.note(
      r,
      `comparison ${op}: SageSim's alarms breach above their threshold; read as GreaterThanThreshold`,
      'warning',
    );
  const period = num(p.Period);
  const periods = num(p.EvaluationPeriods);
  b.setProps(n, {
    metric,
    threshold: threshold !== undefined && threshold >= 0 ? threshold : undefined,
    periodSec: period !== undefined && period >= 60 && period <= 86_400 && period % 60 === 0 ? period : undefined,
    evaluationPeriods:
      periods !== undefined && Number.isInteger(periods) && periods >= 1 && periods <= 100 ? periods : undefined,
  });
  if (period !== undefined && (period < 60 || period % 60 !== 0))
    b.note(
      r,
      `period ${period} s: SageMaker endpoint metrics are published each minute; the default 60 s is used`,
      'warning',
    );
}

const ROUTING: Record<string, DeploymentValue['type']> = {
  ALL_AT_ONCE: 'all-at-once',
  CANARY: 'canary',
  LINEAR: 'linear',
};

function deployment(b: Builder, ep: EvaluatedResource, n: ArchNode, alarms: Map<string, ArchNode>): void {
  const dc = rec(ep.props.DeploymentConfig);
  const bg = rec(dc.BlueGreenUpdatePolicy);
  const tr = rec(bg.TrafficRoutingConfiguration);
  if (dc.RollingUpdatePolicy !== undefined)
    b.note(ep, 'a rolling update (RollingUpdatePolicy) is not simulated: updates are read as blue/green', 'warning');
  const type = ROUTING[String(tr.Type)];
  if (!type) return;
  const size = rec(type === 'canary' ? tr.CanarySize : type === 'linear' ? tr.LinearStepSize : undefined);
  if (size.Type !== undefined && size.Type !== 'CAPACITY_PERCENT') {
    b.note(
      ep,
      `a ${type} size of Type ${String(size.Type)}: SageSim sizes steps in CAPACITY_PERCENT; the deployment is ` +
        `not imported`,
      'warning',
    );
    return;
  }
  const rollback: string[] = [];
  for (const a of list(dig(dc, 'AutoRollbackConfiguration.Alarms')).map(rec)) {
    const name = a.AlarmName;
    const alarm = name === undefined ? undefined : alarms.get(String(name));
    if (alarm?.kind === 'cloudwatch') {
      if (!rollback.includes(alarm.id)) rollback.push(alarm.id);
    } else
      b.note(
        ep,
        `rollback alarm ${isSym(name) ? String(name) : JSON.stringify(name)} is not a CloudWatch alarm of this ` +
          `template: the deployment cannot roll back on it`,
        'warning',
      );
  }
  const value: Record<string, unknown> = {
    type,
    sizePercent: num(size.Value),
    waitIntervalSec: num(tr.WaitIntervalInSeconds) ?? 0,
    terminationWaitSec: num(bg.TerminationWaitInSeconds),
    rollbackAlarms: rollback.length ? rollback : undefined,
  };
  for (const k of Object.keys(value)) if (value[k] === undefined) delete value[k];
  const ok = deploymentSchema.safeParse(value);
  if (ok.success) b.setProps(n, { deployment: ok.data });
  else
    b.note(
      ep,
      `DeploymentConfig is not one SageMaker accepts ` +
        `(${ok.error.issues.map((i) => `${i.path.join('.') || 'deployment'}: ${i.message}`).join('; ')}): not ` +
        `imported`,
      'warning',
    );
}

function shadowTest(b: Builder, r: EvaluatedResource): void {
  if (r.props.Type !== 'ShadowMode') return;
  const ep =
    b.nodeOf(r.props.EndpointName, ['realtime-endpoint']) ??
    (typeof r.props.EndpointName === 'string'
      ? b
          .byName(r.props.EndpointName)
          .map((id) => b.get(id))
          .find((n) => n?.kind === 'realtime-endpoint')
      : undefined);
  if (!ep) return; // not an endpoint of this template: noted as a resource with no kind
  b.claim(r.id, ep.id);
  const epRes = b.resources.find((x) => x.type === 'AWS::SageMaker::Endpoint' && b.owner.get(x.id) === ep.id);
  if (epRes && kept(b, epRes, 'variants')) return;
  const variants = [...((ep.props?.variants as VariantValue[] | undefined) ?? [])].map((v) => ({ ...v }));
  for (const s of list(dig(r.props, 'ShadowModeConfig.ShadowModelVariants')).map(rec)) {
    const name = String(s.ShadowModelVariantName);
    const pct = num(s.SamplingPercentage);
    const v = variants.find((x) => x.name === name && x.shadow);
    if (pct === undefined || !Number.isInteger(pct) || pct < 1 || pct > 100)
      b.note(
        r,
        `shadow variant ${name}: SamplingPercentage ${String(s.SamplingPercentage)} is not 1 to 100; not imported`,
        'warning',
      );
    else if (v) v.samplingPercentage = pct;
    else if (variants.filter((x) => !x.shadow).length === 1 && !variants.some((x) => x.shadow))
      variants.push({ name, weight: 1, shadow: true, samplingPercentage: pct });
    else
      b.note(r, `shadow variant ${name} is not a shadow variant of ${ep.id}: its sampling is not imported`, 'warning');
  }
  b.setProps(ep, { variants });
}
