/**
 * The tight-loop floor of the engine's hot path (issue 19 item 3): the tightest plain-JS loop doing the same work as
 * the engine for one real-time endpoint fed by one client (constant Poisson traffic, lognormal payloads, one
 * production variant, no autoscaling, no feature lookups, no shadows, no faults) — the same random streams (derived
 * from the same seed and labels), the same quantile tables, the same round-robin worker slots and the same latency
 * histogram — with none of the engine's structure (no event queue, no modules, no staged arrivals, no tallies,
 * no series, no traces). Its request count and p50/p99 equal the engine's report: `npm run bench` checks so before it
 * compares their times, so the floor cannot drift into doing less work than the engine.
 */
import { Histogram } from '../src/engine/histogram';
import { Rng } from '../src/engine/rng';
import { INFERENCE } from '../src/engine/modules/inference/constants';
import { LATENCY_LN, workersOf } from '../src/engine/modules/inference/realtime';
import { EXP_Q, TABLE_SIZE, lognormalTable } from '../src/engine/modules/inference/tables';
import { TickLatency } from '../src/engine/modules/inference/tally';

/**
 * What the floor runs: one client → one real-time endpoint (the engine serves it from `startSec`, its InService time).
 */
export interface FloorSpec {
  seed: number;
  durationSec: number;
  client: string;
  endpoint: string;
  rps: number;
  payloadMB: number;
  instanceType: string;
  instanceCount: number;
  modelLatencyMs: number;
  startSec: number;
}

/** The figures the floor produces (the engine's report gives the same). */
export interface FloorResult {
  requests: number;
  ok: number;
  failed: number;
  p50Ms: number;
  p99Ms: number;
  /** Sum of the per-second p99s (the figure the engine charts), so that work is not optimised away. */
  tickP99Sum: number;
}

const PAYLOAD_LN = lognormalTable(INFERENCE.payloadSigma);

/** One run of the floor. */
export function runFloor(s: FloorSpec): FloorResult {
  const gen = Rng.derive(s.seed, `inference:${s.client}>${s.endpoint}`);
  const rng = Rng.derive(s.seed, `inference:${s.endpoint}`);
  const k = workersOf(s.instanceType) * s.instanceCount;
  const slots = new Float64Array(k).fill(s.startSec);
  const latencySec = s.modelLatencyMs / 1000;
  const queueLimit = INFERENCE.queueDepthPerWorker * latencySec;
  const timeout = INFERENCE.invocationTimeoutSec,
    limit = INFERENCE.realtimeMaxPayloadMB;
  const hist = new Histogram();
  const tick = new TickLatency();
  const inv = 1 / s.rps,
    base = s.payloadMB;
  let requests = 0,
    ok = 0,
    failed = 0,
    rr = 0,
    tickP99Sum = 0;
  for (let t0 = s.startSec; t0 < s.durationSec; t0 += INFERENCE.tickSec) {
    const t1 = Math.min(t0 + INFERENCE.tickSec, s.durationSec);
    let a = t0 + EXP_Q[(gen.next() * TABLE_SIZE) | 0] * inv;
    while (a < t1) {
      const size = base * PAYLOAD_LN[(gen.next() * TABLE_SIZE) | 0];
      requests++;
      if (size > limit) failed++;
      else {
        const svc = latencySec * LATENCY_LN[(rng.next() * TABLE_SIZE) | 0];
        const j = rr;
        rr = j + 1 === k ? 0 : j + 1;
        const free = slots[j];
        const wait = free > a ? free - a : 0;
        if (wait > queueLimit) failed++;
        else {
          if (wait < timeout) slots[j] = a + wait + svc;
          const total = wait + svc;
          if (total > timeout) {
            failed++;
            hist.add(timeout * 1000);
            tick.add(timeout * 1000);
          } else {
            ok++;
            hist.add(total * 1000);
            tick.add(total * 1000);
          }
        }
      }
      a += EXP_Q[(gen.next() * TABLE_SIZE) | 0] * inv;
    }
    tickP99Sum += tick.takeQuantile(0.99);
  }
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return { requests, ok, failed, p50Ms: r1(hist.quantile(0.5)), p99Ms: r1(hist.quantile(0.99)), tickP99Sum };
}
