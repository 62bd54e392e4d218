import { instanceType } from '../../../catalog/instances';
import { ENDPOINT_KINDS } from '../../../catalog/kinds';
import type { Severity } from '../../../catalog/types';
import type { GNode } from '../../../model/graph';
import { round } from '../../util';
import type { Simulation } from '../../sim';
import { TOPICS, type AwsEvent, type ModelServing, type MonitorRun } from '../../topics';
import { monitorFailures, monitoredEndpoint } from './checks';
import { DRIFT_THRESHOLD, disparateImpact, driftDistance } from './stats';
import { EXPLAIN, attributionNdcg, formatAttributions, shapAttributions } from '../shared/explain';

/** What a production figure is: accuracy is judged per class there (balanced accuracy), other metrics as named. */
const prodName = (metric: string) => (metric === 'accuracy' ? 'balanced accuracy' : metric);
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
          `${p.endpoint} now serves ${p.version}, trained after the drift began: captured data matches its ` +
            `training data again`,
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
  /** The run's end, for hosts: its result and, for runs that read captured data, the data's flow. */
  const ended = (result: MonitorRun['result'], text: string, rule?: string) => {
    const endpoints = result === 'failed' ? [] : sim.graph.in(m.id, ...ENDPOINT_KINDS).map((e) => e.id);
    for (const e of endpoints) sim.emit(TOPICS.flow, { from: e, to: m.id, kind: 'data', label: 'captured data' });
    sim.emit(TOPICS.monitorRun, { monitor: m.id, n: x.runs as number, result, text, rule, endpoints });
  };
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
        return ended('failed', `Failed: ${fail.rule}`, fail.rule);
      }
      const total = sim.metrics(ep.id).requests;
      const captured = total - seen;
      seen = total;
      if (captured <= 0) {
        // no rule covers it (capture is on; there was simply no traffic): a failed run, logged, no incident
        x.failedRuns = (x.failedRuns as number) + 1;
        const text = `Failed — no captured records in the window (${ep.id} captured no requests since the last run)`;
        sim.note(m.id, 'event', `${m.id} run ${x.runs}: ${text}`, 'warning');
        return ended('empty', text);
      }
      if (!m.props.baseline) {
        // aws rulebook only (the sheet fails the run above): the job runs, but has no constraints to check
        const text = 'Completed, no baseline constraints to compare with (no violations can be reported)';
        sim.note(m.id, 'event', `${m.id} run ${x.runs} over ${captured} captured records: ${text}`);
        return ended('ok', text);
      }
      const r = evaluate(mr, m, ep.id, captured, rng);
      sim.note(m.id, 'event', `${m.id} run ${x.runs} over ${captured} captured records: ${r.text}`, r.severity);
      ended(r.violation ? 'violation' : 'ok', r.text, r.rule);
      const violation = r.violation;
      if (violation) {
        x.violations = (x.violations as number) + 1;
        const ev: AwsEvent = { source: m.id, type: 'monitor-violation', detail: { endpoint: ep.id, violation } };
        sim.emit(TOPICS.awsEvent, ev);
      }
    },
    period,
  );
}

/** How a working run ended: its words (after the run's head in the log), and its violation and rule, if any. */
interface RunOutcome {
  text: string;
  severity: Severity;
  violation: string | null;
  rule?: string;
}
const completed = (text: string): RunOutcome => ({ text: `Completed${text}`, severity: 'info', violation: null });
const violated = (text: string, violation: string, rule?: string): RunOutcome => ({
  text: `CompletedWithViolations, ${text}`,
  severity: 'warning',
  violation,
  rule,
});

/** One working run: its statistics, the incident of a violation, and how it ended. */
function evaluate(
  mr: MonitoringRun,
  m: GNode<'model-monitor'>,
  ep: string,
  captured: number,
  rng: ReturnType<Simulation['rng']>,
): RunOutcome {
  const { sim } = mr;
  const x = sim.metrics(m.id).extra;
  const type = m.props.monitorType;
  if (type === 'data-quality') {
    const { feature, distance } = driftDistance(rng, mr.drift.get(ep)?.magnitude ?? 0);
    x.lastDistance = round(distance, 3);
    if (distance <= DRIFT_THRESHOLD) {
      return completed(`, no drift (max distance ${x.lastDistance})`);
    }
    sim.incident('data-drift-detected', m.id, {
      feature,
      distance: x.lastDistance as number,
      threshold: DRIFT_THRESHOLD,
    });
    return violated(
      `${feature} drifted (distance ${x.lastDistance} > ${DRIFT_THRESHOLD})`,
      'data-drift',
      'data-drift-detected',
    );
  }
  if (type === 'bias-drift') {
    const clarify = sim.graph.out(m.id, 'clarify')[0];
    const threshold = clarify.props.disparateImpactThreshold as number;
    const r = disparateImpact(rng, captured, mr.bias.get(ep) ?? 0);
    x.lastDI = round(r.di, 3);
    if (r.di >= threshold) {
      return completed(`, DI ${x.lastDI} (threshold ${threshold})`);
    }
    sim.incident('bias-disparate-impact', m.id, { facet: 'group', di: x.lastDI as number, threshold });
    return violated(
      `DI ${x.lastDI} < ${threshold} (positive rates ${round(r.rateB, 3)} vs ${round(r.rateA, 3)})`,
      'bias',
      'bias-disparate-impact',
    );
  }
  if (type === 'model-quality') {
    const s = mr.serving.get(ep);
    if (!s) {
      return completed(' (no model lineage to compare)');
    }
    const gap = LOWER_IS_BETTER.includes(s.metric) ? s.production - s.validation : s.validation - s.production;
    x.lastProduction = s.production;
    if (gap <= QUALITY_TOLERANCE) {
      return completed(`, ${prodName(s.metric)} ${s.production} (baseline ${s.validation})`);
    }
    return violated(
      `${prodName(s.metric)} ${s.production} in production vs ${s.metric} ${s.validation} at validation`,
      'model-quality',
    );
  }
  return attributionRun(mr, m, ep);
}

/**
 * A feature-attribution (model explainability) run: Clarify's global SHAP values over the captured traffic ranked
 * against the baseline's; an nDCG below 0.9 is a violation (AWS: feature_attribution_drift_check). What the model
 * leans on comes from shared/explain.ts: a column it learned from but live requests do not carry loses its place.
 */
function attributionRun(mr: MonitoringRun, m: GNode<'model-monitor'>, ep: string): RunOutcome {
  const { sim } = mr;
  const x = sim.metrics(m.id).extra;
  const training = mr.serving.get(ep)?.training;
  if (!training) return completed(' (no model lineage: feature attribution within baseline)');
  const { baseline, live } = shapAttributions(sim.graph, training, sim.seed);
  const ndcg = attributionNdcg(baseline, live);
  x.lastNdcg = ndcg;
  if (ndcg >= EXPLAIN.ndcgThreshold)
    return completed(`, nDCG ${ndcg} of live vs baseline attributions (threshold ${EXPLAIN.ndcgThreshold})`);
  sim.incident('feature-attribution-drift', m.id, {
    ndcg,
    threshold: EXPLAIN.ndcgThreshold,
    label: 'label0',
  });
  // AWS's violation names no feature (the combined ranking is judged); the run's log line shows the live ranking
  return violated(
    `feature attribution nDCG ${ndcg} < ${EXPLAIN.ndcgThreshold} (live global SHAP: ${formatAttributions(live, 3)})`,
    'feature-attribution',
    'feature-attribution-drift',
  );
}
