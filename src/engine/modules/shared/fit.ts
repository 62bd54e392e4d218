import type { Task } from '../../../catalog/learning';
import type { GNode, Graph } from '../../../model/graph';
import { propsByName } from '../../../catalog/kinds';
import { sourcesOf } from './data';

/**
 * Which ML tasks each built-in algorithm solves (AWS: "Built-in algorithms and pretrained models in Amazon
 * SageMaker", https://docs.aws.amazon.com/sagemaker/latest/dg/algos.html, and the tabular page
 * https://docs.aws.amazon.com/sagemaker/latest/dg/algorithms-tabular.html): XGBoost and Linear Learner classify
 * and regress; Factorization Machines classify and regress on sparse data (recommendation); DeepAR forecasts;
 * Random Cut Forest and IP Insights find anomalies; K-Means clusters; BlazingText classifies text; PCA only
 * reduces dimensions (a preprocessing step, no predictor of a label). A custom (script-mode) container can
 * be written for any task.
 */
export const ALGORITHM_TASKS: Readonly<Record<string, readonly Task[] | 'any'>> = {
  xgboost: ['binary-classification', 'multiclass-classification', 'regression'],
  'linear-learner': ['binary-classification', 'multiclass-classification', 'regression'],
  'factorization-machines': ['binary-classification', 'regression', 'recommendation'],
  deepar: ['forecasting'],
  'random-cut-forest': ['anomaly-detection'],
  'ip-insights': ['anomaly-detection'],
  kmeans: ['clustering'],
  pca: [],
  blazingtext: ['text-classification'],
  custom: 'any',
};

/** Tasks whose label is a class (judged by AUC, F1, accuracy, log loss) or a number (RMSE, MAE, R²). */
const CLASSIFICATION: readonly Task[] = [
  'binary-classification',
  'multiclass-classification',
  'text-classification',
  'image-classification',
];
const NUMERIC: readonly Task[] = ['regression', 'forecasting'];
const CLASS_METRICS = ['auc', 'f1', 'accuracy', 'logloss'];
const NUMERIC_METRICS = ['rmse', 'mae', 'r2'];

/** A rule's trigger on a node, with its message's placeholders. */
export interface FitHit {
  rule: 'algorithm-task-mismatch' | 'metric-task-mismatch';
  vars: Record<string, string | number>;
}

/**
 * The task of a training job's data: the first S3 bucket it reads (directly or through prep) that states one, or null.
 */
export function taskOf(g: Graph, training: string): { task: Task; bucket: string } | null {
  for (const s of sourcesOf(g, training))
    if (s.node.kind === 's3-bucket' && s.node.props.task) return { task: s.node.props.task, bucket: s.node.id };
  return null;
}

/** The tasks an algorithm solves, as words. */
export function tasksOf(algorithm: string): string {
  const t = ALGORITHM_TASKS[algorithm];
  if (t === 'any') return 'any task';
  return t && t.length ? t.join(', ') : 'no prediction task (it reduces dimensions)';
}

/** algorithm-task-mismatch: a built-in algorithm that does not solve the task its data poses. */
export function taskProblem(g: Graph, n: GNode<'training-job'>): FitHit | null {
  const alg = String(n.props.algorithm);
  const fits = ALGORITHM_TASKS[alg];
  const t = taskOf(g, n.id);
  if (!t || fits === undefined || fits === 'any' || fits.includes(t.task)) return null;
  return {
    rule: 'algorithm-task-mismatch',
    vars: { algorithm: alg, task: t.task, bucket: t.bucket, fits: tasksOf(alg) },
  };
}

/** metric-task-mismatch: a regression metric judging a classifier, or a class metric judging a regressor. */
export function metricProblem(g: Graph, n: GNode<'training-job'>, metricOverride?: string): FitHit | null {
  const t = taskOf(g, n.id);
  const metric = metricOverride ?? String(n.props.evalMetric);
  if (!t) return null;
  const classes = CLASSIFICATION.includes(t.task);
  const numeric = NUMERIC.includes(t.task);
  if ((classes && NUMERIC_METRICS.includes(metric)) || (numeric && CLASS_METRICS.includes(metric)))
    return {
      rule: 'metric-task-mismatch',
      vars: {
        metric,
        task: t.task,
        bucket: t.bucket,
        suggested: classes ? 'auc or f1 (precision/recall on imbalanced classes)' : 'rmse, mae or r2',
      },
    };
  return null;
}

/**
 * Whether the training job treats a rare positive class: XGBoost's scale_pos_weight set to at least half of
 * negatives ÷ positives (AWS: "a typical value to consider: sum(negative instances) / sum(positive
 * instances)", https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost_hyperparameters.html), or an
 * `imbalance` treatment prop where the design has one.
 */
export function imbalanceTreated(n: GNode<'training-job'>, positiveRatio: number): boolean {
  const treatment = propsByName(n.props).imbalance;
  if (typeof treatment === 'string' && treatment !== 'none') return true;
  if (n.props.algorithm !== 'xgboost' || positiveRatio <= 0 || positiveRatio >= 0.5) return false;
  const balance = (1 - positiveRatio) / positiveRatio;
  return Number(n.props.scalePosWeight) >= balance / 2;
}
