/**
 * Props of model development (exam domain 2): the dataset's ML task, the hyperparameters that shape a
 * training job's learning curves (XGBoost and a script-mode deep network), the SageMaker Debugger built-in
 * rules attached to it, and a tuning job's early stopping and warm-start parents. Our own props (not in the
 * format.md contract), each with a default that keeps a design that does not set it as it was.
 *
 * Sources (AWS documentation):
 * - XGBoost hyperparameters and their defaults (max_depth 6, eta 0.3, lambda 1, alpha 0, scale_pos_weight 1;
 *   num_round required; early_stopping_rounds optional, hosting uses the best iteration):
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost_hyperparameters.html
 * - Debugger built-in rules (Overfit, Overtraining, LossNotDecreasing for deep-learning frameworks and XGBoost;
 *   VanishingGradient for deep-learning frameworks only) and the StopTraining built-in action:
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/debugger-built-in-rules.html,
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/debugger-built-in-actions.html
 * - Tuning early stopping (TrainingJobEarlyStoppingType Off | Auto; Hyperband needs Off) and warm start
 *   (IDENTICAL_DATA_AND_ALGORITHM, TRANSFER_LEARNING; parents' training jobs count against the 500 limit):
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-early-stopping.html,
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-warm-start.html
 */
import type { PropDef } from './types';

/** ML problem types a dataset can pose (what its label means). */
export const TASKS = [
  'binary-classification',
  'multiclass-classification',
  'regression',
  'forecasting',
  'anomaly-detection',
  'clustering',
  'recommendation',
  'text-classification',
  'image-classification',
] as const;
export type Task = (typeof TASKS)[number];

/** Debugger built-in rules SageSim evaluates (rule names as in rule_configs / the CreateTrainingJob API). */
export const DEBUGGER_RULES = ['Overfit', 'LossNotDecreasing', 'VanishingGradient'] as const;

const own = <const P extends PropDef>(p: P): P & { contract: false } => ({ ...p, contract: false });

/** s3-bucket: the task its data poses. */
export const DATASET_PROPS = {
  task: own({
    type: 'enum',
    label: 'ML task',
    options: TASKS,
    default: null,
    nullable: true,
    help:
      'What the label asks: each built-in algorithm fits some tasks (XGBoost: classification, regression; ' +
      'DeepAR: forecasting; Random Cut Forest: anomalies; K-Means: clustering…). Empty = not stated (not ' +
      'checked).',
  }),
} satisfies Record<string, PropDef>;

/** training-job: hyperparameters that drive its learning curves, and the Debugger rules watching them. */
export const TRAINING_LEARNING_PROPS = {
  maxDepth: own({
    type: 'number',
    label: 'max_depth',
    default: 6,
    integer: true,
    min: 1,
    max: 30,
    help:
      'XGBoost: maximum depth of a tree. Deeper trees fit the training data more closely and overfit sooner ' +
      '(default 6).',
  }),
  eta: own({
    type: 'number',
    label: 'eta',
    default: 0.3,
    min: 0,
    max: 1,
    help:
      'XGBoost: step size shrinkage per boosting round. Smaller learns more slowly and needs more rounds ' +
      '(default 0.3).',
  }),
  lambda: own({
    type: 'number',
    label: 'lambda (L2)',
    default: 1,
    min: 0,
    max: 1000,
    help: 'XGBoost: L2 regularisation on weights; higher makes the model more conservative (default 1).',
  }),
  alpha: own({
    type: 'number',
    label: 'alpha (L1)',
    default: 0,
    min: 0,
    max: 1000,
    help: 'XGBoost: L1 regularisation on weights; higher makes the model more conservative (default 0).',
  }),
  numRound: own({
    type: 'number',
    label: 'num_round',
    default: 100,
    integer: true,
    min: 1,
    max: 100_000,
    help: 'XGBoost: boosting rounds to run (required by the algorithm). Too many without early stopping overfits.',
  }),
  earlyStoppingRounds: own({
    type: 'number',
    label: 'early_stopping_rounds',
    default: null,
    nullable: true,
    integer: true,
    min: 1,
    max: 100_000,
    help:
      'XGBoost: stop when the validation score has not improved for this many rounds; hosting uses the best ' +
      'round. Empty = off.',
  }),
  scalePosWeight: own({
    type: 'number',
    label: 'scale_pos_weight',
    default: 1,
    min: 0,
    max: 100_000,
    help: 'XGBoost: weight of the positive class; about (negatives ÷ positives) balances rare positives (default 1).',
  }),
  learningRate: own({
    type: 'number',
    label: 'Learning rate',
    default: 0.001,
    min: 0,
    max: 10,
    help: 'Script-mode deep network (algorithm custom): optimiser step size. Too high and the loss does not decrease.',
  }),
  activation: own({
    type: 'enum',
    label: 'Activation',
    options: ['relu', 'sigmoid', 'tanh'],
    default: 'relu',
    help: 'Script-mode deep network: hidden-layer activation. Sigmoid/tanh in deep networks make gradients vanish.',
  }),
  layers: own({
    type: 'number',
    label: 'Hidden layers',
    default: 4,
    integer: true,
    min: 1,
    max: 200,
    help: 'Script-mode deep network: depth. The deeper a sigmoid/tanh network, the smaller its early gradients.',
  }),
  epochs: own({
    type: 'number',
    label: 'Epochs',
    default: 20,
    integer: true,
    min: 1,
    max: 10_000,
    help: 'Script-mode deep network: passes over the training data.',
  }),
  debuggerRules: own({
    type: 'string-list',
    label: 'Debugger rules',
    default: [],
    maxItems: 20,
    options: DEBUGGER_RULES,
    help:
      'SageMaker Debugger built-in rules evaluated during training (Overfit, LossNotDecreasing; ' +
      'VanishingGradient for deep-learning frameworks only).',
  }),
  debuggerAction: own({
    type: 'enum',
    label: 'Debugger action',
    options: ['none', 'StopTraining'],
    default: 'StopTraining',
    help:
      'What a rule that finds an issue does: StopTraining stops the job (rule_configs.StopTraining); none only ' +
      'sets IssuesFound.',
  }),
} satisfies Record<string, PropDef>;

/** tuning-job: early stopping of its training jobs and the size of its warm-start parents. */
export const TUNING_LEARNING_PROPS = {
  earlyStopping: own({
    type: 'enum',
    label: 'Early stopping',
    options: ['Off', 'Auto'],
    default: 'Off',
    help:
      'TrainingJobEarlyStoppingType: Auto stops training jobs that do worse than the median of earlier ones at ' +
      'the same epoch. Hyperband needs Off (it stops jobs itself).',
  }),
  parentTrainingJobs: own({
    type: 'number',
    label: 'Warm-start parent jobs',
    default: 0,
    integer: true,
    min: 0,
    max: 500,
    help: 'Training jobs the warm-start parent tuning jobs ran; they count against the 500-job limit with maxJobs.',
  }),
} satisfies Record<string, PropDef>;
