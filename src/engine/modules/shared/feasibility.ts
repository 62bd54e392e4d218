import { FEASIBILITY } from '../../../catalog/feasibility';
import { FALLBACK_INSTANCE_TYPE } from '../../../catalog/prices';
import { instanceType } from '../../../catalog/instances';
import { propsByName } from '../../../catalog/kinds';
import type { GNode, Graph } from '../../../model/graph';
import { sourcesOf } from './data';
import { dataLineage, prepUpstream } from './prep';
import { taskOf } from './fit';

/**
 * Choosing an approach (pure graph readings; our own model, constants in catalog/feasibility.ts):
 * - labelShortfall (too-little-labelled-data): a bucket that states `labelledRows` below what the training job's
 *   model needs for the features it learns from (rows per feature by algorithm, never fewer than 200; image and
 *   text classification from scratch 10,000). Such a model is near chance, and its validation figure swings from
 *   one training to the next (a small validation split).
 * - tabularGpuNetwork (gpu-network-on-tabular-data): a script-mode deep network (algorithm custom) on a GPU
 *   instance for a tabular task (binary/multiclass classification, regression) of at most 50 GB: it costs the GPU
 *   price for accuracy boosted trees reach on a CPU instance.
 * - interactionUnderfit (linear-model-on-interactions): Linear Learner on data whose signal lies in feature
 *   interactions, unless it is stacked with models of other families: it underfits.
 * - unversionedBuckets (training-data-not-versioned): the S3 buckets in a training job's data lineage whose
 *   versioning is Off or Suspended: lineage can name their URI, not the object version a model was trained on.
 */

const TABULAR = ['binary-classification', 'multiclass-classification', 'regression'];
const UNSTRUCTURED = ['text-classification', 'image-classification'];
const TABULAR_FORMATS = ['csv', 'parquet', 'orc', 'jsonlines', 'recordio-protobuf', 'libsvm'];

/** The first bucket a training job reads (directly or through prep) that states a prop, with its value. */
function bucketStating<K extends 'labelledRows'>(
  g: Graph,
  training: string,
  prop: K,
): { bucket: GNode<'s3-bucket'>; value: number } | null {
  for (const n of [...sourcesOf(g, training).map((s) => s.node), ...dataLineage(g, training)])
    if (n.kind === 's3-bucket') {
      const v = (n as GNode<'s3-bucket'>).props[prop];
      if (typeof v === 'number') return { bucket: n as GNode<'s3-bucket'>, value: v };
    }
  return null;
}

/**
 * Feature columns of the data a training job learns from: the buckets' featureNames less the columns a prep step
 * upstream drops (feature selection), else the default 20.
 */
export function featureCount(g: Graph, training: string): number {
  const names = new Set<string>();
  for (const n of dataLineage(g, training))
    if (n.kind === 's3-bucket') for (const f of (n as GNode<'s3-bucket'>).props.featureNames ?? []) names.add(f);
  if (!names.size) return FEASIBILITY.defaultFeatures;
  for (const p of prepUpstream(g, training))
    for (const c of Array.isArray(p.props.dropColumns) ? p.props.dropColumns : []) names.delete(String(c).trim());
  return Math.max(1, names.size);
}

/** Labelled rows a training job's model needs. */
export function rowsNeeded(g: Graph, t: GNode<'training-job'>): { needed: number; features: number } {
  const features = featureCount(g, t.id);
  const task = taskOf(g, t.id)?.task;
  if (task && UNSTRUCTURED.includes(task)) return { needed: FEASIBILITY.unstructuredRows, features };
  const per = FEASIBILITY.rowsPerFeature[String(t.props.algorithm)] ?? FEASIBILITY.defaultRowsPerFeature;
  return { needed: Math.max(FEASIBILITY.minRows, per * features), features };
}

export interface LabelShortfall {
  bucket: string;
  rows: number;
  needed: number;
  features: number;
  algorithm: string;
}

/** too-little-labelled-data: the bucket's labelled rows are fewer than the model needs; null when enough. */
export function labelShortfall(g: Graph, training: string): LabelShortfall | null {
  const t = g.nodeOf(training, 'training-job');
  const s = bucketStating(g, training, 'labelledRows');
  if (!s) return null;
  const { needed, features } = rowsNeeded(g, t);
  if (s.value >= needed) return null;
  return { bucket: s.bucket.id, rows: s.value, needed, features, algorithm: String(t.props.algorithm) };
}

/** Spread (±, AUC) of a validation figure measured on a 20% split of `rows` labelled rows. */
export const validationSpread = (rows: number): number => Math.min(0.15, 0.5 / Math.sqrt(Math.max(10, 0.2 * rows)));

export interface TabularGpu {
  instanceType: string;
  gpuModel: string;
  datasetGB: number;
  task: string;
  bucket: string;
  /** Hourly price of the GPU instance and of the CPU instance boosted trees need, per instance. */
  gpuPerHour: number;
  cpuPerHour: number;
  cpuType: string;
}

/** The CPU instance XGBoost is recommended on (general purpose, memory-bound algorithm). */
export const TABULAR_CPU_TYPE = FALLBACK_INSTANCE_TYPE;

/** gpu-network-on-tabular-data: a deep network on a GPU instance for small tabular data; null otherwise. */
export function tabularGpuNetwork(g: Graph, t: GNode<'training-job'>): TabularGpu | null {
  if (t.props.algorithm !== 'custom') return null;
  const type = instanceType(String(t.props.instanceType));
  if (!type || type.gpus === 0) return null;
  const task = taskOf(g, t.id);
  if (!task || !TABULAR.includes(task.task)) return null;
  const sources = sourcesOf(g, t.id);
  if (sources.some((s) => s.node.kind === 's3-bucket' && !TABULAR_FORMATS.includes(s.format))) return null;
  const gb = sources.reduce((a, s) => a + s.gb, 0);
  if (gb > FEASIBILITY.smallTabularGB) return null;
  const cpu = instanceType(TABULAR_CPU_TYPE)!;
  return {
    instanceType: type.name,
    gpuModel: type.gpuModel ?? 'GPU',
    datasetGB: Math.round(gb * 100) / 100,
    task: task.task,
    bucket: task.bucket,
    gpuPerHour: type.pricePerHourUSD,
    cpuPerHour: cpu.pricePerHourUSD,
    cpuType: cpu.name,
  };
}

/** AUC a linear model loses on data whose signal is in feature interactions. */
export const INTERACTION_PENALTY = 0.15;

/** linear-model-on-interactions: Linear Learner, not stacked, on data with interactions; the bucket, else null. */
export function interactionUnderfit(g: Graph, t: GNode<'training-job'>): { bucket: string } | null {
  if (t.props.algorithm !== 'linear-learner') return null;
  if (propsByName(t.props).ensemble === 'stacking') return null;
  for (const n of dataLineage(g, t.id))
    if (n.kind === 's3-bucket' && (n as GNode<'s3-bucket'>).props.interactions) return { bucket: n.id };
  return null;
}

/** Whether a bucket states that it keeps no object versions (versioning Off or Suspended; null is not judged). */
export const unversioned = (n: GNode): boolean =>
  n.kind === 's3-bucket' &&
  ((n as GNode<'s3-bucket'>).props.versioning === 'Off' || (n as GNode<'s3-bucket'>).props.versioning === 'Suspended');

/** The S3 buckets in a training job's data lineage that state they keep no object versions (document order). */
export const unversionedBuckets = (g: Graph, training: string): GNode<'s3-bucket'>[] =>
  dataLineage(g, training).filter((n): n is GNode<'s3-bucket'> => unversioned(n));
