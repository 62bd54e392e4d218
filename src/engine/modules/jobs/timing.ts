import type { GNode, Graph } from '../../../model/graph';
import { JOB_TIMING as T } from './constants';
import { datasetGB } from './data';

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
}

/**
 * Phase lengths of a training job:
 * - Starting: `startingSec` (not billed).
 * - Downloading: File mode copies the data (fileDownloadSec); Pipe and FastFile start at once (`streamSetupSec`).
 * - Training: trainingMinutes on one instance, shortened by more instances (speedup), lengthened ×1.25 by
 *   model parallelism a model does not need. Pipe mode on a format the algorithm cannot stream gains
 *   nothing: its Training phase also carries the time File mode would have spent downloading.
 * - Uploading: the model artifact (modelSizeGB) at `uploadGBps`.
 */
export function trainingPlan(
  g: Graph,
  n: GNode<'training-job'>,
  pipeSlow: boolean,
  parallelOverhead: boolean,
): TrainingPlan {
  const gb = datasetGB(g, n.id);
  const count = Number(n.props.instanceCount);
  const file = n.props.inputMode === 'File';
  const copy = fileDownloadSec(gb, count);
  let training = (Number(n.props.trainingMinutes) * 60) / speedup(count);
  if (parallelOverhead) training *= T.modelParallelOverhead;
  if (pipeSlow) training += copy;
  const volume = Number(n.props.volumeGB);
  return {
    datasetGB: gb,
    startingSec: T.startingSec,
    downloadSec: file ? copy : T.streamSetupSec,
    trainingSec: training,
    uploadSec: T.transferOverheadSec + Number(n.props.modelSizeGB) / T.uploadGBps,
    diskFullAtSec: file && gb > volume ? fileDownloadSec(volume, count) : null,
  };
}
