/**
 * A tiny stand-in for a lifecycle owner: at t = 1 it asks the gates of each listed node at the listed
 * phases, in order, the way a job or endpoint lifecycle does — a blocker is recorded as an incident and
 * fails the node (except at 'logs', whose rule is a warning: recorded, and the node goes on).
 */
import type { ArchDoc } from '../../../src/model/schema';
import { runDocument } from '../../../src/engine/run';
import type { Blocker, Phase } from '../../../src/engine/types';
import type { SimModule } from '../../../src/engine/sim';
import { networkModule } from '../../../src/engine/modules/network';
import { securityModule } from '../../../src/engine/modules/security';

export function probeModule(asks: Record<string, Phase[]>, blockers: Record<string, Blocker> = {}): SimModule {
  return {
    id: 'probe',
    start(sim) {
      sim.at(1, 'probe', null, () => {
        for (const [id, phases] of Object.entries(asks)) {
          sim.setState(id, 'InProgress');
          let failed = false;
          for (const p of phases) {
            const b = sim.gate(id, p);
            if (!b) continue;
            blockers[`${id}:${p}`] = b;
            sim.incident(b.rule, id, b.vars);
            if (p !== 'logs') {
              failed = true;
              sim.setState(id, 'Failed', b.rule);
              break;
            }
          }
          if (!failed) sim.setState(id, 'Completed');
        }
      });
    },
  };
}

/** Run a document with only the network and security modules and the probe. */
export function probe(doc: ArchDoc, asks: Record<string, Phase[]>) {
  const blockers: Record<string, Blocker> = {};
  const { sim, report } = runDocument(doc, { modules: [networkModule, securityModule, probeModule(asks, blockers)] });
  return {
    report,
    sim,
    blockers,
    state: (id: string) => report.nodes[id]?.state,
    incident: (rule: string, node?: string) =>
      report.incidents.find((i) => i.rule === rule && (!node || i.node === node)),
    finding: (rule: string, node?: string) =>
      report.findings.find((f) => f.rule === rule && (!node || f.node === node)),
    rules: () => new Set([...report.incidents.map((i) => i.rule), ...report.findings.map((f) => f.rule)]),
  };
}

/** Every phase a training job goes through, in lifecycle order. */
export const JOB_PHASES: Phase[] = ['image-pull', 'data-download', 'outbound-call', 'logs'];
