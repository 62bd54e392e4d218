import type { Rng } from '../../rng';

/**
 * The statistics a monitoring run computes over the traffic captured since its last run. Pure given
 * the random stream: the same seed gives the same figures.
 */

/** Model Monitor's default drift threshold (baseline_drift_check distance). */
export const DRIFT_THRESHOLD = 0.1;
/** Features the simulated data-quality report names. */
export const FEATURES = ['income', 'age', 'tenure_months', 'num_purchases', 'region'] as const;
/** Records a run samples at most (a monitoring job reads a sample of the capture). */
export const MAX_SAMPLE = 20_000;

/**
 * Distribution distance of the most drifted feature: 0.02–0.06 of sampling noise, plus the
 * magnitude of an active data-drift fault.
 */
export function driftDistance(rng: Rng, magnitude: number): { feature: string; distance: number } {
  const feature = FEATURES[magnitude > 0 ? 0 : rng.int(FEATURES.length)];
  return { feature, distance: 0.02 + 0.04 * rng.next() + magnitude };
}

/** A binomial draw (normal approximation, clamped): positives among n with rate p. */
function positives(rng: Rng, n: number, p: number): number {
  return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * rng.normal())));
}

/**
 * Disparate impact (DI) of the captured predictions: the positive-prediction rate of the disfavoured
 * group (b) over the favoured group's (a). Group a's rate is 0.45–0.55; group b's is 0.95–1.03 of it
 * (fair), lowered by a bias-shift fault's magnitude: rate_b = rate_a × ratio × (1 − shift). The rates
 * are then observed on the captured records, split evenly between the groups.
 */
export function disparateImpact(
  rng: Rng,
  captured: number,
  shift: number,
): { di: number; rateA: number; rateB: number; sample: number } {
  const n = Math.min(captured, MAX_SAMPLE);
  const nA = Math.floor(n / 2),
    nB = n - nA;
  const pA = 0.45 + 0.1 * rng.next();
  const pB = Math.min(1, pA * (0.95 + 0.08 * rng.next()) * (1 - shift));
  const rateA = nA ? positives(rng, nA, pA) / nA : pA;
  const rateB = nB ? positives(rng, nB, pB) / nB : pB;
  return { di: rateA > 0 ? rateB / rateA : 1, rateA, rateB, sample: n };
}
