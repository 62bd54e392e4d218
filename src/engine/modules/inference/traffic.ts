import type { GNode } from '../../../model/graph';
import type { Rng } from '../../rng';
import { INFERENCE } from './constants';
import { EXP_Q, ZipfAlias, lognormalTable } from './tables';

/**
 * One tick's requests in arrival order, as parallel typed arrays (no per-request objects).
 * `time` in simulated seconds, `size` in MB, `model` an index into the client's model mix,
 * `src` the index of the stream that sent it. A retry of an earlier request (retry.ts) has `attempt` > 0 and its
 * first arrival in `first`; fresh arrivals have `attempt` 0 (`first` is then not read).
 */
export class Arrivals implements ArrivalSource {
  n = 0;
  time: Float64Array;
  size: Float64Array;
  model: Int32Array;
  src: Int32Array;
  attempt: Uint8Array;
  first: Float64Array;

  constructor(capacity = 1024) {
    this.attempt = new Uint8Array(capacity);
    this.first = new Float64Array(capacity);
    this.time = new Float64Array(capacity);
    this.size = new Float64Array(capacity);
    this.model = new Int32Array(capacity);
    this.src = new Int32Array(capacity);
  }

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

  /** Sort by time (stable: equal times keep their order), for retries appended after the fresh arrivals. */
  sortByTime(): void {
    const n = this.n;
    const t = this.time;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => t[a] - t[b] || a - b);
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

  /* ---------- reading in order (the `ArrivalSource` of a serve loop) ---------- */
  private next = 0;
  /** The current arrival after `nextArrival()`: time (s), payload (MB), model index, stream index. */
  at = 0;
  sizeMB = 0;
  modelIdx = 0;
  srcIdx = 0;
  /** The current arrival's attempt (0: fresh) and, for a retry, its first arrival. */
  attemptNo = 0;
  firstAt = 0;

  /** Start reading from the first arrival. */
  rewind(): void {
    this.next = 0;
  }

  /** Make arrival `i` the current one (and read on from the next); returns this. */
  seek(i: number): this {
    this.next = i;
    this.nextArrival();
    return this;
  }

  /** Move to the next arrival (false at the end). */
  nextArrival(): boolean {
    const i = this.next;
    if (i >= this.n) return false;
    this.next = i + 1;
    this.at = this.time[i];
    this.sizeMB = this.size[i];
    this.modelIdx = this.model[i];
    this.srcIdx = this.src[i];
    this.attemptNo = this.attempt[i];
    this.firstAt = this.first[i];
    return true;
  }
}

/**
 * The arrivals of several client streams in one tick, in time order (ties: the lower stream index, i.e. the order of a
 * stable sort of the streams' arrivals one stream after another). `draw` has each stream draw its whole tick in one
 * tight loop into a staging buffer (each stream draws from its own random stream in its own order, so staging changes
 * no number), counting each arrival's time slot as it goes; then it sorts their indexes: a counting sort by slot
 * (about one arrival per slot; in stream order, so it is stable) and one stable insertion pass over the nearly sorted
 * result (arrivals sharing a slot) — O(1) per arrival, no compare per heap level, no call per arrival. A serve loop
 * reads `stage` through `order` (realtime.ts), or `copyInto` writes the tick into `Arrivals`.
 */
export class StreamMerge {
  /**
   * The tick's arrivals, stream after stream: `time` and `size` (and `model` when a stream has a model mix); `src`,
   * `attempt` and the rest are filled in only by `copyInto` and `at` (the stream of an index is known from `first`).
   */
  readonly stage = new Arrivals();
  /** `order[i]`: the stage index of the tick's i-th arrival in time order (the first `n` entries). */
  order = new Int32Array(0);
  /** Arrivals drawn in the tick. */
  n = 0;
  /** `first[i]`: the stage index of stream i's first arrival of the tick (`first[streams]` = n). */
  private readonly first: Int32Array;
  /** Whether a stream has a model mix (then `stage.model` is written for every arrival). */
  private readonly mix: boolean;
  /** `start[b]`: where slot b's arrivals go (a count, then a prefix sum, then a cursor). */
  private start = new Int32Array(0);
  /** The slots of the tick: m slots over [t0, t1), slot of time t = min(m - 1, (t - t0) × scale | 0). */
  private m = 0;
  private t0 = 0;
  private t1 = 0;
  private scale = 0;

  constructor(readonly streams: readonly ClientStream[]) {
    this.first = new Int32Array(streams.length + 1);
    this.mix = streams.some((s) => s.zipf !== null);
  }

  /** Start the tick [t0, t1) of every stream. */
  begin(t0: number, t1: number): void {
    this.t0 = t0;
    this.t1 = t1;
    for (const s of this.streams) s.begin(t0, t1);
  }

  /**
   * Draw every arrival of the tick begun, stream after stream, each in one loop (the draws and order of
   * `ClientStream.nextArrival`, window by window: see `ClientStream.window`) that also counts its slot, then put them
   * in time order (`stage` read through `order`).
   */
  draw(): void {
    const stage = this.stage,
      streams = this.streams,
      first = this.first,
      mix = this.mix;
    // slots: as many as the last tick's arrivals (at least 16 and one per stream); any number gives the same order,
    // only the speed changes
    const m = Math.min(1 << 20, Math.max(16, this.n, streams.length));
    if (this.start.length < m + 1) this.start = new Int32Array(Math.max(m + 1, 2 * this.start.length));
    const start = this.start;
    start.fill(0, 0, m + 1);
    const t0 = this.t0,
      scale = this.t1 > t0 ? m / (this.t1 - t0) : 0,
      last = m - 1;
    this.m = m;
    this.scale = scale;
    let n = 0,
      cap = stage.time.length,
      time = stage.time,
      size = stage.size,
      model = stage.model;
    for (let i = 0; i < streams.length; i++) {
      const s = streams[i],
        rng = s.rng,
        zipf = s.zipf;
      first[i] = n;
      while (s.window()) {
        const e = s.e,
          inv = s.inv,
          fixed = s.fixed,
          base = s.base,
          n0 = n;
        let y = s.y;
        do {
          if (n === cap) {
            stage.n = n;
            stage.grow();
            cap = stage.time.length;
            time = stage.time;
            size = stage.size;
            model = stage.model;
          }
          time[n] = y;
          size[n] = fixed ? base : base * PAYLOAD_LN[rng.tableIndex()];
          if (zipf !== null) model[n] = zipf.pick(rng.next());
          else if (mix) model[n] = 0;
          let b = ((y - t0) * scale) | 0;
          if (b > last) b = last;
          start[b + 1]++;
          n++;
          y += EXP_Q[rng.tableIndex()] * inv;
        } while (y < e);
        s.y = y;
        s.sent += n - n0;
      }
    }
    first[streams.length] = n;
    stage.n = n;
    this.n = n;
    if (n > 0) this.sort(n);
  }

  /**
   * The staged arrivals' indexes in time order (stable), from the slots counted in `draw`: a counting sort by slot
   * (the slot computed again from the time, the same way), then an insertion pass (arrivals sharing a slot are in
   * stream order; a strictly earlier one moves down).
   */
  private sort(n: number): void {
    if (this.order.length < n) this.order = new Int32Array(Math.max(n, 2 * this.order.length));
    const start = this.start,
      order = this.order,
      time = this.stage.time,
      m = this.m,
      last = m - 1,
      t0 = this.t0,
      scale = this.scale;
    for (let b = 0; b < m; b++) start[b + 1] += start[b];
    for (let k = 0; k < n; k++) {
      let b = ((time[k] - t0) * scale) | 0;
      if (b > last) b = last;
      order[start[b]++] = k;
    }
    for (let i = 1; i < n; i++) {
      const k = order[i],
        t = time[k];
      if (!(t < time[order[i - 1]])) continue;
      let j = i;
      do {
        order[j] = order[j - 1];
        j--;
      } while (j > 0 && t < time[order[j - 1]]);
      order[j] = k;
    }
  }

  /** The stream that drew stage index k (binary search of `first`). */
  private srcOf(k: number): number {
    const first = this.first;
    let lo = 0,
      hi = this.streams.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (first[mid] <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Stage index k as the current arrival of the stage (an `ArrivalSource`: a fresh request of its stream). */
  at(k: number): ArrivalSource {
    const stage = this.stage;
    stage.src[k] = this.srcOf(k);
    if (!this.mix) stage.model[k] = 0;
    stage.attempt[k] = 0;
    return stage.seek(k);
  }

  /** Append the arrivals drawn to `out`, in time order. */
  copyInto(out: Arrivals): void {
    const n = this.n,
      order = this.order,
      stage = this.stage;
    const base = out.n;
    while (out.time.length < base + n) out.grow();
    const time = out.time,
      size = out.size,
      model = out.model,
      src = out.src,
      sTime = stage.time,
      sSize = stage.size,
      sModel = stage.model,
      sSrc = stage.src,
      first = this.first,
      mix = this.mix;
    for (let i = 0; i < this.streams.length; i++) sSrc.fill(i, first[i], first[i + 1]);
    for (let i = 0; i < n; i++) {
      const k = order[i],
        j = base + i;
      time[j] = sTime[k];
      size[j] = sSize[k];
      model[j] = mix ? sModel[k] : 0;
      src[j] = sSrc[k];
    }
    out.n = base + n;
  }

  /** `draw`, then `copyInto`. */
  drainInto(out: Arrivals): void {
    this.draw();
    this.copyInto(out);
  }
}

/**
 * Where a serve loop reads a tick's arrivals from, one at a time in time order: the staged `Arrivals` of an endpoint
 * with several streams, or a single `ClientStream` drawing them as the loop asks (no staging).
 */
export interface ArrivalSource {
  nextArrival(): boolean;
  readonly at: number;
  readonly sizeMB: number;
  readonly modelIdx: number;
  readonly srcIdx: number;
  /** 0 for a fresh request, else the retry's attempt number (retry.ts); `firstAt` its first arrival. */
  readonly attemptNo: number;
  readonly firstAt: number;
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

/** Lognormal payload factors (median 1, σ `payloadSigma`), by table index. */
export const PAYLOAD_LN = lognormalTable(INFERENCE.payloadSigma);

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
  /** The model mix (null: one model, no draw). */
  readonly zipf: ZipfAlias | null;
  private readonly spikes: Window[] = [];
  private readonly large: Window[] = [];
  /** Requests sent so far. */
  sent = 0;

  constructor(
    readonly client: GNode<'client'>,
    readonly target: GNode,
    readonly rng: Rng,
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

  /* ---------- the arrivals of one tick, drawn one at a time (an `ArrivalSource`) ---------- */
  /** The current arrival after `nextArrival()`: time (s), payload (MB), model index; `srcIdx` is always 0. */
  at = 0;
  sizeMB = 0;
  modelIdx = 0;
  readonly srcIdx = 0;
  /** A stream draws fresh requests only (retries come from the endpoint's retry queue). */
  readonly attemptNo = 0;
  readonly firstAt = 0;
  /**
   * End of the tick's range, end of the current rate window, next arrival time, 1 / rate, the payload rule (fixed
   * at `base` MB, or `base` × a lognormal factor). A serve loop may draw a window's arrivals itself (see `window`).
   */
  private end = 0;
  e = 0;
  y = Infinity;
  inv = 0;
  fixed = true;
  base = 0;

  /** Start drawing the arrivals of [t0, t1). */
  begin(t0: number, t1: number): void {
    this.e = t0 > this.startSec ? t0 : this.startSec;
    this.end = t1 < this.stopSec ? t1 : this.stopSec;
    this.y = Infinity;
  }

  /**
   * Draw the next arrival of the range given to `begin` (false when there is none left). Rate windows (the pattern's
   * phases, faults) each restart the exponential gaps at their start; within one, every arrival draws its payload
   * factor (unless fixed) and its model (with a mix), then the gap to the next one — the order the report's numbers
   * depend on.
   */
  nextArrival(): boolean {
    if (this.y >= this.e && !this.nextWindow()) return false;
    const rng = this.rng,
      y = this.y;
    this.at = y;
    this.sizeMB = this.fixed ? this.base : this.base * PAYLOAD_LN[rng.tableIndex()];
    this.modelIdx = this.zipf === null ? 0 : this.zipf.pick(rng.next());
    this.y = y + EXP_Q[rng.tableIndex()] * this.inv;
    this.sent++;
    return true;
  }

  /**
   * For a serve loop that draws the arrivals itself (realtime.ts's fast path: no call per request): true when the
   * range given to `begin` has an arrival left, then at `y`, in the window that ends at `e`. Each arrival of the
   * window draws from `rng` exactly as `nextArrival` does — the payload factor `PAYLOAD_LN[rng.tableIndex()]`
   * unless `fixed`, the model `zipf.pick(rng.next())` when there is a mix, then the gap to the next arrival
   * `EXP_Q[rng.tableIndex()] * inv` — while it falls before `e`; the loop then stores its next arrival in
   * `y`, adds the arrivals to `sent` and calls `window` again.
   */
  window(): boolean {
    return this.y < this.e || this.nextWindow();
  }

  /** Open rate windows until one has an arrival (false when the range ends first). */
  private nextWindow(): boolean {
    while (this.y >= this.e) if (!this.openWindow()) return false;
    return true;
  }

  /** Open the rate window after the current one and draw its first gap (false past the range's end). */
  private openWindow(): boolean {
    const x = this.e;
    if (x >= this.end) return false;
    let e = this.nextChange(x, this.end);
    if (e <= x) e = this.end; // a boundary lost to rounding: never loop in place
    this.e = e;
    const r = this.pattern === 'diurnal' ? this.rateAt((x + e) / 2) : this.rateAt(x);
    if (r > 0) {
      this.inv = 1 / r;
      const big = this.largeAt(x);
      this.fixed = big > 0 || this.fixedPayload;
      this.base = big > 0 ? big : this.payloadMB;
      this.y = x + EXP_Q[this.rng.tableIndex()] * this.inv;
    } else this.y = Infinity;
    return true;
  }

  /** Append this stream's requests in [t0, t1) to `out`, tagged with `src`. */
  generate(t0: number, t1: number, out: Arrivals, src: number): void {
    this.begin(t0, t1);
    while (this.nextArrival()) {
      const n = out.n;
      if (n === out.time.length) out.grow();
      out.time[n] = this.at;
      out.size[n] = this.sizeMB;
      out.model[n] = this.modelIdx;
      out.src[n] = src;
      out.n = n + 1;
    }
  }
}
