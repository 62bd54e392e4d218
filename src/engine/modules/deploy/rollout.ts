import { instanceCostUSD } from '../../../catalog/prices';
import type { GNode } from '../../../model/graph';
import type { Deployment } from '../../../model/props';
import type { Fault } from '../../../model/schema';
import type { Series } from '../../metrics';
import { round } from '../../util';
import type { Simulation } from '../../sim';
import { TOPICS, type DeployTraffic } from '../../topics';
import { rollbackAlarmsOf } from './checks';
import { DEPLOY } from './constants';

type ModelUpdate = Extract<Fault, { kind: 'model-update' }>;

/** AWS's default when UpdateEndpoint has no DeploymentConfig: blue/green, all traffic at once, no baking. */
const DEFAULT_DEPLOYMENT: Deployment = { type: 'all-at-once', waitIntervalSec: 0, terminationWaitSec: 0 };

/** Traffic shares of the new fleet, step by step: all at once, a canary then the rest, or linear steps. */
export function trafficSteps(d: Deployment): number[] {
  if (d.type === 'all-at-once') return [1];
  const size = (d.sizePercent ?? 10) / 100;
  if (d.type === 'canary') return [size, 1];
  const out: number[] = [];
  for (let k = 1; k * size < 1 - 1e-9; k++) out.push(round(k * size, 4));
  out.push(1);
  return out;
}

/** The statistic an alarm evaluates over the period that ends at `t`. */
function alarmValue(alarm: GNode<'cloudwatch'>, errors: Series, p99: Series, t: number): number {
  const from = t - alarm.props.periodSec;
  const s = alarm.props.metric === 'ModelLatency' ? p99 : errors;
  let v = 0;
  s.values.forEach((x, i) => {
    const at = i * s.bucketSec;
    if (at >= from && at < t) v = s === errors ? v + (x ?? 0) : Math.max(v, x ?? 0);
  });
  return v;
}

/**
 * UpdateEndpoint with a new model version on a real-time endpoint, as a blue/green deployment: provision the green
 * fleet, shift traffic by the endpoint's `deployment` (all at once, canary, linear), bake after each step for
 * WaitIntervalInSeconds and wait TerminationWaitInSeconds after the last, while the CloudWatch alarms wired from the
 * endpoint are evaluated each period. An alarm listed in `rollbackAlarms` that goes to ALARM rolls all traffic back
 * to the blue fleet (deployment-rolled-back); an update that finishes with a faulty model is bad-version-shipped.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green.html
 */
export function startUpdate(sim: Simulation, f: ModelUpdate): void {
  const ep = sim.graph.nodeOf(f.node, 'realtime-endpoint');
  const version = f.version ?? 'v2';
  const errorRate = f.errorRate ?? 0;
  if (sim.state(ep.id) !== 'InService') {
    sim.note(
      ep.id,
      'event',
      `${ep.id}: UpdateEndpoint refused (ValidationException): the endpoint is ` +
        `${sim.state(ep.id) ?? 'not created'}, not InService`,
      'warning',
    );
    return;
  }
  const configured = ep.props.deployment;
  const d = configured ?? DEFAULT_DEPLOYMENT;
  const startedAt = sim.now;
  /** Blue/green runs two fleets until the old one (or, on rollback, the new one) is terminated: bill the second. */
  const billGreen = () => {
    const variants = ep.props.variants.filter((v) => !v.shadow);
    for (const v of variants)
      sim.addCost(
        ep.id,
        instanceCostUSD(
          v.instanceType ?? ep.props.instanceType,
          (v.instanceCount ?? ep.props.instanceCount) * (sim.now - startedAt),
        ),
      );
  };
  const steps = trafficSteps(d);
  const alarms = sim.graph.out(ep.id, 'cloudwatch');
  const rollback = new Set(rollbackAlarmsOf(sim.graph, ep).map((a) => a.id));
  const m = sim.metrics(ep.id);
  const errors = m.s('errors', 'sum'),
    p99 = m.s('p99', 'max');
  let share = 0,
    done = false;
  const tripped = new Set<string>();
  const emit = (s: number) => {
    share = s;
    sim.emit(TOPICS.deployTraffic, { node: ep.id, share: s, errorRate, version } satisfies DeployTraffic);
  };
  const finish = () => {
    if (done) return;
    done = true;
    billGreen();
    sim.setState(ep.id, 'InService', `now serving ${version} on the new fleet; the old fleet is terminated`);
    if (errorRate <= 0) return;
    const reason = !configured
      ? 'the default update (no DeploymentConfig) shifts all traffic at once with no baking period and no alarms'
      : rollback.size === 0
        ? 'no CloudWatch alarm watching the endpoint is listed in deployment.rollbackAlarms'
        : `alarm ${[...rollback].join(', ')} did not reach ALARM before the update ended`;
    sim.incident('bad-version-shipped', ep.id, { version, percent: round(errorRate * 100, 1), reason });
  };
  const rollBack = (alarm: GNode<'cloudwatch'>, value: number) => {
    done = true;
    billGreen();
    const percent = round(share * 100, 1);
    emit(0);
    sim.incident('deployment-rolled-back', ep.id, {
      alarm: alarm.id,
      metric: alarm.props.metric,
      value: round(value, 1),
      threshold: alarm.props.threshold,
      percent,
      version,
    });
    sim.setState(ep.id, 'InService', `rolled back to the old fleet (alarm ${alarm.id})`);
  };
  const watch = (alarm: GNode<'cloudwatch'>) => {
    let breaching = 0;
    const period = alarm.props.periodSec;
    sim.every(
      period,
      `${alarm.id}: evaluate`,
      alarm.id,
      (t) => {
        if (done) return false;
        const value = alarmValue(alarm, errors, p99, t);
        breaching = value > alarm.props.threshold ? breaching + 1 : 0;
        if (breaching >= alarm.props.evaluationPeriods && !tripped.has(alarm.id)) {
          tripped.add(alarm.id);
          sim.note(
            alarm.id,
            'event',
            `${alarm.id}: OK → ALARM (${alarm.props.metric} ${round(value, 1)} > ${alarm.props.threshold} for ` +
              `${alarm.props.evaluationPeriods} period(s) of ${alarm.props.periodSec} ` +
              `s)${rollback.has(alarm.id) ? '' : ' · not an auto-rollback alarm of the deployment'}`,
            'warning',
          );
          if (rollback.has(alarm.id)) rollBack(alarm, value);
        }
        return !done;
      },
      sim.now + period,
    );
  };
  sim.setState(ep.id, 'Updating', `deploying ${version}: provisioning the new (green) fleet`);
  sim.after(DEPLOY.provisionSec, `${ep.id}: green fleet ready`, ep.id, () => {
    for (const a of alarms) watch(a);
    const shift = (i: number) => {
      if (done) return;
      emit(steps[i]);
      sim.note(
        ep.id,
        'event',
        `${ep.id}: ${round(steps[i] * 100, 1)}% of traffic on the new fleet (${version}, ${d.type}); baking ` +
          `${d.waitIntervalSec} s`,
      );
      sim.after(d.waitIntervalSec, `${ep.id}: baking`, ep.id, () => {
        if (done) return;
        if (i + 1 < steps.length) shift(i + 1);
        else sim.after(d.terminationWaitSec ?? 0, `${ep.id}: terminate the old fleet`, ep.id, finish);
      });
    };
    shift(0);
  });
}
