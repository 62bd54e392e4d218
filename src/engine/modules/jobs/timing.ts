import { CPU_DEEP_NETWORK_SLOWDOWN } from '../../../catalog/feasibility';
import { instanceType } from '../../../catalog/instances';
import type { GNode, Graph } from '../../../model/graph';
import { DATA_SIZES, FILE_SYSTEM, JOB_TIMING as T } from './constants';
import { sourcesOf } from './data';

/**
 * File mode copy time, s: each instance copies the full dataset (FullyReplicated) at
 * `fileDownloadGBps`, while all instances together read at most `sourceGBps` from the source.
 */
export function fileDownloadSec(gb: number, instances: number): number {
  const perInstance = Math.min(T.fileDownloadGBps, T.sourceGBps / Math.max(1, instances));
  return T.transferOverheadSec + gb / perInstance;
}

/** Training speed-up of `n` instances: each extra instance adds 90% of one. */
export const speedup = (n: number): number => 1 + T.scalingEfficiency * (Math.max(1, n) - 1);

/** GB a job copies or streams from its sources: everything but the file systems it mounts. */
export const copiedGB = (g: Graph, id: string): number =>
  sourcesOf(g, id).reduce((a, s) => a + (s.node.kind === 'file-system' ? 0 : s.gb), 0);

/** The aggregate read throughput a file system gives a job of `instances` instances, MB/s. */
export function fileSystemMBps(fs: GNode<'file-system'>, instances: number): number {
  const p = fs.props;
  if (p.fsType === 'fsx-lustre') {
    const tib = Number(p.storageGiB) / 1024;
    const perTiB = p.deploymentType === 'SCRATCH_2' ? FILE_SYSTEM.scratchMBpsPerTiB : Number(p.perUnitThroughput);
    return tib * perTiB;
  }
  if (p.throughputMode === 'provisioned') return Number(p.provisionedMiBps);
  if (p.throughputMode === 'elastic') return FILE_SYSTEM.efsElasticMBpsPerClient * Math.max(1, instances);
  const tib = (Number(p.datasetGB) || 0) / 1024;
  return Math.max(FILE_SYSTEM.efsBurstMBps, FILE_SYSTEM.efsBurstMBpsPerTiB * tib);
}

/**
 * Seconds the job's instances need to read what they mount: each instance reads all of it (FullyReplicated) and all
 * share the file system's throughput.
 */
export function fileSystemReadSec(g: Graph, n: GNode<'training-job'>): number {
  const count = Math.max(1, Number(n.props.instanceCount));
  let sec = 0;
  for (const fs of g.in(n.id, 'file-system'))
    sec += ((Number(fs.props.datasetGB) || 0) * 1024 * count) / Math.max(1e-6, fileSystemMBps(fs, count));
  return sec;
}

/** A bucket's objects, when the document says how many (null: part files of 64 MB, no per-object overhead). */
export function smallObjects(b: GNode<'s3-bucket'>): { objects: number; avgMB: number } | null {
  const objects = b.props.objectCount;
  if (typeof objects !== 'number' || objects <= 0) return null;
  return { objects, avgMB: ((Number(b.props.datasetGB) || 0) * 1024) / objects };
}

/** GET requests per second each instance completes: 100, or its share of the prefix's 5,500 (AWS). */
export const getsPerInstance = (instances: number): number =>
  Math.min(T.s3GetsPerSecPerInstance, T.s3GetsPerSecPerPrefix / Math.max(1, instances));

/**
 * Seconds of per-object requests when a job reads buckets of many small objects (each instance GETs every object;
 * buckets without an objectCount add nothing). Only buckets whose objects average under 1 MB count.
 */
export function requestSec(g: Graph, n: GNode<'training-job'>): number {
  const rate = getsPerInstance(Number(n.props.instanceCount));
  let sec = 0;
  for (const b of g.in(n.id, 's3-bucket')) {
    const o = smallObjects(b);
    if (o && o.avgMB < DATA_SIZES.smallObjectMB) sec += o.objects / rate;
  }
  return sec;
}

/**
 * How many times longer the job's Training phase takes because a deep network timed on a GPU (gpuNetwork, script mode)
 * runs on an instance without one: CPU_DEEP_NETWORK_SLOWDOWN (SageSim's estimate), else 1. An instance type the
 * catalog does not know is not judged.
 */
export function cpuSlowdown(n: GNode<'training-job'>): number {
  if (n.props.algorithm !== 'custom' || n.props.gpuNetwork !== true) return 1;
  const t = instanceType(String(n.props.instanceType));
  return t && t.gpus === 0 ? CPU_DEEP_NETWORK_SLOWDOWN : 1;
}

/** Phase lengths of one training job attempt, s. */
export interface TrainingPlan {
  datasetGB: number;
  startingSec: number;
  downloadSec: number;
  /** Training from zero to the end (the whole Training phase). */
  trainingSec: number;
  uploadSec: number;
  /** Seconds into Downloading at which a File-mode volume is full (file-mode-disk-full); null = the data fits. */
  diskFullAtSec: number | null;
  /** The job mounts a file system (EFS / FSx for Lustre): its input needs no copy. */
  mounts: boolean;
  /** Seconds the instances take to read what they mount (the Training phase lasts at least this long). */
  fsReadSec: number;
}

/**
 * Phase lengths of a training job:
 * - Starting: `startingSec` (not billed).
 * - Downloading: File mode copies the data (fileDownloadSec); Pipe and FastFile start at once (`streamSetupSec`).
 *   A file system (EFS, FSx for Lustre) is mounted, never copied. Buckets of many small objects add their per-object
 *   requests (requestSec): to Downloading in File mode, to Training in Pipe and FastFile (each object read).
 * - Training: trainingMinutes on one instance, shortened by more instances (speedup), lengthened ×1.25 by
 *   model parallelism a model does not need and ×10 for a deep network timed on a GPU that runs on a CPU instance
 *   (cpuSlowdown). Pipe mode on a format the algorithm cannot stream gains
 *   nothing: its Training phase also carries the time File mode would have spent downloading. It lasts at least as
 *   long as reading a mounted file system at its throughput.
 * - Uploading: the model artifact (modelSizeGB) at `uploadGBps`.
 */
export function trainingPlan(
  g: Graph,
  n: GNode<'training-job'>,
  pipeSlow: boolean,
  parallelOverhead: boolean,
): TrainingPlan {
  const gb = copiedGB(g, n.id);
  const count = Number(n.props.instanceCount);
  const file = n.props.inputMode === 'File';
  const copy = fileDownloadSec(gb, count);
  const requests = requestSec(g, n);
  let training = (Number(n.props.trainingMinutes) * 60 * cpuSlowdown(n)) / speedup(count);
  if (parallelOverhead) training *= T.modelParallelOverhead;
  if (pipeSlow) training += copy;
  if (!file) training += requests;
  const fsReadSec = fileSystemReadSec(g, n);
  training = Math.max(training, fsReadSec);
  const volume = Number(n.props.volumeGB);
  const mounts = g.in(n.id, 'file-system').length > 0;
  return {
    datasetGB: gb,
    startingSec: T.startingSec,
    downloadSec: file && (gb > 0 || !mounts) ? copy + requests : T.streamSetupSec,
    trainingSec: training,
    uploadSec: T.transferOverheadSec + Number(n.props.modelSizeGB) / T.uploadGBps,
    diskFullAtSec: file && gb > volume ? fileDownloadSec(volume, count) : null,
    mounts,
    fsReadSec,
  };
}
