import { ATTRIBUTION_NDCG_THRESHOLD } from '../../../catalog/explain';
import type { GNode, Graph } from '../../../model/graph';
import { Rng } from '../../rng';
import { dataLineage, prepUpstream } from './prep';

/**
 * Explainability of a trained model (pure, seeded): the leaked columns that reach a training job, and the global
 * SHAP attributions (share of the total mean |SHAP| value per feature) that SageMaker Clarify reports for its model,
 * at validation (the data it was trained on) and live (captured traffic). Our own model:
 * - A feature column's attribution falls with its place in the bucket's featureNames (about 1 ÷ rank, ±20%, seeded).
 * - A leaked column (a bucket's leakyFeature that no prep step upstream drops) carries 60–75% of the total: the
 *   model answers from it. Live, the column is empty (its value is not known yet at prediction time): its share
 *   falls to about 2% and the other features carry the rest, so the ranking changes and the nDCG of live vs
 *   baseline drops below 0.9 (the feature-attribution monitor's threshold, AWS docs). Without a leak live traffic
 *   ranks the features as the baseline did (small seeded noise).
 */
export const EXPLAIN = {
  /** Validation-only skill a leaked column adds (AUC). */
  leakBump: 0.1,
  leakShareMin: 0.6,
  leakShareSpread: 0.15,
  liveLeakShare: 0.02,
  defaultFeatures: 5,
  ndcgThreshold: ATTRIBUTION_NDCG_THRESHOLD,
} as const;

/** A feature's share of the model's total mean |SHAP| attribution. */
export interface Attribution {
  feature: string;
  share: number;
}

/** Columns that leak the label into a training job: each bucket's leakyFeature that no prep step upstream drops. */
export function leakedColumns(g: Graph, training: string): { feature: string; node: string }[] {
  const dropped = new Set<string>();
  for (const p of prepUpstream(g, training))
    for (const c of Array.isArray(p.props.dropColumns) ? p.props.dropColumns : []) dropped.add(String(c).trim());
  const out: { feature: string; node: string }[] = [];
  for (const n of dataLineage(g, training)) {
    if (n.kind !== 's3-bucket') continue;
    const f = (n as GNode<'s3-bucket'>).props.leakyFeature;
    if (typeof f === 'string' && f.trim() && !dropped.has(f.trim())) out.push({ feature: f.trim(), node: n.id });
  }
  return out;
}

/** The feature columns of the data a training job reads (dropped columns removed), leaked ones excluded. */
function featureColumns(g: Graph, training: string, leaked: Set<string>): string[] {
  const dropped = new Set(
    prepUpstream(g, training).flatMap((p) =>
      Array.isArray(p.props.dropColumns) ? p.props.dropColumns.map(String) : [],
    ),
  );
  const names: string[] = [];
  for (const n of dataLineage(g, training))
    if (n.kind === 's3-bucket')
      for (const f of (n as GNode<'s3-bucket'>).props.featureNames ?? [])
        if (!names.includes(f) && !dropped.has(f) && !leaked.has(f)) names.push(f);
  if (names.length) return names;
  return Array.from({ length: EXPLAIN.defaultFeatures }, (_, i) => `feature_${i + 1}`);
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const byShare = (a: Attribution, b: Attribution) => b.share - a.share || a.feature.localeCompare(b.feature);

/**
 * Global SHAP attributions of a training job's model, largest first, shares summing to 1: `baseline` over the
 * training data (what a post-training Clarify explainability job and a monitor's baseline see), `live` over
 * production traffic.
 */
export function shapAttributions(
  g: Graph,
  training: string,
  seed: number,
): { baseline: Attribution[]; live: Attribution[]; leaked: string[] } {
  const leaks = leakedColumns(g, training).map((l) => l.feature);
  const leaked = [...new Set(leaks)];
  const rng = Rng.derive(seed, `shap:${training}`);
  const base = featureColumns(g, training, new Set(leaked)).map((feature, i) => ({
    feature,
    w: (1 / (i + 1)) * (0.8 + 0.4 * rng.next()),
  }));
  const leakShare = leaked.length ? EXPLAIN.leakShareMin + EXPLAIN.leakShareSpread * rng.next() : 0;
  const total = base.reduce((a, b) => a + b.w, 0);
  const spread = (rest: number, noise: boolean): Attribution[] =>
    base.map((b) => ({ feature: b.feature, share: ((b.w * (noise ? 0.95 + 0.1 * rng.next() : 1)) / total) * rest }));
  const leakedAt = (share: number): Attribution[] =>
    leaked.map((feature) => ({ feature, share: share / leaked.length }));
  const norm = (xs: Attribution[]) => {
    const sum = xs.reduce((a, b) => a + b.share, 0) || 1;
    return xs.map((x) => ({ feature: x.feature, share: r3(x.share / sum) })).sort(byShare);
  };
  const baseline = norm([...leakedAt(leakShare), ...spread(1 - leakShare, false)]);
  const liveLeak = leaked.length ? EXPLAIN.liveLeakShare : 0;
  const live = norm([...leakedAt(liveLeak), ...spread(1 - liveLeak, true)]);
  return { baseline, live, leaked };
}

/**
 * The nDCG of the live ranking against the baseline attributions (relevance = the baseline share), as the
 * feature-attribution monitor computes it: 1 when live ranks the features as the baseline does.
 */
export function attributionNdcg(baseline: Attribution[], live: Attribution[]): number {
  const rel = new Map(baseline.map((a) => [a.feature, a.share]));
  const gain = (xs: number[]) => xs.reduce((a, r, i) => a + r / Math.log2(i + 2), 0);
  const ideal = gain(baseline.map((a) => a.share));
  if (ideal <= 0) return 1;
  return r3(gain(live.map((a) => rel.get(a.feature) ?? 0)) / ideal);
}

/** "name 0.71, name 0.08, …": the top `n` attributions, for a log line. */
export const formatAttributions = (xs: Attribution[], n = 5): string =>
  xs
    .slice(0, n)
    .map((a) => `${a.feature} ${a.share}`)
    .join(', ');
