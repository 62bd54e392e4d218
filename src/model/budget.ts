import { ENDPOINT_KINDS, defaultProps } from '../catalog/kinds';
import { LIMITS } from '../catalog/limits';
import { ID_RE } from './id-pattern';
import type { ArchDoc } from './schema';

interface TrafficSpike {
  atSec: number;
  node: string;
  factor?: number;
  durationSec?: number;
}
const KEYS = new Set(['atSec', 'node', 'kind', 'factor', 'durationSec']);
const inRange = (v: unknown, max: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max;
/**
 * A traffic spike as `faultSchema` accepts it (its `traffic-spike` branch: a strict object, `atSec` in
 * [0, LIMITS.durationSec], a node id, `factor` in [0, 1000] and `durationSec` in [0, LIMITS.durationSec] when given),
 * else null; checked by hand so the run store, on the page's first screen, does not import zod (issue 19).
 * test/model/budget.test.ts compares it with the schema.
 */
export function trafficSpike(raw: unknown): TrafficSpike | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const f = raw as Record<string, unknown>;
  if (f.kind !== 'traffic-spike') return null;
  if (Object.keys(f).some((k) => !KEYS.has(k))) return null;
  if (!inRange(f.atSec, LIMITS.durationSec)) return null;
  if (typeof f.node !== 'string' || f.node.length > 64 || !ID_RE.test(f.node)) return null;
  if (f.factor !== undefined && !inRange(f.factor, 1000)) return null;
  if (f.durationSec !== undefined && !inRange(f.durationSec, LIMITS.durationSec)) return null;
  return f as unknown as TrafficSpike;
}

/**
 * The work budget of one run (format.md, "Limits"): how many requests the clients of a document would make
 * the engine simulate, estimated before the run from each client's rps, pattern, start/stop, its edges to
 * endpoints (each carries the whole stream) and the traffic spikes on it. A run above the budget is refused
 * before it starts: the runner exits 2, the page says so and offers a duration that fits.
 */
export const WORK_BUDGET = {
  /** Simulated requests in one run (about five minutes of engine time). */
  requests: 2_000_000_000,
  /** Requests in one simulated second across all clients (one tick's arrivals are held in memory at once). */
  peakRps: 5_000_000,
} as const;

/** The mean and peak rate of a pattern, as multiples of rps (format.md section 1). */
const PATTERN = {
  constant: { mean: 1, peak: 1 },
  spiky: { mean: 1, peak: 4 },
  diurnal: { mean: 1, peak: 1.8 },
} as const;

const SERVED = new Set<string>([...ENDPOINT_KINDS, 'batch-transform']);

interface Spike {
  from: number;
  to: number;
  factor: number;
  /** Where the fault is written: `faults[3]` or `script[2].fault`. */
  where: string;
}

/** One client's estimated share of a run. */
export interface ClientWork {
  client: string;
  /** Requests over the run. */
  requests: number;
  /** Highest requests per simulated second. */
  peakRps: number;
  /** The spike fault that adds most requests, when spikes add any. */
  worstSpike: string | null;
}

export interface Work {
  durationSec: number;
  requests: number;
  peakRps: number;
  clients: ClientWork[];
}

/** Estimate the requests a run of `durationSec` simulated seconds would make. */
export function estimateWork(doc: ArchDoc, durationSec: number): Work {
  const served = new Set(doc.nodes.filter((n) => SERVED.has(n.kind)).map((n) => n.id));
  const streams = new Map<string, number>();
  for (const e of doc.edges ?? []) if (served.has(e.to)) streams.set(e.from, (streams.get(e.from) ?? 0) + 1);
  const spikes = spikesByClient(doc);
  const clients: ClientWork[] = [];
  for (const n of doc.nodes) {
    if (n.kind !== 'client' || !streams.get(n.id)) continue;
    const p = { ...defaultProps('client'), ...(n.props ?? {}) } as Record<string, unknown>;
    const rps = Number(p.rps) || 0;
    const pattern = PATTERN[p.pattern as keyof typeof PATTERN] ?? PATTERN.constant;
    const from = Math.max(0, Number(p.startSec) || 0);
    const stop = typeof p.stopSec === 'number' ? p.stopSec : Infinity;
    const to = Math.min(durationSec, stop);
    const k = streams.get(n.id)! * rps;
    const mine = spikes.get(n.id) ?? [];
    const { area, peak } = integrate(mine, from, to);
    // the spike that adds most on its own: its seconds in the run times its factor above 1
    let worstSpike: string | null = null,
      most = 0;
    for (const s of mine) {
      const adds = Math.max(0, Math.min(to, s.to) - Math.max(from, s.from)) * (s.factor - 1);
      if (adds > most) {
        most = adds;
        worstSpike = s.where;
      }
    }
    clients.push({
      client: n.id,
      requests: k * pattern.mean * area,
      peakRps: to > from ? k * pattern.peak * peak : 0,
      worstSpike,
    });
  }
  return {
    durationSec,
    requests: clients.reduce((a, c) => a + c.requests, 0),
    peakRps: clients.reduce((a, c) => a + c.peakRps, 0),
    clients,
  };
}

/** The traffic spikes of a run (document faults and a demo script's faults), by client. */
function spikesByClient(doc: ArchDoc): Map<string, Spike[]> {
  const out = new Map<string, Spike[]>();
  const seen = new Set<string>();
  const add = (raw: unknown, where: string) => {
    const f = trafficSpike(raw);
    if (!f) return;
    const key = JSON.stringify([f.node, f.atSec, f.factor, f.durationSec]);
    if (seen.has(key)) return;
    seen.add(key);
    const l = out.get(f.node) ?? [];
    l.push({ from: f.atSec, to: f.atSec + (f.durationSec ?? 300), factor: f.factor ?? 5, where });
    out.set(f.node, l);
  };
  (doc.faults ?? []).forEach((f, i) => add(f, `faults[${i}]`));
  (doc.script ?? []).forEach((s, i) => s.fault && add({ atSec: s.atSec, ...s.fault }, `script[${i}].fault`));
  return out;
}

/**
 * Seconds in [from, to) weighted by the product of the spike factors active at each moment (a sweep over
 * the windows' ends, in logarithms so that thousands of overlapping spikes do not overflow), and the
 * highest such product.
 */
function integrate(spikes: readonly Spike[], from: number, to: number): { area: number; peak: number } {
  if (!(to > from)) return { area: 0, peak: 0 };
  const events: { t: number; log: number; zero: number }[] = [];
  for (const s of spikes) {
    const a = Math.max(from, s.from),
      b = Math.min(to, s.to);
    if (!(b > a)) continue;
    const zero = s.factor === 0 ? 1 : 0;
    const log = zero ? 0 : Math.log(s.factor);
    events.push({ t: a, log, zero }, { t: b, log: -log, zero: -zero });
  }
  events.sort((x, y) => x.t - y.t);
  let area = 0,
    peak = events.length ? 0 : 1,
    log = 0,
    zeros = 0,
    t = from;
  const factor = () => (zeros > 0 ? 0 : Math.exp(log));
  for (const e of events) {
    if (e.t > t) {
      area += (e.t - t) * factor();
      peak = Math.max(peak, factor());
      t = e.t;
    }
    log += e.log;
    zeros += e.zero;
  }
  if (to > t) {
    area += (to - t) * factor();
    peak = Math.max(peak, factor());
  }
  return { area, peak };
}

/** Why a run is over the budget (naming the client or fault and the figure), or null when it fits. */
export function overBudget(w: Work): string | null {
  const fmt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : 'more than 10^308');
  const byRequests = [...w.clients].sort((a, b) => b.requests - a.requests)[0];
  if (w.requests > WORK_BUDGET.requests && byRequests) {
    const who = byRequests.worstSpike
      ? `client "${byRequests.client}" with the traffic spike ${byRequests.worstSpike}`
      : `client "${byRequests.client}"`;
    return (
      `${who} would simulate ${fmt(byRequests.requests)} requests in ${fmt(w.durationSec)} s (all clients: ` +
      `${fmt(w.requests)}); a run simulates at most ${fmt(WORK_BUDGET.requests)}. Lower the rps, the spike's ` +
      `factor or duration, or run a shorter duration.`
    );
  }
  const byPeak = [...w.clients].sort((a, b) => b.peakRps - a.peakRps)[0];
  if (w.peakRps > WORK_BUDGET.peakRps && byPeak) {
    const who = byPeak.worstSpike
      ? `client "${byPeak.client}" with the traffic spike ${byPeak.worstSpike}`
      : `client "${byPeak.client}"`;
    return (
      `${who} would send ${fmt(byPeak.peakRps)} requests per simulated second (all clients: ${fmt(w.peakRps)}); ` +
      `a run simulates at most ${fmt(WORK_BUDGET.peakRps)} per second. Lower the rps or the spike's factor.`
    );
  }
  return null;
}

/**
 * The longest duration (whole seconds, at most `durationSec`) whose run fits the budget, or null when even a
 * one-second run does not (the peak rate is over, or the traffic starts over it).
 */
export function durationThatFits(doc: ArchDoc, durationSec: number): number | null {
  const fits = (d: number) => overBudget(estimateWork(doc, d)) === null;
  if (!fits(1)) return null;
  let lo = 1,
    hi = Math.floor(durationSec);
  if (fits(hi)) return hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
