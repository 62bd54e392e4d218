/**
 * Props of choosing an approach and reproducing it (exam skills S2.1.1, S2.1.4, S2.2.7, S2.3.3): how many labelled
 * rows a dataset has and whether its signal lies in feature interactions, how a training job combines models, and
 * whether the bucket a model is trained from keeps object versions. Our own props (not in the format.md contract),
 * each with a default that keeps a design that does not set it as it was.
 *
 * Sources (AWS documentation):
 * - Linear Learner learns a linear function (classification, regression); XGBoost is gradient-boosted trees, a
 *   supervised algorithm that combines an ensemble of estimates from a set of simpler, weaker models:
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/linear-learner.html,
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost.html
 * - AutoGluon-Tabular ensembles models and stacks them in multiple layers (stacking):
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/autogluon-tabular-HowItWorks.html
 * - SageMaker XGBoost (1.0-1 and earlier) trains on CPUs only and is memory-bound: a general-purpose instance (M5)
 *   is the recommended choice (the XGBoost page's EC2 instance recommendation):
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost.html
 * - Ground Truth labels data with human workers (and active learning):
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/sms.html
 * - S3 Versioning keeps every version of every object (disabled by default; an overwrite makes a new version):
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html; CloudFormation
 *   AWS::S3::Bucket VersioningConfiguration.Status Enabled | Suspended.
 * - ML Lineage Tracking: an artifact is the S3 URI of a dataset, identified by a source type MD5Hash | S3ETag |
 *   S3Version | Custom: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ArtifactSourceType.html,
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/lineage-tracking.html
 * - SageMaker Experiments tracks the inputs, parameters, configurations and results of runs and compares them
 *   (MLflow in the new Studio): https://docs.aws.amazon.com/sagemaker/latest/dg/experiments.html
 * - Deep networks train on GPUs: AWS's deep-learning algorithms support GPU instances for training and recommend
 *   GPUs with more memory for large batches (image classification: "we support the following GPU instances for
 *   training … We recommend using GPU instances with more memory for training with large batch sizes"):
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/image-classification.html. How much slower the same network
 *   trains on a CPU instance AWS does not publish: CPU_DEEP_NETWORK_SLOWDOWN is SageSim's estimate.
 */
import type { PropDef } from './types';

const own = <const P extends PropDef>(p: P): P & { contract: false } => ({ ...p, contract: false });

/**
 * Labelled rows a model needs per feature, by how much it has to learn (SageSim's own rule of thumb, not an AWS
 * figure): a linear model 10, boosted trees 50, a deep network 500; never fewer than `minRows`. Image and text
 * classification from scratch need `unstructuredRows`.
 */
export const FEASIBILITY = {
  rowsPerFeature: { 'linear-learner': 10, xgboost: 50, custom: 500 } as Record<string, number>,
  defaultRowsPerFeature: 50,
  minRows: 200,
  unstructuredRows: 10_000,
  /** Features assumed when a bucket names none (featureNames empty). */
  defaultFeatures: 20,
  /** Datasets up to this size (GB) of a tabular task are small tabular data. */
  smallTabularGB: 50,
} as const;

/** s3-bucket: labelled rows, where the signal lies, and whether it keeps object versions. */
export const DATASET_FEASIBILITY_PROPS = {
  labelledRows: own({
    type: 'number',
    label: 'Labelled rows',
    default: null,
    nullable: true,
    integer: true,
    min: 0,
    max: 1e12,
    help:
      'Rows that carry a label. Too few for the features and the model (about 10 per feature for a linear model, ' +
      '50 for boosted trees, 500 for a deep network) give a model near chance. Empty = plenty.',
  }),
  interactions: own({
    type: 'boolean',
    label: 'Signal in feature interactions',
    default: false,
    help:
      'The label depends on combinations of features (a discount matters only for some customers): a linear ' +
      'model cannot learn it; trees, boosting or a stacked ensemble can.',
  }),
  versioning: own({
    type: 'enum',
    label: 'S3 Versioning',
    options: ['Off', 'Enabled', 'Suspended'],
    default: null,
    nullable: true,
    help:
      'VersioningConfiguration: Enabled keeps every overwritten object version, so lineage can pin the exact ' +
      'data a model was trained on (S3Version). Off (the AWS default) or Suspended: an overwrite replaces the ' +
      'data. Empty = not stated (not judged).',
  }),
} satisfies Record<string, PropDef>;

/**
 * SageSim's estimate (AWS publishes no figure) of how many times longer a deep network written for GPUs trains on a
 * CPU-only instance than the GPU time its trainingMinutes states.
 */
export const CPU_DEEP_NETWORK_SLOWDOWN = 10;

/** training-job: whether its script is a deep network timed on a GPU. */
export const TRAINING_GPU_PROPS = {
  gpuNetwork: own({
    type: 'boolean',
    label: 'Deep network timed on a GPU',
    default: false,
    help:
      'Script mode (algorithm custom) only: a deep-learning framework network (PyTorch, TensorFlow) whose training ' +
      `time is what it takes on a GPU. On an instance without a GPU it trains about ${CPU_DEEP_NETWORK_SLOWDOWN}× ` +
      "longer (SageSim's estimate).",
  }),
} satisfies Record<string, PropDef>;

/** training-job: how it combines models. */
export const TRAINING_ENSEMBLE_PROPS = {
  ensemble: own({
    type: 'enum',
    label: 'Ensemble',
    options: ['none', 'bagging', 'stacking'],
    default: 'none',
    help:
      'Combine models: bagging averages copies trained on bootstrap samples (less variance, same bias); stacking ' +
      'trains a meta-model on base models of different families (trees, linear, networks), as AutoGluon-Tabular ' +
      'does. Boosting is XGBoost itself.',
  }),
} satisfies Record<string, PropDef>;
