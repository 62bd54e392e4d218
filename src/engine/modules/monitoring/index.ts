import type { Fault } from '../../../model/schema';
import { defineSlot } from '../../sim';
import type { SimModule } from '../../sim';
import { monitorFindings } from './checks';
import { finishDashboards, startDashboards } from './dashboards';
import { MonitoringRun, scheduleMonitor } from './schedule';

/** The monitoring state of a run (drift and bias faults, monitor counters). */
const MONITORING = defineSlot('monitoring', (sim) => new MonitoringRun(sim));

/**
 * Model Monitor and Clarify: scheduled monitoring runs over captured traffic, their failures
 * (missing capture, baseline, ground truth, Clarify; unsupported endpoints) and their violations
 * (data drift, disparate impact, model quality), which leave as events for EventBridge. Faults:
 * `data-drift` and `bias-shift` on an endpoint (magnitude, default 0.3). CloudWatch dashboards (dashboards.ts): widgets
 * drawn per period from the wired endpoints, and `dashboard-blind-spot` at the end of the run.
 */
export const monitoringModule: SimModule = {
  id: 'monitoring',
  check: monitorFindings,
  start(sim) {
    const mr = sim.slot(MONITORING);
    for (const m of sim.graph.ofKind('model-monitor')) scheduleMonitor(mr, m);
    startDashboards(sim);
  },
  finish: finishDashboards,
  faults: {
    'data-drift'(sim, f) {
      const magnitude = (f as Extract<Fault, { kind: 'data-drift' }>).magnitude ?? 0.3;
      sim.slot(MONITORING).drift.set(f.node, { magnitude, atSec: sim.now });
    },
    'bias-shift'(sim, f) {
      sim.slot(MONITORING).bias.set(f.node, (f as Extract<Fault, { kind: 'bias-shift' }>).magnitude ?? 0.3);
    },
  },
};
