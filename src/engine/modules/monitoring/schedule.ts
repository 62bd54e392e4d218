import { instanceType } from '../../../catalog/instances';
import type { GNode } from '../../../model/graph';
import { round } from '../../report';
import type { Simulation } from '../../sim';
import { TOPICS, type AwsEvent, type ModelServing } from '../../topics';
import { monitorFailures, monitoredEndpoint } from './checks';
import { DRIFT_THRESHOLD, disparateImpact, driftDistance } from './stats';

/** A monitoring job runs on one ml.m5.xlarge for about this long. */
const RUN_MINUTES = 5;
const RUN_INSTANCE = 'ml.m5.xlarge';
/** A model-quality run flags production this far below its baseline (validation). */
export const QUALITY_TOLERANCE = 0.05;
const LOWER_IS_BETTER = ['rmse', 'mae', 'logloss'];

/** What the monitoring module keeps for one run. */
export class MonitoringRun {
  /** Active data-drift faults by endpoint: magnitude and when it began. */
  readonly drift = new Map<string, { magnitude: number; atSec: number }>();
  /** Active bias-shift faults by endpoint. */
  readonly bias = new Map<string, number>();
  /** What each endpoint serves (from TOPICS.modelServing). */
  readonly serving = new Map<string, ModelServing>();

  constructor(readonly sim: Simulation) {
    sim.on(TOPICS.modelServing, (p: ModelServing) => {
      this.serving.set(p.endpoint, p);
      const d = this.drift.get(p.endpoint);
      if (d && p.version && p.trainedAtSec > d.atSec) {
        this.drift.delete(p.endpoint);
        sim.note(
          p.endpoint,
          'event',
          `${p.endpoint} now serves ${p.version}, trained after the drift began: captured data matches its training data again`,
        );
      }
    });
  }
}

/**
 * A monitoring schedule: a run every `scheduleMinutes` (the first one period after the start) over the
 * requests the endpoint captured since the last run. A run fails with the first reason of
 * monitorFailures (one incident per run); a working run computes its statistics and, on a violation,
 * records it and sends a monitor-violation event to EventBridge.
 */
export function scheduleMonitor(mr: MonitoringRun, m: GNode<'model-monitor'>): void {
  const { sim } = mr;
  const ep = monitoredEndpoint(sim.graph, m.id);
  const x = sim.metrics(m.id).extra;
  Object.assign(x, { runs: 0, failedRuns: 0, violations: 0 });
  if (!ep) return sim.note(m.id, 'info', `${m.id} monitors no endpoint (add an endpoint → model-monitor edge)`);
  const period = m.props.scheduleMinutes * 60;
  const rng = sim.rng(`monitoring:${m.id}`);
  const runCost = (instanceType(RUN_INSTANCE)?.pricePerHourUSD ?? 0) * (RUN_MINUTES / 60);
  let seen = 0;
  sim.every(
    period,
    `${m.id}: monitoring run`,
    m.id,
    () => {
      x.runs = (x.runs as number) + 1;
      sim.addCost(m.id, runCost);
      const fail = monitorFailures(sim.graph, m)[0];
      if (fail) {
        x.failedRuns = (x.failedRuns as number) + 1;
        sim.incident(fail.rule, m.id, fail.vars);
        return;
      }
      const total = sim.metrics(ep.id).requests;
      const captured = total - seen;
      seen = total;
      if (captured <= 0) {
        // no rule covers it (capture is on; there was simply no traffic): a failed run, logged, no incident
        x.failedRuns = (x.failedRuns as number) + 1;
        return sim.note(
          m.id,
          'event',
          `${m.id} run ${x.runs}: Failed — no captured records in the window (${ep.id} captured no requests since the last run)`,
          'warning',
        );
      }
      if (!m.props.baseline) {
        // aws rulebook only (the sheet fails the run above): the job runs, but has no constraints to check
        return sim.note(
          m.id,
          'event',
          `${m.id} run ${x.runs} over ${captured} captured records: Completed, no baseline constraints to compare with (no violations can be reported)`,
        );
      }
      const violation = evaluate(mr, m, ep.id, captured, rng);
      if (violation) {
        x.violations = (x.violations as number) + 1;
        const ev: AwsEvent = { source: m.id, type: 'monitor-violation', detail: { endpoint: ep.id, violation } };
        sim.emit(TOPICS.awsEvent, ev);
      }
    },
    period,
  );
}

/** One working run; returns the violation's name, or null. */
function evaluate(
  mr: MonitoringRun,
  m: GNode<'model-monitor'>,
  ep: string,
  captured: number,
  rng: ReturnType<Simulation['rng']>,
): string | null {
  const { sim } = mr;
  const x = sim.metrics(m.id).extra;
  const type = m.props.monitorType;
  const head = `${m.id} run ${x.runs} over ${captured} captured records`;
  if (type === 'data-quality') {
    const { feature, distance } = driftDistance(rng, mr.drift.get(ep)?.magnitude ?? 0);
    x.lastDistance = round(distance, 3);
    if (distance <= DRIFT_THRESHOLD) {
      sim.note(m.id, 'event', `${head}: Completed, no drift (max distance ${x.lastDistance})`);
      return null;
    }
    sim.incident('data-drift-detected', m.id, {
      feature,
      distance: x.lastDistance as number,
      threshold: DRIFT_THRESHOLD,
    });
    sim.note(
      m.id,
      'event',
      `${head}: CompletedWithViolations, ${feature} drifted (distance ${x.lastDistance} > ${DRIFT_THRESHOLD})`,
      'warning',
    );
    return 'data-drift';
  }
  if (type === 'bias-drift') {
    const clarify = sim.graph.out(m.id, 'clarify')[0];
    const threshold = clarify.props.disparateImpactThreshold as number;
    const r = disparateImpact(rng, captured, mr.bias.get(ep) ?? 0);
    x.lastDI = round(r.di, 3);
    if (r.di >= threshold) {
      sim.note(m.id, 'event', `${head}: Completed, DI ${x.lastDI} (threshold ${threshold})`);
      return null;
    }
    sim.incident('bias-disparate-impact', m.id, { facet: 'group', di: x.lastDI as number, threshold });
    sim.note(
      m.id,
      'event',
      `${head}: CompletedWithViolations, DI ${x.lastDI} < ${threshold} (positive rates ${round(r.rateB, 3)} vs ${round(r.rateA, 3)})`,
      'warning',
    );
    return 'bias';
  }
  if (type === 'model-quality') {
    const s = mr.serving.get(ep);
    if (!s) {
      sim.note(m.id, 'event', `${head}: Completed (no model lineage to compare)`);
      return null;
    }
    const gap = LOWER_IS_BETTER.includes(s.metric) ? s.production - s.validation : s.validation - s.production;
    x.lastProduction = s.production;
    if (gap <= QUALITY_TOLERANCE) {
      sim.note(m.id, 'event', `${head}: Completed, ${s.metric} ${s.production} (baseline ${s.validation})`);
      return null;
    }
    sim.note(
      m.id,
      'event',
      `${head}: CompletedWithViolations, ${s.metric} ${s.production} in production vs ${s.validation} at validation`,
      'warning',
    );
    return 'model-quality';
  }
  sim.note(m.id, 'event', `${head}: Completed (feature attribution within baseline)`);
  return null;
}
