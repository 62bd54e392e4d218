import { IMBALANCE } from '../shared/data';

/**
 * Timing and sizing assumptions of the job lifecycles, in one place. They are teaching figures chosen
 * so that the lessons of the sheet show on a one-hour timeline (File mode waits on big data, spot
 * restarts cost twice, Data Wrangler stalls on terabytes), not measurements of AWS.
 */
export const JOB_TIMING = {
  /** Starting (instances launched, image pulled) before the first billed phase, s. Not billed. */
  startingSec: 120,
  /** Ground Truth labelling job set-up (work team notified, manifest read), s. */
  labelingStartSec: 60,
  /** File mode: S3 → EBS copy speed of one instance, GB/s (about 100 MB/s). */
  fileDownloadGBps: 0.1,
  /**
   * Read throughput of the input data shared by all instances of a job, GB/s. Each instance copies
   * the full dataset (S3DataDistributionType FullyReplicated, the AWS default), so up to 10 instances
   * download as fast as one; beyond that they share this and the copy gets slower.
   */
  sourceGBps: 1,
  /** Fixed part of any download or upload (listing, connections), s. */
  transferOverheadSec: 10,
  /** Pipe / FastFile: the stream or mount is ready after this, s ("start at once"). */
  streamSetupSec: 5,
  /** Uploading: model.tar.gz or output written to S3 at this speed, GB/s (plus the overhead). */
  uploadGBps: 0.1,
  /** Each extra instance adds this fraction of one instance's speed to Training (90% scaling). */
  scalingEfficiency: 0.9,
  /** Model parallelism on a model that fits one GPU: Training takes this many times longer. */
  modelParallelOverhead: 1.25,
  /** Processing: seconds per GB of input per instance (PySpark spreads over instances). */
  pysparkSecPerGB: 30,
  /** Processing with scikit-learn: seconds per GB; it runs on one node, extra instances do not help. */
  sklearnSecPerGB: 60,
  /** Data Wrangler: seconds per GB of input for import + transforms on its ml.m5.4xlarge. */
  wranglerSecPerGB: 1.5,
  /** Data Wrangler past 1 TB: the flow stalls this long (memory thrash) before it fails, s. */
  wranglerStallSec: 1800,
  /** Data Wrangler export (writing the flow's output), s. */
  wranglerExportSec: 30,
  /** Human labelling throughput of the workforce, objects/s (about 100 workers at 30 s per object). */
  humanObjectsPerSec: 3,
  /** Automated (active learning) labelling throughput, objects/s. */
  autoObjectsPerSec: 100,
  /** Batch transform: MB of input one instance runs through the model per second. */
  transformMBps: 10,
  /** Batch transform: progress is accounted in ticks of this many seconds (no event per mini-batch). */
  transformTickSec: 30,
  /** Labelling progress tick, s. */
  labelingTickSec: 60,
  /**
   * S3 GET requests one training instance completes per second when it reads many objects (a teaching figure:
   * tens of ms to first byte, a few requests in flight). Under 1 MB per object (100 MB/s ÷ 100 GET/s) the
   * requests, not the bytes, set the read time (small-files-slow-input).
   */
  s3GetsPerSecPerInstance: 100,
  /** GET/HEAD requests per second S3 serves on one partitioned prefix (AWS: at least 5,500). */
  s3GetsPerSecPerPrefix: 5500,
  /** small-files-slow-input is raised when the per-object requests take at least this long, s. */
  smallFilesMinSec: 300,
  /** Spot: after an interruption, seconds until capacity is back and the job restarts. */
  spotRecapacitySec: 180,
  /** Spot: random interruptions happen only on long jobs, whose Training phase is at least this long, s (2 hours). */
  spotRandomMinTrainingSec: 2 * 3600,
  /** Spot: mean training time between random interruptions on such long jobs, s (4 hours). */
  spotMeanSecBetweenInterruptions: 4 * 3600,
} as const;

/** Sizes used to turn a dataset's GB into objects, files and records. */
export const DATA_SIZES = {
  /** Ground Truth: one object to label is taken as 1 MB (an image or a short document): 1,000 objects per GB. */
  objectsPerGB: 1000,
  /**
   * Batch transform, SplitType "None": each file is one record. Tabular and text datasets are taken as
   * stored in part files of 64 MB (a Spark/Hadoop block; smaller datasets are one file).
   */
  partFileMB: 64,
  /** Batch transform, SplitType "None" on an "image" dataset: one image per file of 0.5 MB. */
  imageFileMB: 0.5,
  /**
   * Batch transform, SplitType "Line"/"RecordIO": one record (a row) is 1 KB; mini-batches are filled up to
   * MaxPayloadInMB.
   */
  recordMB: 0.001,
  /** Batch transform with MaxPayloadInMB 0 (no limit, HTTP chunked encoding): mini-batches of this size, MB. */
  unlimitedBatchMB: 64,
  /** Data Wrangler scale limit (the sheet: it does not scale to multi-TB), GB. */
  wranglerLimitGB: 1000,
  /** Ground Truth: above this many GB without active learning the labelling cost warning shows. */
  labelingWarnGB: 10,
  /** Objects of under this many MB on average are small: per-request overhead outweighs their transfer. */
  smallObjectMB: 1,
  /** File mode slow start: datasets over this many GB spend long in Downloading. */
  slowStartGB: 100,
  /** Accuracy misleads when the positive class ratio is below this or above 1 minus it. */
  imbalance: IMBALANCE,
} as const;

/**
 * File system throughput, MB/s (MiB/s for EFS, taken as MB/s). AWS figures:
 * - FSx for Lustre SSD: SCRATCH_2 200 MB/s per TiB of storage (baseline); PERSISTENT_2 its PerUnitStorageThroughput
 *   (125, 250, 500 or 1000) per TiB (https://docs.aws.amazon.com/fsx/latest/LustreGuide/ssd-storage.html).
 * - EFS bursting: 50 KiB/s per GiB stored as baseline; every file system bursts to 100 MiB/s (100 MiB/s per TiB
 *   above 1 TiB) while it has burst credits, which SageSim takes as available for a training job's read
 *   (https://repost.aws/knowledge-center/efs-choosing-correct-throughput-mode). Elastic: up to 1,500 MiB/s read per
 *   client (https://docs.aws.amazon.com/efs/latest/ug/performance.html). Provisioned: ProvisionedThroughputInMibps.
 */
export const FILE_SYSTEM = {
  scratchMBpsPerTiB: 200,
  efsBurstMBps: 100,
  efsBurstMBpsPerTiB: 100,
  efsElasticMBpsPerClient: 1500,
} as const;
