/**
 * AutoML and pretrained models (exam skills S2.1.2, S2.1.3, S2.3.1, S2.3.5): SageMaker Autopilot jobs and SageMaker
 * JumpStart foundation models as kinds, with the constraints AWS documents. Our own props (not in the format.md
 * contract).
 *
 * Sources (AWS documentation):
 * - Training mode: "In AUTO mode, Autopilot chooses ENSEMBLING for datasets smaller than 100 MB, and
 *   HYPERPARAMETER_TUNING for larger ones" (AutoMLJobConfig.Mode, TabularJobConfig.Mode):
 *   https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AutoMLJobConfig.html
 * - Ensembling "runs 10 trials" (AutoGluon, stacking); HPO "runs up to 100 trials (default)"; the algorithms of
 *   each mode: https://docs.aws.amazon.com/sagemaker/latest/dg/autopilot-model-support-validation.html
 * - "A minimum of 500 rows is required for the training dataset" (CreateAutoMLJob InputDataConfig):
 *   https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateAutoMLJob.html
 * - Objective metrics by problem type (Regression: MAE, MSE, R2, RMSE; binary: Accuracy, AUC, BalancedAccuracy, F1,
 *   Precision, Recall; multiclass: Accuracy, BalancedAccuracy, F1macro, PrecisionMacro, RecallMacro) and the
 *   defaults (MSE, F1, Accuracy): https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AutoMLJobObjective.html
 * - MaxCandidates (1–750 for tabular problems) and MaxAutoMLJobRuntimeInSeconds ("If an AutoML job exceeds the
 *   maximum runtime, the job is stopped automatically and its processing is ended gracefully. The AutoML job
 *   identifies the best model whose training was completed and marks it as the best-performing model. Any
 *   unfinished steps of the job … are not completed."):
 *   https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AutoMLJobCompletionCriteria.html
 * - JumpStart: "Some JumpStart foundation models require explicit acceptance of an end-user license agreement (EULA)
 *   before use"; ModelAccessConfig.AcceptEula "must be explicitly defined as True in order to accept the EULA that
 *   this model requires": https://docs.aws.amazon.com/sagemaker/latest/dg/jumpstart-foundation-models-choose.html,
 *   https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ModelAccessConfig.html
 * - JumpStart fine-tuning (issue 16): domain adaptation adapts a model to domain-specific language with unlabelled
 *   text (CSV, JSON or TXT files); instruction-based fine-tuning learns from labelled prompt/response pairs in a JSON
 *   Lines (.jsonl) file with a template.json that names the prompt and completion fields; both change the model's
 *   weights, and gated models need their EULA accepted before fine-tuning:
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/jumpstart-foundation-models-fine-tuning.html,
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/jumpstart-foundation-models-fine-tuning-domain-adaptation.html,
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/jumpstart-foundation-models-fine-tuning-instruction-based.html
 * - Bedrock model customization reads .jsonl files, each line a JSON object (one record), in the format of the
 *   customization method and model (prompt/completion for text models, the Converse messages schema for
 *   conversational ones): https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-prepare.html
 */
import type { PropDef } from './types';
import type { Task } from './learning';

const own = <const P extends PropDef>(p: P): P & { contract: false } => ({ ...p, contract: false });

/** Autopilot's tabular problem types (ProblemType), and 'auto' for "let Autopilot infer it from the target". */
export const AUTOML_PROBLEM_TYPES = ['auto', 'BinaryClassification', 'MulticlassClassification', 'Regression'] as const;
export type AutomlProblemType = Exclude<(typeof AUTOML_PROBLEM_TYPES)[number], 'auto'>;

/** AutoMLJobObjective.MetricName values for tabular problems. */
export const AUTOML_METRICS = [
  'Accuracy',
  'AUC',
  'BalancedAccuracy',
  'F1',
  'F1macro',
  'Precision',
  'PrecisionMacro',
  'Recall',
  'RecallMacro',
  'MAE',
  'MSE',
  'R2',
  'RMSE',
] as const;
export type AutomlMetric = (typeof AUTOML_METRICS)[number];

/** The metrics AWS accepts for each problem type, and the default when MetricName is not given. */
export const AUTOML_OBJECTIVES: Record<AutomlProblemType, { metrics: readonly AutomlMetric[]; default: AutomlMetric }> =
  {
    Regression: { metrics: ['MAE', 'MSE', 'R2', 'RMSE'], default: 'MSE' },
    BinaryClassification: {
      metrics: ['Accuracy', 'AUC', 'BalancedAccuracy', 'F1', 'Precision', 'Recall'],
      default: 'F1',
    },
    MulticlassClassification: {
      metrics: ['Accuracy', 'BalancedAccuracy', 'F1macro', 'PrecisionMacro', 'RecallMacro'],
      default: 'Accuracy',
    },
  };

/** Metrics where a smaller value is better (errors); the others are scores where larger is better. */
export const AUTOML_LOWER_IS_BETTER: readonly AutomlMetric[] = ['MAE', 'MSE', 'RMSE'];

/** The problem type Autopilot infers from a dataset's task (SageSim reads the bucket's `task`). */
export const AUTOML_TASK_PROBLEM: Partial<Record<Task, AutomlProblemType>> = {
  'binary-classification': 'BinaryClassification',
  'multiclass-classification': 'MulticlassClassification',
  regression: 'Regression',
};

export const AUTOML_MODES = ['AUTO', 'ENSEMBLING', 'HYPERPARAMETER_TUNING'] as const;
export type AutomlMode = Exclude<(typeof AUTOML_MODES)[number], 'AUTO'>;

/** AUTO picks ENSEMBLING below this dataset size, HYPERPARAMETER_TUNING from it on (AWS: 100 MB). */
export const AUTOML_AUTO_MODE_MB = 100;
/** The minimum rows of an Autopilot training dataset (AWS). */
export const AUTOML_MIN_ROWS = 500;
/** Largest MaxCandidates for tabular problems (AWS). */
export const AUTOML_MAX_CANDIDATES = 750;
/** Trials of each mode when MaxCandidates is not set: ensembling runs 10, HPO up to 100 (AWS). */
export const AUTOML_DEFAULT_TRIALS: Record<AutomlMode, number> = { ENSEMBLING: 10, HYPERPARAMETER_TUNING: 100 };

/**
 * The algorithms (AutoMLAlgorithm values) each mode trains (AWS "Algorithm support"): ensembling uses AutoGluon's
 * base models, HPO tunes Linear Learner, XGBoost and a deep-learning MLP.
 */
export const AUTOML_ALGORITHMS: Record<AutomlMode, readonly string[]> = {
  ENSEMBLING: [
    'lightgbm',
    'catboost',
    'xgboost',
    'randomforest',
    'extra-trees',
    'linear-learner',
    'nn-torch',
    'fastai',
  ],
  HYPERPARAMETER_TUNING: ['xgboost', 'linear-learner', 'mlp'],
};

/** s3-bucket: how many rows its dataset has (Autopilot needs 500). */
export const DATASET_ROW_PROPS = {
  rows: own({
    type: 'number',
    label: 'Rows',
    default: null,
    nullable: true,
    integer: true,
    min: 0,
    max: 1e12,
    help:
      'Rows (observations) in the dataset. Autopilot needs at least 500 in the training dataset. Empty = not ' +
      'stated (not checked).',
  }),
} satisfies Record<string, PropDef>;

/** The props of an autopilot-job (CreateAutoMLJobV2 with a tabular problem). */
export const AUTOPILOT_PROPS = {
  targetColumn: own({
    type: 'string',
    label: 'Target column',
    default: 'label',
    maxLength: 64,
    help: 'TargetAttributeName: the column Autopilot learns to predict.',
  }),
  problemType: own({
    type: 'enum',
    label: 'Problem type',
    options: AUTOML_PROBLEM_TYPES,
    default: 'auto',
    help: 'ProblemType: binary or multiclass classification, or regression; auto = inferred from the target column.',
  }),
  objectiveMetric: own({
    type: 'enum',
    label: 'Objective metric',
    options: AUTOML_METRICS,
    default: null,
    nullable: true,
    help:
      'AutoMLJobObjective.MetricName; each problem type accepts only its own metrics (regression: MAE, MSE, R2, ' +
      'RMSE; binary: Accuracy, AUC, BalancedAccuracy, F1, Precision, Recall; multiclass: Accuracy, ' +
      'BalancedAccuracy, F1macro, PrecisionMacro, RecallMacro). Empty = the default (MSE, F1, Accuracy).',
  }),
  mode: own({
    type: 'enum',
    label: 'Training mode',
    options: AUTOML_MODES,
    default: 'AUTO',
    help:
      'ENSEMBLING (AutoGluon, 10 trials, a stacked ensemble) or HYPERPARAMETER_TUNING (up to 100 trials of ' +
      'XGBoost, Linear Learner and an MLP); AUTO picks ensembling for datasets under 100 MB.',
  }),
  maxCandidates: own({
    type: 'number',
    label: 'Max candidates',
    default: null,
    nullable: true,
    integer: true,
    min: 1,
    max: AUTOML_MAX_CANDIDATES,
    help:
      'CompletionCriteria.MaxCandidates: training jobs the job may run (1–750). Empty = the default: HPO runs ' +
      '100; ensembling always runs its 10 trials (fewer if asked).',
  }),
  maxRuntimeSec: own({
    type: 'number',
    label: 'Max job runtime',
    default: null,
    nullable: true,
    integer: true,
    min: 1,
    unit: 's',
    help:
      'CompletionCriteria.MaxAutoMLJobRuntimeInSeconds: past it the job stops gracefully with the best candidate ' +
      'finished so far; unfinished steps (the explainability report) are skipped. Empty = no limit.',
  }),
} satisfies Record<string, PropDef>;

/** How a JumpStart model is fine-tuned before it is deployed: not at all, domain adaptation or instruction tuning. */
export const FINE_TUNE_METHODS = ['none', 'domain-adaptation', 'instruction-tuning'] as const;
export type FineTuneMethod = Exclude<(typeof FINE_TUNE_METHODS)[number], 'none'>;

/** The props of a jumpstart-model (a JumpStart foundation model: CreateModel from its model ID). */
export const JUMPSTART_PROPS = {
  modelId: own({
    type: 'string',
    label: 'Model ID',
    default: 'meta-textgeneration-llama-3-8b-instruct',
    maxLength: 128,
    help: 'The JumpStart model ID (the pre-trained model table of the SageMaker Python SDK).',
  }),
  parametersB: own({
    type: 'number',
    label: 'Parameters',
    default: 8,
    min: 0,
    max: 2000,
    unit: 'B',
    help: 'Model size in billions of parameters; at 16-bit precision each parameter takes 2 bytes of GPU memory.',
  }),
  gated: own({
    type: 'boolean',
    label: 'Requires EULA',
    default: true,
    help:
      "The model's provider requires explicit acceptance of an end-user license agreement (shown on the model " +
      'card) before fine-tuning or deploying it.',
  }),
  acceptEula: own({
    type: 'boolean',
    label: 'Accept EULA',
    default: false,
    help:
      'ModelAccessConfig.AcceptEula (accept_eula=True in the SageMaker Python SDK): must be explicitly true for ' +
      'a model that requires a EULA.',
  }),
  fineTune: own({
    type: 'enum',
    label: 'Fine-tuning',
    options: FINE_TUNE_METHODS,
    default: 'none',
    help:
      'Fine-tune the model on the s3-bucket connected to it before deploying: domain adaptation (unlabelled text: ' +
      'industry jargon, technical terms) or instruction tuning (labelled prompt/completion pairs in JSON Lines). ' +
      'Both change the weights and run as a training job billed on its instance.',
  }),
  fineTuneInstanceType: own({
    type: 'string',
    label: 'Fine-tuning instance type',
    default: 'ml.g5.12xlarge',
    maxLength: 40,
    help: 'The training instance the fine-tuning job runs on (billed per second of the job).',
  }),
  fineTuneMinutes: own({
    type: 'number',
    label: 'Fine-tuning time',
    default: 60,
    min: 0,
    max: 40_320,
    unit: 'min',
    help: 'Time the fine-tuning job spends training on its instance (epochs × dataset size; larger models take longer).',
  }),
} satisfies Record<string, PropDef>;

/** GPU memory a model's weights take: 2 bytes per parameter at 16-bit precision (fp16/bf16). */
export const BYTES_PER_PARAMETER = 2;
/**
 * Share of GPU memory the serving container needs beyond the weights (KV cache, activations, CUDA context): SageSim's
 * own figure (AWS publishes none); the weights must fit in the rest.
 */
export const GPU_HEADROOM = 0.2;

/** How the text records of a fine-tuning dataset are laid out (the s3-bucket's dataFormat). */
export const FINE_TUNE_DATA_FORMATS = ['jsonl-prompt-completion', 'jsonl-messages', 'txt', 'csv', 'json'] as const;
export type FineTuneDataFormat = (typeof FINE_TUNE_DATA_FORMATS)[number];

/**
 * The data each customisation accepts, and how it is named in messages: domain adaptation reads unlabelled text
 * (CSV, JSON or TXT), instruction tuning JSON Lines of prompt/completion pairs (with a template.json), Bedrock
 * fine-tuning JSON Lines of prompt/completion records or, for conversational models, of messages (AWS).
 */
export const FINE_TUNE_ACCEPTS: Record<FineTuneMethod | 'bedrock', { formats: readonly FineTuneDataFormat[]; expected: string }> =
  {
    'domain-adaptation': { formats: ['txt', 'csv', 'json'], expected: 'unlabelled text in CSV, JSON or TXT files' },
    'instruction-tuning': {
      formats: ['jsonl-prompt-completion'],
      expected: 'a JSON Lines (.jsonl) file of "prompt"/"completion" records and a template.json',
    },
    bedrock: {
      formats: ['jsonl-prompt-completion', 'jsonl-messages'],
      expected: 'a .jsonl file, one JSON record a line ("prompt"/"completion", or "messages" for conversational models)',
    },
  };

/** Display names of the data formats. */
export const FINE_TUNE_FORMAT_NAMES: Record<FineTuneDataFormat, string> = {
  'jsonl-prompt-completion': 'JSON Lines of prompt/completion pairs',
  'jsonl-messages': 'JSON Lines of chat messages',
  txt: 'plain text (TXT)',
  csv: 'CSV',
  json: 'JSON documents',
};

/** s3-bucket: how the text a fine-tuning job reads is laid out. */
export const FINE_TUNE_DATA_PROPS = {
  dataFormat: own({
    type: 'enum',
    label: 'Fine-tuning data format',
    options: FINE_TUNE_DATA_FORMATS,
    default: 'jsonl-prompt-completion',
    help:
      'Read only when the bucket feeds a fine-tuning (a jumpstart-model, a customised Bedrock model): JumpStart ' +
      'instruction tuning needs JSON Lines of prompt/completion pairs, domain adaptation unlabelled text (CSV, JSON, ' +
      'TXT), Bedrock JSON Lines (prompt/completion, or messages for conversational models).',
  }),
} satisfies Record<string, PropDef>;

/**
 * SageSim's own timing of a JumpStart fine-tuning training job (AWS publishes none; the time itself is the model's
 * fineTuneMinutes): instances start unbilled, then the job bills its instance from the data download to the upload of
 * the fine-tuned weights (2 bytes a parameter at `uploadGBps`).
 */
export const FINE_TUNE_TIMING = { startingSec: 120, downloadSec: 60, uploadGBps: 0.5 } as const;
