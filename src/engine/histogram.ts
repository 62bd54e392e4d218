/**
 * Latency histogram with log-spaced buckets (about 2% wide) from 0.1 ms to ~1 day. Adding is O(1)
 * and memory is fixed, so a 24-hour run at 1,000 req/s costs nothing extra; quantiles are exact to a
 * bucket and deterministic.
 *
 * A value's bucket is `1 + floor(log(ms / MIN_MS) / log(GROWTH))` (see `bucketByLog`), found without a
 * logarithm: the double's exponent and top mantissa bits pick a slice of 1/256 of an octave (narrower than a
 * bucket, so it holds at most one bucket edge), a table gives the bucket at the slice's start, and one compare
 * with the next bucket's lowest value settles it. The edges are found at load time by bisecting the doubles
 * with the formula itself, so every value lands exactly where the formula puts it (test/engine/histogram.test.ts).
 */
const MIN_MS = 0.1;
const GROWTH = 1.02;
const LOG_G = Math.log(GROWTH);
const BUCKETS = Math.ceil(Math.log(86_400_000 / MIN_MS) / LOG_G) + 2;

/** The bucket of `ms` by the defining formula (load-time tables and tests; the hot path uses `bucketOf`). */
export function bucketByLog(ms: number): number {
  return ms <= MIN_MS ? 0 : Math.min(BUCKETS - 1, 1 + Math.floor(Math.log(ms / MIN_MS) / LOG_G));
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Index of the high 32-bit word of a double in `u32` (1 on little-endian machines). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** The double with the given bit pattern (high and low words). */
const fromBits = (hi: number, lo: number): number => {
  u32[HI] = hi;
  u32[LO] = lo;
  return f64[0];
};

/** A slice is a double's high word shifted by this: 11 exponent bits and the top 8 mantissa bits (1/256 octave). */
const SLICE_SHIFT = 12;

/** Number of buckets. */
export const HISTOGRAM_BUCKETS = BUCKETS;

/** The next double above (`up`) or below a positive finite double. */
const step = (x: number, up: boolean): number => {
  f64[0] = x;
  const lo = u32[LO];
  if (up) {
    if (lo === 0xffffffff) u32[HI]++;
    u32[LO] = lo + 1;
  } else {
    if (lo === 0) u32[HI]--;
    u32[LO] = lo - 1;
  }
  return f64[0];
};

/**
 * EDGE[i]: the lowest double whose formula bucket is at least i (1 ≤ i < BUCKETS): from MIN_MS·e^((i−1)·LOG_G), where
 * the formula's edge lies to within a few ulps, step one double at a time to it. Assumes the formula never
 * decreases as ms grows (log, the division and floor all preserve order).
 */
const EDGE = new Float64Array(BUCKETS + 1);
EDGE[0] = -Infinity;
EDGE[BUCKETS] = Infinity;
for (let i = 1; i < BUCKETS; i++) {
  let x = MIN_MS * Math.exp((i - 1) * LOG_G);
  if (bucketByLog(x) >= i) {
    for (let y = step(x, false); bucketByLog(y) >= i; y = step(y, false)) x = y;
  } else {
    do x = step(x, true);
    while (bucketByLog(x) < i);
  }
  EDGE[i] = x;
}

/** The lowest value of each bucket (index 1 to BUCKETS − 1; for tests). */
export const HISTOGRAM_EDGES: Readonly<Float64Array> = EDGE;

const sliceOf = (x: number): number => {
  f64[0] = x;
  return u32[HI] >>> SLICE_SHIFT;
};
/** The slice of MIN_MS, and the number of slices up to the one holding the last bucket's lowest value. */
const FIRST_SLICE = sliceOf(MIN_MS);
/** SLICE[s]: the formula bucket of the lowest double in slice FIRST_SLICE + s (the edges walked in step). */
const SLICE = new Int32Array(sliceOf(EDGE[BUCKETS - 1]) - FIRST_SLICE + 1);
const SLICE_COUNT = SLICE.length;
for (let s = 0, b = 0; s < SLICE_COUNT; s++) {
  const low = fromBits((FIRST_SLICE + s) << SLICE_SHIFT, 0);
  while (EDGE[b + 1] <= low) b++;
  SLICE[s] = b;
}

/** The bucket of `ms`, equal to `bucketByLog(ms)` for every double (NaN included), without a logarithm. */
export function bucketOf(ms: number): number {
  f64[0] = ms;
  // the slice's index as unsigned: below MIN_MS's slice, zero, negative (the sign bit), NaN or past the last bucket's
  // lowest value all land past the table, and get the formula
  const s = ((u32[HI] >>> 12) - FIRST_SLICE) >>> 0; // 12 = SLICE_SHIFT
  if (s >= SLICE_COUNT) return bucketByLog(ms);
  const i = SLICE[s];
  return ms >= EDGE[i + 1] ? i + 1 : i;
}

export class Histogram {
  readonly counts = new Float64Array(BUCKETS);
  total = 0;
  sum = 0;
  max = 0;

  /** Count one value (the hot loops' call: kept small so that it is inlined). */
  add(ms: number): void {
    this.counts[bucketOf(ms)]++;
    this.total++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  /** Count `n` equal values. */
  addMany(ms: number, n: number): void {
    this.counts[bucketOf(ms)] += n;
    this.total += n;
    this.sum += ms * n;
    if (ms > this.max) this.max = ms;
  }

  merge(o: Histogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i] += o.counts[i];
    this.total += o.total;
    this.sum += o.sum;
    if (o.max > this.max) this.max = o.max;
  }

  /** The q-quantile (0..1) in ms: the upper edge of the bucket holding it (never above the max seen). */
  quantile(q: number): number {
    if (!this.total) return 0;
    const target = q * this.total;
    let acc = 0;
    for (let i = 0; i < BUCKETS; i++) {
      acc += this.counts[i];
      if (acc >= target && this.counts[i] > 0) return Math.min(this.max, i === 0 ? MIN_MS : MIN_MS * GROWTH ** i);
    }
    return this.max;
  }

  get mean(): number {
    return this.total ? this.sum / this.total : 0;
  }
}
