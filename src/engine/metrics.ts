import { Histogram } from './histogram';

/** How a series combines values falling in one bucket. */
export type SeriesMode = 'sum' | 'max' | 'last';

/**
 * A time series over simulated time with fixed-width buckets. When it grows past `maxPoints` the
 * buckets double in width (pairs merge), so memory stays bounded over a 24-hour run.
 */
export class Series {
  values: number[] = [];
  constructor(
    public bucketSec = 10,
    readonly mode: SeriesMode = 'sum',
    readonly maxPoints = 1440,
  ) {}

  add(t: number, v: number): void {
    const i = this.slot(t);
    const cur = this.values[i] ?? 0;
    this.values[i] = this.mode === 'sum' ? cur + v : this.mode === 'max' ? Math.max(cur, v) : v;
  }

  private slot(t: number): number {
    let i = Math.floor(t / this.bucketSec);
    while (i >= this.maxPoints) {
      this.compact();
      i = Math.floor(t / this.bucketSec);
    }
    for (let k = this.values.length; k < i; k++) this.values[k] = this.mode === 'last' ? (this.values[k - 1] ?? 0) : 0;
    return i;
  }

  private compact(): void {
    const out: number[] = [];
    for (let i = 0; i < this.values.length; i += 2) {
      const a = this.values[i] ?? 0,
        b = this.values[i + 1];
      out.push(b === undefined ? a : this.mode === 'sum' ? a + b : this.mode === 'max' ? Math.max(a, b) : b);
    }
    this.values = out;
    this.bucketSec *= 2;
  }

  /** Points as [startSec, value]. */
  points(): [number, number][] {
    return this.values.map((v, i) => [i * this.bucketSec, v ?? 0]);
  }
}

/** Everything measured on one node during a run. */
export class NodeMetrics {
  requests = 0;
  ok = 0;
  failed = 0;
  coldStarts = 0;
  costUSD = 0;
  readonly latency = new Histogram();
  /** Module-provided figures for the report (instances, versions, runs…), in stable insertion order. */
  readonly extra: Record<string, unknown> = {};
  readonly series = new Map<string, Series>();

  /** A named series, created on first use. */
  s(name: string, mode: SeriesMode = 'sum', bucketSec = 10): Series {
    let s = this.series.get(name);
    if (!s) {
      s = new Series(bucketSec, mode);
      this.series.set(name, s);
    }
    return s;
  }

  get touched(): boolean {
    return this.requests > 0 || this.costUSD > 0 || Object.keys(this.extra).length > 0;
  }
}
