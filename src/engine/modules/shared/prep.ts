import { instanceType } from '../../../catalog/instances';
import type { GNode, Graph } from '../../../model/graph';
import { FALLBACK_INSTANCE_TYPE } from '../../../catalog/prices';
import { datasetGB, sourcesOf } from './data';

/**
 * Feature engineering as a choice with consequences (pure): what the transforms of the processing jobs and Data
 * Wrangler flows upstream of a training job do to its model, given the traits of the data (s3-bucket skew,
 * missingRatio, outliers, cardinality). Our own model of the sheet's feature-engineering table:
 * - Target encoding fitted on all rows puts each row's own label into its feature: validation +0.06, not in
 *   production (target-encoding-leakage); out-of-fold target encoding does not.
 * - SMOTE before the train/validation split puts synthetic neighbours of validation rows into training:
 *   validation +0.05 (resampling-before-split). SMOTE on the training split treats a rare class, as class
 *   weights do.
 * - One-hot encoding makes a column per category: a dataset whose largest categorical column has `cardinality`
 *   values grows about (19 + cardinality) ÷ 20 times (one of some 20 columns expands); scikit-learn holds it in
 *   one instance's memory, Data Wrangler in its instance's (one-hot-high-cardinality). PySpark encodes to sparse
 *   vectors and is not affected.
 * - Scale-sensitive algorithms (K-Means distances, a script-mode neural network's gradients, Linear Learner and
 *   Factorization Machines for skew) lose AUC on untreated data: right skew without a log transform −0.03,
 *   raw features (a bucket with skew or outliers) not scaled for K-Means or a neural network −0.03, outliers stretching
 * a min-max scale without clipping −0.02.
 *   Missing values (over 1%) not imputed −0.05 for every algorithm but XGBoost, which handles missing values
 *   itself; a mean imputed under outliers −0.02 (the median is robust). Trees (XGBoost, Random Cut Forest) do not
 *   care about scale or skew.
 * - A broken batch (over 30% of cells missing: an upstream export lost a column) costs every model trained on it
 *   in the run −0.1, imputed or not (brokenInput; the mlops quality signal applies it to versions trained in the
 *   run, not to version 0, trained before the batch arrived); a data-quality gate in the processing step stops it
 *   (qualityGate).
 */
export const PREP = {
  targetLeak: 0.06,
  smoteLeak: 0.05,
  columns: 20,
  skewPenalty: 0.03,
  unscaledPenalty: 0.03,
  outlierScalePenalty: 0.02,
  missingPenalty: 0.05,
  meanImputePenalty: 0.02,
  missingFloor: 0.01,
  /** Input with more than this share of cells missing is a broken batch (trained-on-bad-data). */
  brokenMissing: 0.3,
  brokenPenalty: 0.1,
  /** A pandas join holds both sides and the result: about twice its inputs in memory (join-out-of-memory). */
  joinMemoryFactor: 2,
  /** Data Wrangler's default instance (ml.m5.4xlarge). */
  wranglerInstance: 'ml.m5.4xlarge',
} as const;

const SCALE_SENSITIVE = ['kmeans', 'custom'];
const SKEW_SENSITIVE = ['kmeans', 'custom', 'linear-learner', 'factorization-machines'];

/** Kinds through which data flows into a job (pipeline step edges are edges too). */
const DATA_KINDS = ['s3-bucket', 'data-source', 'processing-job', 'data-wrangler', 'feature-store'] as const;

/** Every node upstream of a node along data edges (buckets, sources, prep jobs, feature stores), in document order. */
export function dataLineage(g: Graph, id: string): GNode[] {
  const seen = new Set<string>([id]);
  const out: GNode[] = [];
  const stack = [id];
  while (stack.length) {
    for (const p of g.in(stack.pop()!, ...DATA_KINDS)) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      out.push(p);
      stack.push(p.id);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The transforms a prep node applies. */
export const transformsOf = (n: GNode<'processing-job' | 'data-wrangler'>): string[] =>
  Array.isArray(n.props.transforms) ? n.props.transforms.map(String) : [];

/** Processing jobs and Data Wrangler flows upstream of a training job. */
export const prepUpstream = (g: Graph, training: string): GNode<'processing-job' | 'data-wrangler'>[] =>
  dataLineage(g, training).filter(
    (n): n is GNode<'processing-job' | 'data-wrangler'> => n.kind === 'processing-job' || n.kind === 'data-wrangler',
  );

/** The traits of the data a node reads (worst case over its buckets). */
export function traitsOf(nodes: GNode[]): { skew: boolean; missing: number; outliers: boolean; cardinality: number } {
  const buckets = nodes.filter((n): n is GNode<'s3-bucket'> => n.kind === 's3-bucket');
  return {
    skew: buckets.some((b) => b.props.skew === 'right'),
    missing: Math.max(0, ...buckets.map((b) => Number(b.props.missingRatio) || 0)),
    outliers: buckets.some((b) => b.props.outliers === true),
    cardinality: Math.max(1, ...buckets.map((b) => Number(b.props.cardinality) || 1)),
  };
}

/** one-hot-high-cardinality: one-hot encoding that does not fit in memory. */
export function oneHotProblem(
  g: Graph,
  n: GNode<'processing-job' | 'data-wrangler'>,
): { rule: string; vars: Record<string, string | number> } | null {
  if (!transformsOf(n).includes('one-hot')) return null;
  if (n.kind === 'processing-job' && n.props.framework === 'pyspark') return null;
  const t = traitsOf([...dataLineage(g, n.id), ...g.inputsOf(n.id)]);
  const gb = datasetGB(g, n.id);
  const expandedGB = (gb * (PREP.columns - 1 + t.cardinality)) / PREP.columns;
  const type = n.kind === 'data-wrangler' ? PREP.wranglerInstance : FALLBACK_INSTANCE_TYPE;
  const memory = instanceType(type)?.memoryGiB ?? 16;
  if (expandedGB <= memory) return null;
  return {
    rule: 'one-hot-high-cardinality',
    vars: {
      cardinality: t.cardinality,
      datasetGB: Math.round(gb * 100) / 100,
      expandedGB: Math.round(expandedGB),
      memoryGiB: memory,
      instanceType: type,
    },
  };
}

/** Transforms upstream of a training job that leak validation information, with what they add to validation. */
export function prepLeaks(
  g: Graph,
  training: string,
): { rule: 'target-encoding-leakage' | 'resampling-before-split'; node: string; bump: number }[] {
  const out: { rule: 'target-encoding-leakage' | 'resampling-before-split'; node: string; bump: number }[] = [];
  for (const p of prepUpstream(g, training)) {
    const t = transformsOf(p);
    if (t.includes('target-encoding')) out.push({ rule: 'target-encoding-leakage', node: p.id, bump: PREP.targetLeak });
    if (t.includes('smote-before-split'))
      out.push({ rule: 'resampling-before-split', node: p.id, bump: PREP.smoteLeak });
  }
  return out;
}

/** Whether the prep upstream resamples the rare class (SMOTE on the split or before it). */
export const prepResamples = (g: Graph, training: string): boolean =>
  prepUpstream(g, training).some((p) => transformsOf(p).some((t) => t === 'smote' || t === 'smote-before-split'));

/** AUC a training job's model loses to data it was not prepared for, with one line per effect. */
export function prepPenalty(g: Graph, t: GNode<'training-job'>): { penalty: number; explain: string[] } {
  const alg = String(t.props.algorithm);
  const lineage = dataLineage(g, t.id);
  const traits = traitsOf(lineage);
  const applied = new Set(prepUpstream(g, t.id).flatMap(transformsOf));
  const explain: string[] = [];
  let penalty = 0;
  const add = (x: number, why: string) => {
    penalty += x;
    explain.push(`−${x}: ${why}`);
  };
  if (traits.skew && SKEW_SENSITIVE.includes(alg) && !applied.has('log'))
    add(PREP.skewPenalty, `right-skewed features without a log transform (${alg})`);
  const scaled = applied.has('min-max') || applied.has('z-score');
  // raw numeric features (the bucket declares skew or outliers) on a distance- or gradient-based model
  if (SCALE_SENSITIVE.includes(alg) && (traits.skew || traits.outliers) && !scaled)
    add(PREP.unscaledPenalty, `features on different scales, not scaled (${alg})`);
  if (traits.outliers && SCALE_SENSITIVE.includes(alg) && applied.has('min-max') && !applied.has('clip-outliers'))
    add(PREP.outlierScalePenalty, 'outliers stretch the min-max scale (no clipping)');
  const imputed = applied.has('mean-impute') || applied.has('median-impute');
  if (traits.missing > PREP.missingFloor && alg !== 'xgboost' && !imputed)
    add(PREP.missingPenalty, `${Math.round(traits.missing * 100)}% missing values not imputed (${alg})`);
  if (
    traits.missing > PREP.missingFloor &&
    traits.outliers &&
    applied.has('mean-impute') &&
    !applied.has('median-impute')
  )
    add(PREP.meanImputePenalty, 'missing values imputed with a mean that outliers drag');
  return { penalty: Math.round(penalty * 1000) / 1000, explain };
}

/** trained-on-bad-data: the share of missing cells of a training job's input, when it is a broken batch. */
export function brokenInput(g: Graph, training: string): { missing: number } | null {
  const { missing } = traitsOf(dataLineage(g, training));
  return missing > PREP.brokenMissing ? { missing } : null;
}

/** The DQDL text of a quality rule, for the failure reason. */
const DQDL: Record<string, (min: number) => string> = {
  completeness: (min) => `Completeness "*" >= ${min}`,
  range: () => 'ColumnValues "*" between the profiled bounds',
};

/**
 * data-quality-check-failed: the first of a processing job's qualityRules its input fails (the input's own
 * buckets and everything upstream of them): completeness when 1 − missingRatio < minCompleteness, range when
 * the data has outliers. Null when every rule passes or the job has none.
 */
export function qualityGate(
  g: Graph,
  n: GNode<'processing-job'>,
): { rule: 'data-quality-check-failed'; vars: Record<string, string | number> } | null {
  const rules = Array.isArray(n.props.qualityRules) ? n.props.qualityRules.map(String) : [];
  if (!rules.length) return null;
  const inputs = g.in(n.id, 's3-bucket', 'data-source', 'feature-store');
  const t = traitsOf([...dataLineage(g, n.id), ...inputs]);
  const min = Number(n.props.minCompleteness);
  const input = inputs.map((x) => x.id).join(', ') || n.id;
  for (const r of rules) {
    const dqdl = DQDL[r]?.(min) ?? r;
    if (r === 'completeness' && 1 - t.missing < min)
      return {
        rule: 'data-quality-check-failed',
        vars: { input, dqdl, measured: Math.round((1 - t.missing) * 1000) / 1000 },
      };
    if (r === 'range' && t.outliers)
      return { rule: 'data-quality-check-failed', vars: { input, dqdl, measured: 'values outside the bounds' } };
  }
  return null;
}

/**
 * join-out-of-memory: a scikit-learn (pandas) processing job joining two or more sources holds both sides and the
 * joined result in one instance's memory — about twice the inputs (our own model) — and fails when that exceeds
 * the instance's memory. PySpark spreads a join over its instances and spills to disk
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/use-spark-processing-container.html); so do Glue and Spark on
 * EMR.
 */
export function joinProblem(
  g: Graph,
  n: GNode<'processing-job'>,
): { rule: 'join-out-of-memory'; vars: Record<string, string | number> } | null {
  if (n.props.framework === 'pyspark') return null;
  const sources = sourcesOf(g, n.id);
  if (sources.length < 2) return null;
  const gb = sources.reduce((a, s) => a + s.gb, 0);
  const type = String(n.props.instanceType ?? FALLBACK_INSTANCE_TYPE);
  const memory = instanceType(type)?.memoryGiB ?? 16;
  const needGB = gb * PREP.joinMemoryFactor;
  if (needGB <= memory) return null;
  return {
    rule: 'join-out-of-memory',
    vars: {
      inputs: sources.map((s) => s.node.id).join(' and '),
      datasetGB: Math.round(gb * 100) / 100,
      needGB: Math.round(needGB),
      memoryGiB: memory,
      instanceType: type,
    },
  };
}
