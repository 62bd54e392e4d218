/**
 * Tiny stand-ins for other areas' modules, so the MLOps and monitoring tests do not depend on how jobs
 * take their time or how traffic is drawn: jobs that answer TOPICS.jobStart after a fixed delay, and
 * traffic that counts requests on InService endpoints.
 */
import { ENDPOINT_KINDS } from '../../../src/catalog/kinds';
import type { Simulation } from '../../../src/engine/sim';
import { TOPICS, type JobStart } from '../../../src/engine/topics';
import type { Blocker, Phase } from '../../../src/engine/types';
import type { SimModule } from '../../../src/engine/sim';
import { endpointsModule } from '../../../src/engine/modules/endpoints';
import { mlopsModule } from '../../../src/engine/modules/mlops';
import { monitoringModule } from '../../../src/engine/modules/monitoring';

/** Seconds every fake job takes. */
export const JOB_SEC = 600;

/**
 * Jobs: standalone ones start at t=0, pipeline steps on jobStart; each ends after JOB_SEC (failing when its id is in
 * `failing`).
 */
export function fakeJobs(failing: readonly string[] = []): SimModule & { starts: JobStart[] } {
  const starts: JobStart[] = [];
  const run = (sim: Simulation, node: string, execution?: number) => {
    sim.setState(node, 'InProgress');
    sim.after(JOB_SEC, `${node}: fake job`, node, () => {
      if (failing.includes(node)) {
        sim.setState(node, 'Failed', 'fake failure');
        sim.emit(TOPICS.jobFailed, { node, execution, state: 'Failed' });
      } else {
        sim.setState(node, 'Completed');
        sim.emit(TOPICS.jobCompleted, { node, execution, durationSec: JOB_SEC });
      }
    });
  };
  return {
    id: 'fake-jobs',
    starts,
    start(sim) {
      starts.length = 0;
      for (const n of sim.graph.ofKind('processing-job', 'training-job'))
        if (!sim.graph.ancestor(n.id, 'pipeline')) run(sim, n.id);
      sim.on(TOPICS.jobStart, (p: JobStart) => {
        starts.push(p);
        run(sim, p.node, p.execution);
      });
    },
  };
}

/** Traffic: every InService endpoint receives `rps` requests per second, counted every 10 s. */
export function fakeTraffic(rps = 10): SimModule {
  return {
    id: 'fake-traffic',
    start(sim) {
      const eps = sim.graph.ofKind(...ENDPOINT_KINDS);
      sim.every(10, 'fake traffic', null, () => {
        for (const e of eps) {
          if (sim.state(e.id) !== 'InService' && sim.state(e.id) !== 'Updating') continue;
          const m = sim.metrics(e.id);
          m.requests += rps * 10;
          m.ok += rps * 10;
        }
      });
    },
  };
}

/** A gate that blocks `phase` for the given node ids (stands in for the network module). */
export function fakeGate(phase: Phase, nodes: readonly string[], rule = 'sagemaker-api-unreachable'): SimModule {
  return {
    id: 'fake-gate',
    start(sim) {
      sim.addGate((n, p): Blocker | null => (p === phase && nodes.includes(n.id) ? { rule, vars: {} } : null));
    },
  };
}

/** The module list for MLOps and monitoring tests: ours, the real endpoint lifecycle, fake jobs and traffic. */
export const modules = (o: { failing?: string[]; rps?: number; extra?: SimModule[] } = {}): SimModule[] => [
  ...(o.extra ?? []),
  mlopsModule,
  endpointsModule,
  fakeJobs(o.failing),
  fakeTraffic(o.rps),
  monitoringModule,
];
