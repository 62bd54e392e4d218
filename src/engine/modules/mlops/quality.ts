import type { AutomlMetric } from '../../../catalog/automl';
import { propsByName } from '../../../catalog/kinds';
import type { Graph } from '../../../model/graph';
import { Rng } from '../../rng';
import { labelSource, pointInTimeLeaks, scalerLeaks, skewStore } from './lineage';
import { fitEffect } from './fit-effect';
import { brokenInput, PREP, prepLeaks } from '../shared/prep';
import { EXPLAIN, leakedColumns } from '../shared/explain';
import { expiringLookups, FEATURE_STORE, unsyncedReads } from './feature-store';
import { labelShortfall, validationSpread, type LabelShortfall } from '../shared/feasibility';
import { automlMetricValue } from '../shared/automl-metric';

/**
 * The model-quality signal: what a trained model scores in validation and what it really does in
 * production, set by the design. Pure and seeded: the same graph, seed, training job and version give
 * the same numbers.
 *
 * One hidden number drives everything: the model's skill (an AUC, 0.5 = guessing, 1 = perfect).
 * - A model's true skill is seeded per version: 0.84–0.90.
 * - Trained on imbalanced labels (positive class ratio < 0.1 or > 0.9) without treating the imbalance
 *   (training-job `imbalance` "none": no class weights such as XGBoost's scale_pos_weight, no resampling),
 *   it is a majority-class model: skill 0.50–0.54. Its validation accuracy is about 1 − minority share,
 *   so an accuracy gate passes it (misleading-accuracy: the jobs module records it on a training job whose
 *   evalMetric is accuracy, the pipeline on a condition step judging by accuracy) and it fails in
 *   production; an AUC or F1 gate sees it for what it is and blocks it. Class weights or resampling give
 *   a model of normal skill.
 * - Validation sees leaked information: +0.07 when a processing job upstream fit its scaler on the full
 *   dataset (scaler-leakage), +0.09 when a feature store fed training without an event-time filter
 *   (point-in-time-leakage), +0.10 when a column set after the outcome reaches training (label-leakage, see
 *   shared/explain.ts). Production does not: it sees the true skill.
 * - Served by an endpoint whose features do not come from the feature store that fed training, the
 *   model loses 0.12 in production (training-serving-skew).
 * - Served by an endpoint whose online store deletes records (TTL) before they are written again, the model
 *   loses 0.3 × the share of empty lookups in production (online-record-expired, feature-store.ts).
 * - Trained from an offline store queried less than 15 minutes after its ingestion (the newest batch not yet in
 *   S3), the model loses 0.08 in production; validation, on the same stale set, does not show it
 *   (offline-store-not-synced).
 * - Trained on fewer labelled rows than its model needs (shared/feasibility.ts labelShortfall:
 *   too-little-labelled-data), a model is near chance: skill 0.5 + 0.1 × rows ÷ needed + up to 0.04 (seeded), and
 *   validation, measured on a 20% split of those rows, misses it by up to ±0.5 ÷ √(0.2 × rows) (at most ±0.15):
 *   each version scores differently.
 * - Linear Learner on data whose signal is in feature interactions loses 0.15 everywhere (fit-effect.ts,
 *   linear-model-on-interactions).
 * - Trained in the run on a broken batch (over 30% of the input cells missing, shared/prep.ts brokenInput), a
 *   version loses 0.1 (trained-on-bad-data); version 0 was trained before the batch arrived.
 * Metrics follow from skill and the class mix m (the minority share): auc = skill; accuracy =
 * (1 − m) + 2m·0.95·(skill − 0.5) — a majority-class model scores 1 − m; f1 = 2(skill − 0.5)(0.5 + m);
 * r2 = 2·skill − 1; rmse = 2(1 − skill); mae = 1.5(1 − skill); logloss = −ln(skill). In production,
 * accuracy is judged per class (balanced accuracy, what a model-quality monitor with ground truth
 * shows): 0.5 + 0.95·(skill − 0.5), so a majority-class model scores 0.5 there.
 */

export const QUALITY = {
  baseSkill: 0.84,
  skillSpread: 0.06,
  degenerateSkill: 0.5,
  degenerateSpread: 0.04,
  scalerLeakage: 0.07,
  pointInTimeLeakage: 0.09,
  skewPenalty: 0.12,
  maxSkill: 0.995,
  /** Minority share under which accuracy misleads (the sheet: ratio below 0.1 or above 0.9). */
  imbalance: 0.1,
} as const;

export const METRICS = ['auc', 'accuracy', 'f1', 'r2', 'rmse', 'mae', 'logloss'] as const;
/** Metrics where lower is better. */
export const LOWER_IS_BETTER: readonly string[] = ['rmse', 'mae', 'logloss'];

/** A cause that moves validation or production away from the true skill, on the node where it sits. */
export interface QualityCause {
  rule:
    | 'scaler-leakage'
    | 'point-in-time-leakage'
    | 'training-serving-skew'
    | 'target-encoding-leakage'
    | 'resampling-before-split'
    | 'label-leakage'
    | 'offline-store-not-synced';
  node: string;
  /** What the rule's message needs beyond the version's figures (label-leakage: the column). */
  vars?: Record<string, string>;
}

/** What a model version scores. */
export interface ModelQuality {
  /** The training job's evalMetric: the figure the report shows. */
  metric: string;
  /** True skill (AUC) and what validation saw. */
  skill: number;
  validationSkill: number;
  /** Positive class ratio of the training labels. */
  positiveClassRatio: number;
  /** Leakage causes (validation inflated). */
  causes: QualityCause[];
  /** One line per effect, for the log and the why? panel. */
  explain: string[];
  /** Too few labelled rows (too-little-labelled-data), with the validation spread they give; null when enough. */
  labels: (LabelShortfall & { spread: number }) | null;
  /** A linear model on data with feature interactions: the bucket (linear-model-on-interactions); null otherwise. */
  interactions: string | null;
  /**
   * An Autopilot best candidate: `metric` is its objective (Autopilot's spelling) and every figure is on Autopilot's
   * scale (shared/automl-metric.ts), skill being the candidate's quality.
   */
  automl?: AutomlMetric;
}

/** A metric's value for a skill and a class mix; NaN for a metric the simulator does not know. */
export function metricValue(metric: string, skill: number, minority: number, production = false): number {
  switch (metric) {
    case 'auc':
      return skill;
    case 'accuracy':
      return production ? 0.5 + 0.95 * (skill - 0.5) : 1 - minority + 2 * minority * 0.95 * (skill - 0.5);
    case 'f1':
      return Math.max(0, 2 * (skill - 0.5) * (0.5 + minority));
    case 'r2':
      return 2 * skill - 1;
    case 'rmse':
      return 2 * (1 - skill);
    case 'mae':
      return 1.5 * (1 - skill);
    case 'logloss':
      return -Math.log(skill);
    default:
      return Number.NaN;
  }
}

/** Whether `value` meets `threshold` under a condition step's operator. NaN never does. */
export const meets = (value: number, op: string, threshold: number): boolean =>
  Number.isFinite(value) && (op === '<=' ? value <= threshold : value >= threshold);

const minorityOf = (ratio: number) => Math.min(ratio, 1 - ratio);
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** The quality of version `version` of a training job's model (version 0 = the model from before the run). */
export function trainingQuality(g: Graph, training: string, seed: number, version: number): ModelQuality {
  const t = g.node(training);
  const metric = String(propsByName(t.props).evalMetric ?? 'auc');
  const ratio = labelSource(g, training)?.props.positiveClassRatio ?? 0.5;
  const minority = minorityOf(ratio);
  const rng = Rng.derive(seed, `quality:${training}:${version}`);
  const explain: string[] = [];
  let skill: number;
  // untreated, a rare positive class gives a majority-class model whatever the metric (the metric only decides
  // whether anyone notices); class weights (`imbalance`, scale_pos_weight) or resampling treat it
  const fit = fitEffect(g, g.nodeOf(training, 'training-job'), seed, version, ratio);
  if (minority < QUALITY.imbalance && !fit.imbalanceTreated) {
    skill = QUALITY.degenerateSkill + QUALITY.degenerateSpread * rng.next();
    explain.push(
      `trained on labels with positive class ratio ${ratio} without class weights or resampling: a ` +
        `majority-class model (skill ${r3(skill)})`,
    );
  } else {
    skill = QUALITY.baseSkill + QUALITY.skillSpread * rng.next();
    explain.push(`true skill ${r3(skill)} (seeded)`);
  }
  if (fit.skill !== null) {
    skill = fit.skill;
    explain.push(...fit.explain);
  } else if (fit.penalty > 0) {
    skill = Math.max(QUALITY.degenerateSkill, skill - fit.penalty);
    explain.push(...fit.explain);
  }
  const short = labelShortfall(g, training);
  const labelRng = Rng.derive(seed, `labels:${training}:${version}`);
  const spread = short ? validationSpread(short.rows) : 0;
  if (short) {
    skill = QUALITY.degenerateSkill + 0.1 * (short.rows / short.needed) + 0.04 * labelRng.next();
    explain.push(
      `${short.rows} labelled rows in ${short.bucket} for ${short.features} features (${short.algorithm} needs ` +
        `about ${short.needed}): skill ${r3(skill)}, validation ±${r3(spread)}`,
    );
  }
  const broken = version > 0 ? brokenInput(g, training) : null;
  if (broken) {
    skill = Math.max(QUALITY.degenerateSkill, skill - PREP.brokenPenalty);
    explain.push(
      `−${PREP.brokenPenalty}: ${Math.round(broken.missing * 100)}% of the input cells empty (a broken batch)`,
    );
  }
  // a small validation split measures the model roughly: its figure swings around the true skill
  let validationSkill = short ? Math.max(0.35, skill + spread * (2 * labelRng.next() - 1)) : skill;
  const causes: QualityCause[] = [];
  // validation is drawn from the same stale set; production sees the batch the model never learned from
  const unsynced = unsyncedReads(g, training);
  if (unsynced.length) {
    const u = unsynced[0];
    skill = Math.max(QUALITY.degenerateSkill, skill - FEATURE_STORE.unsyncedPenalty);
    causes.push({
      rule: 'offline-store-not-synced',
      node: training,
      vars: { featureStore: u.store.id, ingest: u.ingest.id, startMin: String(u.startMin) },
    });
    explain.push(
      `−${FEATURE_STORE.unsyncedPenalty} in production only: ${training} queried ${u.store.id}'s offline store ` +
        `${u.startMin} min after ${u.ingest.id} ingested (S3 gets the batch within ` +
        `${FEATURE_STORE.offlineSyncMin} min)`,
    );
  }
  for (const p of scalerLeaks(g, training)) {
    validationSkill += QUALITY.scalerLeakage;
    causes.push({ rule: 'scaler-leakage', node: p.id });
    explain.push(`+${QUALITY.scalerLeakage} in validation only: ${p.id} fit its scaler on the full dataset`);
  }
  for (const f of pointInTimeLeaks(g, training)) {
    validationSkill += QUALITY.pointInTimeLeakage;
    causes.push({ rule: 'point-in-time-leakage', node: f.id });
    explain.push(
      `+${QUALITY.pointInTimeLeakage} in validation only: ${f.id} has no event-time feature (no point-in-time filter)`,
    );
  }
  for (const leak of prepLeaks(g, training)) {
    validationSkill += leak.bump;
    causes.push({ rule: leak.rule, node: leak.node });
    const how =
      leak.rule === 'target-encoding-leakage' ? 'target encoding fitted on every row' : 'SMOTE before the split';
    explain.push(`+${leak.bump} in validation only: ${leak.node} (${how})`);
  }
  for (const leak of leakedColumns(g, training)) {
    validationSkill += EXPLAIN.leakBump;
    causes.push({ rule: 'label-leakage', node: leak.node, vars: { feature: leak.feature } });
    explain.push(
      `+${EXPLAIN.leakBump} in validation only: column ${leak.feature} of ${leak.node} is set after the outcome`,
    );
  }
  return {
    metric,
    skill,
    validationSkill: Math.min(QUALITY.maxSkill, validationSkill),
    positiveClassRatio: ratio,
    causes,
    explain,
    labels: short ? { ...short, spread: r3(spread) } : null,
    interactions: fit.interactions?.bucket ?? null,
  };
}

/** The validation value of a metric (what a condition step compares). */
export const validationValue = (q: ModelQuality, metric = q.metric): number =>
  q.automl && metric === q.metric
    ? automlMetricValue(q.automl, q.validationSkill)
    : metricValue(metric, q.validationSkill, minorityOf(q.positiveClassRatio));

/** What the model does in production on an endpoint: its true skill, less the skew penalty. */
export function servingQuality(
  g: Graph,
  q: ModelQuality,
  training: string | null,
  endpoint: string,
): {
  production: number;
  skew: QualityCause | null;
  featureStore: string | null;
  expired: Record<string, string | number> | null;
} {
  const store = training ? skewStore(g, training, endpoint) : null;
  let skill = store ? Math.max(0.5, q.skill - QUALITY.skewPenalty) : q.skill;
  const exp = expiringLookups(g, endpoint);
  if (exp) skill = Math.max(0.5, skill - FEATURE_STORE.emptyLookupPenalty * exp.share);
  return {
    production: q.automl
      ? automlMetricValue(q.automl, skill)
      : metricValue(q.metric, skill, minorityOf(q.positiveClassRatio), true),
    skew: store ? { rule: 'training-serving-skew', node: endpoint } : null,
    featureStore: store?.id ?? null,
    expired: exp && expiredVars(exp),
  };
}

/** The figures of online-record-expired for an endpoint's expiring lookups. */
export const expiredVars = (e: NonNullable<ReturnType<typeof expiringLookups>>): Record<string, string | number> => ({
  featureStore: e.store.id,
  emptyPct: Math.round(e.share * 100),
  ttlH: e.ttlH,
  everyH: e.everyH,
});
