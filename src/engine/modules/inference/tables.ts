/**
 * Quantile tables for the hot loop: one uniform draw picks an entry, so an exponential gap or a
 * lognormal factor costs an array read instead of a log/exp/cos. The tables are built once per
 * process from fixed formulas (no randomness), so runs stay deterministic. TABLE_SIZE entries are the
 * mid-point quantiles (i + 0.5) / TABLE_SIZE, which truncates the tails at about 4 sigma.
 */
import { TABLE_BITS } from '../../rng';

export { TABLE_BITS };
export const TABLE_SIZE = 1 << TABLE_BITS;

/** Standard exponential quantiles (mean 1): the gap of a Poisson process at rate 1. */
export const EXP_Q = new Float64Array(TABLE_SIZE);
/** Standard normal quantiles. */
export const NORMAL_Q = new Float64Array(TABLE_SIZE);

for (let i = 0; i < TABLE_SIZE; i++) {
  const p = (i + 0.5) / TABLE_SIZE;
  EXP_Q[i] = -Math.log(1 - p);
  NORMAL_Q[i] = inverseNormal(p);
}

/** Lognormal factors with median 1 and the given sigma of the underlying normal. */
export function lognormalTable(sigma: number): Float64Array {
  const t = new Float64Array(TABLE_SIZE);
  for (let i = 0; i < TABLE_SIZE; i++) t[i] = Math.exp(sigma * NORMAL_Q[i]);
  return t;
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function inverseNormal(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - lo) return -inverseNormal(1 - p);
  const q = p - 0.5,
    r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * Walker's alias table over `n` items with Zipf weights 1/(i+1)^s: one uniform draw gives an item
 * in O(1) (the fractional part of u·n decides between the slot and its alias).
 */
export class ZipfAlias {
  readonly prob: Float64Array;
  readonly alias: Int32Array;

  constructor(
    readonly n: number,
    s = 1,
  ) {
    const w = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      w[i] = 1 / (i + 1) ** s;
      sum += w[i];
    }
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = new Float64Array(n);
    const small: number[] = [],
      large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = (w[i] * n) / sum;
      (scaled[i] < 1 ? small : large).push(i);
    }
    while (small.length && large.length) {
      const l = small.pop()!,
        g = large.pop()!;
      this.prob[l] = scaled[l];
      this.alias[l] = g;
      scaled[g] = scaled[g] + scaled[l] - 1;
      (scaled[g] < 1 ? small : large).push(g);
    }
    for (const i of large) {
      this.prob[i] = 1;
      this.alias[i] = i;
    }
    for (const i of small) {
      this.prob[i] = 1;
      this.alias[i] = i;
    }
  }

  /** The item for a uniform draw u in [0, 1). */
  pick(u: number): number {
    const x = u * this.n;
    const i = x | 0;
    return x - i < this.prob[i] ? i : this.alias[i];
  }

  /** Probability of item i (for tests). */
  static weight(n: number, i: number, s = 1): number {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += 1 / (k + 1) ** s;
    return 1 / (i + 1) ** s / sum;
  }
}
