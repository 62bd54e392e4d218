import { describe, expect, it } from 'vitest';
import { HISTOGRAM_BUCKETS, HISTOGRAM_EDGES, Histogram, bucketByLog, bucketOf } from '../../src/engine/histogram';
import { Rng, TABLE_BITS } from '../../src/engine/rng';

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
/** The double `k` steps (ulps) away from a positive double x. */
const ulps = (x: number, k: number): number => {
  f64[0] = x;
  i64[0] += BigInt(k);
  return f64[0];
};

describe('histogram buckets without a logarithm', () => {
  it('puts the values around every bucket edge where the formula does', () => {
    let checked = 0;
    for (let i = 1; i < HISTOGRAM_BUCKETS; i++) {
      const e = HISTOGRAM_EDGES[i];
      expect(bucketByLog(e)).toBeGreaterThanOrEqual(i);
      expect(bucketByLog(ulps(e, -1))).toBeLessThan(i);
      for (let k = -3; k <= 3; k++) {
        const x = ulps(e, k);
        expect(bucketOf(x)).toBe(bucketByLog(x));
        checked++;
      }
    }
    expect(checked).toBe((HISTOGRAM_BUCKETS - 1) * 7);
  });

  it('agrees with the formula on random values over the whole range and on special values', () => {
    const rng = new Rng(19);
    for (let n = 0; n < 200_000; n++) {
      const x = 10 ** (rng.next() * 12 - 3); // 0.001 ms to 1e9 ms
      if (bucketOf(x) !== bucketByLog(x)) expect(bucketOf(x)).toBe(bucketByLog(x));
    }
    for (const x of [0, -1, -0, 0.1, ulps(0.1, 1), 1e-300, 86_400_000, 1e12, Number.MAX_VALUE, Infinity])
      expect(bucketOf(x)).toBe(bucketByLog(x));
    expect(bucketOf(NaN)).toBeNaN();
  });

  it('gives the same quantiles as before (upper bucket edges, capped at the max)', () => {
    const h = new Histogram();
    for (let i = 1; i <= 1000; i++) h.add(i);
    expect(h.quantile(0.5)).toBeGreaterThanOrEqual(500);
    expect(h.quantile(0.5)).toBeLessThan(500 * 1.02 * 1.02);
    expect(h.quantile(0.99)).toBeLessThanOrEqual(1000);
    expect(h.quantile(0.99)).toBeGreaterThan(990 / 1.02);
    expect(h.total).toBe(1000);
  });
});

describe('random draws as table indexes', () => {
  it('tableIndex() is the same draw and value as (next() * 2^TABLE_BITS) | 0', () => {
    const a = new Rng(42),
      b = new Rng(42);
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) {
      const x = a.tableIndex(),
        y = (b.next() * 2 ** TABLE_BITS) | 0;
      if (x !== y) expect(x).toBe(y);
      seen.add(x);
    }
    expect(a.next()).toBe(b.next());
    // the whole table is reached: the top and the bottom index, and nearly every one in between
    expect(Math.min(...seen)).toBe(0);
    expect(Math.max(...seen)).toBe(2 ** TABLE_BITS - 1);
    expect(seen.size).toBeGreaterThan(2 ** TABLE_BITS * 0.99);
  });
});
