import type { IncidentCounter } from '../../sim';
import type { Series } from '../../metrics';

/**
 * Occurrences of one rule on one node within a tick, flushed to the sim's incident counter once per
 * tick (one call, not one per request). The first occurrence's time and message values are kept.
 */
export class Tally {
  n = 0;
  first = 0;
  vars: Record<string, string | number> | undefined;

  constructor(readonly counter: IncidentCounter) {}

  /** True on the first occurrence of the tick: the caller then sets `first` and `vars`. */
  hit(): boolean {
    return this.n++ === 0;
  }

  flush(): void {
    if (this.n === 0) return;
    this.counter.add(this.first, this.n, this.vars);
    this.n = 0;
    this.vars = undefined;
  }
}

/**
 * A coarse latency histogram for one tick (4 buckets per octave, from integer arithmetic only), used
 * for the per-second p99 of the charts; the report's p50/p99 come from the exact histogram.
 */
export class TickLatency {
  readonly counts = new Float64Array(128);
  total = 0;

  add(ms: number): void {
    let v = (ms * 16) | 0;
    if (v >>> 30 !== 0) v = 0x3fffffff; // negative or past 2^30 − 1
    const z = Math.clz32(v);
    this.counts[v < 4 ? v : ((31 - z) << 2) + ((v >>> (29 - z)) & 3)]++;
    this.total++;
  }

  /** The q-quantile's bucket upper edge (ms); 0 when empty. Clears the tick. */
  takeQuantile(q: number): number {
    if (!this.total) return 0;
    const target = q * this.total;
    let acc = 0,
      out = 0;
    for (let i = 0; i < 128; i++) {
      const c = this.counts[i];
      if (c === 0) continue;
      acc += c;
      if (acc >= target) {
        out = upperEdge(i);
        break;
      }
    }
    this.counts.fill(0);
    this.total = 0;
    return out;
  }
}

const upperEdge = (i: number): number => (i < 8 ? (i + 1) / 16 : ((5 + (i & 3)) * 2 ** ((i >> 2) - 2)) / 16);

/** The chart series an endpoint records, created once. */
export interface EndpointSeries {
  /** Requests per bucket (divide by the bucket width for a rate). */
  requests: Series;
  errors: Series;
  coldStarts: Series;
  /** Highest per-second p99 latency in the bucket, ms. */
  p99: Series;
  /** Most instances (or concurrent containers on serverless) in the bucket. */
  instances: Series;
}
