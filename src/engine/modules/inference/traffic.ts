import type { GNode } from '../../../model/graph';
import type { Rng } from '../../rng';
import { INFERENCE } from './constants';
import { EXP_Q, TABLE_BITS, ZipfAlias, lognormalTable } from './tables';

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
 * The arrivals of several client streams in one tick, merged by time as they are drawn: each stream waits, keyed by
 * its next arrival, in a calendar of time slots spanning the tick (about one merged arrival per slot); the next
 * arrival is the earliest key of the first non-empty slot (ties: the lower stream index), so the order is that of a
 * stable sort of the streams' arrivals one stream after another, at O(1) per arrival and without the unpredictable
 * compares of a heap (one per level per arrival). Each stream draws from its own random stream in its own order, so
 * merging changes no number; the number of slots only changes the speed. An `ArrivalSource` (fresh arrivals only),
 * or written into `Arrivals` by `drainInto`.
 */
export class StreamMerge implements ArrivalSource {
  /** `key[i]`: stream i's next arrival (while it waits in a slot). */
  private readonly key: Float64Array;
  /** `link[i]`: the next stream waiting in stream i's slot (-1: none). */
  private readonly link: Int32Array;
  /** `head[b]`: the first stream waiting in slot b (-1: none). */
  private head = new Int32Array(0);
  /** Slots of the current tick, the first one that may hold a stream, the tick's start and slots per second. */
  private slots = 0;
  private cur = 0;
  private t0 = 0;
  private scale = 0;
  /** Arrivals drawn in the current tick (the next tick gets as many slots). */
  private drawn = 0;
  at = 0;
  sizeMB = 0;
  modelIdx = 0;
  srcIdx = 0;
  readonly attemptNo = 0;
  readonly firstAt = 0;

  constructor(readonly streams: readonly ClientStream[]) {
    this.key = new Float64Array(streams.length);
    this.link = new Int32Array(streams.length);
  }

  /** Start the tick [t0, t1) of every stream. */
  begin(t0: number, t1: number): void {
    const m = Math.min(1 << 16, Math.max(16, this.drawn, this.streams.length));
    if (this.head.length < m) this.head = new Int32Array(Math.max(m, 2 * this.head.length));
    this.head.fill(-1, 0, m);
    this.slots = m;
    this.cur = 0;
    this.t0 = t0;
    this.scale = t1 > t0 ? m / (t1 - t0) : 0;
    this.drawn = 0;
    for (let i = 0; i < this.streams.length; i++) {
      const s = this.streams[i];
      s.begin(t0, t1);
      if (s.window()) this.wait(i, s.y);
    }
  }

  /** Put stream i in the slot of its next arrival `k` (never before the current slot: arrivals only move on). */
  private wait(i: number, k: number): void {
    this.key[i] = k;
    let b = ((k - this.t0) * this.scale) | 0;
    if (b >= this.slots) b = this.slots - 1;
    if (b < this.cur) b = this.cur;
    this.link[i] = this.head[b];
    this.head[b] = i;
  }

  nextArrival(): boolean {
    const head = this.head,
      link = this.link,
      key = this.key,
      m = this.slots;
    let b = this.cur;
    while (b < m && head[b] === -1) b++;
    this.cur = b;
    if (b === m) return false;
    // the earliest stream of the slot (ties: the lower index), taken out of it
    let i = head[b],
      before = -1;
    for (let p = i, j = link[i]; j !== -1; p = j, j = link[j])
      if (key[j] < key[i] || (key[j] === key[i] && j < i)) {
        i = j;
        before = p;
      }
    if (before === -1) head[b] = link[i];
    else link[before] = link[i];
    const s = this.streams[i];
    s.nextArrival();
    this.at = s.at;
    this.sizeMB = s.sizeMB;
    this.modelIdx = s.modelIdx;
    this.srcIdx = i;
    this.drawn++;
    if (s.window()) this.wait(i, s.y);
    return true;
  }

  /** Append every arrival of the tick begun to `out`, in time order. */
  drainInto(out: Arrivals): void {
    while (this.nextArrival()) {
      const n = out.n;
      if (n === out.time.length) out.grow();
      out.time[n] = this.at;
      out.size[n] = this.sizeMB;
      out.model[n] = this.modelIdx;
      out.src[n] = this.srcIdx;
      out.n = n + 1;
    }
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
    this.sizeMB = this.fixed ? this.base : this.base * PAYLOAD_LN[rng.nextBits(TABLE_BITS)];
    this.modelIdx = this.zipf === null ? 0 : this.zipf.pick(rng.next());
    this.y = y + EXP_Q[rng.nextBits(TABLE_BITS)] * this.inv;
    this.sent++;
    return true;
  }

  /**
   * For a serve loop that draws the arrivals itself (realtime.ts's fast path: no call per request): true when the
   * range given to `begin` has an arrival left, then at `y`, in the window that ends at `e`. Each arrival of the
   * window draws from `rng` exactly as `nextArrival` does — the payload factor `PAYLOAD_LN[rng.nextBits(TABLE_BITS)]`
   * unless `fixed`, the model `zipf.pick(rng.next())` when there is a mix, then the gap to the next arrival
   * `EXP_Q[rng.nextBits(TABLE_BITS)] * inv` — while it falls before `e`; the loop then stores its next arrival in
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
      this.y = x + EXP_Q[this.rng.nextBits(TABLE_BITS)] * this.inv;
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
