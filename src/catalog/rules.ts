/**
 * The rule catalog: one entry per rule id of shared/spec/rules.md (the contract), in its order
 * (D1, D2, D3, D4). Each entry is the data behind a rule — the cheat-sheet fact it teaches, the
 * AWS-style message a user sees, the fix and, where AWS documents something other than the sheet,
 * a `docs` note. The engine reports incidents and findings under these ids; the UI's "why?" panel
 * shows the entry.
 *
 * Messages carry `{name}` placeholders filled by `formatMessage` from the incident's details.
 * `{node}` is always the id (or label) of the node the rule happens on; other names are listed in
 * each message (e.g. `{sizeMB}`, `{limitMB}`, `{endpointType}`, `{bucket}`, `{image}`, `{role}`,
 * `{key}`, `{format}`, `{algorithm}`, `{models}`, `{cached}`, `{status}`…). A placeholder with no
 * value is left as written.
 */
import type { Kind, RuleDef } from './types';

const ENTRIES: RuleDef[] = [
  // ── D1 · Data preparation ──────────────────────────────────────────────────────
  {
    id: 'wrangler-scale-limit',
    domain: 'D1',
    severity: 'error',
    area: 'jobs',
    static: true,
    title: 'Data Wrangler past its scale',
    sheet:
      "Data Wrangler is Studio's visual tool (300+ transforms) for medium-sized data; it does not scale to " +
      'multi-terabyte datasets. For production-scale preparation the recipe is exported and run as a ' +
      'Processing job.',
    fix:
      'Export the flow (a data-wrangler → processing-job edge) and run it as a processing-job with framework ' +
      '"pyspark" and enough instanceCount; keep Data Wrangler for exploring a sample.',
    docs: null,
    message:
      'MemoryError: Data Wrangler flow {node} ran out of memory after {stallMin} min processing {datasetGB} GB ' +
      'of input; the kernel was restarted and the flow failed.',
    trigger: 'a data-wrangler reads more than 1 TB (the sheet: it does not scale to multi-TB)',
    inRun: 'its flow fails (out of memory) after a long stall',
  },
  {
    id: 'scaler-leakage',
    domain: 'D1',
    severity: 'warning',
    area: 'mlops',
    static: true,
    title: 'Scaler fit on full dataset',
    sheet:
      'Scaling statistics (mean, standard deviation, min/max) are learned from the training split alone and ' +
      'then applied to validation and test; fitting them on all the data leaks information and inflates ' +
      'validation scores.',
    fix:
      'Set the processing-job\'s scalerFit to "train-split": fit the scaler on the training split only and ' +
      'transform validation/test with those statistics.',
    docs: null,
    message:
      'Model quality degraded in production: {version}, trained by {training} on data prepared by {node}, ' +
      'scored validation {metric} {validation} but serves at {production} on {endpoint}; {node} fit its scaler ' +
      'on the full dataset, leaking validation statistics into training.',
    trigger: 'a processing-job has scalerFit: "full-dataset"',
    inRun:
      'training and validation metrics look inflated; after deploy, model quality falls (a model-quality ' +
      'monitor, if present, raises a violation)',
  },
  {
    id: 'point-in-time-leakage',
    domain: 'D1',
    severity: 'warning',
    area: 'mlops',
    static: true,
    title: 'Features read without time travel',
    sheet:
      'Feature Store keeps each record with its event time; building training sets with a point-in-time ' +
      "(event_time) filter keeps feature values from after each label's moment out of training, which prevents " +
      'leakage.',
    fix:
      'Set the training-job\'s featureQuery to "point-in-time": build the training set with a point-in-time ' +
      "(time-travel) query on the feature group's event time, so each row only sees feature values from before " +
      'its label.',
    docs:
      'Every feature group has an event time: CreateFeatureGroup requires EventTimeFeatureName ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateFeatureGroup.html). Leakage comes ' +
      'from reading the offline store for the latest values instead of a point-in-time query.',
    message:
      'Model quality degraded in production: training job {training} read feature group {node} for its latest ' +
      "values instead of a point-in-time query on the event time, so values from after each label's time " +
      'leaked in ({version}: validation {metric} {validation}, {production} serving on {endpoint}).',
    trigger:
      'a training-job reads a feature-store\'s offline store with featureQuery: "latest" instead of a ' +
      'point-in-time query',
    inRun: 'same symptom as leakage: validation inflated, production worse',
  },
  {
    id: 'offline-store-online-lookup',
    domain: 'D1',
    severity: 'warning',
    area: 'inference',
    static: true,
    title: 'Real-time lookup hits offline store',
    sheet:
      'The online store serves the latest feature values in single-digit milliseconds for real-time inference; ' +
      'the offline store is Parquet in S3 for training and batch inference, and a query on it takes seconds.',
    fix:
      "Set the feature-store's online to true (OnlineStoreConfig) and have the endpoint read with GetRecord from " +
      'the online store; keep the offline store for training.',
    docs: null,
    message:
      'Feature group {featureStore} has no online store: each request to {node} ran an offline (Athena over ' +
      'S3) query taking {lookupMs} ms instead of a single-digit-ms GetRecord.',
    trigger: 'an endpoint reads features from a feature-store whose online is false',
    inRun:
      'each request pays an offline (S3/Athena) read: seconds, not single-digit ms; p99 latency explodes, ' +
      'real-time timeouts follow',
  },
  {
    id: 'training-serving-skew',
    domain: 'D1',
    severity: 'warning',
    area: 'mlops',
    static: true,
    title: 'Training-serving skew from two pipelines',
    sheet:
      'When one feature pipeline writes both the online and the offline store, training and inference see ' +
      'features computed the same way, so there is no training-serving skew.',
    fix:
      'Feed the endpoint from the same feature-store that feeds its training-job (a feature-store → endpoint ' +
      'edge, one ingestion pipeline for both stores) instead of recomputing features at inference.',
    docs: null,
    message:
      'Model quality drifting on {node} since deployment: its inference features do not come from feature ' +
      'group {featureStore}, which fed training job {training} (training-serving skew).',
    trigger:
      'an endpoint does inference-time feature work that does not come from the same feature-store that fed ' +
      'its training job, while that training job read from a feature store',
    inRun: 'model quality drifts from day one',
  },
  {
    id: 'sensitive-data-public-workforce',
    domain: 'D1',
    severity: 'error',
    area: 'jobs',
    static: true,
    title: 'Sensitive data sent to public workforce',
    sheet:
      'The Mechanical Turk workforce is for cheap, general, high-volume labelling; medical, legal or ' +
      'proprietary data belongs with a private workforce of your own people.',
    fix:
      'Set the ground-truth job\'s workforce to "private" (a private work team) whenever an input bucket has ' +
      'sensitive: true.',
    docs: null,
    message:
      'ValidationException: Labeling job {node} uses the public Amazon Mechanical Turk workforce but its input ' +
      's3://{bucket} holds sensitive data; a public workforce only accepts data declared ' +
      'FreeOfPersonallyIdentifiableInformation.',
    trigger: 'a ground-truth job with workforce: "mturk" reads a bucket with sensitive: true',
    inRun: 'labelling job is flagged (security/compliance error)',
  },
  {
    id: 'labeling-without-active-learning',
    domain: 'D1',
    severity: 'warning',
    area: 'jobs',
    static: true,
    title: 'Large labeling job without active learning',
    sheet:
      'Active learning (automated data labelling) lets a model label the items it is confident about and sends ' +
      'only the ambiguous ones to humans; the sheet credits it with roughly 70% lower labelling cost.',
    fix: "Set the ground-truth job's activeLearning to true (automated data labeling) for large datasets.",
    docs:
      'The ~70% saving is an AWS marketing figure, not a guarantee. Automated data labeling needs at least 1,250 ' +
      'objects and is offered for only four task types (image classification, object detection with bounding ' +
      'boxes, semantic segmentation, text classification).',
    message:
      'Labeling job {node} sends all {objects} objects ({datasetGB} GB) to human workers: automated data ' +
      'labeling is off (estimated labeling cost {costUSD} USD; active learning would save about {savingUSD} ' +
      'USD).',
    trigger: 'ground-truth with activeLearning: false on a dataset over 10 GB',
    inRun: 'warning with cost: active learning would auto-label confident items (the sheet: about 70% less)',
  },
  {
    id: 'file-mode-disk-full',
    domain: 'D1',
    severity: 'error',
    area: 'jobs',
    static: true,
    title: 'File mode overflows training volume',
    sheet:
      "File mode copies the whole dataset from S3 onto the instance's EBS volume before training, so the " +
      'volume must hold it; Pipe streams the data and FastFile mounts S3, so neither needs that space.',
    fix:
      'Set the training-job\'s inputMode to "Pipe" or "FastFile", or raise volumeGB ' +
      '(ResourceConfig.VolumeSizeInGB) above the dataset size.',
    docs: null,
    message:
      'ClientError: Please ensure that the training volume is large enough for the input data: downloading ' +
      '{datasetGB} GB to a {volumeGB} GB volume failed with [Errno 28] No space left on device',
    trigger: 'training-job with inputMode: "File" and dataset larger than volumeGB',
    inRun: 'download phase fails: no space left on the volume',
  },
  {
    id: 'slow-start-file-mode',
    domain: 'D1',
    severity: 'info',
    area: 'jobs',
    static: true,
    title: 'Long download before training',
    sheet:
      'In File mode the job waits for the complete copy from S3 before its first step; Pipe streams the data ' +
      'as a FIFO and FastFile mounts S3, so both start training almost at once on large datasets.',
    fix:
      'Set the training-job\'s inputMode to "Pipe" (fastest with recordio-protobuf for built-in algorithms) or ' +
      '"FastFile" (random access over an S3 mount).',
    docs: null,
    message:
      'Training job {node} stayed {downloadMin} min in SecondaryStatus Downloading ("Downloading input data", ' +
      '{datasetGB} GB) before Training started.',
    trigger: 'inputMode: "File" with a dataset over 100 GB',
    inRun: 'the job spends long in Downloading before Training (shown on the timeline); Pipe/FastFile start at once',
  },
  // ── D1 · Data preparation: feature engineering with consequences (issue 16) ──
  {
    id: 'one-hot-high-cardinality',
    domain: 'D1',
    severity: 'error',
    area: 'jobs',
    static: true,
    title: 'One-hot encoding exhausts memory',
    sheet:
      'One-hot encoding makes a column per category: right for a handful of categories, ruinous for tens of ' +
      'thousands (the data multiplies and no longer fits in memory). High-cardinality categories call for ' +
      'target encoding (out-of-fold), binary or hashed encodings, or embeddings.',
    fix:
      'On the processing-job / data-wrangler, replace "one-hot" in transforms with "target-encoding-oof" or ' +
      '"binary-encoding" for the high-cardinality column (or run the encoding in PySpark, which keeps sparse ' +
      'vectors).',
    docs:
      "Data Wrangler's Encode categorical transform offers one-hot and ordinal encoding " +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/data-wrangler-transform.html); a scikit-learn processing ' +
      "job holds its data in one instance's memory.",
    message:
      'MemoryError: {node} ran out of memory one-hot encoding a column with {cardinality} categories: ' +
      '{datasetGB} GB of input grows to about {expandedGB} GB, more than the {memoryGiB} GiB of {instanceType}.',
    trigger:
      'a scikit-learn processing-job or a data-wrangler with transform "one-hot" whose input\'s cardinality ' +
      'makes the encoded data larger than the instance memory',
    inRun: 'the job fails with MemoryError partway through processing',
  },
  {
    id: 'target-encoding-leakage',
    domain: 'D1',
    severity: 'warning',
    area: 'mlops',
    static: true,
    title: 'Target encoding leaks the label',
    sheet:
      'Target (mean) encoding replaces a category by the average label of its rows; computed on all rows, each ' +
      "row's own label leaks into its feature and validation looks better than production. Compute it out of " +
      'fold (on other folds only) and fit it on the training split.',
    fix:
      'Use "target-encoding-oof" (out-of-fold, fitted on the training split) instead of "target-encoding" in the ' +
      "processing-job's transforms.",
    docs: null,
    message:
      'Model quality degraded in production: {version}, trained by {training} on data encoded by {node}, ' +
      'scored validation {metric} {validation} but serves at {production} on {endpoint}.',
    trigger:
      'a processing-job or data-wrangler upstream of a training-job applies transform "target-encoding" (not ' +
      'out-of-fold)',
    inRun: 'validation inflated (+0.06 AUC); after deploy the model serves worse than its validation said',
  },
  {
    id: 'resampling-before-split',
    domain: 'D1',
    severity: 'warning',
    area: 'mlops',
    static: true,
    title: 'SMOTE applied before the split',
    sheet:
      'Oversampling (random or SMOTE) fixes class imbalance only when it is applied to the training split ' +
      'after the train/validation split; before it, synthetic copies of validation rows reach training and ' +
      'validation scores are inflated.',
    fix:
      'Split first, then oversample the training split only: use "smote" instead of "smote-before-split" in the ' +
      'transforms (or class weights such as XGBoost scale_pos_weight).',
    docs:
      "Data Wrangler's Balance data transform offers random oversampling, random undersampling and SMOTE " +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/data-wrangler-transform.html).',
    message:
      'Model quality degraded in production: {version}, trained by {training} on data resampled by {node}, ' +
      'scored validation {metric} {validation} but serves at {production} on {endpoint}.',
    trigger: 'a processing-job or data-wrangler upstream of a training-job applies transform "smote-before-split"',
    inRun: 'validation inflated (+0.05 AUC); after deploy the model serves worse than its validation said',
  },
  {
    id: 'pretraining-bias',
    domain: 'D1',
    severity: 'warning',
    area: 'data',
    static: false,
    title: 'Training data biased against facet',
    sheet:
      'SageMaker Clarify measures bias in the training data before any model exists: class imbalance (CI) ' +
      'shows a facet under-represented, the difference in proportions of labels (DPL) shows it receiving ' +
      'positive labels less often. Bias found here is fixed in the data: collect more data of the facet, ' +
      'resample or reweight it.',
    fix:
      'Fix the data the s3-bucket holds: collect or oversample rows of the under-represented facet (facetShare ' +
      'towards 0.5), relabel or reweight so that positive-label rates agree (labelRateGap towards 0); then run ' +
      'the Clarify check again.',
    docs:
      'AWS Clarify pre-training bias metrics, CI = (na − nd)/(na + nd) and DPL = qa − qd, both in [−1, 1] ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-bias-metric-class-imbalance.html, ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-data-bias-metric-true-label-imbalance.html). AWS ' +
      "reports the metrics without pass/fail limits: the clarify node's maxClassImbalance and maxLabelGap are " +
      "the team's choice.",
    message:
      'Clarify pre-training bias report for {bucket}: class imbalance CI = {ci}, difference in proportions of ' +
      'labels DPL = {dpl} (limits |CI| ≤ {maxCi}, |DPL| ≤ {maxDpl}).',
    trigger:
      'an s3-bucket → clarify edge where |1 − 2·facetShare| exceeds maxClassImbalance or |labelRateGap| ' +
      'exceeds maxLabelGap',
    inRun: 'the Clarify processing job completes and its report flags the metric, on the clarify node',
  },
  // ── D1 · data-quality gate (issue 16, data-d1) ─────────────────────────────────
  {
    id: 'data-quality-check-failed',
    domain: 'D1',
    severity: 'error',
    area: 'data',
    static: false,
    title: 'Data-quality rule failed',
    sheet:
      'Check data quality before it reaches training: AWS Glue Data Quality (DQDL rules such as Completeness, ' +
      'IsUnique, ColumnValues between), Glue DataBrew profile jobs with data-quality rules, or Deequ in a ' +
      'processing job. A failed rule stops the job, so a pipeline stops there and the previous model stays in ' +
      'service.',
    fix:
      'This is the gate working: fix the data at its source (the upstream export), then rerun the pipeline. Keep ' +
      'the rule.',
    docs:
      "Glue Data Quality's EvaluateDataQuality transform takes a DQDL ruleset and StopJobOnFailureOptions to " +
      'stop the job when the evaluation fails ' +
      '(https://docs.aws.amazon.com/glue/latest/webapi/API_EvaluateDataQuality.html); rule types Completeness ' +
      'and ColumnValues (https://docs.aws.amazon.com/glue/latest/dg/dqdl-rule-types.html). SageSim runs the ' +
      "ruleset on a processing step's input, before its transforms.",
    message:
      'ClientError: data quality evaluation of {input} failed: rule {dqdl} (measured {measured}); stopping the ' +
      'job on the failed ruleset.',
    trigger:
      'a processing-job with qualityRules whose input fails one: completeness when 1 − missingRatio < ' +
      'minCompleteness, range when the input has outliers',
    inRun:
      'the job fails before it transforms anything; in a pipeline the execution fails at that step and no ' +
      'later step runs',
  },
  {
    id: 'trained-on-bad-data',
    domain: 'D1',
    severity: 'warning',
    area: 'data',
    static: false,
    title: 'Model trained on a broken batch',
    sheet:
      'Bad data that no check stops flows into training: a batch with a mostly empty column still trains, and ' +
      'the model is worse for it. Data-quality rules in the processing step (Glue Data Quality, DataBrew, ' +
      'Deequ) stop the pipeline before the training step.',
    fix:
      'Add a data-quality gate to the processing step that reads the batch: qualityRules ["completeness"] ' +
      '(minCompleteness about 0.95), so the pipeline stops on the broken batch and the model in service stays.',
    docs:
      'Our own model: input with more than 30% of its cells missing costs the model 0.1 AUC, imputed or not (one ' +
      'filled-in value carries no signal). The checks that catch it are Glue Data Quality rules such as ' +
      'Completeness (https://docs.aws.amazon.com/glue/latest/dg/dqdl-rule-types.html).',
    message:
      'Model {version} trained by {node} scores validation {metric} {validation}, down from {previous} for the ' +
      'model before it.',
    trigger: 'a training-job completes on data (any bucket upstream) with missingRatio above 0.3',
    inRun: 'when the training job completes: its new model version scores 0.1 AUC lower',
  },
  // ── D1 · joining sources (issue 16, data-d1) ───────────────────────────────────
  {
    id: 'join-out-of-memory',
    domain: 'D1',
    severity: 'error',
    area: 'jobs',
    static: false,
    title: 'Join runs out of memory',
    sheet:
      'Joining large sources needs a distributed engine: pandas or scikit-learn in one processing job holds ' +
      "both sides and the result in one instance's memory. Spark (a PySpark processing job, an AWS Glue job, " +
      'or Spark on Amazon EMR) partitions the join over many instances and spills to disk.',
    fix:
      'Run the join with PySpark on several instances (processing-job framework "pyspark", instanceCount 2 or ' +
      'more) — or as a Glue or EMR Spark job — or give the scikit-learn job an instance with enough memory (a ' +
      'memory-optimised ml.r5).',
    docs:
      "SageMaker's prebuilt Spark images run distributed data processing jobs, with near-linear scaling in " +
      'instances for simple workloads ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/use-spark-processing-container.html). The factor of two ' +
      "(both sides plus the result) is SageSim's own model.",
    message:
      'MemoryError: processing job {node} ran out of memory joining {inputs} ({datasetGB} GB of input): the ' +
      'join needs about {needGB} GB in memory, more than the {memoryGiB} GiB of {instanceType}.',
    trigger:
      'a scikit-learn processing-job reading two or more sources whose total size × 2 exceeds its instance memory',
    inRun: 'the job fails out of memory halfway through processing',
  },
  // ── D1 · format choice (issue 16, data-d1) ─────────────────────────────────────
  {
    id: 'row-format-full-scan',
    domain: 'D1',
    severity: 'warning',
    area: 'jobs',
    static: false,
    title: 'Whole rows read for a few columns',
    sheet:
      'Pick the format for how the data is read: a job or query that uses a few columns of a wide table reads ' +
      'only those columns from Parquet or ORC (columnar, compressed by column), but every byte of every row ' +
      'from CSV or JSON. Convert once (Glue, Spark, Athena CTAS) and every later read is smaller, faster and ' +
      'cheaper.',
    fix:
      'Store the input as Parquet (or ORC): set the s3-bucket format to "parquet", converting it once with a ' +
      'Glue or Spark job (or Athena CREATE TABLE AS SELECT).',
    docs:
      "Athena's guide to columnar storage formats: compression by column, predicate pushdown that fetches only " +
      'the blocks a query needs, splittable files read in parallel ' +
      '(https://docs.aws.amazon.com/athena/latest/ug/columnar-storage.html); the same holds for Spark reading ' +
      'S3. SageSim reads `columnsRead` of a columnar source and all of a row-format one.',
    message:
      'Processing job {node} scans {scannedGB} GB of input to use {pct}% of its columns ({rowGB} GB of it read ' +
      'row by row).',
    trigger: 'a processing-job with columnsRead ≤ 0.25 reading a row-format source (csv, jsonlines, libsvm, text)',
    inRun:
      'when processing starts: the job reads the whole input, so it runs (and bills) as long as a job using ' +
      'every column',
  },
  // ── D1 · Feature Store realism: online TTL, offline-store sync (issue 16, data16) ──
  {
    id: 'online-record-expired',
    domain: 'D1',
    severity: 'warning',
    area: 'inference',
    static: true,
    title: 'Online records expire before refresh',
    sheet:
      'Without a TtlDuration an online-store record stays until it is overwritten; with one, the record ' +
      'expires at ExpiresAt = EventTime + TtlDuration and is hard deleted, after which GetRecord returns an ' +
      'empty result. A TTL shorter than the time between two writes of a record leaves lookups empty until the ' +
      'next ingestion.',
    fix:
      "Make the feature-store's online TTL (ttlHours, OnlineStoreConfig.TtlDuration) at least as long as the " +
      'time between two writes of a record (ingestEveryHours), or clear it (no TTL), or ingest more often than ' +
      'the TTL.',
    docs:
      'ExpiresAt = EventTime + TtlDuration; a record deleted by TTL is hard deleted from the online store (and ' +
      'added to the offline store) and immediately becomes inaccessible through the Feature Store APIs; TTL ' +
      'typically deletes expired items within a few days ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/feature-store-time-to-live.html). GetRecord: "If no ' +
      'Record with RecordIdentifierValue is found, then an empty result is returned" ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_feature_store_GetRecord.html). SageSim ' +
      'deletes at ExpiresAt, so its share of empty lookups is the upper bound.',
    message:
      "GetRecord on feature group {featureStore} returned an empty result for up to {emptyPct}% of {node}'s " +
      'lookups: records are written every {everyH} h but expire {ttlH} h after their event time (TtlDuration), ' +
      'so those requests were scored on default feature values ({metric} {production} in production vs ' +
      '{validation} at validation).',
    trigger:
      'an endpoint reads the online store of a feature-store whose ttlHours is shorter than its ingestEveryHours',
    inRun:
      'a share (1 − ttlHours / ingestEveryHours) of GetRecord lookups return no record; the model scores those ' +
      'requests on defaults and its production quality falls below validation',
  },
  {
    id: 'offline-store-not-synced',
    domain: 'D1',
    severity: 'warning',
    area: 'mlops',
    static: true,
    title: 'Training reads before offline sync',
    sheet:
      'PutRecord data is buffered, batched and written to the offline store in S3 within 15 minutes; a ' +
      'training or processing job that queries the offline store sooner after an ingestion misses the newest ' +
      'records.',
    fix:
      'Start the training-job at least 15 minutes after the ingestion that feeds its feature-store (its ' +
      'startAfterIngestMin ≥ 15: a later schedule, or a wait in the pipeline before the training step), so the ' +
      'offline store holds the batch it must learn from.',
    docs:
      'Offline store: "When you call PutRecord, your data is buffered, batched, and written into Amazon S3 ' +
      'within 15 minutes" (https://docs.aws.amazon.com/sagemaker/latest/dg/feature-store-offline.html).',
    message:
      'Training job {node} queried the offline store of feature group {featureStore} {startMin} min after ' +
      '{ingest} finished ingesting: the newest batch was not yet in S3 (offline writes land within 15 ' +
      'minutes), so {node} trained without it ({metric} {validation} at validation, {production} in production ' +
      'on {endpoint}).',
    trigger:
      'a training-job reads the offline store of a feature-store fed by a processing-job or data-wrangler, ' +
      'with startAfterIngestMin below 15',
    inRun:
      'training completes on a set that lacks the newest ingested batch: validation looks normal, production ' +
      'quality is lower on the data the model never saw',
  },
  // ── D1 · Streaming ingestion: Kinesis Data Streams shard limits (issue 16, data16) ──
  {
    id: 'kinesis-throughput-exceeded',
    domain: 'D1',
    severity: 'error',
    area: 'data',
    static: false,
    title: 'Stream shards past their limit',
    sheet:
      'A Kinesis data stream shard supports 1 MB/s and 1,000 records per second for writes (2 MB/s for reads); ' +
      'writes beyond what the shards take fail with ProvisionedThroughputExceededException, so a stream needs ' +
      'at least as many shards as its peak write rate divided by those figures.',
    fix:
      "Give the kinesis-stream enough shards for the producers' peak: at least records/s ÷ 1,000 and MB/s ÷ 1 " +
      '(with headroom for bursts), or spread the partition keys so no shard runs hot; retries with back-off only ' +
      'delay the same excess.',
    docs:
      '"A shard supports 1 MB/s and 1000 records per second for writes and 2 MB/s for reads in both on-demand ' +
      'and provisioned capacity modes" ' +
      '(https://docs.aws.amazon.com/streams/latest/dev/working-with-streams.html); ' +
      'ProvisionedThroughputExceededException: "The request rate for the stream is too high, or the requested ' +
      'data is too large for the available throughput" ' +
      '(https://docs.aws.amazon.com/sdk-for-python/v4/reference/clients/kinesis/errors/ProvisionedThroughputExceededException/); ' +
      'these errors are HTTP 400 ' +
      '(https://docs.amazonaws.cn/en_us/streams/latest/dev/kinesis-fis-provisioned-throughput.html). SageSim ' +
      'models provisioned mode with partition keys spread evenly over the shards.',
    message:
      'ProvisionedThroughputExceededException: Rate exceeded for shard shardId-000000000000 in stream {node}: ' +
      '{offeredRps} records/s ({offeredMBps} MB/s) offered to {shards} shard(s) that take {capRps} records/s ' +
      'and {capMBps} MB/s; the records over the limit were refused.',
    trigger:
      "a kinesis-stream's producers (client → kinesis-stream) write more records per second than shards × " +
      '1,000, or more MB per second than shards × 1',
    inRun:
      "each second, records beyond the shards' write capacity are refused (counted per record); downstream " +
      'consumers (Lambda → Feature Store, Firehose → S3) never see them',
    http: 400,
  },
  // ── D1 · Training inputs: file systems and small objects (issue 16, ingest16) ──
  {
    id: 'file-system-input-needs-vpc',
    domain: 'D1',
    severity: 'error',
    area: 'network',
    static: true,
    title: 'File system input outside its VPC',
    sheet:
      'A training job can read Amazon EFS or FSx for Lustre directly (a FileSystemDataSource channel): the ' +
      'file system is mounted, so training starts without copying the data. A file system is reached only ' +
      'inside its VPC, so the job must run in VPC mode (VpcConfig) with subnets and security groups in the VPC ' +
      'of the file system.',
    fix:
      "Run the training-job in a subnet of the file system's VPC (VpcConfig: move the job into that subnet), " +
      'with what a job in a private subnet needs to reach S3, ECR and CloudWatch Logs (VPC endpoints or NAT); or ' +
      'read the data from S3 instead of the file system.',
    docs:
      'FileSystemDataSource: FileSystemType EFS | FSxLustre, DirectoryPath, FileSystemAccessMode ro | rw ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_FileSystemDataSource.html). With ' +
      'VpcConfig, "SageMaker AI uses the subnet and security group details to create the network interfaces and ' +
      'attaches them to the training containers … This allows the training job to connect to resources that ' +
      'exist in your VPC" (https://docs.aws.amazon.com/sagemaker/latest/dg/train-vpc.html). AWS does not publish ' +
      "the failure text for a file system the job cannot reach: the message is SageSim's, in the ClientError " +
      "form of SageMaker's failure reasons.",
    message:
      'ClientError: Unable to mount file system {fs} ({fsType}) for the input channel of {node}: {reason}. ' +
      "Please ensure the training job runs in a subnet of the file system's VPC (VpcConfig) and that its " +
      'security groups allow the mount.',
    trigger:
      'a training-job reads a file-system (file-system → training-job) but runs outside any subnet (no ' +
      "VpcConfig), or in a subnet of another VPC than the file system's",
    inRun: 'the job fails in Downloading: it cannot mount its input channel, and no model is trained',
  },
  {
    id: 'small-files-slow-input',
    domain: 'D1',
    severity: 'warning',
    area: 'jobs',
    static: true,
    title: 'Millions of small objects',
    sheet:
      'Every S3 object is its own GET request, so a dataset of millions of small objects spends its read time ' +
      'on per-request overhead instead of bytes: File mode downloads each file on its own before training, ' +
      'FastFile and Pipe fetch each object as it is read. S3 serves at least 5,500 GET/HEAD requests per ' +
      'second per prefix. Consolidate small files into larger shards (TFRecord, RecordIO, Parquet; about 100 ' +
      'MB or more each), or serve them from FSx for Lustre.',
    fix:
      "Consolidate the objects into fewer, larger shards (lower the s3-bucket's objectCount: about 100–150 MB " +
      'per object, as TFRecord, RecordIO-protobuf or Parquet files), or mount the data from an FSx for Lustre ' +
      'file system linked to the bucket (the training job in its VPC).',
    docs:
      '"If your dataset size is small (less than 50-100 GB), but is made up of many small files (less than 50 MB ' +
      'per file), the file mode download overhead grows, because each file needs to be downloaded individually … ' +
      'consider serializing groups of such small files into fewer larger file containers (such as 150 MB per ' +
      'file) by using file formats, such as TFRecord" ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/model-access-training-data-best-practices.html); "Your ' +
      'application can achieve 3,500 PUT/COPY/POST/DELETE or 5,500 GET/HEAD requests per second per prefix in a ' +
      'bucket" (https://repost.aws/knowledge-center/s3-object-key-naming-pattern). SageSim\'s teaching figure: ' +
      'one instance completes 100 GETs per second (so under 1 MB per object the requests, not the 100 MB/s of ' +
      'transfer, set the time), and all instances of a job together at most 5,500 per second on the one prefix.',
    message:
      'Training job {node} reads {objects} objects of {avgKB} KB on average from {bucket} in {inputMode} mode: ' +
      '{requestMin} min of its input time go to per-object GET requests ({rate} per second per instance), ' +
      'against {dataMin} min of data transfer.',
    trigger:
      'a training-job reads an s3-bucket whose objectCount puts the average object under 1 MB and whose ' +
      'per-object requests take at least 5 minutes (100 GET/s per instance, at most 5,500 GET/s per prefix for ' +
      "the job's instances together; each instance reads every object)",
    inRun:
      'File mode: Downloading lasts that much longer; FastFile and Pipe: Training does (each object is fetched ' +
      'when it is read); more instances do not help, since each reads every object',
  },
  // ── D2 · Model development ─────────────────────────────────────────────────────
  {
    id: 'algorithm-input-format',
    domain: 'D2',
    severity: 'error',
    area: 'jobs',
    static: true,
    title: 'Algorithm cannot read input format',
    sheet:
      'Each built-in algorithm accepts fixed content types: XGBoost CSV or libsvm; Linear Learner, K-Means, ' +
      'PCA and Random Cut Forest CSV or RecordIO; DeepAR JSON Lines; BlazingText plain text; IP Insights CSV; ' +
      'Factorization Machines sparse RecordIO-protobuf only.',
    fix:
      'Convert the data to a format the algorithm accepts (a processing-job writing an s3-bucket whose format ' +
      'fits) or choose the algorithm that fits the data, e.g. xgboost rather than factorization-machines for ' +
      'dense tabular CSV.',
    docs: null,
    message:
      "ClientError: Unable to read data channel 'train'. Requested content-type is '{format}', which " +
      '{algorithm} does not support (supported: {supported}). Please verify the data matches the requested ' +
      'content-type.',
    trigger:
      'a built-in algorithm reads a format it does not accept (factorization-machines: only recordio-protobuf; ' +
      'deepar: jsonlines (or parquet); blazingtext: text; ip-insights: csv; xgboost: ' +
      'csv/libsvm/parquet/recordio-protobuf; linear-learner, kmeans, pca, random-cut-forest: ' +
      'csv/recordio-protobuf)',
    inRun: 'the job fails at start with a client error naming the content type',
  },
  {
    id: 'pipe-mode-format',
    domain: 'D2',
    severity: 'warning',
    area: 'jobs',
    static: true,
    title: 'Pipe mode without RecordIO-protobuf',
    sheet:
      'The fastest way to feed a large dataset to a built-in algorithm is Pipe mode with RecordIO-protobuf ' +
      'data; streaming other formats gains little.',
    fix:
      'Convert the training data to recordio-protobuf (the input s3-bucket\'s format) to keep inputMode "Pipe", ' +
      'or use inputMode "FastFile".',
    docs: null,
    message:
      'Training job {node} streams {format} data in Pipe mode; {algorithm} reads Pipe input efficiently only ' +
      'as {pipeFormat}, so the job runs no faster than in File mode.',
    trigger:
      'inputMode: "Pipe" for a built-in algorithm whose data is not recordio-protobuf (or the algorithm\'s own ' +
      'pipe formats)',
    inRun: "no speed-up; the sheet's fastest path is Pipe + RecordIO-protobuf",
  },
  {
    id: 'input-mode-unsupported',
    domain: 'D2',
    severity: 'error',
    area: 'jobs',
    static: true,
    title: 'Input mode the algorithm does not support',
    sheet:
      'Pipe mode streams training data from S3 and is the fast path for the built-in algorithms that support ' +
      'it; not every built-in algorithm does.',
    fix:
      'Use inputMode "File" (or "FastFile") for DeepAR and IP Insights, which AWS lists as File-only; keep Pipe ' +
      'for the algorithms whose table entry says "File or Pipe".',
    docs:
      'AWS lists the training input modes per built-in algorithm: DeepAR forecasting and IP Insights take File ' +
      'only (https://docs.aws.amazon.com/sagemaker/latest/dg/common-info-all-im-models.html).',
    message:
      'ClientError: The {algorithm} algorithm does not support {inputMode} input mode for channel train; ' +
      'supported input modes: {supported}.',
    trigger: 'a built-in algorithm given an input mode AWS does not support for it (DeepAR or IP Insights with Pipe)',
    inRun: 'the training job fails at start with a ClientError naming the algorithm and mode',
  },
  {
    id: 'spot-without-checkpoint',
    domain: 'D2',
    severity: 'warning',
    area: 'jobs',
    static: true,
    title: 'Spot training without checkpoints',
    sheet:
      'Managed Spot Training cuts training cost by up to 90% against on-demand, but an interrupted job can ' +
      'only resume from checkpoints it saved to S3; without them it starts over.',
    fix:
      "Set the training-job's checkpointS3Uri (CheckpointConfig.S3Uri, checkpoint_s3_uri in the SDK) and have " +
      'the training script save and resume from checkpoints.',
    docs: null,
    message:
      'Training job {node} was interrupted (Spot capacity reclaimed) and restarted from the beginning because ' +
      'CheckpointConfig.S3Uri is not set; {lostMin} billable minutes lost ({restarts} restarts).',
    trigger:
      'spot: true and no checkpointS3Uri, and a spot-interruption fault (or random interruptions over long jobs)',
    inRun:
      'the job restarts from zero after each interruption: billed time and wall time grow; with a checkpoint ' +
      'it resumes where it stopped',
  },
  {
    id: 'model-exceeds-gpu-memory',
    domain: 'D2',
    severity: 'error',
    area: 'jobs',
    static: true,
    title: 'Model larger than GPU memory',
    sheet:
      'Data parallelism (SDP) places a full copy of the model on every GPU, so it needs a model that fits one ' +
      "GPU; a model larger than one GPU's memory calls for model parallelism (SMP), which splits it across " +
      'GPUs.',
    fix:
      'Set the training-job\'s distribution to "model-parallel" (SageMaker model parallelism), or pick an ' +
      'instanceType whose GPU memory holds modelSizeGB.',
    docs: null,
    message:
      'AlgorithmError: RuntimeError: CUDA out of memory. Tried to allocate {allocGB} GiB (GPU 0; {gpuGB} GiB ' +
      'total capacity) while loading a {modelSizeGB} GB model on {instanceType}.',
    trigger: 'modelSizeGB greater than one GPU\'s memory of instanceType, with distribution "none" or "data-parallel"',
    inRun: 'the job fails with CUDA out of memory',
  },
  {
    id: 'model-parallel-unneeded',
    domain: 'D2',
    severity: 'warning',
    area: 'jobs',
    static: true,
    title: 'Model parallelism for small model',
    sheet:
      'When the model fits on one GPU, data parallelism (SDP: full model per GPU, gradients combined with ' +
      'AllReduce) is the right choice; splitting it with model parallelism only adds communication overhead.',
    fix: 'Set the training-job\'s distribution to "data-parallel" (or "none" on a single GPU).',
    docs: null,
    message:
      'Training job {node} splits a {modelSizeGB} GB model across GPUs although it fits one {gpuGB} GB GPU of ' +
      '{instanceType}; model parallelism makes it slower than data parallelism.',
    trigger: 'distribution: "model-parallel" while the model fits one GPU',
    inRun: 'slower than data-parallel for no gain',
  },
  {
    id: 'grid-search-continuous',
    domain: 'D2',
    severity: 'error',
    area: 'jobs',
    static: true,
    title: 'Grid search on continuous ranges',
    sheet:
      'Grid search tries every combination, so it only suits small discrete (categorical) search spaces; ' +
      'continuous spaces are where Bayesian search does best.',
    fix:
      'Set the tuning-job\'s strategy to "bayesian" (or "random" / "hyperband"), or make its space "discrete" ' +
      '(categorical parameter ranges only) to keep "grid".',
    docs: null,
    message:
      'ValidationException: The Grid search strategy only supports categorical parameter ranges, but tuning ' +
      'job {node} defines {space} ranges.',
    trigger: 'tuning-job with strategy: "grid" and space "continuous" or "mixed"',
    inRun: 'the tuning job is rejected: grid needs categorical (discrete) parameters only',
  },
  {
    id: 'misleading-accuracy',
    domain: 'D2',
    severity: 'warning',
    area: 'mlops',
    static: true,
    title: 'Accuracy on imbalanced classes',
    sheet:
      'On imbalanced data accuracy misleads: a model that always predicts the majority class scores high. F1 ' +
      'or AUC-ROC judge such models properly.',
    fix:
      'Set the training-job\'s evalMetric and the condition-step\'s metric to "f1" or "auc" (and choose the ' +
      'threshold for that metric).',
    docs: null,
    message:
      '{node} reports accuracy {accuracy} on data whose positive class ratio is {positiveClassRatio}: a model ' +
      'that always predicts the majority class scores about the same.',
    trigger:
      'evalMetric or a condition-step\'s metric is "accuracy" and the training data\'s positiveClassRatio is ' +
      'below 0.1 or above 0.9',
    inRun: 'a majority-class model scores high accuracy and passes the gate, then fails in production',
  },
  // ── D2 · Model development: task fit, learning curves, Debugger, tuning (issue 16) ──
  {
    id: 'algorithm-task-mismatch',
    domain: 'D2',
    severity: 'warning',
    area: 'mlops',
    static: true,
    title: 'Algorithm does not fit the task',
    sheet:
      'Each built-in algorithm solves certain problems: XGBoost and Linear Learner classify and regress, ' +
      'Factorization Machines handle sparse classification/regression and recommendation, DeepAR forecasts ' +
      'time series, Random Cut Forest and IP Insights detect anomalies, K-Means clusters, PCA reduces ' +
      'dimensions, BlazingText classifies text.',
    fix:
      "Pick a training-job algorithm that solves the dataset's task (the s3-bucket's task), e.g. xgboost for " +
      'binary classification, deepar for forecasting, random-cut-forest for anomaly detection.',
    docs:
      'AWS: "Built-in algorithms and pretrained models in Amazon SageMaker" lists each algorithm by problem type ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/algos.html). The job itself trains without error: only ' +
      'its model is wrong for the problem.',
    message:
      'Training job {node} completed, but its model scores validation {metric} {validation} on {task} data ' +
      'from {bucket}; {algorithm} solves: {fits}.',
    trigger: "a training-job's built-in algorithm does not solve the task of its data's s3-bucket (task)",
    inRun:
      'the job completes normally; its model scores no better than guessing (validation AUC 0.50–0.58), which ' +
      'a condition step or monitor then shows',
  },
  {
    id: 'metric-task-mismatch',
    domain: 'D2',
    severity: 'warning',
    area: 'mlops',
    static: true,
    title: 'Metric does not fit the task',
    sheet:
      'The evaluation metric follows the problem: classification is judged by AUC, F1, precision/recall or ' +
      'accuracy (not accuracy on imbalanced classes); regression and forecasting by RMSE, MAE or R².',
    fix:
      "Set the training-job's evalMetric (and the condition-step's metric) to one that judges the task: auc or " +
      'f1 for classification, rmse, mae or r2 for regression.',
    docs:
      'AWS: each built-in algorithm lists the metrics it emits per problem type, e.g. XGBoost eval_metric ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost-tuning.html); a tuning objective must be one of ' +
      'them.',
    message:
      'Training job {node} is judged by {metric}, which does not measure {task} (data in {bucket}); use {suggested}.',
    trigger:
      'evalMetric rmse/mae/r2 on a classification task, or auc/f1/accuracy/logloss on a regression or forecasting task',
    inRun: 'static finding: the figure a gate compares says nothing about how well the model solves the problem',
  },
  {
    id: 'overfitting',
    domain: 'D2',
    severity: 'warning',
    area: 'jobs',
    static: false,
    title: 'Training and validation loss part ways',
    sheet:
      'Overfitting shows as a widening gap: training loss keeps falling while validation loss rises. ' +
      'Regularisation (XGBoost lambda/alpha, dropout, weight decay), shallower trees and early stopping on the ' +
      'validation metric keep the model that generalises.',
    fix:
      "Set the training-job's earlyStoppingRounds (XGBoost early_stopping_rounds: the best round is kept), and " +
      'regularise: raise lambda/alpha, lower maxDepth or numRound. A Debugger Overfit rule with StopTraining ' +
      'stops such a job early, but it does not make the model generalise.',
    docs:
      'AWS Debugger Overfit rule: fires when (mean validation loss − mean training loss) ÷ mean training loss ' +
      'exceeds ratio_threshold 0.1 ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/debugger-built-in-rules.html); XGBoost ' +
      'early_stopping_rounds and the best iteration ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost_hyperparameters.html).',
    message:
      '{source}: at {unit} {step} of {steps}, {node} has training loss {train} and validation loss ' +
      '{validation} (gap ratio {ratio}); validation loss was lowest, {bestValidation}, at {unit} {bestStep}.',
    trigger:
      'the kept model of an XGBoost or script-mode training job has (validation − training) ÷ training loss ' +
      'above 0.1: deep trees, many rounds, little regularisation, no early stopping',
    inRun:
      'the job completes (or a Debugger Overfit rule with StopTraining stops it); its model scores lower in ' +
      'validation and production; the curves show the gap',
  },
  {
    id: 'underfitting',
    domain: 'D2',
    severity: 'warning',
    area: 'jobs',
    static: false,
    title: 'Both losses stay high',
    sheet:
      'Underfitting shows as training and validation loss both high and close together: the model is too ' +
      'simple or has not trained enough (too few rounds, too small a learning rate, too much regularisation).',
    fix:
      'Give the training-job more capacity or training: more numRound (or a larger eta), a larger maxDepth, less ' +
      'lambda/alpha; for a deep network more epochs or a larger learningRate.',
    docs: null,
    message:
      '{source}: {node} ended at {unit} {step} of {steps} with training loss {train} and validation loss ' +
      '{validation} (gap ratio {ratio}).',
    trigger:
      'the kept model of an XGBoost or script-mode job ends with validation loss more than 0.05 above what the ' +
      'data allows and no overfitting gap (eta × numRound too small, maxDepth 1–2, heavy regularisation)',
    inRun: 'the job completes; its model scores poorly in validation and production',
  },
  {
    id: 'loss-not-decreasing',
    domain: 'D2',
    severity: 'warning',
    area: 'jobs',
    static: false,
    title: 'Training loss does not decrease',
    sheet:
      'A loss that does not go down means training does not converge: a learning rate too large (the loss ' +
      "oscillates or diverges) or gradients that vanish. SageMaker Debugger's LossNotDecreasing rule catches " +
      'it and can stop the job before it wastes its budget.',
    fix:
      "Lower the training-job's learningRate (e.g. 0.001); if gradients vanish, use relu activations or fewer " +
      'layers. Attach the Debugger rule LossNotDecreasing with the StopTraining action to stop such runs early.',
    docs:
      'AWS Debugger LossNotDecreasing: compares the loss with the loss num_steps (default 10) earlier ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/debugger-built-in-rules.html).',
    message:
      '{source}: the training loss of {node} went from {windowTrain} at {unit} {windowStep} to {train} at ' +
      '{unit} {step} of {steps}; validation loss {validation}.',
    trigger:
      'a script-mode (custom) training job with learningRate above 0.1, or a deep sigmoid/tanh network whose ' +
      'gradients vanish (without a Debugger VanishingGradient rule)',
    inRun:
      'the loss stays flat or oscillates; the job runs to the end (or a Debugger LossNotDecreasing rule with ' +
      'StopTraining stops it) and its model is no better than guessing',
  },
  {
    id: 'vanishing-gradient',
    domain: 'D2',
    severity: 'warning',
    area: 'jobs',
    static: false,
    title: 'Gradients vanish in training',
    sheet:
      'In deep networks with sigmoid or tanh activations the gradients shrink layer after layer until the ' +
      'first layers stop learning; ReLU activations, batch normalisation, residual connections or a shallower ' +
      "network fix it. SageMaker Debugger's VanishingGradient rule detects it (deep-learning frameworks, not " +
      'XGBoost).',
    fix:
      "Set the training-job's activation to relu (or use fewer layers); keep the Debugger VanishingGradient rule " +
      'with StopTraining to stop such runs at once.',
    docs:
      'AWS Debugger VanishingGradient: fires when the mean absolute gradient falls below threshold 1e-7; not ' +
      'available for the XGBoost algorithm ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/debugger-built-in-rules.html).',
    message:
      "{source}: the mean absolute gradient of {node}'s first layers is below 1e-7 ({layers} hidden " +
      '{activation} layers); training loss {train}, validation loss {validation} at {unit} {step} of {steps}.',
    trigger:
      'a script-mode (custom) training job with sigmoid activations and 9+ hidden layers (tanh: 17+) and the ' +
      'Debugger rule VanishingGradient attached',
    inRun: 'Debugger reports IssuesFound at the first epoch and, with StopTraining, stops the job',
  },
  {
    id: 'tuning-config-invalid',
    domain: 'D2',
    severity: 'error',
    area: 'jobs',
    static: true,
    title: 'Tuning job configuration refused',
    sheet:
      'Hyperband stops training jobs itself, so tuning-level early stopping must be Off with it; a warm-start ' +
      'tuning job names 1–5 parent tuning jobs, and their training jobs count against the 500-job limit ' +
      'together with the new ones.',
    fix:
      'On the tuning-job: set earlyStopping to "Off" with strategy "hyperband" (or use bayesian/random with ' +
      '"Auto"); give a warm start its parents (parentTrainingJobs) or clear warmStart; keep parentTrainingJobs + ' +
      'maxJobs within 500.',
    docs:
      'AWS: HyperParameterTuningJobConfig.TrainingJobEarlyStoppingType must be OFF to use Hyperband ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_HyperParameterTuningJobConfig.html); warm ' +
      'start restrictions ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-warm-start.html).',
    message: 'ValidationException: tuning job {node} was refused: {reason}.',
    trigger:
      'strategy "hyperband" with earlyStopping "Auto"; warmStart set with parentTrainingJobs 0; ' +
      'parentTrainingJobs + maxJobs above 500',
    inRun: 'the tuning job fails at creation with a ValidationException',
  },
  // ── D2 · Clarify explainability: a column set after the outcome (models-d2, issue 16) ──
  {
    id: 'label-leakage',
    domain: 'D2',
    severity: 'warning',
    area: 'mlops',
    static: false,
    title: 'A feature known only after the outcome',
    sheet:
      'A feature whose value is only known once the label is (a refund flag, an investigation outcome) leaks ' +
      'the label: validation looks near-perfect, production cannot have it. Clarify SHAP attributions reveal ' +
      "it: one feature carries most of the model's attribution. Drop it before training.",
    fix:
      'Add the column to the dropColumns of the processing-job or data-wrangler step upstream of the ' +
      'training-job (Data Wrangler "Drop column"), so that the model learns only from what is known at ' +
      'prediction time.',
    docs:
      'Clarify global SHAP attributions (mean |SHAP| per feature) from a post-training explainability job: ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-shapley-values.html, ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-model-explainability.html; the ' +
      'feature-attribution drift monitor flags an nDCG of live vs baseline SHAP rankings below 0.9: ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-model-monitor-model-attribution-drift-violations.html',
    message:
      'Model quality degraded in production: {version}, trained by {training} on data with column {feature} ' +
      '(from {node}), scored validation {metric} {validation} but serves at {production} on {endpoint}.',
    trigger:
      'an s3-bucket with a leakyFeature feeds a training-job and no processing-job or data-wrangler upstream ' +
      'of the job drops that column (dropColumns)',
    inRun:
      'validation inflated (+0.1 AUC); a training-job → clarify explainability report shows the column ' +
      'dominating mean |SHAP|; after deploy the model serves worse and a feature-attribution monitor reports ' +
      'drift',
  },
  {
    id: 'feature-attribution-drift',
    domain: 'D2',
    severity: 'warning',
    area: 'monitoring',
    static: false,
    title: 'Feature attributions drifted from the baseline',
    sheet:
      'A feature-attribution (model explainability) monitor runs Clarify on captured traffic and compares the ' +
      "ranking of global SHAP values with the baseline's; an nDCG below 0.9 is a violation: the model now " +
      'leans on different features than when it was validated.',
    fix:
      'Find the feature whose attribution changed: a column the model relied on in training that production does ' +
      'not provide (a leaked label, a feature not sent at inference). Drop it from training (dropColumns) and ' +
      'retrain, then re-baseline the monitor.',
    docs:
      'https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-model-monitor-model-attribution-drift-violations.html ' +
      '(nDCG of global SHAP values vs the baseline constraints; below 0.9 logs feature_attribution_drift_check).',
    message:
      'feature_attribution_drift_check: the nDCG of the global SHAP values of live traffic vs the baseline ' +
      'constraints is {ndcg}, below {threshold} (label {label}).',
    trigger:
      'a model-monitor with monitorType "feature-attribution" (and a clarify node, and a baseline) on an ' +
      'endpoint serving a model trained with a leaked column',
    inRun: 'each monitoring run completes with violations; the endpoint keeps serving',
  },
  // ── D2 · Buy vs build: managed AI services and Amazon Bedrock (models-d2, issue 16) ──
  {
    id: 'ai-service-task-mismatch',
    domain: 'D2',
    severity: 'error',
    area: 'mlops',
    static: true,
    title: 'AI service cannot learn this task',
    sheet:
      'Buy before you build, when a service fits: Comprehend custom classification learns text categories, ' +
      'Rekognition Custom Labels image classes, Personalize recommendations, Bedrock fine-tuning text tasks; ' +
      'Textract, Transcribe and Translate do one fixed job. Tabular prediction, forecasting and anomaly ' +
      'detection are built on SageMaker.',
    fix:
      "Set the ai-service's service to one that learns the data's task (image-classification: rekognition; " +
      'text-classification: comprehend or bedrock; recommendation: personalize), or build the model with a ' +
      'SageMaker training-job.',
    docs:
      'https://docs.aws.amazon.com/comprehend/latest/dg/concepts-custom.html, ' +
      'https://docs.aws.amazon.com/rekognition/latest/customlabels-dg/what-is.html, ' +
      'https://docs.aws.amazon.com/personalize/latest/dg/what-is-personalize.html',
    message:
      'Customisation of {service} on {bucket} failed: {service} offers {how}; it does not learn {task} from ' +
      'labelled data.',
    trigger: 'an s3-bucket whose task the service cannot learn feeds an ai-service with customModel true',
    inRun: 'the customisation fails and every call to the service fails',
  },
  {
    id: 'bedrock-custom-model-on-demand',
    domain: 'D2',
    severity: 'error',
    area: 'mlops',
    static: true,
    title: 'A customised Bedrock model invoked on demand',
    sheet:
      'A Bedrock model customised by fine-tuning or continued pre-training is not served on demand by its ' +
      'model ID: purchase Provisioned Throughput for it (custom Amazon Nova models can instead get a custom ' +
      'model deployment for on-demand inference).',
    fix:
      'Set the ai-service\'s bedrockInference to "provisioned-throughput" (or "custom-model-deployment" for a ' +
      'custom Amazon Nova model), or use a service whose custom model is served by its own endpoint.',
    docs:
      'https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-use.html, ' +
      'https://docs.aws.amazon.com/bedrock/latest/userguide/deploy-custom-model-on-demand.html',
    message:
      'InvokeModel on {node} failed: the custom model has no Provisioned Throughput and no custom model ' +
      'deployment, so it cannot serve requests.',
    trigger: 'an ai-service with service "bedrock", customModel true and bedrockInference "on-demand"',
    inRun: 'every call fails with a 400 (ValidationException)',
    http: 400,
  },
  // ── D2 · Feasibility, cost, ensembles and reproducibility (models16, issue 16) ──
  {
    id: 'too-little-labelled-data',
    domain: 'D2',
    severity: 'warning',
    area: 'mlops',
    static: false,
    title: 'Too few labelled rows to learn',
    sheet:
      'Before building, judge feasibility: a model needs enough labelled examples for the features and the ' +
      'complexity of the problem. With too few, validation is near chance and swings from one training to the ' +
      'next. Label more data (SageMaker Ground Truth), pick a simpler model, or use a pretrained model or a ' +
      'managed AI service.',
    fix:
      "Raise the s3-bucket's labelledRows (label more with Ground Truth), or pick a model that needs fewer rows " +
      'per feature (linear-learner rather than a deep network), or use a pretrained model / managed AI service ' +
      '(ai-service) for the task.',
    docs:
      "SageSim's own rule of thumb (labelled rows per feature: linear 10, boosted trees 50, deep network 500; " +
      '10,000 for image/text from scratch). Labelling: Ground Truth, ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/sms.html; pretrained models and AI services: ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/studio-jumpstart.html, ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/algos.html',
    message:
      'Model {version} from {training}: validation {metric} {validation}, near chance and unstable between ' +
      'trainings (±{spread}); {node} has {rows} labelled rows for {features} features, and {algorithm} needs ' +
      'about {needed}.',
    trigger:
      'an s3-bucket whose labelledRows is below what the training-job it feeds needs (rows per feature by ' +
      'algorithm: linear-learner 10, xgboost 50, custom 500; at least 200; 10,000 for image or text ' +
      'classification)',
    inRun:
      'each model version trained scores near chance in validation and production, and its validation figure ' +
      'differs widely between versions',
  },
  {
    id: 'gpu-network-on-tabular-data',
    domain: 'D2',
    severity: 'warning',
    area: 'jobs',
    static: false,
    title: 'GPU deep network on small tabular data',
    sheet:
      'Cost is a criterion in choosing a model: on small tabular data, gradient-boosted trees (XGBoost) or a ' +
      'linear model on a CPU instance reach the accuracy of a deep network, which needs GPU instances costing ' +
      'many times more. SageMaker XGBoost is memory-bound: a general-purpose instance (M5) is the recommended ' +
      'choice.',
    fix:
      'Set the training-job\'s algorithm to "xgboost" (or "linear-learner") and its instanceType to a ' +
      'general-purpose CPU instance such as ml.m5.xlarge.',
    docs:
      'XGBoost (gradient-boosted trees for tabular classification and regression; EC2 instance recommendation: ' +
      'memory-bound, general-purpose M5): https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost.html; instance ' +
      'prices: https://aws.amazon.com/sagemaker/pricing/. Moving the deep network itself to a CPU instance is no ' +
      'way out: AWS trains deep networks on GPU instances ("We recommend using GPU instances with more memory for ' +
      'training with large batch sizes", https://docs.aws.amazon.com/sagemaker/latest/dg/image-classification.html), ' +
      'and a network timed on a GPU (gpuNetwork) trains 10× longer on a CPU instance in SageSim — the factor is ' +
      "SageSim's estimate, AWS publishes none.",
    message:
      '{node}: a deep network on {instanceType} ({gpuModel}) for {datasetGB} GB of tabular data ({task}) cost ' +
      '${costUSD} for {minutes} billed minutes; XGBoost on {cpuType} would cost about ${cpuCostUSD} for as ' +
      'long ({ratio}× less) for the same accuracy.',
    trigger:
      'a training-job with algorithm "custom" on a GPU instance type whose data is a tabular task ' +
      '(binary/multiclass classification or regression) of at most 50 GB',
    inRun: 'the job completes and bills the GPU price; a cost limit (maxCostUSD, a budget) is exceeded',
  },
  {
    id: 'linear-model-on-interactions',
    domain: 'D2',
    severity: 'warning',
    area: 'mlops',
    static: false,
    title: 'Linear model misses feature interactions',
    sheet:
      'A linear model learns one weight per feature: when the label depends on combinations of features it ' +
      'underfits (training and validation both poor, no gap). Boosting (XGBoost: trees fitted one after ' +
      'another on the errors), trees, or stacking models of different families captures the interactions; ' +
      'bagging linear models lowers variance, not bias.',
    fix:
      'Set the training-job\'s algorithm to "xgboost" (boosted trees), or keep Linear Learner in an ensemble ' +
      'with "stacking" (a meta-model over base models of other families, as AutoGluon-Tabular does).',
    docs:
      'Linear Learner learns a linear function: ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/linear-learner.html; XGBoost combines an ensemble of ' +
      'simpler, weaker models: https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost.html; AutoGluon-Tabular ' +
      'multi-layer stacking: https://docs.aws.amazon.com/sagemaker/latest/dg/autogluon-tabular-HowItWorks.html',
    message:
      'Model {version} from {node}: training {metric} {train}, validation {metric} {validation} — both low ' +
      'with no gap (underfitting): {algorithm} learns one weight per feature and the signal in {bucket} lies ' +
      'in feature interactions.',
    trigger:
      'a training-job with algorithm "linear-learner" and ensemble other than "stacking" reads an s3-bucket ' +
      'with interactions true',
    inRun: 'each model version loses 0.15 AUC in training, validation and production alike',
  },
  {
    id: 'training-data-not-versioned',
    domain: 'D2',
    severity: 'warning',
    area: 'mlops',
    static: false,
    title: 'Training data cannot be reproduced',
    sheet:
      'A reproducible experiment pins its data, code and parameters. SageMaker lineage tracking records a ' +
      'dataset artifact by its S3 URI and a source id (S3Version, S3ETag, MD5Hash); without S3 Versioning, an ' +
      'overwrite of the prefix loses the exact data a model package was trained on. Enable versioning (or ' +
      'write each dataset to a new prefix) and track runs in SageMaker Experiments / MLflow.',
    fix:
      'Set versioning "Enabled" on every s3-bucket in the training data\'s lineage (VersioningConfiguration ' +
      'Status Enabled), so the lineage artifact carries the S3Version of the data each model package was trained ' +
      'on.',
    docs:
      'S3 Versioning (off by default; an overwrite keeps the previous version): ' +
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html; lineage artifact source types ' +
      'MD5Hash | S3ETag | S3Version | Custom: ' +
      'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ArtifactSourceType.html, ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/lineage-tracking.html; SageMaker Experiments: ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/experiments.html',
    message:
      'Lineage of model package {package} ({model}, trained by {training}): its dataset artifact s3://{node}/ ' +
      'has no S3Version, only the URI and an ETag; once the prefix is overwritten the data it was trained on ' +
      'cannot be retrieved, so the package cannot be reproduced.',
    trigger:
      'a model package is registered from a training-job whose data lineage holds an s3-bucket with versioning ' +
      '"Off" or "Suspended"',
    inRun:
      'each package registered in the run has an unpinned dataset artifact in its lineage (the Experiments tab ' +
      'shows it)',
  },
  // ── D2 · AutoML and pretrained models: SageMaker Autopilot and JumpStart (automl16, issue 16) ──
  {
    id: 'autopilot-too-few-rows',
    domain: 'D2',
    severity: 'error',
    area: 'jobs',
    static: true,
    title: 'Autopilot training data has too few rows',
    sheet:
      'Autopilot needs a training dataset of at least 500 rows (CSV or Parquet, with the target column); there ' +
      'is no minimum for a separate validation dataset. With fewer rows, collect more data or train a simple ' +
      'model yourself.',
    fix:
      "Give the autopilot-job a dataset of at least 500 rows (the s3-bucket's rows), or train a built-in " +
      'algorithm with a training-job on the small dataset.',
    docs:
      'CreateAutoMLJob InputDataConfig: "A minimum of 500 rows is required for the training dataset. There is ' +
      'not a minimum number of rows required for the validation dataset." ' +
      'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateAutoMLJob.html',
    message:
      'AutoML job {node} Failed. Reason: ValidationException: A minimum of 500 rows is required for the ' +
      'training dataset; {bucket} has {rows}.',
    trigger: 'an s3-bucket with fewer than 500 rows feeds an autopilot-job',
    inRun: 'the job fails at once (no candidate, no leaderboard)',
  },
  {
    id: 'autopilot-objective-mismatch',
    domain: 'D2',
    severity: 'error',
    area: 'jobs',
    static: true,
    title: 'Autopilot objective unfit for problem type',
    sheet:
      'The objective metric must fit the problem type: regression MAE, MSE, R2 or RMSE (default MSE); binary ' +
      'classification Accuracy, AUC, BalancedAccuracy, F1, Precision or Recall (default F1); multiclass ' +
      'Accuracy, BalancedAccuracy, F1macro, PrecisionMacro or RecallMacro (default Accuracy). Leave it empty ' +
      'for the default.',
    fix:
      "Set the autopilot-job's objectiveMetric to one its problem type accepts (or empty for the default), or " +
      'set problemType to the type the target column really poses.',
    docs:
      'AutoMLJobObjective: "The list of available metrics supported by Autopilot and the default metric applied ' +
      'when you do not specify a metric name explicitly depend on the problem type." ' +
      'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AutoMLJobObjective.html',
    message:
      'AutoML job {node} Failed. Reason: ValidationException: objective metric {metric} is not supported for ' +
      'problem type {problemType}; supported metrics: {metrics}.',
    trigger:
      "an autopilot-job whose objectiveMetric is not in its problem type's list (the problem type declared, or " +
      "inferred from the bucket's task)",
    inRun: 'the job fails at creation (no candidate, no leaderboard)',
  },
  {
    id: 'autopilot-runtime-exhausted',
    domain: 'D2',
    severity: 'warning',
    area: 'jobs',
    static: false,
    title: 'Autopilot stopped at its maximum runtime',
    sheet:
      'MaxAutoMLJobRuntimeInSeconds caps the whole Autopilot job: when it runs out, the job stops gracefully ' +
      'and the best candidate finished so far becomes the best model; candidates not yet trained and ' +
      'unfinished steps (the explainability report, a one-click deployment) are lost. Give the job time for ' +
      'its candidates, or ask for fewer candidates (MaxCandidates) or the faster ensembling mode.',
    fix:
      "Raise the autopilot-job's maxRuntimeSec to cover its candidates, lower maxCandidates to what fits the " +
      'time, or use ENSEMBLING mode (10 trials).',
    docs:
      'AutoMLJobCompletionCriteria.MaxAutoMLJobRuntimeInSeconds: "If an AutoML job exceeds the maximum runtime, ' +
      'the job is stopped automatically and its processing is ended gracefully. The AutoML job identifies the ' +
      'best model whose training was completed and marks it as the best-performing model. Any unfinished steps ' +
      'of the job, such as automatic one-click Autopilot model deployment, are not completed." ' +
      'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AutoMLJobCompletionCriteria.html',
    message:
      'AutoML job {node}: MaxAutoMLJobRuntimeReached after {limit} s — {done} of {planned} candidates trained; ' +
      'best candidate {best} ({metric} {value}); not completed: {skipped}.',
    trigger:
      'an autopilot-job whose maxRuntimeSec is shorter than its analysis, candidates and explainability report ' +
      "take (SageSim's timing of Autopilot)",
    inRun: 'the job ends with fewer candidates than asked and no explainability report',
  },
  {
    id: 'autopilot-candidate-unregistered',
    domain: 'D2',
    severity: 'error',
    area: 'jobs',
    static: true,
    title: 'Autopilot best candidate never registered',
    sheet:
      'An Autopilot job ends with a leaderboard and a best candidate, not with a registered model. Where ' +
      'deployments come from the Model Registry (an approval, then a deployment), the best candidate has to be ' +
      'registered as a model package version in the group the approvers review (CreateModelPackage with the ' +
      "candidate's inference containers); until then an approval deploys nothing the job built.",
    fix:
      'Connect the autopilot-job to the model-registry its deployments read (autopilot-job → model-registry): ' +
      'its best candidate is registered there as a new version when the job completes.',
    docs:
      'AWS documents no error for this: the job names its best candidate (DescribeAutoMLJobV2 BestCandidate, ' +
      "with its recommended InferenceContainers) and registers nothing by itself; SageSim's own wording. " +
      'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AutoMLCandidate.html, ' +
      'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModelPackage.html, ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-models.html',
    message:
      'AutoML job {node}: best candidate {best} is not registered in any model registry; {registry} deploys to ' +
      '{endpoints}, and nothing registers models in it.',
    trigger:
      'an autopilot-job with no autopilot-job → model-registry edge, while a model-registry that nothing feeds ' +
      '(no training-job, condition-step or autopilot-job → model-registry) deploys to endpoints (directly, or ' +
      'through eventbridge → lambda)',
    inRun: 'the job completes and its best candidate goes nowhere: approvals deploy no model from it',
  },
  {
    id: 'jumpstart-eula-not-accepted',
    domain: 'D2',
    severity: 'error',
    area: 'inference',
    static: true,
    title: 'JumpStart model EULA not accepted',
    sheet:
      'Some JumpStart foundation models (Meta Llama, for one) require explicit acceptance of an end-user ' +
      'license agreement before you fine-tune or deploy them: accept it in Studio, or set accept_eula=True in ' +
      'the SageMaker Python SDK (ModelAccessConfig AcceptEula true in the API).',
    fix:
      "Set the jumpstart-model's acceptEula to true (after reviewing the licence), or pick a model that requires " +
      'no EULA.',
    docs:
      'ModelAccessConfig.AcceptEula: "The AcceptEula value must be explicitly defined as True in order to accept ' +
      'the EULA that this model requires." ' +
      'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ModelAccessConfig.html, ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/jumpstart-foundation-models-choose.html',
    message:
      'Endpoint {node} Failed. Reason: model {modelId} ({model}) requires explicit acceptance of its end-user ' +
      'license agreement: the AcceptEula value must be explicitly defined as True in order to accept the EULA ' +
      'that this model requires.',
    trigger: 'a jumpstart-model with gated true and acceptEula false deployed to a realtime-endpoint',
    inRun: 'endpoint creation fails before the model downloads; every request to it fails',
  },
  {
    id: 'jumpstart-model-exceeds-gpu-memory',
    domain: 'D2',
    severity: 'error',
    area: 'inference',
    static: true,
    title: 'JumpStart model exceeds GPU memory',
    sheet:
      "A foundation model's weights must fit the GPU memory of the hosting instance, with room to spare: at " +
      '16-bit precision each parameter takes 2 bytes (a 7–8B model about 16 GB, a 70B model about 140 GB), ' +
      "sharded across the instance's GPUs. A CPU instance or too small a GPU instance fails to load it.",
    fix:
      'Deploy the model on an instance whose GPU memory holds it (a larger ml.g5 or an ml.p4d/ml.p5 for tens of ' +
      'billions of parameters), or pick a smaller model.',
    docs:
      "SageSim's model: 16-bit weights take 2 bytes per parameter and must fit in 80% of the instance's GPU " +
      "memory (AWS publishes no formula; JumpStart's LLM containers shard a model across the instance's GPUs). " +
      "The endpoint's FailureReason when its container cannot come up is the ping health check failure. " +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/jumpstart-foundation-models-use-python-sdk.html · ' +
      'https://repost.aws/knowledge-center/sagemaker-endpoint-creation-fail',
    message:
      'Endpoint {node} Failed. Reason: The primary container for production variant {variant} did not pass the ' +
      'ping health check. Please check CloudWatch logs for this endpoint. (container log: CUDA out of memory ' +
      'loading {weightsGB} GB of {model} weights on {instanceType}: {gpuGB} GiB of GPU memory)',
    trigger:
      'a jumpstart-model whose weights (2 bytes per parameter) need more than 80% of the GPU memory of its ' +
      "realtime-endpoint's instance type (all its GPUs together; none on a CPU instance)",
    inRun: 'endpoint creation fails at the health check; every request to it fails',
  },
  {
    id: 'fine-tuning-data-format',
    domain: 'D2',
    severity: 'error',
    area: 'jobs',
    static: true,
    title: 'Fine-tuning data in the wrong format',
    sheet:
      'Pick the fine-tuning approach for the data and the goal: domain adaptation teaches a foundation model ' +
      "a domain's language from unlabelled text (CSV, JSON or TXT); instruction-based fine-tuning teaches it a task " +
      'from labelled prompt/response pairs in JSON Lines (.jsonl, with a template.json naming the prompt and ' +
      'completion fields). Amazon Bedrock customisation also reads .jsonl records. Data in another format fails ' +
      'the job; convert it (a Processing job) or pick the approach that reads it.',
    fix:
      'Convert the s3-bucket\'s data to the format the method reads (dataFormat "jsonl-prompt-completion" for ' +
      'instruction tuning and Bedrock, "txt", "csv" or "json" text for domain adaptation), or set the ' +
      "jumpstart-model's fineTune to the method that fits the data you have.",
    docs:
      'JumpStart fine-tuning: domain adaptation reads CSV, JSON or TXT text; instruction-based fine-tuning reads ' +
      'JSON Lines prompt/completion records with a template.json: ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/jumpstart-foundation-models-fine-tuning-domain-adaptation.html, ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/jumpstart-foundation-models-fine-tuning-instruction-based.html; ' +
      'Bedrock model customization reads .jsonl files, one JSON record a line: ' +
      'https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-prepare.html. AWS documents no ' +
      "exact error text for a wrong format: the message is SageSim's own wording.",
    message: '{job} Failed. Reason: ClientError: {method} of {model} reads {expected}; {bucket} holds {format}.',
    trigger:
      'an s3-bucket whose dataFormat the customisation does not read feeds a jumpstart-model with fineTune ' +
      '"domain-adaptation" (txt, csv, json) or "instruction-tuning" (jsonl-prompt-completion), or an ai-service ' +
      'with service "bedrock" and customModel true (jsonl-prompt-completion, jsonl-messages)',
    inRun:
      'the fine-tuning job fails when its data is read (the download billed, no fine-tuned model); an endpoint ' +
      'deploying the model fails at model download; a customised Bedrock model fails and every call to it fails',
  },
  // ── D3 · Deployment and orchestration ──────────────────────────────────────────
  {
    id: 'payload-too-large',
    domain: 'D3',
    severity: 'error',
    area: 'inference',
    static: false,
    http: 413,
    httpByKind: { 'serverless-endpoint': 400, 'async-endpoint': 400 },
    display: { request: 'rejected' },
    title: 'Request payload over endpoint limit',
    sheet:
      'Each inference option has a payload ceiling: real-time 6 MB, serverless 4 MB, asynchronous 1 GB (input ' +
      'staged in S3); batch transform reads S3 in mini-batches of at most MaxPayloadInMB.',
    fix:
      'Send large payloads to an async-endpoint (up to 1 GB via S3) or a batch-transform; for batch transform ' +
      'raise MaxPayloadInMB (at most 100) or split records with SplitType "Line" or "RecordIO".',
    docs: null,
    message:
      'Received client error ({status}) with message "{detail}": the request payload of {sizeMB} MB is over ' +
      'the {limitMB} MB limit of {endpointType} endpoints; the front end rejected it before any instance saw ' +
      'it.',
    trigger:
      "a request bigger than the endpoint's limit: real-time 6 MB, serverless 4 MB, async 1 GB, batch " +
      'transform MaxPayloadInMB (at most 100 MB) per mini-batch',
    inRun:
      'that request is rejected by the front end: HTTP 413 on real-time and multi-model endpoints, a ' +
      'ValidationError (HTTP 400) on serverless and async; counted in failed',
  },
  {
    id: 'realtime-timeout',
    domain: 'D3',
    severity: 'error',
    area: 'inference',
    static: false,
    http: 424,
    display: { request: 'timedOut' },
    title: 'Real-time invocation timed out (ModelError)',
    sheet:
      'Real-time endpoints serve interactive, millisecond-latency requests and must answer each one within 60 ' +
      'seconds; longer work belongs on an asynchronous endpoint.',
    fix:
      'Move long-running inference to an async-endpoint (processingSec up to 3600 s); otherwise lower ' +
      'modelLatencyMs, add instanceCount or autoscaling to stop queueing, and read features from an online ' +
      'feature-store.',
    docs: null,
    message:
      'ModelError: Received server error (0) from {variant} with message "Your invocation timed out while ' +
      'waiting for a response from container {variant}. Review the latency metrics for each container in ' +
      'Amazon CloudWatch, resolve the issue, and try again." (HTTP 424)',
    trigger: 'a real-time request whose processing (model latency + queueing + feature lookups) exceeds 60 s',
    inRun: 'the request fails with ModelError (HTTP 424): the invocation timed out',
  },
  {
    id: 'serverless-cold-start',
    domain: 'D3',
    severity: 'info',
    area: 'inference',
    static: false,
    display: { request: 'cold' },
    title: 'Serverless cold start',
    sheet:
      'Serverless inference scales to zero and costs nothing while idle, but a request that finds no warm ' +
      'capacity waits seconds for a cold start; it fits infrequent or spiky traffic that tolerates that.',
    fix:
      "Set the serverless-endpoint's provisionedConcurrency above 0 to keep capacity warm, or use a " +
      'realtime-endpoint for steady latency-sensitive traffic.',
    docs: null,
    message:
      'Serverless endpoint {node} had no warm capacity: the request waited {coldStartSec} s for a container to ' +
      'start (ModelSetupTime) before inference.',
    trigger: 'a serverless endpoint receives a request after being idle (no warm capacity; provisionedConcurrency 0)',
    inRun: "that request's latency includes a cold start of seconds; counted in coldStarts",
  },
  {
    id: 'serverless-throttled',
    domain: 'D3',
    severity: 'error',
    area: 'inference',
    static: false,
    http: 400,
    display: { request: 'throttled' },
    title: 'Serverless concurrency limit exceeded',
    sheet:
      'A serverless endpoint handles at most its MaxConcurrency requests at the same time (200 at most); ' +
      'requests beyond that are throttled rather than queued.',
    fix:
      "Raise the serverless-endpoint's maxConcurrency (ServerlessConfig.MaxConcurrency, up to 200), retry " +
      'throttled calls with backoff, or move sustained heavy traffic to a realtime-endpoint with autoscaling.',
    docs:
      'AWS documents 200 as the maximum concurrency of one serverless endpoint; the concurrency shared by all ' +
      'serverless endpoints of an account is a separate, per-Region service quota.',
    message:
      'ThrottlingException: Rate exceeded: serverless endpoint {node} is at its MaxConcurrency of ' +
      '{maxConcurrency} concurrent invocations.',
    trigger: 'concurrent requests above maxConcurrency',
    inRun: 'the excess is throttled: ThrottlingException (HTTP 400); a client with retries backs off and tries again',
  },
  {
    id: 'async-scale-from-zero',
    domain: 'D3',
    severity: 'info',
    area: 'inference',
    static: false,
    title: 'Async endpoint scaled to zero',
    sheet:
      'An asynchronous endpoint can scale to zero instances when its queue is empty, so it costs nothing while ' +
      'idle; the first request afterwards waits for an instance to start.',
    fix:
      "Expected behaviour. It needs a step-scaling policy on HasBacklogWithoutCapacity (the async-endpoint's " +
      'backlogScaling) to wake up; if the first-request wait matters, set minCapacity to 1 or more (paying for ' +
      'an idle instance).',
    docs: null,
    message:
      'Async endpoint {node} scaled in to 0 instances after {idleMin} min without requests; queued requests ' +
      'waited while {policy} started an instance ({scaleOutSec} s).',
    trigger: 'async-endpoint with minCapacity: 0, backlogScaling: true and an idle period',
    inRun: 'instance count drops to 0 (cost stops); the next request waits for scale-out',
  },
  {
    id: 'async-stuck-at-zero',
    domain: 'D3',
    severity: 'error',
    area: 'inference',
    static: true,
    title: 'Async endpoint stuck at zero instances',
    sheet:
      'An asynchronous endpoint can scale in to zero instances when idle and scale out again when requests arrive.',
    fix:
      "Set the async-endpoint's backlogScaling to true: a step-scaling policy on the HasBacklogWithoutCapacity " +
      'metric (with a CloudWatch alarm) scales out from zero on the first queued request. Or keep minCapacity at ' +
      '1 or more.',
    docs:
      'AWS: without the optional scale-from-zero policy on HasBacklogWithoutCapacity, an asynchronous endpoint ' +
      'at zero instances only starts scaling out once the backlog exceeds the target tracking value ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-autoscale.html); a trickle of requests ' +
      'waits until RequestTTLSeconds expires it.',
    message:
      'Async endpoint {node} has 0 instances and no step-scaling policy on HasBacklogWithoutCapacity: ' +
      '{backlog} queued request(s) are within the backlog target ({target} per instance), so nothing scales ' +
      'out; they expire after RequestTTLSeconds ({ttlSec} s) and fail to the error topic.',
    trigger:
      'an async-endpoint with minCapacity: 0 and no step-scaling policy on HasBacklogWithoutCapacity ' +
      '(backlogScaling: false)',
    inRun: 'after scaling in to zero it never scales out; queued requests expire and fail to the error topic',
  },
  {
    id: 'async-no-notification',
    domain: 'D3',
    severity: 'warning',
    area: 'inference',
    static: true,
    title: 'Async endpoint without SNS notification',
    sheet:
      'Asynchronous inference writes each result to S3 and publishes a completion or error notice to SNS, so ' +
      'callers learn when output is ready instead of polling.',
    fix:
      'Add an sns node and an async-endpoint → sns edge (AsyncInferenceConfig.OutputConfig.NotificationConfig ' +
      'SuccessTopic and ErrorTopic).',
    docs: null,
    message:
      'Async endpoint {node} has no AsyncInferenceConfig.OutputConfig.NotificationConfig (SuccessTopic / ' +
      'ErrorTopic): callers must poll the S3 OutputLocation for results.',
    trigger: 'an async-endpoint with no edge to an sns topic',
    inRun: "callers must poll S3; the sheet's pattern is an SNS notice on completion",
  },
  {
    id: 'mme-cold-load',
    domain: 'D3',
    severity: 'info',
    area: 'inference',
    static: false,
    display: { request: 'cold' },
    title: 'Multi-model endpoint cold load',
    sheet:
      'A multi-model endpoint loads each model from S3 on demand and keeps it cached in container memory, so ' +
      'the first request for a model is slow.',
    fix:
      'Expected on first use. Warm the models that must be fast with a request after deployment, raise ' +
      'cachedModels (an instanceType with more memory), or give latency-critical models their own ' +
      'realtime-endpoint.',
    docs:
      'AWS documents that a multi-model endpoint unloads models that have not been used recently when it needs ' +
      'memory (the sheet calls this an LRU cache); a request whose model is not loaded within about 60 seconds ' +
      'gets ModelNotReadyException (HTTP 429) and should be retried.',
    message:
      'Model {model} was not loaded on multi-model endpoint {node}: the request waited {coldLoadSec} s while ' +
      'it was downloaded from S3 and loaded (ModelLoadingWaitTime; ModelCacheHit = 0).',
    trigger: 'the first request for a model on a multi-model-endpoint, or after it was evicted',
    inRun: 'that request waits coldLoadSec while the model loads from S3; counted in coldStarts',
  },
  {
    id: 'mme-cache-thrash',
    domain: 'D3',
    severity: 'warning',
    area: 'inference',
    static: false,
    title: 'Multi-model cache thrashing',
    sheet:
      "A multi-model endpoint's memory cache holds a limited number of models; when more models are in active " +
      'use than fit, the least recently used are evicted and loaded again over and over.',
    fix:
      'Raise cachedModels (an instanceType with more memory) or instanceCount so the working set of models fits, ' +
      'or split the models across several multi-model-endpoints.',
    docs:
      'AWS documents that a multi-model endpoint unloads models that have not been used recently when it needs ' +
      'memory (the sheet calls this an LRU cache); a request whose model is not loaded within about 60 seconds ' +
      'gets ModelNotReadyException (HTTP 429) and should be retried.',
    message:
      'Multi-model endpoint {node}: {models} models in use but only {cached} fit in memory; {coldLoads} cold ' +
      'loads in {windowMin} min (ModelCacheHit {cacheHitPct}%, ModelUnloadingTime rising).',
    trigger: "the client's models exceed cachedModels and cold loads keep happening (LRU eviction)",
    inRun: 'a steady stream of cold loads; p99 latency dominated by loads',
  },
  {
    id: 'mme-model-not-ready',
    domain: 'D3',
    severity: 'error',
    area: 'inference',
    static: false,
    http: 429,
    display: { request: 'rejected' },
    title: 'Multi-model endpoint: model not ready',
    sheet:
      'A multi-model endpoint loads a model on its first request; a model that takes long to download and load ' +
      'is not ready for that request.',
    fix:
      'Give the client retries (the AWS SDKs retry ModelNotReadyException with exponential back-off), keep hot ' +
      'models loaded (a warm-up request, more cachedModels), or make the model smaller / faster to load ' +
      '(coldLoadSec).',
    docs:
      'AWS: InvokeEndpoint answers ModelNotReadyException (HTTP 429) when "a multi-model endpoint is still ' +
      'downloading or loading the target model. Wait and try your request again." ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpoint.html)',
    message:
      'ModelNotReadyException: Model {model} is not yet loaded on multi-model endpoint {node} (loading takes ' +
      '{coldLoadSec} s, longer than the {timeoutSec} s invocation allows). Wait and try your request again. ' +
      '(HTTP 429)',
    trigger: 'a request to a multi-model-endpoint whose model load cannot finish within the invocation time',
    inRun:
      'ModelNotReadyException (HTTP 429): wait and retry; a client with retries > 0 retries with back-off and ' +
      'is served once the model is loaded',
  },
  {
    id: 'mme-mixed-frameworks',
    domain: 'D3',
    severity: 'error',
    area: 'inference',
    static: true,
    title: 'Mixed frameworks on multi-model endpoint',
    sheet:
      'All models on a multi-model endpoint share one serving container, so they must be built for the same framework.',
    fix:
      'Use one ecr-repository framework per multi-model-endpoint (one container for all its models); host the ' +
      'other framework on its own multi-model-endpoint (or a multi-container realtime-endpoint).',
    docs: null,
    message:
      'ValidationException: All models on multi-model endpoint {node} must use the same container image, but ' +
      'it was given {frameworks}.',
    trigger: 'a multi-model-endpoint fed images (ecr edges) or models of more than one framework',
    inRun: 'endpoint creation fails: all models must use the same container',
  },
  {
    id: 'endpoint-overloaded',
    domain: 'D3',
    severity: 'error',
    area: 'inference',
    static: false,
    http: 503,
    display: { request: 'throttled' },
    title: 'Endpoint over capacity',
    sheet:
      'Endpoint autoscaling uses target tracking on InvocationsPerInstance: when invocations per instance ' +
      'exceed the target, instances are added after a scale-out delay.',
    fix:
      "Set the endpoint's autoscaling { min, max, targetInvocationsPerInstance } (target tracking on " +
      'SageMakerVariantInvocationsPerInstance) with max high enough for peaks, or raise instanceCount.',
    docs: null,
    message:
      'ServiceUnavailable: Received server error (503) from {variant}: endpoint {node} cannot serve {rps} ' +
      'requests/s with {instances} instance(s); requests are queueing and being rejected.',
    trigger: 'offered load above what instanceCount can serve (no autoscaling, or at max)',
    inRun:
      'queueing: latency climbs, then requests fail; with target-tracking autoscaling on ' +
      'InvocationsPerInstance, instances are added after a delay; a client with retries backs off and sends a ' +
      'refused request again',
  },
  {
    id: 'unapproved-model-deploy',
    domain: 'D3',
    severity: 'error',
    area: 'mlops',
    static: true,
    title: 'Deploying an unapproved model',
    sheet:
      'Model Registry versions go from PendingManualApproval to Approved or Rejected, and only Approved ' +
      'versions are deployed to production endpoints.',
    fix:
      'Set the model-registry\'s approval to "Approved" (UpdateModelPackage with ModelApprovalStatus=Approved, ' +
      'or an approve action at run time); the approval event can then drive deployment via eventbridge → lambda.',
    docs: null,
    message:
      'ValidationException: Model package {modelPackage} has ModelApprovalStatus {status}; endpoint {node} can ' +
      'only be deployed from an Approved model package.',
    trigger: 'an endpoint is deployed from a model-registry whose approval is not "Approved"',
    inRun: 'the deployment is blocked; the endpoint never reaches InService',
  },
  {
    id: 'shadow-variant-response',
    domain: 'D3',
    severity: 'info',
    area: 'inference',
    static: true,
    title: 'Shadow variant responses discarded',
    sheet:
      'A shadow variant receives a mirrored copy of production traffic but its responses never reach callers; ' +
      'it tests a challenger safely, while weighted variants (e.g. 90/10) split real traffic.',
    fix:
      'Expected behaviour. Compare the per-variant metrics, then promote the shadow (shadow false, give it ' +
      'weight) once it performs well.',
    docs: null,
    message:
      'Shadow variant {variant} on {node} received a copy of {requests} requests; its responses were logged ' +
      'for comparison and not returned to callers.',
    trigger: 'info for any variant with shadow: true',
    inRun: 'it receives a copy of the traffic, its responses are discarded; per-variant metrics shown side by side',
  },
  {
    id: 'callback-never-answered',
    domain: 'D3',
    severity: 'error',
    area: 'mlops',
    static: true,
    title: 'Callback step never answered',
    sheet:
      'A Callback step pauses the pipeline, puts a token on an SQS queue and waits for an external system to ' +
      'report success or failure with it.',
    fix:
      'Add an sqs node with a callback-step → sqs edge and a consumer of that queue that calls ' +
      'SendPipelineExecutionStepSuccess (or SendPipelineExecutionStepFailure) with the token; set timeoutSec to ' +
      'what the external work needs.',
    docs: null,
    message:
      'Step {node} failed: CallbackStep timed out after {timeoutSec} s waiting for ' +
      'SendPipelineExecutionStepSuccess with its callback token from queue {queue}.',
    trigger: 'a callback-step with no sqs edge, or nothing answering its queue',
    inRun: 'the pipeline waits until timeoutSec, then the step fails',
  },
  {
    id: 'condition-gate-failed',
    domain: 'D3',
    severity: 'info',
    area: 'mlops',
    static: false,
    title: 'Condition step blocked registration',
    sheet:
      'A Condition step branches the pipeline on a metric threshold, so only a model that passes evaluation ' +
      'reaches the RegisterModel step.',
    fix:
      'The gate worked as intended. Improve the model (data, features, a tuning-job) until the metric meets the ' +
      "condition-step's threshold; lower the threshold only if the bar itself was wrong.",
    docs: null,
    message:
      'ConditionStep {node} evaluated to false: {metric} = {value} does not satisfy {op} {threshold}; the ' +
      'model was not registered and the pipeline ended.',
    trigger: "a condition-step's metric does not meet its threshold",
    inRun: 'the model is not registered; the pipeline ends at the condition',
  },
  {
    id: 'trigger-chain-broken',
    domain: 'D3',
    severity: 'error',
    area: 'mlops',
    static: true,
    title: 'Event chain is incomplete',
    sheet:
      'Event-driven MLOps links an event source to EventBridge, whose rule starts a Lambda or the pipeline: S3 ' +
      'arrival, or monitor drift through a CloudWatch alarm on its metrics → EventBridge → Lambda → Pipeline, ' +
      'and an approved model → Lambda → endpoint update.',
    fix:
      'Complete the chain: the source → eventbridge (an s3-bucket with eventNotifications true, a ' +
      "model-registry, or a cloudwatch alarm on the monitor's metrics: model-monitor → cloudwatch → " +
      'eventbridge), eventbridge → lambda or pipeline, and lambda → pipeline or endpoint.',
    docs:
      'Model Monitor emits no EventBridge event of its own for a violation: it publishes CloudWatch metrics (and ' +
      'the execution status CompletedWithViolations); a CloudWatch alarm on those metrics changes state, and ' +
      'EventBridge matches the "CloudWatch Alarm State Change" event ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-interpreting-cloudwatch.html, ' +
      'https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-monitoring.html).',
    message:
      'Event {event} from {source} was emitted but nothing acted on it ({missing}); no pipeline execution or ' +
      'endpoint update was started.',
    trigger:
      'an event source (s3 upload, registry approval, monitor violation) is meant to start a pipeline or ' +
      'update an endpoint but the chain eventbridge → lambda/pipeline is incomplete',
    inRun: 'the event happens and nothing follows it (shown on the timeline)',
  },
  {
    id: 'async-timeout',
    domain: 'D3',
    severity: 'error',
    area: 'inference',
    static: true,
    display: { request: 'timedOut' },
    title: 'Async request exceeded invocation timeout',
    sheet:
      'Asynchronous inference queues requests with large payloads (up to 1 GB) or long processing and writes ' +
      'results to S3; it is the choice when work takes too long for a real-time endpoint, within its ' +
      'invocation timeout.',
    fix:
      "Bring processingSec under the endpoint's invocationTimeoutSec (InvocationTimeoutSeconds: default 900 s, " +
      'at most 3600 s), with a faster instance or model or smaller pieces of work. Wire an async-endpoint → sns ' +
      'edge so failures are announced (ErrorTopic).',
    docs:
      'AWS: InvocationTimeoutSeconds defaults to 15 minutes and may be set up to 3600 s per request ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-invoke-endpoint.html); small payloads ' +
      'can also be sent inline instead of through S3.',
    message:
      'Async inference {requestId} on {node} failed: ModelError: the invocation timed out after {timeoutSec} s ' +
      'while waiting for a response from the container (processing needs {processingSec} s).',
    trigger:
      "an async-endpoint request whose processingSec exceeds the endpoint's invocationTimeoutSec (default 900, " +
      'at most 3600)',
    inRun: 'the request fails with a timeout; the error notice goes to SNS if wired',
  },
  {
    id: 'monitor-unsupported-endpoint',
    domain: 'D3',
    severity: 'error',
    area: 'monitoring',
    static: true,
    display: { monitorFailure: true },
    title: 'Monitor on unsupported endpoint type',
    sheet:
      'Model Monitor works from data captured on an endpoint hosting the monitored model; the sheet teaches it ' +
      'for real-time endpoints and does not list the types it cannot watch.',
    fix:
      'Attach the model-monitor to a realtime-endpoint (with dataCapture true); move the model to a ' +
      'realtime-endpoint if it must be monitored.',
    docs:
      'From AWS documentation; the sheet omits it: Model Monitor supports real-time endpoints that host a single ' +
      'model (and batch transform jobs), not serverless endpoints (no data capture) or multi-model endpoints.',
    message:
      'ValidationException: Model Monitor does not support {endpointType} endpoint {endpoint}; monitoring ' +
      'schedule {node} cannot be created.',
    trigger: 'a model-monitor attached to a serverless-endpoint or a multi-model-endpoint',
    inRun: 'Model Monitor does not support these endpoint types (AWS docs; the sheet omits it)',
  },
  {
    id: 'batch-for-realtime',
    domain: 'D3',
    severity: 'error',
    area: 'inference',
    static: true,
    title: 'Batch transform used for real-time',
    sheet:
      'Batch transform is offline inference over data in S3 that takes minutes to hours; interactive requests ' +
      'need a real-time (or serverless) endpoint.',
    fix:
      'Point the client at a realtime-endpoint (or a serverless-endpoint for infrequent traffic) and keep the ' +
      'batch-transform for S3-to-S3 offline scoring.',
    docs: null,
    message:
      'Client {client} sends {rps} requests/s to batch transform {node}, which has no InvokeEndpoint API: a ' +
      'transform job reads its input from S3 and writes results to S3 minutes to hours later.',
    trigger: 'a client with rps > 0 sends invocations to a batch-transform',
    inRun: 'batch transform is offline (minutes to hours), not an interactive endpoint',
  },
  // D3, deployment guardrails (issue 17): blue/green with canary/linear traffic shifting and auto-rollback alarms.
  {
    id: 'model-version-errors',
    domain: 'D3',
    severity: 'error',
    area: 'deploy',
    static: false,
    http: 424,
    display: { request: 'rejected' },
    title: 'New model version returns errors',
    sheet:
      'An endpoint update provisions the new model on a green fleet and shifts traffic to it; a regressed ' +
      'version fails requests as soon as it takes traffic, and CloudWatch counts them in Invocation5XXErrors.',
    fix:
      'Deploy with deployment guardrails: canary or linear traffic shifting with a baking period and an ' +
      'auto-rollback CloudWatch alarm on Invocation5XXErrors ' +
      '(DeploymentConfig.AutoRollbackConfiguration.Alarms), so that only the canary sees the bad version.',
    docs:
      'InvokeEndpoint returns ModelError (HTTP 424) when the model in the container answers with a 4xx or 5xx ' +
      'code; Invocation5XXErrors counts the 5xx answers. ' +
      'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpoint.html · ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html',
    message:
      'An error occurred (ModelError) when calling the InvokeEndpoint operation: Received server error (500) ' +
      'from {variant} on {node} (model version {version}, new fleet).',
    trigger:
      'a model-update fault with errorRate > 0 on a realtime-endpoint: the share of traffic on the new fleet ' +
      'fails at that rate',
    inRun:
      'requests routed to the new fleet fail with 424 ModelError; Invocation5XXErrors rises with the traffic ' +
      'share the update has shifted',
  },
  {
    id: 'deployment-rolled-back',
    domain: 'D3',
    severity: 'info',
    area: 'deploy',
    static: false,
    title: 'Auto-rollback during the baking period',
    sheet:
      'Deployment guardrails watch CloudWatch alarms during every baking period; when one trips, SageMaker ' +
      'shifts all traffic back to the old (blue) fleet and the update stops.',
    fix: 'Expected behaviour: the guardrail worked. Fix the model version, then update the endpoint again.',
    docs:
      'Blue/green deployments with canary or linear traffic shifting and AutoRollbackConfiguration: ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green.html · ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-configuration.html',
    message:
      'Endpoint {node}: alarm {alarm} went to ALARM ({metric} {value} > {threshold}) during the baking period ' +
      'with {percent}% of traffic on the new fleet; all traffic rolled back to the old fleet and the update of ' +
      '{version} stopped.',
    trigger:
      'a model-update with errors (or latency) that trips an alarm listed in deployment.rollbackAlarms during ' +
      'a baking period',
    inRun: 'traffic returns to the old fleet; the endpoint goes back to InService on the old model; errors stop',
  },
  {
    id: 'bad-version-shipped',
    domain: 'D3',
    severity: 'error',
    area: 'deploy',
    static: false,
    title: 'Faulty version shipped to all traffic',
    sheet:
      'Without an auto-rollback alarm a blue/green update finishes whatever the new fleet does: all traffic ' +
      'moves to it and the old fleet is terminated, so a regressed model keeps failing requests.',
    fix:
      'Wire a CloudWatch alarm on the endpoint (Invocation5XXErrors) and list it in deployment.rollbackAlarms, ' +
      'with canary or linear traffic shifting and a baking period (WaitIntervalInSeconds) long enough for the ' +
      'alarm to evaluate.',
    docs:
      'If no CloudWatch alarms monitor the endpoint, auto-rollback does not work during the deployment: ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-configuration.html',
    message:
      'Endpoint {node}: the update to {version} completed with {percent}% of its requests failing on the new ' +
      'fleet; the old fleet was terminated and no alarm stopped it ({reason}).',
    trigger:
      'a model-update with errorRate > 0 whose deployment finishes: no alarm in deployment.rollbackAlarms, or ' +
      'none trips before the update ends',
    inRun: 'all traffic on the new version; the endpoint is InService and keeps failing requests',
  },
  {
    id: 'guardrail-without-alarm',
    domain: 'D3',
    severity: 'warning',
    area: 'deploy',
    static: true,
    title: 'Baking period with no rollback alarm',
    sheet:
      'CloudWatch alarms are a prerequisite of baking periods: a canary or linear deployment with no alarm ' +
      'watching the endpoint shifts all traffic on schedule and never rolls back.',
    fix:
      'Add a cloudwatch node wired from the endpoint (an alarm on Invocation5XXErrors or ModelLatency) and list ' +
      'its id in deployment.rollbackAlarms.',
    docs: 'https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-configuration.html',
    message:
      'Endpoint {node} shifts traffic by {type} with a {wait} s baking period, but no CloudWatch alarm that ' +
      'watches it is listed for auto-rollback: the deployment cannot roll back.',
    trigger:
      'deployment.type canary or linear, and deployment.rollbackAlarms names no cloudwatch node wired from ' +
      'this endpoint',
    inRun: 'a finding before the run; a faulty update would ship (bad-version-shipped)',
  },
  // D3, CI/CD for ML (issue 17, cicd17): CodePipeline releases with CodeBuild build/test actions.
  {
    id: 'release-not-triggered',
    domain: 'D3',
    severity: 'warning',
    area: 'deploy',
    static: false,
    title: 'Push started no release',
    sheet:
      "A pipeline starts only on the events its trigger matches: a V2 pipeline's push trigger filters on " +
      'branches (or Git tags, or file paths) with glob patterns, and a push to any other branch starts ' +
      'nothing. In Gitflow releases are cut on release/* branches and merged to main; in GitHub Flow every ' +
      'merge to main is released, so the trigger must watch the branch the team actually releases from.',
    fix:
      "Make the codepipeline's trigger branches (push filter Branches.Includes) match the branch the team " +
      'releases from, e.g. release/* in Gitflow or main in GitHub Flow; do not widen it to * (every ' +
      'feature-branch push would then release).',
    docs:
      'Push triggers filter on branches, file paths or Git tags (V2 pipelines; at most 8 include patterns, glob ' +
      'syntax); with a filter the pipeline no longer starts on any other change: ' +
      'https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html · GitPushFilter: ' +
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-codepipeline-pipeline-gitpushfilter.html. ' +
      'SageSim models branch filters only (tags and file paths are not simulated).',
    message:
      'Push of {version} to {branch}: no execution of pipeline {node} started (its push trigger includes ' +
      'branches {branches}); production still serves the previous version.',
    trigger:
      "a code-push meant to release (release: true, the default) to a branch that none of the codepipeline's " +
      'trigger branch patterns match',
    inRun: 'no pipeline execution starts; nothing is built, tested or deployed; the endpoints keep the old version',
  },
  {
    id: 'release-stopped-by-tests',
    domain: 'D3',
    severity: 'info',
    area: 'deploy',
    static: false,
    title: 'A test suite stopped the release',
    sheet:
      'CI/CD for ML runs unit tests (code alone), integration tests (the code with its real neighbours: the ' +
      'processing container, the model, the feature schema) and end-to-end tests (the deployed staging ' +
      'endpoint) before production; a failing suite fails its CodeBuild action and the pipeline execution ' +
      'stops there, so the defect never reaches production.',
    fix: 'Expected behaviour: the tests worked. Fix the change and push again; the next execution releases it.',
    docs:
      'CodeBuild runs the test cases of up to five report groups per build and reports each run: ' +
      'https://docs.aws.amazon.com/codebuild/latest/userguide/report-create.html · ' +
      'https://docs.aws.amazon.com/codebuild/latest/userguide/test-report-group.html. SageSim: a defect is ' +
      'caught only by the suite of its level (unit, integration, e2e), e2e only against a staging endpoint.',
    message:
      'Pipeline {node}: execution {execution} Failed at stage {stage}: {failed} {suite} test(s) failed on ' +
      '{version} (CodeBuild build status FAILED); nothing was deployed to production.',
    trigger: "a code-push with a defect of a suite level (unit, integration, e2e) that the codepipeline's tests run",
    inRun:
      'the build (or the staging test action) fails; the execution ends Failed; the endpoints keep the ' +
      'previous version and no request fails',
  },
  {
    id: 'untested-defect-released',
    domain: 'D3',
    severity: 'error',
    area: 'deploy',
    static: false,
    title: 'An untested defect reached production',
    sheet:
      'Unit tests alone do not catch integration defects (a schema mismatch between the preprocessing code and ' +
      'the model) or end-to-end defects (the deployed endpoint answering in the wrong format); a pipeline ' +
      'without integration and end-to-end test stages releases them to production, where they fail requests.',
    fix:
      "Add the suite that catches the defect to the codepipeline's tests (integration in the build; e2e against " +
      'a staging endpoint, which needs stagingEndpoint), and keep deployment guardrails (canary with an ' +
      'auto-rollback alarm) on the production endpoint as the last line of defence.',
    docs:
      'The SageMaker Projects model deploy seed code deploys a staging endpoint, waits for a manual approval ' +
      'action, then deploys production; an approval not answered within seven days fails the execution: ' +
      'https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals-approve-or-reject.html · CodeBuild ' +
      'test reports: https://docs.aws.amazon.com/codebuild/latest/userguide/report-create.html',
    message:
      'Pipeline {node}: execution {execution} deployed {version} to production ({endpoints}), where its new ' +
      'fleet fails {percent}% of requests; the {defect} defect passed the suites it ran ({suites}).',
    trigger:
      "a code-push with a defect whose suite the codepipeline's tests do not run (or e2e with no staging " +
      'endpoint), released to a production endpoint',
    inRun:
      'the execution deploys the defective version; the production endpoint fails requests ' +
      '(model-version-errors) until a guardrail rolls it back, or for good',
  },
  {
    id: 'build-timed-out',
    domain: 'D3',
    severity: 'error',
    area: 'deploy',
    static: false,
    title: 'CodeBuild build timed out',
    sheet:
      'A CodeBuild project stops any build not completed within its timeout (TimeoutInMinutes, 5 to 2160 ' +
      'minutes, default 60) with status TIMED_OUT, and the pipeline action fails; adding slow suites ' +
      '(integration, end-to-end) to a build that already takes most of an hour needs a longer timeout.',
    fix:
      "Raise the codepipeline's buildTimeoutMinutes (CodeBuild TimeoutInMinutes) above the build plus its test " +
      'suites, or run the slow suites in their own action; dropping the tests only hides defects.',
    docs:
      'TimeoutInMinutes: "from 5 to 2160 (36 hours) ... The default is 60 minutes" ' +
      '(https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/codebuild/aws.sdk.kotlin.services.codebuild.model/-create-project-request/timeout-in-minutes.html); ' +
      'build phase status TIMED_OUT ' +
      '(https://docs.aws.amazon.com/codebuild/latest/APIReference/API_BuildPhase.html).',
    message:
      'Pipeline {node}: execution {execution} Failed at stage {stage}: CodeBuild phase {phase} TIMED_OUT after ' +
      '{timeout} minutes (the build and its suites need {minutes} minutes); nothing was deployed.',
    trigger: 'a codepipeline whose build plus the suites it runs take longer than buildTimeoutMinutes',
    inRun: 'the build stops at the timeout; the execution ends Failed; the endpoints keep the previous version',
  },
  // D3, containers (issue 17, deploy-d3): a bring-your-own inference image serves /ping and /invocations on 8080.
  {
    id: 'container-ping-failed',
    domain: 'D3',
    severity: 'error',
    area: 'inference',
    static: true,
    title: 'Container failed the ping health check',
    sheet:
      'A bring-your-own inference container must run a web server that answers GET /ping (200, within 2 s) and ' +
      'POST /invocations on port 8080; SageMaker pings it after it starts and fails endpoint creation when it ' +
      'does not answer. AWS-built framework images and built-in algorithms already comply; script mode only ' +
      'adds your code to them.',
    fix:
      "Make the image's server listen on port 8080 (ecr-repository servingPort 8080) and answer GET /ping and " +
      'POST /invocations (implementsPing), or serve the model with an AWS-built framework image in script mode ' +
      'instead of your own.',
    docs:
      'AWS (Custom Inference Code with Hosting Services): SageMaker runs the image as `docker run image serve`; ' +
      'its web server answers POST /invocations and GET /ping on port 8080, a ping within 2 seconds. The ' +
      'endpoint\'s FailureReason when it does not is "The primary container for production variant <variant> did ' +
      'not pass the ping health check. Please check CloudWatch logs for this endpoint." ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/your-algorithms-inference-code.html · ' +
      'https://repost.aws/knowledge-center/sagemaker-endpoint-creation-fail',
    message:
      'Endpoint {node} Failed. Reason: The primary container for production variant {variant} did not pass the ' +
      'ping health check. Please check CloudWatch logs for this endpoint. ({image}: {why})',
    trigger:
      'an endpoint fed a bring-your-own image (ecr-repository with framework custom) whose servingPort is not ' +
      '8080 or that does not answer GET /ping (implementsPing false)',
    inRun: 'endpoint creation fails at the health check; every request to it fails',
  },
  // ── D3 · Async backlog: expiry down the failure path, a backlog that only grows (issue 12 item 8, issue 15) ──
  {
    id: 'async-request-expired',
    domain: 'D3',
    severity: 'error',
    area: 'inference',
    static: false,
    display: { request: 'timedOut' },
    title: 'Async request expired in the queue',
    sheet:
      'Asynchronous inference queues requests and writes each result, or its error, to S3 and announces it ' +
      'through SNS; callers learn of failures from the error notification, not from the call (which returned ' +
      '202 at once).',
    fix:
      'Give the async-endpoint the capacity its traffic needs (a higher maxCapacity, a faster instance or model: ' +
      'lower processingSec), or let requests wait longer (requestTtlSec, RequestTTLSeconds, at most 6 h). Wire ' +
      'an async-endpoint → sns edge so that failures are announced (ErrorTopic) and an async-endpoint → ' +
      's3-bucket edge for the failure path.',
    docs:
      'AWS: RequestTTLSeconds is the maximum age of a request in the queue before it is marked as expired ' +
      '(default 6 h, ' +
      'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpointAsync.html); a failed ' +
      "request's error goes to the S3FailurePath of AsyncInferenceOutputConfig and to the ErrorTopic when one " +
      'is configured ("If no topic is provided, no notification is sent on failure", ' +
      'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AsyncInferenceNotificationConfig.html). The ' +
      'call itself had already returned 202, so there is no 503.',
    message:
      'Async inference {requestId} on {node} expired: it waited RequestTTLSeconds ({ttlSec} s) in the queue ' +
      'without reaching an instance. The error was written to {failurePath}; {notice}.',
    trigger:
      "an async-endpoint request still queued after the endpoint's requestTtlSec (RequestTTLSeconds, default 21600 s)",
    inRun:
      'the request fails without ever running; its error goes to the S3 failure path and the error topic (if wired)',
  },
  {
    id: 'async-backlog-growing',
    domain: 'D3',
    severity: 'warning',
    area: 'inference',
    static: false,
    title: 'Async backlog growing at max capacity',
    sheet:
      'Asynchronous endpoints scale on the queue: the autoscaling policy tracks ' +
      'ApproximateBacklogSizePerInstance between minCapacity and maxCapacity. Once at maxCapacity, a backlog ' +
      'that keeps growing means every new request waits longer than the last.',
    fix:
      "Raise the async-endpoint's maxCapacity so the backlog policy can add instances, or make each request " +
      'cheaper (lower processingSec: a faster instance type or model); alarm on ' +
      'ApproximateBacklogSizePerInstance (a cloudwatch node) so the team sees it.',
    docs:
      'AWS publishes ApproximateBacklogSize, ApproximateBacklogSizePerInstance and HasBacklogWithoutCapacity for ' +
      'asynchronous endpoints and recommends scaling on ApproximateBacklogSizePerInstance ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html, ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-autoscale.html). The once-a-minute ' +
      'comparison with the backlog 5 minutes before and the target of 5 queued requests per instance are the ' +
      "simulator's.",
    message:
      'Async endpoint {node} is at its maximum of {instances} instance(s) and its backlog keeps growing: ' +
      'ApproximateBacklogSize {backlog} ({perInstance} per instance against a target of {target}); the oldest ' +
      'queued request has waited {waitMin} min.',
    trigger:
      'an async-endpoint with all maxCapacity instances in service whose backlog per instance is above the ' +
      'target (5) and larger than 5 minutes before',
    inRun:
      'counted once per minute the backlog grows at max capacity; the backlog chart (ApproximateBacklogSize) ' +
      'climbs and p99 latency grows with it',
  },
  {
    id: 'realtime-stuck-at-zero',
    domain: 'D3',
    severity: 'error',
    area: 'inference',
    static: false,
    http: 400,
    display: { request: 'rejected' },
    title: 'Endpoint scaled to zero never wakes',
    sheet:
      'A real-time endpoint that hosts inference components can scale in to zero instances ' +
      '(ManagedInstanceScaling MinInstanceCount 0, scalable target min capacity 0). Target tracking cannot ' +
      'scale out from zero: a step-scaling policy on a CloudWatch alarm on NoCapacityInvocationFailures must ' +
      'provision the first instance again.',
    fix:
      "Set the realtime-endpoint's scaleOutFromZero to true (a StepScaling policy, ChangeInCapacity +1, on an " +
      'alarm on NoCapacityInvocationFailures), or keep autoscaling.min at 1 if the first requests after a quiet ' +
      'spell must not fail.',
    docs:
      'https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html ("after scaling ' +
      "in to zero instances, your endpoint can't respond to any incoming inference requests until it provisions " +
      'at least one instance"; the step scaling policy and the NoCapacityInvocationFailures alarm). The error ' +
      'text is the one AWS shows in ' +
      'https://aws.amazon.com/blogs/machine-learning/unlock-cost-savings-with-the-new-scale-down-to-zero-feature-in-amazon-sagemaker-inference/.',
    message:
      'ValidationError: An error occurred (ValidationError) when calling the InvokeEndpoint operation: ' +
      'Inference Component has no capacity to process this request. ApplicationAutoScaling may be in-progress ' +
      '(if configured) or try to increase the capacity by invoking UpdateInferenceComponentRuntimeConfig API. ' +
      '({node} has 0 instances and no scaling policy that scales out from zero)',
    trigger:
      'a realtime-endpoint with inferenceComponents and autoscaling.min 0 that scaled in to zero instances, ' +
      'without scaleOutFromZero, receives requests',
    inRun:
      'every request fails with a 400 ValidationError while the endpoint stays at 0 instances ' +
      '(NoCapacityInvocationFailures climbs, nothing scales out)',
  },
  {
    id: 'no-capacity-at-zero',
    domain: 'D3',
    severity: 'warning',
    area: 'inference',
    static: false,
    http: 400,
    display: { request: 'rejected' },
    title: 'Requests fail while waking from zero',
    sheet:
      'Scaling to zero saves the instances while idle, but the first requests after it fail: the ' +
      'NoCapacityInvocationFailures alarm fires, the step-scaling policy adds an instance, and provisioning it ' +
      'takes several minutes.',
    fix:
      'Accept the failed first requests (callers retry after the wake-up), send a warm-up request before traffic ' +
      'is due, or keep autoscaling.min at 1 where the first requests must not fail.',
    docs:
      'https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html ("the ' +
      'provisioning process takes several minutes. During that time, any attempts to invoke the endpoint will ' +
      'produce an error"). The alarm evaluates 1-minute periods as in AWS\'s example; the 240 s to bring the ' +
      "instance into service is the simulator's.",
    message:
      'ValidationError: Inference Component has no capacity to process this request. ApplicationAutoScaling ' +
      'may be in-progress (if configured) or try to increase the capacity by invoking ' +
      'UpdateInferenceComponentRuntimeConfig API. ({node} is scaling out from zero: {detail})',
    trigger:
      'a realtime-endpoint scaled in to zero instances with scaleOutFromZero receives requests before its ' +
      'first instance is in service',
    inRun:
      'requests fail with a 400 ValidationError for the minutes the alarm and the new instance take; then the ' +
      'endpoint serves again',
  },
  {
    id: 'scale-to-zero-unsupported',
    domain: 'D3',
    severity: 'warning',
    area: 'inference',
    static: true,
    title: 'Scale to zero without inference components',
    sheet:
      'Only an endpoint that hosts inference components can scale to and from zero instances; a production ' +
      'variant scaled on DesiredInstanceCount keeps at least one instance.',
    fix:
      "Set the realtime-endpoint's inferenceComponents to true (the model as an inference component, managed " +
      'instance scaling with MinInstanceCount 0) and add scaleOutFromZero, or set autoscaling.min to 1.',
    docs:
      'https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html ("An endpoint ' +
      'can scale to and from zero instances only if it hosts inference components").',
    message:
      '{node}: autoscaling min 0 has no effect: the endpoint does not host inference components, so its ' +
      'variant keeps at least 1 instance (and bills it while idle).',
    trigger: 'a realtime-endpoint with autoscaling.min 0 and inferenceComponents false',
    inRun: 'the endpoint never scales below 1 instance',
  },
  // ── D4 · Monitoring and security ───────────────────────────────────────────────
  {
    id: 'monitor-needs-data-capture',
    domain: 'D4',
    severity: 'error',
    area: 'monitoring',
    static: true,
    display: { monitorFailure: true },
    title: 'Monitor without data capture',
    sheet:
      'Every Model Monitor type (data quality, model quality, bias drift, feature attribution) analyses the ' +
      'requests and responses captured at the endpoint, so data capture must be enabled first.',
    fix:
      "Set the monitored endpoint's dataCapture to true (DataCaptureConfig with EnableCapture in the endpoint " +
      'configuration).',
    docs: null,
    message:
      'Monitoring execution for schedule {node} failed: Job inputs had no data: no captured records were found ' +
      'for endpoint {endpoint}.',
    trigger: 'a model-monitor attached to an endpoint whose dataCapture is false',
    inRun: 'every scheduled monitoring run fails: nothing captured',
  },
  {
    id: 'monitor-needs-baseline',
    aws:
      'Under the AWS docs rulebook a monitor without a baseline runs and completes, with no constraint ' +
      'violations to report (drift goes unnoticed).',
    domain: 'D4',
    severity: 'error',
    area: 'monitoring',
    static: true,
    display: { monitorFailure: true },
    title: 'Monitor without baseline',
    sheet:
      'A monitor needs a baseline (statistics and constraints computed on the training data) before it can ' +
      'detect anything; all four monitor types require one.',
    fix:
      "Set the model-monitor's baseline to true (run a baselining job on the training data and give its " +
      'statistics and constraints to the monitoring schedule).',
    docs:
      'A sheet claim AWS documentation does not make: the baseline config of a monitoring job definition is ' +
      'optional (ModelQualityBaselineConfig / DataQualityBaselineConfig, ConstraintsResource "Required: No", ' +
      'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ModelQualityBaselineConfig.html); without ' +
      'one the run completes but has no constraints to report violations against.',
    message:
      'Monitoring execution for schedule {node} failed: ClientError: no baseline statistics or constraints ' +
      'were provided to compare captured data with.',
    trigger: 'a model-monitor with baseline: false',
    inRun: 'every scheduled run fails: no baseline constraints to compare with',
  },
  {
    id: 'model-quality-needs-ground-truth',
    domain: 'D4',
    severity: 'error',
    area: 'monitoring',
    static: true,
    display: { monitorFailure: true },
    title: 'Model quality without ground truth',
    sheet:
      'Model Quality monitoring compares predictions with the true labels (ground truth) to track accuracy, F1 ' +
      'and similar metrics, so labels must be collected and merged with captured predictions.',
    fix:
      "Set the model-monitor's groundTruth to true (upload labels to the monitor's ground-truth S3 input, keyed " +
      'by the captured inference ids).',
    docs: null,
    message:
      'Monitoring execution for schedule {node} failed: ClientError: no ground truth labels were found to ' +
      'merge with captured predictions from endpoint {endpoint}.',
    trigger: 'monitorType: "model-quality" with groundTruth: false',
    inRun: 'runs fail: no labels merged with predictions',
  },
  {
    id: 'monitor-needs-clarify',
    domain: 'D4',
    severity: 'error',
    area: 'monitoring',
    static: true,
    display: { monitorFailure: true },
    title: 'Bias or attribution monitor lacks Clarify',
    sheet:
      'Bias Drift and Feature Attribution monitors are built on SageMaker Clarify: bias metrics such as DPPL ' +
      'and DI, and SHAP values for feature importance.',
    fix:
      'Add a clarify node and a model-monitor → clarify edge (the Clarify bias or explainability job definition ' +
      'the monitor runs).',
    docs: null,
    message:
      'Monitoring execution for schedule {node} ({monitorType}) failed: ClientError: no SageMaker Clarify ' +
      'configuration (bias analysis or SHAP baseline) was provided.',
    trigger: 'monitorType "bias-drift" or "feature-attribution" with no edge to a clarify node',
    inRun: 'runs fail: these use Clarify (bias metrics / SHAP)',
  },
  {
    id: 'data-drift-detected',
    domain: 'D4',
    severity: 'warning',
    area: 'monitoring',
    static: false,
    title: 'Data quality drift detected',
    sheet:
      'A Data Quality monitor compares statistics of captured inference data with the training baseline and ' +
      'reports feature distribution drift and schema violations.',
    fix:
      'Investigate the drifted features and retrain on recent data; automate it with model-monitor → eventbridge ' +
      '→ lambda or pipeline, then redeploy.',
    docs: null,
    message:
      'Monitoring execution for schedule {node} CompletedWithViolations: baseline_drift_check on feature ' +
      '{feature}: distance {distance} exceeds the threshold {threshold}.',
    trigger: 'a data-drift fault on a monitored endpoint with a working data-quality monitor',
    inRun:
      'the next scheduled run reports a violation (CompletedWithViolations and CloudWatch metrics; a ' +
      'cloudwatch alarm on them sends its state change to EventBridge if wired)',
  },
  {
    id: 'bias-disparate-impact',
    domain: 'D4',
    severity: 'warning',
    area: 'monitoring',
    static: false,
    title: 'Disparate impact below four-fifths',
    sheet:
      'Disparate Impact is the ratio of positive-prediction rates between the disfavoured and the favoured ' +
      'group; below 0.8 (the four-fifths rule) it signals potential discrimination.',
    fix:
      'Investigate the facet, retrain on rebalanced or reweighted data and check again with Clarify; route the ' +
      'violation via eventbridge to a retraining pipeline.',
    docs:
      '0.8 is the four-fifths convention from US employment guidance, not a threshold AWS defines (the clarify ' +
      "node's disparateImpactThreshold makes it a choice); AWS also notes that SageMaker Clarify is closed to " +
      'new customers.',
    message:
      'Monitoring execution for schedule {node} CompletedWithViolations: bias_drift_check: disparate impact ' +
      '(DI) for facet {facet} is {di}, below the threshold {threshold}.',
    trigger: 'a bias-shift fault, with a working bias-drift monitor',
    inRun: 'a violation when disparate impact falls below 0.8 (the four-fifths rule)',
  },
  {
    id: 'ecr-pull-blocked',
    aws:
      'Under the AWS docs rulebook training, processing and hosting images are pulled by the SageMaker platform ' +
      'and need no ECR endpoints, unless the ecr-repository sets repositoryAccessMode "Vpc" (then they are ' +
      'needed again).',
    domain: 'D4',
    severity: 'error',
    area: 'network',
    static: true,
    display: { network: ['ecr.api', 'ecr.dkr'] },
    title: 'Cannot pull image in private subnet',
    sheet:
      'A job or endpoint in a private subnet has no route to ECR; without ECR interface endpoints it cannot ' +
      'pull its container image.',
    fix:
      'Add two vpc-endpoint nodes to the VPC, one with service "ecr.api" and one with service "ecr.dkr" ' +
      '(interface endpoints), plus the "s3" gateway endpoint for image layers; or use a "private-with-nat" ' +
      'subnet.',
    docs:
      'AWS documents that SageMaker itself pulls training and hosting images from ECR ' +
      '(ImageConfig.RepositoryAccessMode "Platform"); ecr.api/ecr.dkr endpoints are needed for pulls made ' +
      'through your VPC (RepositoryAccessMode "Vpc", Studio in VPC-only mode, image builds, containers you run ' +
      'yourself) (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ImageConfig.html). The exam ' +
      'answer is still to add the ECR interface endpoints.',
    message:
      'CannotStartContainerError: CannotPullContainerError: failed to pull image {image} for {node}: Get ' +
      '"{url}": dial tcp: i/o timeout',
    trigger:
      'a job or endpoint in a private subnet (no NAT) without both ecr.api and ecr.dkr interface endpoints in its VPC',
    inRun:
      'the container image cannot be pulled: jobs go to Failed, endpoints to Failed, with a ' +
      'CannotPullContainer-style message',
  },
  {
    id: 's3-unreachable',
    domain: 'D4',
    severity: 'error',
    area: 'network',
    static: true,
    display: { network: ['s3'] },
    title: 'S3 unreachable from private subnet',
    sheet:
      'From a private subnet, SageMaker jobs reach their S3 data through an S3 gateway endpoint, which costs nothing.',
    fix: 'Add a vpc-endpoint node with service "s3" (a gateway endpoint) to the VPC.',
    docs: null,
    message:
      'ClientError: {what} failed for {node}: Could not connect to the endpoint URL: ' +
      '"https://{bucket}.s3.amazonaws.com/" (connect timeout)',
    trigger: 'a job or endpoint in a private subnet with no s3 gateway endpoint in its VPC',
    inRun: 'training data and model artifacts cannot be downloaded (and image layers, which live in S3): the job fails',
  },
  {
    id: 'sagemaker-api-unreachable',
    domain: 'D4',
    severity: 'error',
    area: 'network',
    static: true,
    display: { network: ['sagemaker.api'] },
    title: 'SageMaker API unreachable from VPC',
    sheet: 'SDK and API calls to SageMaker from a private subnet go through the SageMaker API interface endpoint.',
    fix:
      'Add a vpc-endpoint node with service "sagemaker.api" to the VPC (and "sagemaker.runtime" for ' +
      'InvokeEndpoint calls).',
    docs:
      'A pipeline is not a VPC resource: the Pipelines service makes its own API calls, so it never needs a ' +
      'sagemaker.api endpoint; a pipeline drawn in a subnet gives that subnet to its step jobs (their ' +
      'VpcConfig/NetworkConfig), whose image pulls and data reads then need routes like standalone jobs ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/build-and-manage-pipeline.html).',
    message:
      'ConnectTimeoutError: Connect timeout on endpoint URL: "https://api.sagemaker.us-east-1.amazonaws.com/" ' +
      '({node} calling {action})',
    trigger:
      'a lambda in a private subnet calling SageMaker with no sagemaker.api endpoint (never a pipeline: the ' +
      'Pipelines service calls the API itself)',
    inRun: 'API calls time out; nothing is started',
  },
  {
    id: 'logs-unreachable',
    aws: 'Under the AWS docs rulebook it never happens: job and endpoint containers need no logs endpoint.',
    domain: 'D4',
    severity: 'warning',
    area: 'network',
    static: true,
    display: { network: ['logs'] },
    title: 'Logs cannot reach CloudWatch',
    sheet:
      'Containers in a private subnet publish their logs to CloudWatch through a CloudWatch Logs interface endpoint.',
    fix: 'Add a vpc-endpoint node with service "logs" to the VPC (and "monitoring" for CloudWatch metrics).',
    docs:
      'A sheet claim AWS documentation does not make: SageMaker ships training, processing and endpoint ' +
      'container logs to CloudWatch itself; AWS does not list a logs interface endpoint among what a job or ' +
      'endpoint in a VPC needs (https://docs.aws.amazon.com/sagemaker/latest/dg/train-vpc.html).',
    message:
      'No log streams from {node} reached CloudWatch Logs: Connect timeout on endpoint URL: ' +
      '"https://logs.us-east-1.amazonaws.com/"',
    trigger: 'a job or endpoint in a private subnet with no logs endpoint',
    inRun: 'it runs, but no logs reach CloudWatch',
  },
  {
    id: 'network-isolation-egress',
    domain: 'D4',
    severity: 'error',
    area: 'network',
    static: true,
    display: { network: ['internet'] },
    title: 'Network isolation blocks outbound call',
    sheet:
      'With network isolation (EnableNetworkIsolation) the container gets no network access at all, neither ' +
      'the internet nor other AWS services; SageMaker still moves input and output data for it.',
    fix:
      "Remove the container's outbound dependency (package what it needs into the image or the input data), or " +
      "set the job's EnableNetworkIsolation to false and control egress with VPC endpoints instead.",
    docs: null,
    message:
      '{node}: outbound connection to {target} failed: [Errno 101] Network is unreachable ' +
      '(EnableNetworkIsolation is true).',
    trigger:
      'EnableNetworkIsolation: true on a job whose container needs outbound calls (a custom algorithm edge to ' +
      'an external service)',
    inRun: 'the outbound call is blocked',
  },
  {
    id: 'sg-blocks-distributed-training',
    domain: 'D4',
    severity: 'error',
    area: 'network',
    static: true,
    title: 'Security group blocks the cluster',
    sheet:
      'The instances of a distributed training (or processing) job in a VPC talk to each other through their ' +
      'security group: it needs an inbound rule allowing traffic from itself (a self-referencing rule). ' +
      'Inter-container traffic encryption adds IPsec between them, which needs UDP 500 and protocol 50 (ESP) ' +
      'inbound and outbound within the group.',
    fix:
      'Add a self-referencing inbound rule to the job\'s security group ("all all from self"), keep its outbound ' +
      "rules open to itself, or leave the job on the VPC's default group (which allows all traffic from itself).",
    docs:
      'https://docs.aws.amazon.com/sagemaker/latest/dg/train-vpc.html ("configure a rule for your security group ' +
      'that allows inbound connections between members of the same security group"); ' +
      'https://docs.aws.amazon.com/sagemaker/latest/dg/train-encrypt.html (inbound and outbound rules for ' +
      "inter-container traffic encryption, ESP 50). The failure text is the simulator's: a blocked connection " +
      'is dropped silently, so the instances time out waiting for each other.',
    message:
      '{node}: AlgorithmError: the {instances} instances could not connect to each other (algo-1 → algo-2: ' +
      'connection timed out): security group {group} does not allow {need} from itself.',
    trigger:
      'a training or processing job with instanceCount > 1 in a subnet whose security group has no inbound ' +
      'rule from itself covering all TCP ports (and, with EnableInterContainerTrafficEncryption, UDP 500 and ' +
      'ESP both ways)',
    inRun: 'the job starts, its instances wait for each other until the connection times out, and the job fails',
  },
  {
    id: 'endpoint-sg-blocks-https',
    domain: 'D4',
    severity: 'error',
    area: 'network',
    static: true,
    display: { network: ['ecr.api', 'ecr.dkr', 'sagemaker.api'] },
    title: "Endpoint's security group drops HTTPS",
    sheet:
      'An interface VPC endpoint is a network interface in your subnet with its own security group: it must ' +
      "allow inbound HTTPS (TCP 443) from the callers (their security group or the VPC's CIDR), and the " +
      "callers' group must allow 443 out. A dropped packet gets no answer: the call times out.",
    fix:
      'Add an inbound rule "tcp 443 from <the job\'s security group>" (or from the VPC CIDR 10.0.0.0/16) to the ' +
      "vpc-endpoint's security group; check the job's outbound rules allow TCP 443.",
    docs:
      'https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html ("The security group ' +
      'rules control the traffic to the endpoint network interface from resources in your VPC"; without one, the ' +
      "VPC's default group is associated, which allows inbound traffic only from itself).",
    message:
      '{node}: call to {service} through interface endpoint {endpoint} timed out: dial tcp {ip}:443: i/o ' +
      'timeout ({why}).',
    trigger:
      'a job or endpoint reaches an AWS service through an interface vpc-endpoint whose security group has no ' +
      "inbound TCP 443 rule from the caller's group or the VPC CIDR (or the caller's group has no outbound 443)",
    inRun: 'the call through the endpoint times out; an image pull or API call fails as if the endpoint were missing',
  },
  {
    id: 'unencrypted-volume',
    domain: 'D4',
    severity: 'error',
    area: 'security',
    static: true,
    title: 'Job volume without KMS key',
    sheet:
      "A training job's EBS volume is encrypted with your own KMS key through ResourceConfig.VolumeKmsKeyId; " +
      'the sheet expects it whenever the data is KMS-encrypted or sensitive.',
    fix:
      "Set the job's VolumeKmsKeyId to a kms-key (ResourceConfig.VolumeKmsKeyId for training, " +
      'ProcessingResources.ClusterConfig.VolumeKmsKeyId for processing). On an instance type with local NVMe ' +
      'storage (ml.m5d, ml.g5, ml.p4d…) never set one: the instance store is hardware-encrypted and the key is ' +
      'refused.',
    docs:
      'Never raised for instance types with local NVMe storage: AWS encrypts those volumes in hardware and ' +
      'refuses a VolumeKmsKeyId there ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ResourceConfig.html).',
    message:
      '{node} reads s3://{bucket} ({reason}) but {param} is not set: its ML storage volume is not encrypted ' +
      'with your KMS key.',
    trigger:
      'a job without VolumeKmsKeyId, on an instance type without local NVMe storage, while it reads a bucket ' +
      'with encryption "sse-kms" or sensitive: true',
    inRun: 'static finding: the job runs, but its storage volume is not encrypted with a customer KMS key',
  },
  {
    id: 'unencrypted-output',
    domain: 'D4',
    severity: 'error',
    area: 'security',
    static: true,
    title: 'Job output without KMS key',
    sheet:
      'Model artifacts and other job output written to S3 are encrypted with your own KMS key through ' +
      'OutputDataConfig.KmsKeyId.',
    fix:
      "Set the job's OutputKmsKeyId to a kms-key (OutputDataConfig.KmsKeyId for training, " +
      'ProcessingOutputConfig.KmsKeyId for processing).',
    docs: null,
    message:
      '{node} reads s3://{bucket} ({reason}) but {param} is not set: its output and model artifacts are not ' +
      'encrypted with your KMS key.',
    trigger: 'a job without OutputKmsKeyId while it reads a bucket with encryption "sse-kms" or sensitive: true',
    inRun:
      'static finding: the job runs, but its S3 output and model artifacts are not encrypted with a customer KMS key',
  },
  {
    id: 'inter-container-unencrypted',
    domain: 'D4',
    severity: 'warning',
    area: 'security',
    static: true,
    title: 'Distributed training traffic unencrypted',
    sheet:
      'Traffic between the instances of a distributed training job is encrypted only when ' +
      'EnableInterContainerTrafficEncryption is turned on.',
    fix: "Set the training-job's EnableInterContainerTrafficEncryption to true (it adds some training time).",
    docs: null,
    message:
      'Training job {node} runs on {instanceCount} instances with sensitive data but ' +
      'EnableInterContainerTrafficEncryption is false: traffic between its containers is not encrypted.',
    trigger: 'distributed training (instanceCount > 1) on sensitive data without EnableInterContainerTrafficEncryption',
    inRun: 'static finding: training runs, but traffic between its instances is not encrypted',
  },
  {
    id: 'feature-store-one-key',
    domain: 'D4',
    severity: 'error',
    area: 'security',
    static: true,
    title: 'Feature Store store missing KMS key',
    sheet:
      'Feature Store encrypts its two stores separately, the online store via ' +
      'OnlineStoreConfig.SecurityConfig.KmsKeyId and the offline S3 store via ' +
      'OfflineStoreConfig.S3StorageConfig.KmsKeyId, so it needs a key for each.',
    fix:
      "Set both of the feature-store's keys: OnlineStoreKmsKeyId (OnlineStoreConfig.SecurityConfig.KmsKeyId) and " +
      'OfflineStoreKmsKeyId (OfflineStoreConfig.S3StorageConfig.KmsKeyId).',
    docs: null,
    message:
      'Feature group {node}: the {keyedStore} store is encrypted with a KMS key but the {missingStore} store ' +
      'is not: set {param}.',
    trigger: 'a feature-store with online and offline stores where only one store has a KMS key',
    inRun:
      'static finding: one of the two stores is not encrypted with a customer KMS key; each store needs its ' +
      'own key setting',
  },
  {
    id: 'kms-access-denied',
    domain: 'D4',
    severity: 'error',
    area: 'security',
    static: true,
    title: 'Role lacks kms:Decrypt',
    sheet:
      'A training execution role needs S3 get/put, ECR pull rights and kms:Decrypt / kms:GenerateDataKey on ' +
      'the keys that protect its data.',
    fix:
      'Add "kms:Decrypt" (and "kms:GenerateDataKey" for encrypted output) to the actions of the iam-role the ' +
      "job's role references, and allow that role in the key policy.",
    docs: null,
    message:
      'ClientError: Data download failed: AccessDeniedException: User: ' +
      'arn:aws:sts::123456789012:assumed-role/{role}/SageMaker is not authorized to perform: kms:Decrypt on ' +
      'resource: {key} because no identity-based policy allows the kms:Decrypt action',
    trigger: 'a job reading a sse-kms bucket whose role lacks kms:Decrypt',
    inRun: 'the job fails with access denied at download',
  },
  {
    id: 'kms-on-nvme-instance',
    domain: 'D4',
    severity: 'error',
    area: 'security',
    static: true,
    title: 'KMS key on NVMe instance',
    sheet:
      'Endpoint storage can be encrypted with a customer key (KmsKeyId in the endpoint configuration); the ' +
      'sheet does not say that instance types with local NVMe storage refuse one.',
    fix:
      'Remove the KmsKeyId (endpoint) or VolumeKmsKeyId (training, processing, transform job): the NVMe instance ' +
      'store is already hardware-encrypted; or choose an instanceType without local NVMe storage (e.g. ml.m5 ' +
      'rather than ml.m5d) if a customer key is required.',
    docs:
      'From AWS documentation, not the sheet: instance types with local NVMe instance storage (e.g. ml.m5d, ' +
      'ml.g5, ml.p4d) encrypt those volumes in hardware; "You can\'t request a VolumeKmsKeyId when using an ' +
      'instance type with local storage" (ResourceConfig, ProcessingClusterConfig, TransformResources), and ' +
      'CreateEndpointConfig fails when KmsKeyId is given for them. ' +
      'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ResourceConfig.html · ' +
      'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html',
    message:
      'ValidationException: {param} is not supported for instance type {instanceType}: its storage is local ' +
      'NVMe instance storage, which is encrypted in hardware.',
    trigger:
      'an endpoint with KmsKeyId, or a training, processing or batch transform job with VolumeKmsKeyId, on an ' +
      'instance type with local NVMe storage (e.g. ml.m5d, ml.g5, ml.p4d families)',
    inRun:
      'endpoint or job creation fails: those volumes are hardware-encrypted and a KMS key may not be given (AWS docs)',
  },
  {
    id: 'iam-wildcard',
    domain: 'D4',
    severity: 'warning',
    area: 'security',
    static: true,
    title: 'Wildcard IAM permissions',
    sheet:
      'Execution roles follow least privilege: they name the specific S3 actions and bucket prefixes a ' +
      'resource needs rather than s3:* on every resource; SCPs enforce guardrails across the organisation.',
    fix:
      'Replace wildcards in the iam-role\'s actions (e.g. "s3:GetObject" and "s3:PutObject" instead of "s3:*") ' +
      'and list bucket/prefix ARNs in s3Resources instead of "*".',
    docs: null,
    message: 'Role {node} allows {grant}: wildcard actions or resources grant far more than its jobs need.',
    trigger: 'a role with s3:* or resources *',
    inRun: 'static finding: the role works, but it grants more than least privilege allows',
  },
  {
    id: 'pii-without-macie',
    domain: 'D4',
    severity: 'warning',
    area: 'security',
    static: true,
    title: 'Captured PII not scanned',
    sheet: 'Amazon Macie discovers PII in S3, covering both training data and the inference data an endpoint captures.',
    fix: 'Add a macie node so the data-capture bucket (and the sensitive training buckets) are scanned for PII.',
    docs: null,
    message:
      'Endpoint {node} captures requests carrying sensitive data to S3 and no Amazon Macie discovery job scans ' +
      'the capture location for PII.',
    trigger: 'data capture on an endpoint whose traffic carries sensitive data, with no macie',
    inRun: 'static finding: captured PII is stored in S3 without Macie discovery',
  },
  {
    id: 'no-cloudtrail-data-events',
    domain: 'D4',
    severity: 'info',
    area: 'security',
    static: true,
    title: 'No S3 data event auditing',
    sheet:
      'CloudTrail records every SageMaker API call, but object-level S3 access (GetObject, PutObject) is ' +
      'logged only when S3 data events are enabled.',
    fix: 'Add a cloudtrail node with s3DataEvents set to true (the trail can then be queried with Athena).',
    docs: null,
    message:
      'Sensitive bucket {bucket} is not covered by CloudTrail S3 data events: object-level reads and writes ' +
      'are not audited.',
    trigger: 'a cloudtrail without s3DataEvents, or none at all, while sensitive buckets exist',
    inRun: 'static finding: object-level access to sensitive buckets is not audited',
  },
  /* ---- issue 17 (gov-d4): AWS Organizations service control policies ---- */
  {
    id: 'scp-denied',
    domain: 'D4',
    severity: 'error',
    area: 'security',
    static: true,
    title: 'Create call denied by an SCP',
    sheet:
      'Service control policies (AWS Organizations) set the most an account may do: they grant nothing, and an ' +
      "explicit Deny in an SCP wins over any Allow in the caller's IAM policies. Organizations use SageMaker " +
      'condition keys to require encryption and network isolation on every job.',
    fix:
      'Give the job what the SCP requires rather than loosening the policy: a VolumeKmsKeyId (a kms-key) when it ' +
      'requires sagemaker:VolumeKmsKey, and a subnet of your VPC as its parent (VpcConfig) when it requires ' +
      'sagemaker:VpcSubnets. A wider IAM role does not help: an SCP Deny overrides every Allow.',
    docs:
      'AWS: sagemaker:VolumeKmsKey (ARN) and sagemaker:VpcSubnets (list of subnets) are condition keys of ' +
      'CreateTrainingJob, CreateProcessingJob and CreateTransformJob ' +
      '(https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html); a Deny ' +
      'with "Null": {"sagemaker:VolumeKmsKey": "true"} refuses a request without the key. An explicit deny in an ' +
      'SCP gives AccessDenied "… with an explicit deny in a service control policy" ' +
      '(https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html); the SCP is evaluated ' +
      'before the service validates the request, so nothing is launched or billed.',
    message:
      'AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/MLEngineer/session is not ' +
      'authorized to perform: {action} on resource: ' +
      'arn:aws:sagemaker:us-east-1:123456789012:{resourceType}/{node} with an explicit deny in a service ' +
      'control policy ({scp}: the request has no {conditionKey}).',
    trigger:
      'a training, processing or batch transform job whose create action an scp denies (its `actions`) while ' +
      'the request lacks a key the scp requires: no VolumeKmsKeyId with requireVolumeKmsKey, no subnet parent ' +
      'with requireVpcSubnets',
    inRun: 'the create call is refused: the job fails at once, before any instance starts, and costs nothing',
  },
  /* ---- issue 17 (gov-d4): AWS Budgets ---- */
  {
    id: 'budget-exceeded',
    domain: 'D4',
    severity: 'warning',
    area: 'cost',
    static: false,
    title: 'Cost over the budget',
    sheet:
      'AWS Budgets tracks actual (and forecast) cost against a budgeted amount and alerts at thresholds; cost ' +
      'allocation tags scope a budget to a team or project. Right-sizing (fewer or smaller instances, auto ' +
      'scaling, serverless for idle traffic) brings an over-provisioned endpoint back within budget.',
    fix:
      'Cut the tracked cost without breaking the service: right-size over-provisioned endpoints (fewer ' +
      'instances, a smaller instance type, or auto scaling with a low minimum) and check p99 latency afterwards; ' +
      "or, if the spend is expected, raise the budget's limit deliberately.",
    docs:
      'AWS Budgets compares ACTUAL cost with each notification threshold (a percentage of the budgeted amount) ' +
      'and notifies by e-mail or SNS; the budget status is updated several times a day, so on AWS the alert can ' +
      'arrive hours after the spend ("Amazon Web Services updates your budget status several times a day", ' +
      'https://docs.aws.amazon.com/cli/v1/reference/budgets). SageSim grades budgets at the end of the run.',
    message:
      'AWS Budgets: ACTUAL cost ${actualUSD} of budget {budget} is greater than 100% of its ${limitUSD} limit ' +
      '({percent}%); the largest cost it tracks is {node} (${nodeUSD}).',
    trigger:
      'a document budget whose tracked cost (every node, or the nodes with its tag) exceeds its limitUSD at ' +
      'the end of the run',
    inRun: 'at the end of the run, one incident per budget over its limit, on the largest cost the budget tracks',
  },
  /* ---- issue 17 (savings17): SageMaker Savings Plans sizing (S4.2.10); facts in prices.ts SAVINGS_PLAN ---- */
  {
    id: 'savings-plan-oversized',
    domain: 'D4',
    severity: 'warning',
    area: 'cost',
    static: false,
    title: 'Savings Plan commitment left unused',
    sheet:
      'A SageMaker Savings Plan commits to a $/hour of SageMaker usage for 1 or 3 years in exchange for up to 64% ' +
      'off on-demand; the commitment is billed every hour whether it is used or not. Size it to the steady, ' +
      'always-on usage (24×7 endpoints), not to the peak: spiky training is better on on-demand or managed spot ' +
      'with checkpointing.',
    fix:
      'Lower the commitment to what the steady usage uses at the plan rate (the lowest hourly on-demand usage × ' +
      '(1 − discount)); leave spiky jobs on demand or move training to managed spot with checkpoints in S3. A ' +
      "Savings Plan cannot be cancelled: on AWS, size the next purchase from Cost Explorer's utilization report.",
    docs:
      'Cost Explorer reports UnusedCommitment, "the amount of your Savings Plans commitment that wasn\'t consumed ' +
      'from Savings Plans eligible usage", and UtilizationPercentage = UsedCommitment / TotalCommitment ' +
      '(https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_SavingsPlansUtilization.html); a ' +
      'plan is "a consistent amount of usage per hour … for a term of one or three years" ' +
      '(https://docs.aws.amazon.com/cli/latest/reference/savingsplans/index.md). The discount SageSim applies, 64%, ' +
      'is the "up to" figure quoted for SageMaker Savings Plans (https://aws.amazon.com/savingsplans/ml-pricing/, ' +
      'read through third-party pages): an upper bound, real rates depend on the instance, term and payment ' +
      "option. The 1% threshold is SageSim's own.",
    message:
      'Savings Plans utilization {utilisation}%: ${unusedUSD} of the ${committedUSD} committed went unused. The ' +
      'steady SageMaker usage is ${steady}/h on demand, ${suggested}/h at the plan rate, against a commitment of ' +
      '${commitment}/h.',
    trigger:
      "at the end of a run, the savings-plan nodes' commitment, applied hour by hour to the eligible SageMaker " +
      'usage, leaves more than 1% of it unused',
    inRun:
      'one warning at the end of the run on the savings plan, with its utilization; the Cost panel shows the ' +
      'unused commitment and the break-even',
  },
  {
    id: 'savings-plan-undersized',
    domain: 'D4',
    severity: 'info',
    area: 'cost',
    static: false,
    title: 'Steady usage billed beyond the plan',
    sheet:
      "Usage beyond a Savings Plan's hourly commitment is billed at on-demand rates. When the always-on usage " +
      'alone needs more than the commitment, a larger commitment (or a second plan) would discount it.',
    fix:
      'Add commitment up to what the steady usage uses at the plan rate (the lowest hourly on-demand usage × (1 − ' +
      'discount)); leave the peaks on demand.',
    docs:
      'A plan commits to "a consistent amount of usage per hour" ' +
      '(https://docs.aws.amazon.com/cli/latest/reference/savingsplans/index.md); that usage beyond the ' +
      'commitment is billed on demand is stated by third-party guides ' +
      '(https://cloudburn.io/blog/sagemaker-ai-savings-plans), not on an AWS page SageSim could read. The 10% ' +
      "threshold is SageSim's own.",
    message:
      'The steady SageMaker usage, ${steady}/h on demand, needs ${suggested}/h of commitment; the plan commits ' +
      '${commitment}/h (fully used from ${fullUse}/h on demand), so ${overflowUSD} was billed at on-demand rates.',
    trigger:
      'at the end of a run, the lowest hourly eligible usage at the plan rate is more than 10% above the ' +
      'savings-plan commitment',
    inRun: 'one info line at the end of the run on the savings plan; the Cost panel shows the on-demand overflow',
  },
  /* ---- issue 17 (cost17): Inference Recommender and right-sizing findings ---- */
  {
    id: 'recommender-endpoint-unsupported',
    domain: 'D4',
    severity: 'error',
    area: 'inference',
    static: true,
    title: 'Recommender cannot benchmark the endpoint',
    sheet:
      'SageMaker Inference Recommender load-tests a model on candidate instance types and reports latency, ' +
      'throughput and cost per configuration; it can benchmark an existing real-time endpoint, but only one ' +
      'with a single variant and no autoscaling.',
    fix:
      'Benchmark a non-production copy of the endpoint with one production variant and no autoscaling policy (or ' +
      'give the job the model package and let it create its own test endpoints); keep autoscaling and A/B ' +
      'variants on the production endpoint.',
    docs:
      'AWS: when benchmarking an existing endpoint, "You can only have one variant on your endpoint", "You ' +
      'can\'t use an endpoint that enables autoscaling", only real-time inference is supported, and AWS strongly ' +
      'recommends not to run a job on a production endpoint that handles live traffic ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/inference-recommender-existing-endpoint.html). The exact ' +
      'error text is not documented; the message here is our own.',
    message:
      'Inference Recommender job {node} failed: endpoint {endpoint} cannot be benchmarked: {reason}. An ' +
      'existing endpoint must have one variant and no autoscaling.',
    trigger:
      'an inference-recommender whose benchmarked realtime-endpoint has an autoscaling policy or more than one ' +
      'variant (shadow variants included)',
    inRun: 'the job fails when it starts: no load test runs, no recommendation, nothing billed',
  },
  {
    id: 'endpoint-idle',
    domain: 'D4',
    severity: 'warning',
    area: 'inference',
    static: false,
    title: 'Endpoint billed with no traffic',
    sheet:
      'A real-time endpoint bills every instance-hour while it is InService, whether or not anyone calls it: ' +
      'an endpoint left running after a migration or a test is pure cost. Delete it (the model and endpoint ' +
      'configuration can recreate it), or use serverless inference, which scales to zero, for occasional ' +
      'traffic.',
    fix:
      'Delete the endpoint nobody calls (DeleteEndpoint; keep the model and the endpoint configuration to ' +
      'recreate it), or move occasional traffic to a serverless endpoint.',
    docs:
      "SageSim's finding, after a run of at least an hour in service: a single-variant real-time endpoint " +
      'without autoscaling that served no request. AWS raises no such alarm itself: an Invocations metric at 0 ' +
      "in CloudWatch, or the endpoint's line in Cost Explorer, shows it. A real-time endpoint scales to zero " +
      'instances only when it hosts inference components ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html).',
    message: '{node}: {detail}; it billed ${costUSD} over {hours} h in service.',
    trigger:
      'at the end of a run, a single-variant realtime-endpoint without autoscaling, InService for at least an ' +
      'hour, that served no request',
    inRun: 'one warning at the end of the run with the fleet and its cost; the Cost panel lists it under right-sizing',
  },
  {
    id: 'endpoint-over-provisioned',
    domain: 'D4',
    severity: 'warning',
    area: 'inference',
    static: false,
    title: 'Endpoint instances mostly idle',
    sheet:
      'Right-size real-time endpoints from the utilization you observe (CloudWatch CPUUtilization, ' +
      'InvocationsPerInstance) or an Inference Recommender job: instances that sit mostly idle bill as much as ' +
      'busy ones. Fewer or smaller instances, or target-tracking auto scaling with a low minimum, cut the cost ' +
      'without hurting latency.',
    fix:
      'Right-size the endpoint: fewer instances or a smaller type that still serves the load at a sensible ' +
      'utilization (check p99 afterwards), or target-tracking auto scaling with a low minimum; an Inference ' +
      'Recommender job gives latency and cost per configuration.',
    docs:
      "SageSim's finding, after a run of at least an hour in service: a single-variant real-time endpoint " +
      'without autoscaling whose served load would fit on fewer instances at 50% utilization per core, the ' +
      'default target of Inference Recommender\'s scaling recommendation (TargetCpuUtilizationPerCore, "The ' +
      'default value is 50%", ' +
      'https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/sagemaker/aws.sdk.kotlin.services.sagemaker.model/-get-scaling-configuration-recommendation-request/target-cpu-utilization-per-core.html). ' +
      'AWS itself raises no such alarm on SageMaker endpoints.',
    message: '{node}: {detail}; it billed ${costUSD} over {hours} h in service.',
    trigger:
      'at the end of a run, a single-variant realtime-endpoint without autoscaling, InService for at least an ' +
      'hour, whose requests × mean model time would fit on fewer instances at 50% utilization per core (one ' +
      'model-server worker per vCPU)',
    inRun:
      'one warning at the end of the run with the utilization, the instances the load needs and the cost; the ' +
      'Cost panel lists it under right-sizing',
  },
  /* ---- issue 17 (gov17): SageMaker Role Manager personas ---- */
  {
    id: 'role-persona-for-people',
    domain: 'D4',
    severity: 'warning',
    area: 'security',
    static: true,
    title: "A person's persona on a job's role",
    sheet:
      'SageMaker Role Manager builds least-privilege roles from personas and ML activities: the Data Scientist ' +
      'and MLOps personas suggest what people do (Studio, jobs, pipelines, endpoints, S3 full access), the ' +
      'SageMaker compute role persona what a job or endpoint needs (its S3 data, ECR images, CloudWatch logs ' +
      "and metrics). A job's execution role starts from the compute persona, scoped to its buckets.",
    fix:
      "Give the job's iam-role the SageMaker compute role persona (persona: compute-role) and list the job's " +
      'buckets in s3Resources, or no persona (custom) with exactly the actions the job performs.',
    docs:
      'AWS: Role Manager provides 3 preconfigured personas and predefined ML activities ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/role-manager.html); "You must use the SageMaker Compute ' +
      'Role persona to create a SageMaker Compute Role" ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/role-manager-tutorial-cdk.html); the data science ' +
      'persona suggests permissions for ML development and experimentation, the MLOps persona for operations ' +
      '(https://docs.aws.amazon.com/sagemaker/latest/dg/role-manager-faqs.html). The actions SageSim grants per ' +
      'persona are a representative summary, not the generated policy. AWS raises no such warning: the role ' +
      'works, with more than the job needs.',
    message:
      'Role {node} was built from the {persona} persona, a persona for people, yet {jobs} assume(s) it as an ' +
      'execution role: it grants what a person does in SageMaker, far beyond what the job uses.',
    trigger:
      'an iam-role with persona data-scientist or mlops that a training or processing job references as its ' +
      'execution role',
    inRun: 'static finding: the job runs, with a role that grants far more than least privilege',
  },
  /* ---- issue 17 (gov17): CloudWatch dashboards (S4.2.3) ---- */
  {
    id: 'dashboard-blind-spot',
    domain: 'D4',
    severity: 'warning',
    area: 'monitoring',
    static: false,
    title: 'Dashboard blind to the problem',
    sheet:
      'Performance dashboards (CloudWatch dashboards, QuickSight) show endpoint metrics per period with a ' +
      'statistic: ModelLatency with a high percentile (p99) or the Maximum shows the slow requests customers ' +
      'feel, while the Average hides a tail; Invocation4XXErrors and Invocation5XXErrors (Sum) show failing ' +
      'calls. Invocation metrics live in the AWS/SageMaker namespace, instance metrics such as CPUUtilization ' +
      'in /aws/sagemaker/Endpoints.',
    fix:
      "Give the dashboard widgets that show the run's problem on the endpoint: ModelLatency with p99 (or " +
      'Maximum) for slow requests, Invocation5XXErrors / Invocation4XXErrors with Sum for failures, and each ' +
      'metric under its own namespace (AWS/SageMaker for invocation metrics, /aws/sagemaker/Endpoints for ' +
      'CPUUtilization).',
    docs:
      'AWS: endpoint invocation metrics (Invocations, Invocation4XXErrors, Invocation5XXErrors, ' +
      'InvocationsPerInstance, ModelLatency) are in namespace AWS/SageMaker and instance metrics ' +
      '(CPUUtilization, MemoryUtilization, DiskUtilization, GPU metrics) in /aws/sagemaker/Endpoints, with ' +
      'dimensions EndpointName and VariantName ' +
      "(https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html); CloudWatch's Average is " +
      'Sum/SampleCount over the period, while a percentile such as p99 shows the distribution of the values ' +
      '(https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html). ' +
      "ModelLatency is published in microseconds; SageSim charts it in ms. The finding itself is SageSim's: " +
      'CloudWatch never tells you a dashboard misses a problem.',
    message: 'Dashboard {node} does not show what happened on {endpoint}: {blind}.',
    trigger:
      'at the end of a run, a cloudwatch-dashboard wired to an endpoint whose run had slow requests (p99 at ' +
      'least 3× the mean latency) and no ModelLatency widget at p99 or Maximum, 5XX or 4XX errors that no ' +
      'widget shows (a data point above 0), or a widget that shows no data (a metric under the wrong namespace)',
    inRun:
      "one warning per dashboard and endpoint at the end of the run; the dashboard's widgets chart each " +
      "period's data point (node details: Charts), and the report lists each widget's value over the run",
  },
];

/** Every rule of the catalog, in rules.md order (D1, D2, D3, D4). Entries are frozen. */
export const RULES: readonly RuleDef[] = Object.freeze(ENTRIES.map((rule) => Object.freeze(rule)));

/** Rules by id. */
export const RULES_BY_ID: ReadonlyMap<string, RuleDef> = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rule with this id; throws when the id is not in the catalog. */
export function ruleById(id: string): RuleDef {
  const rule = RULES_BY_ID.get(id);
  if (!rule) {
    throw new Error(
      `Unknown rule id ${JSON.stringify(id)}: it is not in the rule catalog (src/catalog/rules.ts, ` +
        `${RULES.length} rules from shared/spec/rules.md).`,
    );
  }
  return rule;
}

/**
 * The HTTP-like status a request failed by this rule gets on a node of this kind (the kind's own status
 * where AWS answers differently, else the rule's); undefined when the rule fails no request.
 */
export function ruleHttp(rule: RuleDef, kind?: Kind): number | undefined {
  return (kind && rule.httpByKind?.[kind]) ?? rule.http;
}

/** The HTTP status a request failed by the rule `id` gets on an endpoint of `kind` (the catalog is the one table). */
export const httpStatus = (id: string, kind?: Kind): number | undefined => ruleHttp(ruleById(id), kind);

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * The rule's message with its `{name}` placeholders filled from `vars`. Placeholders without a
 * value in `vars` are left as they are.
 */
export function formatMessage(rule: RuleDef, vars: Record<string, string | number>): string {
  return rule.message.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}
