import type { Simulation } from '../engine/sim';
import type { LiveNode } from './protocol';

interface Prev { t: number; requests: Map<string, number>; failed: Map<string, number> }

/**
 * Builds the live view of a run from the simulation, with rates computed from the change since the
 * previous call. One instance per run.
 */
export class LiveView {
  private prev: Prev = { t: 0, requests: new Map(), failed: new Map() };

  nodes(sim: Simulation): Record<string, LiveNode> {
    const dt = sim.now - this.prev.t;
    const incidentsByNode = new Map<string, Record<string, number>>();
    for (const i of sim.allIncidents()) {
      const rec = incidentsByNode.get(i.node) ?? {};
      rec[i.rule] = i.count;
      incidentsByNode.set(i.node, rec);
    }
    const out: Record<string, LiveNode> = {};
    const next: Prev = { t: sim.now, requests: new Map(), failed: new Map() };
    for (const n of sim.graph.nodes) {
      const m = sim.allMetrics().get(n.id);
      const state = sim.state(n.id);
      const incidents = incidentsByNode.get(n.id) ?? {};
      if (!m && state === undefined && !Object.keys(incidents).length) continue;
      const requests = m?.requests ?? 0, failed = m?.failed ?? 0;
      next.requests.set(n.id, requests);
      next.failed.set(n.id, failed);
      out[n.id] = {
        state,
        requests, ok: m?.ok ?? 0, failed, coldStarts: m?.coldStarts ?? 0,
        rps: dt > 0 ? (requests - (this.prev.requests.get(n.id) ?? 0)) / dt : 0,
        errorRate: dt > 0 ? (failed - (this.prev.failed.get(n.id) ?? 0)) / dt : 0,
        p50Ms: m ? m.latency.quantile(0.5) : 0,
        p99Ms: m ? m.latency.quantile(0.99) : 0,
        costUSD: m?.costUSD ?? 0,
        incidents,
        extra: m ? { ...m.extra } : {},
      };
    }
    if (dt > 0) this.prev = next;
    return out;
  }
}
