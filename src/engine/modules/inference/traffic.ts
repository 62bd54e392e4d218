import type { GNode } from '../../../model/graph';
import type { Rng } from '../../rng';
import { INFERENCE } from './constants';
import { EXP_Q, TABLE_SIZE, ZipfAlias, lognormalTable } from './tables';

/**
 * One tick's requests in arrival order, as parallel typed arrays (no per-request objects).
 * `time` in simulated seconds, `size` in MB, `model` an index into the client's model mix,
 * `src` the index of the stream that sent it. A retry of an earlier request (retry.ts) has `attempt` > 0 and its
 * first arrival in `first`; fresh arrivals have `attempt` 0 (`first` is then not read).
 */
export class Arrivals {
  n = 0;
  time = new Float64Array(1024);
  size = new Float64Array(1024);
  model = new Int32Array(1024);
  src = new Int32Array(1024);
  attempt = new Uint8Array(1024);
  first = new Float64Array(1024);

  clear(): void {
    this.n = 0;
  }

  grow(): void {
    const cap = this.time.length * 2;
    const t = new Float64Array(cap);
    t.set(this.time);
    this.time = t;
    const s = new Float64Array(cap);
    s.set(this.size);
    this.size = s;
    const m = new Int32Array(cap);
    m.set(this.model);
    this.model = m;
    const r = new Int32Array(cap);
    r.set(this.src);
    this.src = r;
    const k = new Uint8Array(cap);
    k.set(this.attempt);
    this.attempt = k;
    const f = new Float64Array(cap);
    f.set(this.first);
    this.first = f;
  }

  /** Sort by time (stable: equal times keep stream order). Only needed when several streams share a tick. */
  sortByTime(): void {
    const n = this.n;
    const idx = new Int32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    const t = this.time;
    const order = Array.from(idx).sort((a, b) => t[a] - t[b] || a - b);
    const time = this.time.slice(0, n),
      size = this.size.slice(0, n),
      model = this.model.slice(0, n),
      src = this.src.slice(0, n),
      attempt = this.attempt.slice(0, n),
      first = this.first.slice(0, n);
    for (let i = 0; i < n; i++) {
      const j = order[i];
      this.time[i] = time[j];
      this.size[i] = size[j];
      this.model[i] = model[j];
      this.src[i] = src[j];
      this.attempt[i] = attempt[j];
      this.first[i] = first[j];
    }
  }
}

/** A timed change to a client's traffic (the traffic-spike and large-payloads faults). */
interface Window {
  from: number;
  to: number;
  value: number;
}

const SPIKY_PERIOD = 240;
const SPIKY_ON = 60;
const SPIKY_FACTOR = 4;
const DAY = 86_400;

const PAYLOAD_LN = lognormalTable(INFERENCE.payloadSigma);

/**
 * The request stream of one client towards one target (each client → endpoint edge carries the
 * client's whole stream). Arrivals are a Poisson process whose rate follows the pattern of format.md
 * section 1: constant; spiky (one minute at 4× rps, then three minutes silent, from startSec);
 * diurnal (a 24-hour sine between 0.2× and 1.8× rps). Generation works window by window with
 * exponential gaps restarted at each window start (the process is memoryless), so the numbers
 * never depend on how a host slices the run.
 */
export class ClientStream {
  readonly rps: number;
  readonly pattern: 'constant' | 'spiky' | 'diurnal';
  readonly payloadMB: number;
  readonly fixedPayload: boolean;
  readonly models: number;
  readonly startSec: number;
  readonly stopSec: number;
  private readonly zipf: ZipfAlias | null;
  private readonly spikes: Window[] = [];
  private readonly large: Window[] = [];
  /** Requests sent so far. */
  sent = 0;

  constructor(
    readonly client: GNode<'client'>,
    readonly target: GNode,
    private readonly rng: Rng,
  ) {
    const p = client.props;
    this.rps = p.rps;
    this.pattern = p.pattern;
    this.payloadMB = p.payloadMB;
    this.fixedPayload = p.payloadSpread === 'fixed';
    this.models = Math.max(1, p.models | 0);
    this.startSec = p.startSec ?? 0;
    this.stopSec = p.stopSec ?? Infinity;
    this.zipf = this.models > 1 ? new ZipfAlias(this.models, INFERENCE.zipfExponent) : null;
  }

  /** Multiply the rate by `factor` during [from, to) (traffic-spike). */
  spike(from: number, to: number, factor: number): void {
    this.spikes.push({ from, to, value: factor });
  }

  /** Send payloads of `sizeMB` during [from, to) (large-payloads). */
  largePayloads(from: number, to: number, sizeMB: number): void {
    this.large.push({ from, to, value: sizeMB });
  }

  /** The pattern's rate at simulated second x (requests/s), before faults. */
  patternRate(x: number): number {
    switch (this.pattern) {
      case 'spiky':
        return (((x - this.startSec) % SPIKY_PERIOD) + SPIKY_PERIOD) % SPIKY_PERIOD < SPIKY_ON
          ? this.rps * SPIKY_FACTOR
          : 0;
      case 'diurnal':
        return this.rps * (1 + 0.8 * Math.sin((2 * Math.PI * x) / DAY));
      default:
        return this.rps;
    }
  }

  /** The rate at x with traffic spikes applied. */
  rateAt(x: number): number {
    let r = this.patternRate(x);
    for (const w of this.spikes) if (x >= w.from && x < w.to) r *= w.value;
    return r;
  }

  /** The first time after x where the rate or payload rule may change (not after `end`). */
  private nextChange(x: number, end: number): number {
    let e = end;
    if (this.pattern === 'spiky') {
      const phase = (((x - this.startSec) % SPIKY_PERIOD) + SPIKY_PERIOD) % SPIKY_PERIOD;
      const edge = x + (phase < SPIKY_ON ? SPIKY_ON - phase : SPIKY_PERIOD - phase);
      if (edge < e) e = edge;
    }
    for (const w of this.spikes) {
      if (w.from > x && w.from < e) e = w.from;
      if (w.to > x && w.to < e) e = w.to;
    }
    for (const w of this.large) {
      if (w.from > x && w.from < e) e = w.from;
      if (w.to > x && w.to < e) e = w.to;
    }
    return e;
  }

  private largeAt(x: number): number {
    let s = 0;
    for (const w of this.large) if (x >= w.from && x < w.to && w.value > s) s = w.value;
    return s;
  }

  /** Append this stream's requests in [t0, t1) to `out`, tagged with `src`. */
  generate(t0: number, t1: number, out: Arrivals, src: number): void {
    let x = t0 > this.startSec ? t0 : this.startSec;
    const end = t1 < this.stopSec ? t1 : this.stopSec;
    const rng = this.rng,
      zipf = this.zipf;
    const before = out.n;
    while (x < end) {
      let e = this.nextChange(x, end);
      if (e <= x) e = end; // a boundary lost to rounding: never loop in place
      const r = this.pattern === 'diurnal' ? this.rateAt((x + e) / 2) : this.rateAt(x);
      if (r > 0) {
        const inv = 1 / r;
        const big = this.largeAt(x);
        const fixed = big > 0 || this.fixedPayload;
        const base = big > 0 ? big : this.payloadMB;
        let y = x + EXP_Q[(rng.next() * TABLE_SIZE) | 0] * inv;
        while (y < e) {
          const n = out.n;
          if (n === out.time.length) out.grow();
          out.time[n] = y;
          out.size[n] = fixed ? base : base * PAYLOAD_LN[(rng.next() * TABLE_SIZE) | 0];
          out.model[n] = zipf === null ? 0 : zipf.pick(rng.next());
          out.src[n] = src;
          out.n = n + 1;
          y += EXP_Q[(rng.next() * TABLE_SIZE) | 0] * inv;
        }
      }
      x = e;
    }
    this.sent += out.n - before;
  }
}
