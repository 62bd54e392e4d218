/**
 * Latency histogram with log-spaced buckets (about 2% wide) from 0.1 ms to ~1 day. Adding is O(1)
 * and memory is fixed, so a 24-hour run at 1,000 req/s costs nothing extra; quantiles are exact to a
 * bucket and deterministic.
 */
const MIN_MS = 0.1;
const GROWTH = 1.02;
const LOG_G = Math.log(GROWTH);
const BUCKETS = Math.ceil(Math.log(86_400_000 / MIN_MS) / LOG_G) + 2;

export class Histogram {
  readonly counts = new Float64Array(BUCKETS);
  total = 0;
  sum = 0;
  max = 0;

  add(ms: number, n = 1): void {
    const i = ms <= MIN_MS ? 0 : Math.min(BUCKETS - 1, 1 + Math.floor(Math.log(ms / MIN_MS) / LOG_G));
    this.counts[i] += n;
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
