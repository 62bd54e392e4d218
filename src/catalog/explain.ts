/**
 * Props of model explainability (exam skill S2.3.5): a dataset column that leaks the label, the prep step that drops
 * it, and what SageMaker Clarify's SHAP analysis shows of it. Our own props (not in the format.md contract); their
 * defaults (no leaked column, nothing dropped) keep a design that does not set them as it was.
 *
 * Sources (AWS documentation):
 * - Clarify computes feature attributions with Kernel SHAP (global attributions: mean absolute SHAP value per
 *   feature) in a SageMaker Processing job: https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-shapley-values.html,
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-model-explainability.html
 * - The feature-attribution drift monitor compares the ranking of global SHAP values in live traffic with the
 *   baseline's by nDCG and logs a violation (feature_attribution_drift_check) when the score is below 0.9:
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-model-monitor-model-attribution-drift-violations.html
 * - Data Wrangler's "Manage columns → Drop column" transform (a processing job does the same in pandas/PySpark):
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/data-wrangler-transform.html
 */
import type { PropDef } from './types';

/** The nDCG of live vs baseline SHAP rankings under which a feature-attribution monitor logs a violation. */
export const ATTRIBUTION_NDCG_THRESHOLD = 0.9;

const own = <const P extends PropDef>(p: P): P & { contract: false } => ({ ...p, contract: false });

/** s3-bucket: the feature columns, and one that is only known once the outcome is. */
export const DATASET_EXPLAIN_PROPS = {
  featureNames: own({
    type: 'string-list',
    label: 'Feature columns',
    default: [],
    maxItems: 30,
    help:
      'Names of the main feature columns, most informative first; Clarify explainability reports attributions by ' +
      'these names (empty = feature_1, feature_2…).',
  }),
  leakyFeature: own({
    type: 'string',
    label: 'Column set after the outcome',
    default: null,
    nullable: true,
    maxLength: 64,
    help:
      'A column whose value is only known once the label is (e.g. a refund or investigation flag). Trained on, ' +
      'it makes validation near-perfect; at prediction time it is empty. Empty = no such column.',
  }),
} satisfies Record<string, PropDef>;

/** processing-job and data-wrangler: columns removed from the output. */
export const PREP_DROP_PROPS = {
  dropColumns: own({
    type: 'string-list',
    label: 'Drop columns',
    default: [],
    maxItems: 30,
    help:
      "Columns removed before the data reaches training (Data Wrangler's Drop column; df.drop in a processing " +
      'script).',
  }),
} satisfies Record<string, PropDef>;
