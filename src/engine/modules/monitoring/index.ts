import type { Fault } from '../../../model/schema';
import type { Simulation } from '../../sim';
import type { SimModule } from '../../sim';
import { monitorFindings } from './checks';
import { MonitoringRun, scheduleMonitor } from './schedule';

const RUNS = new WeakMap<Simulation, MonitoringRun>();
const runOf = (sim: Simulation): MonitoringRun => {
  let r = RUNS.get(sim);
  if (!r) {
    r = new MonitoringRun(sim);
    RUNS.set(sim, r);
  }
  return r;
};

/**
 * Model Monitor and Clarify: scheduled monitoring runs over captured traffic, their failures
 * (missing capture, baseline, ground truth, Clarify; unsupported endpoints) and their violations
 * (data drift, disparate impact, model quality), which leave as events for EventBridge. Faults:
 * `data-drift` and `bias-shift` on an endpoint (magnitude, default 0.3).
 */
export const monitoringModule: SimModule = {
  id: 'monitoring',
  check: monitorFindings,
  start(sim) {
    const mr = runOf(sim);
    for (const m of sim.graph.ofKind('model-monitor')) scheduleMonitor(mr, m);
  },
  faults: {
    'data-drift'(sim, f) {
      const magnitude = (f as Extract<Fault, { kind: 'data-drift' }>).magnitude ?? 0.3;
      runOf(sim).drift.set(f.node, { magnitude, atSec: sim.now });
    },
    'bias-shift'(sim, f) {
      runOf(sim).bias.set(f.node, (f as Extract<Fault, { kind: 'bias-shift' }>).magnitude ?? 0.3);
    },
  },
};
