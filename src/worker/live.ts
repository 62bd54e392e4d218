import { RULES_BY_ID } from '../catalog/rules';
import { jobProgress, type Simulation } from '../engine';
import type { MlopsWatch } from './mlops';
import type { LiveNode, Outcomes } from './protocol';

/**
 * How a rule's failed requests are counted among the canvas's outcomes: the catalog's `display.request`
 * (cold requests succeed and come from the cold-start count, so a `cold` rule counts none here).
 */
export function outcomeOfRule(rule: string): Exclude<keyof Outcomes, 'ok' | 'cold' | 'failed'> | undefined {
  const r = RULES_BY_ID.get(rule)?.display?.request;
  return r === 'cold' ? undefined : r;
}

/** Rates are measured over at least this many simulated seconds (traffic ticks are 1 s). */
export const RATE_WINDOW_SEC = 5;
const MAX_SAMPLES = 48;

interface Counts {
  requests: number;
  failed: number;
  cold: number;
  rules: Record<string, number>;
}
interface Sample {
  t: number;
  nodes: Map<string, Counts>;
}

/**
 * Builds the live view of a run from the simulation. Rates are per simulated second over a sliding
 * window of at least RATE_WINDOW_SEC simulated seconds (so a 50-ms wall tick at ×1 does not read as
 * zero or a burst); while the clock stands still the last rates stay; once the run is done they are the
 * whole run's averages. One instance per run.
 */
export class LiveView {
  private samples: Sample[] = [];
  private lastRates = new Map<string, { rps: number; errorRate: number; outcomes?: Outcomes }>();

  nodes(sim: Simulation, watch?: MlopsWatch): Record<string, LiveNode> {
    const incidentsByNode = new Map<string, Record<string, number>>();
    for (const i of sim.allIncidents()) {
      const rec = incidentsByNode.get(i.node) ?? {};
      rec[i.rule] = i.count;
      incidentsByNode.set(i.node, rec);
    }
    const now = sim.now;
    // A finished run's rates are over the whole run, so its last frame shows where requests failed even
    // when a rare client (one request every 20 s) sent nothing in the last few seconds.
    const whole = sim.done && now > 0;
    const base = whole ? ZERO : this.baseline(now);
    const moved = !!base && now > base.t;
    const sample: Sample = { t: now, nodes: new Map() };
    const out: Record<string, LiveNode> = {};
    const metrics = sim.allMetrics();
    for (const n of sim.graph.nodes) {
      const m = metrics.get(n.id);
      const state = sim.state(n.id);
      const incidents = incidentsByNode.get(n.id) ?? {};
      if (!m && state === undefined && !Object.keys(incidents).length) continue;
      const requests = m?.requests ?? 0,
        failed = m?.failed ?? 0,
        cold = m?.coldStarts ?? 0;
      const counts: Counts = { requests, failed, cold, rules: incidents };
      sample.nodes.set(n.id, counts);
      if (moved) this.lastRates.set(n.id, rates(counts, base!.nodes.get(n.id), now - base!.t));
      const r = this.lastRates.get(n.id);
      const inst = m?.series.get('instances');
      const prog = jobProgress(sim, n.id);
      const ml = watch?.of(n.id);
      out[n.id] = {
        state,
        requests,
        ok: m?.ok ?? 0,
        failed,
        coldStarts: cold,
        rps: r?.rps ?? 0,
        errorRate: r?.errorRate ?? 0,
        p50Ms: m ? m.latency.quantile(0.5) : 0,
        p99Ms: m ? m.latency.quantile(0.99) : 0,
        costUSD: m?.costUSD ?? 0,
        incidents,
        extra: m ? { ...m.extra } : {},
        ...(inst && inst.values.length ? { instances: inst.values[inst.values.length - 1] ?? 0 } : {}),
        ...(prog ? { phase: prog.phase, progress: prog.progress } : {}),
        ...(r?.outcomes ? { outcomes: r.outcomes } : {}),
        ...(ml ? { mlops: ml } : {}),
      };
    }
    if (!this.samples.length || now > this.samples[this.samples.length - 1].t) {
      this.samples.push(sample);
      if (this.samples.length > MAX_SAMPLES) this.samples.shift();
    }
    return out;
  }

  /** The newest sample at least RATE_WINDOW_SEC old, else the oldest one. */
  private baseline(now: number): Sample | undefined {
    let best: Sample | undefined = this.samples[0];
    for (const s of this.samples) if (now - s.t >= RATE_WINDOW_SEC) best = s;
    return best;
  }
}

const ZERO: Sample = { t: 0, nodes: new Map() };

function rates(c: Counts, b: Counts | undefined, dt: number): { rps: number; errorRate: number; outcomes?: Outcomes } {
  const d = (x: number, y = 0) => Math.max(0, x - y) / dt;
  const rps = d(c.requests, b?.requests),
    errorRate = d(c.failed, b?.failed);
  if (rps === 0 && !c.requests) return { rps, errorRate };
  const o: Outcomes = { ok: 0, rejected: 0, throttled: 0, timedOut: 0, cold: d(c.cold, b?.cold), failed: 0 };
  let classified = 0;
  for (const [rule, n] of Object.entries(c.rules)) {
    const k = outcomeOfRule(rule);
    if (!k) continue;
    const v = d(n, b?.rules[rule]);
    o[k] += v;
    classified += v;
  }
  o.failed = Math.max(0, errorRate - classified);
  o.ok = Math.max(0, rps - errorRate - o.cold);
  return { rps, errorRate, outcomes: o };
}
