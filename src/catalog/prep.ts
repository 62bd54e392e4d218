/**
 * Props of data preparation (exam domain 1): the traits of a dataset that make feature engineering matter, and
 * the transforms a processing job or Data Wrangler flow applies. Our own props (not in the format.md contract);
 * their defaults (a clean dataset, no transform) keep a design that does not set them as it was.
 *
 * Sources: Data Wrangler's built-in transforms (encode categorical: one-hot, ordinal; handle missing: impute;
 * handle outliers; process numeric: standard and min-max scalers; balance data: random over/undersampling, SMOTE),
 * https://docs.aws.amazon.com/sagemaker/latest/dg/data-wrangler-transform.html; target encoding, binning, log and
 * PCA are custom transforms (PySpark / pandas / scikit-learn in a processing job).
 */
import type { PropDef } from './types';

/** Transforms SageSim knows, in the names the sheet's feature-engineering table uses. */
export const TRANSFORMS = [
  'min-max',
  'z-score',
  'log',
  'binning',
  'one-hot',
  'label-encoding',
  'binary-encoding',
  'target-encoding',
  'target-encoding-oof',
  'mean-impute',
  'median-impute',
  'clip-outliers',
  'dedup',
  'smote',
  'smote-before-split',
  'pca',
  'facet-rebalance',
] as const;
export type Transform = (typeof TRANSFORMS)[number];

const own = <const P extends PropDef>(p: P): P & { contract: false } => ({ ...p, contract: false });

/** s3-bucket: what the data is like. */
export const DATASET_TRAIT_PROPS = {
  skew: own({
    type: 'enum',
    label: 'Numeric skew',
    options: ['none', 'right'],
    default: 'none',
    help:
      'Right-skewed numeric features (amounts, counts, durations): a log transform helps linear, distance and ' +
      'neural models; trees do not care.',
  }),
  missingRatio: own({
    type: 'number',
    label: 'Missing values',
    default: 0,
    min: 0,
    max: 1,
    step: 0.01,
    help:
      'Share of missing cells. XGBoost handles missing values itself; other algorithms need them imputed (median ' +
      'under outliers).',
  }),
  outliers: own({
    type: 'boolean',
    label: 'Outliers',
    default: false,
    help: 'Extreme values: they drag a mean (impute with the median instead) and stretch min-max scaling (clip them).',
  }),
  cardinality: own({
    type: 'number',
    label: 'Category cardinality',
    default: 10,
    integer: true,
    min: 1,
    max: 100_000_000,
    help:
      'Distinct values of the largest categorical column. One-hot encoding makes a column per value: fine for ' +
      'tens, not for 50,000.',
  }),
} satisfies Record<string, PropDef>;

/** s3-bucket: how a sensitive facet (e.g. an age group) is represented, for Clarify's pre-training bias metrics. */
export const DATASET_FACET_PROPS = {
  facetShare: own({
    type: 'number',
    label: 'Facet share',
    default: 0.5,
    min: 0,
    max: 1,
    step: 0.01,
    help:
      'Share of rows in the disadvantaged facet d. Clarify class imbalance CI = (na − nd) ÷ (na + nd) = 1 − 2 × ' +
      'share.',
  }),
  labelRateGap: own({
    type: 'number',
    label: 'Label rate gap',
    default: 0,
    min: -1,
    max: 1,
    step: 0.01,
    help: 'Positive-label rate of the advantaged facet minus the disadvantaged one: Clarify DPL = qa − qd.',
  }),
} satisfies Record<string, PropDef>;

/**
 * clarify: the limits a pre-training bias report is held to (our defaults; AWS reports the metrics, you judge them).
 */
export const CLARIFY_PRETRAINING_PROPS = {
  maxClassImbalance: own({
    type: 'number',
    label: 'Max |CI|',
    default: 0.5,
    min: 0,
    max: 1,
    step: 0.01,
    help: 'Class imbalance (CI) in [−1, 1]; 0 = both facets equally represented. Above this, the report flags it.',
  }),
  maxLabelGap: own({
    type: 'number',
    label: 'Max |DPL|',
    default: 0.1,
    min: 0,
    max: 1,
    step: 0.01,
    help: 'Difference in proportions of labels (DPL) in [−1, 1]; 0 = both facets get positive labels at the same rate.',
  }),
} satisfies Record<string, PropDef>;

/** processing-job and data-wrangler: the transforms applied. */
export const PREP_PROPS = {
  transforms: own({
    type: 'string-list',
    label: 'Transforms',
    default: [],
    maxItems: 30,
    options: TRANSFORMS,
    help:
      'Feature engineering applied: scaling (min-max, z-score), log, binning, encodings (one-hot, label, binary, ' +
      'target; -oof = out-of-fold), imputing, clipping outliers, dedup, SMOTE (on the training split, or before ' +
      'the split), PCA, facet-rebalance (oversample the under-represented facet to parity).',
  }),
} satisfies Record<string, PropDef>;

/** Data-quality rules a processing step evaluates on its input before it transforms it (DQDL rule types). */
export const QUALITY_RULES = ['completeness', 'range'] as const;

/**
 * processing-job: a data-quality gate in the step, as AWS Glue Data Quality's EvaluateDataQuality transform with
 * StopJobOnFailureOptions (https://docs.aws.amazon.com/glue/latest/webapi/API_EvaluateDataQuality.html) or a
 * Deequ / DataBrew ruleset run in a processing job: DQDL rule types Completeness and ColumnValues
 * (https://docs.aws.amazon.com/glue/latest/dg/dqdl-rule-types.html). A failed rule stops the job, so a pipeline
 * stops at this step.
 */
export const QUALITY_GATE_PROPS = {
  qualityRules: own({
    type: 'string-list',
    label: 'Data-quality rules',
    default: [],
    maxItems: 2,
    options: QUALITY_RULES,
    help:
      'Checks run on the input before the transforms; a failed rule fails the job (and stops its pipeline). ' +
      'completeness: Completeness "col" >= Min completeness (DQDL); range: ColumnValues "col" between the ' +
      'expected bounds (outliers fail it).',
  }),
  minCompleteness: own({
    type: 'number',
    label: 'Min completeness',
    default: 0.95,
    min: 0,
    max: 1,
    step: 0.01,
    help: 'The completeness rule passes when at least this share of the cells is present (1 − missing values).',
  }),
} satisfies Record<string, PropDef>;

/**
 * processing-job: the share of the input's columns the job uses (a feature job that selects 3 of 60 columns reads
 * 0.05). Columnar input (Parquet, ORC) is read for those columns only; row formats (CSV, JSON Lines) whole.
 */
export const COLUMN_READ_PROPS = {
  columnsRead: own({
    type: 'number',
    label: 'Columns used',
    default: 1,
    min: 0.01,
    max: 1,
    step: 0.01,
    help:
      'Share of the input columns the job selects. From Parquet or ORC it reads only those columns; from CSV or ' +
      'JSON it reads every byte of every row.',
  }),
} satisfies Record<string, PropDef>;
