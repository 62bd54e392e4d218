import type { RequestOutcome } from '../../../catalog/types';
import { defineSlot, type Simulation } from '../../sim';
import { round } from '../../util';

/** How a sampled request ended, as the canvas colours it: ok, or a rule's `display.request` in the catalog. */
export type TraceOutcome = 'ok' | RequestOutcome;
export const TRACE_OUTCOMES: readonly TraceOutcome[] = ['ok', 'cold', 'rejected', 'throttled', 'timedOut'];
/** Numeric indexes of the outcomes (`TraceSampler.wantAt` in the hot loops: no string key per request). */
export const OUTCOME = { ok: 0, cold: 1, rejected: 2, throttled: 3, timedOut: 4 } as const;
const O = OUTCOME;

/** One hop of a request: where it spent time (ms from its arrival), and whether it stopped there. */
export interface TraceHop {
  name: string;
  kind: 'network' | 'retry' | 'lookup' | 'queue' | 'load' | 'model' | 'response' | 'failed';
  startMs: number;
  durMs: number;
}

/** A sampled request through an endpoint, hop by hop (for the UI's waterfall; never in the report). */
export interface RequestTrace {
  /** Order of the request at its endpoint (1 = the first request it received). */
  n: number;
  endpoint: string;
  atSec: number;
  outcome: TraceOutcome;
  /** The rule that failed or slowed it, if any. */
  rule?: string;
  /** HTTP-like status of a failed request (the rule's, from the catalog), when it has one. */
  status?: number;
  payloadMB: number;
  totalMs: number;
  hops: TraceHop[];
  /** One sentence: what happened. */
  note: string;
}

/** Traces kept per endpoint: the first FIRST of each outcome, then 1 in EVERY, at most MAX in all. */
export const TRACE_SAMPLING = { first: 10, every: 5000, max: 300 } as const;

/**
 * A bounded, deterministic sample of one endpoint's requests (no randomness: the order of requests
 * decides). `want` is one increment and compare, so the serve loops stay fast; a trace object is
 * built only for the requests kept.
 */
export class TraceSampler {
  readonly kept: RequestTrace[] = [];
  /** Requests counted so far by outcome (their sum is the order of the request just counted). */
  private readonly seen = new Float64Array(5);
  /** The count of each outcome at which the next one is to be traced (the first FIRST, then every EVERY-th). */
  private readonly due = new Float64Array(5).fill(1);

  constructor(readonly endpoint: string) {}

  /** Counts one request of an outcome; true when it is to be traced. */
  want(outcome: TraceOutcome): boolean {
    return this.wantAt(O[outcome]);
  }

  /** `want` by the outcome's index in `OUTCOME` (a count and a compare: small enough for the hot loops to inline). */
  wantAt(o: number): boolean {
    return ++this.seen[o] >= this.due[o] && this.chosen(o);
  }

  /** A request reached its outcome's next sampling point: move the point on; keep it if there is room. */
  private chosen(o: number): boolean {
    const c = this.seen[o];
    const { first, every } = TRACE_SAMPLING;
    this.due[o] = c < first ? c + 1 : (Math.floor(c / every) + 1) * every;
    return this.kept.length < TRACE_SAMPLING.max;
  }

  /** Keep a trace of the request just counted (hops in seconds from its arrival). */
  add(
    atSec: number,
    outcome: TraceOutcome,
    payloadMB: number,
    hops: [TraceHop['kind'], string, number][],
    note: string,
    rule?: string,
    status?: number,
  ): void {
    let at = 0;
    const out: TraceHop[] = [];
    for (const [kind, name, sec] of hops) {
      out.push({ name, kind, startMs: round(at * 1000), durMs: round(sec * 1000) });
      at += sec;
    }
    const s = this.seen;
    this.kept.push({
      n: s[0] + s[1] + s[2] + s[3] + s[4],
      endpoint: this.endpoint,
      atSec,
      outcome,
      rule,
      ...(status !== undefined ? { status } : {}),
      payloadMB: round(payloadMB),
      totalMs: round(at * 1000),
      hops: out,
      note,
    });
  }
}

/** The trace samplers of a run, by endpoint. */
const SAMPLERS = defineSlot('inference.traces', () => new Map<string, TraceSampler>());

/** The sampler of an endpoint in a run (created on first use). */
export function traceSampler(sim: Simulation, endpoint: string): TraceSampler {
  const m = sim.slot(SAMPLERS);
  let s = m.get(endpoint);
  if (!s) {
    s = new TraceSampler(endpoint);
    m.set(endpoint, s);
  }
  return s;
}

/** The sampled request traces of an endpoint so far (empty when it served nothing). */
export const requestTraces = (sim: Simulation, endpoint: string): readonly RequestTrace[] =>
  sim.peekSlot(SAMPLERS)?.get(endpoint)?.kept ?? [];
