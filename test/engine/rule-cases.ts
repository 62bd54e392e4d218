/**
 * One small architecture per rule of the catalog whose run reports it on the node where it happens (as an incident
 * when the rule is something the run shows, as a finding when rules.md calls it a finding). Used by the rule-coverage
 * test and the golden-report guard.
 */
import type { ArchDoc } from '../../src/model/schema';
import { arch, edge, fault, node } from '../harness';

export interface Case {
  node: string;
  as: 'incident' | 'finding';
  durationSec?: number;
  doc: () => ArchDoc;
}

const vpc = (access: 'private' | 'public' | 'private-with-nat' = 'private') => [
  node('vpc', 'vpc'),
  node('sub', 'subnet', { access }, 'vpc'),
];
const clientTo = (target: string, props: Record<string, unknown> = {}) => [
  node('c', 'client', props),
  edge('c', target),
];
const vpce = (...services: string[]) =>
  services.map((s) => node(`vpce-${s.replace('.', '-')}`, 'vpc-endpoint', { service: s }, 'vpc'));

/** A canary update (10 %, 300 s baking) of a real-time endpoint to a version failing 30 % of requests, at t = 600. */
const guarded = (rollbackAlarms: string[]) =>
  arch(
    node('ep', 'realtime-endpoint', {
      deployment: { type: 'canary', sizePercent: 10, waitIntervalSec: 300, rollbackAlarms },
    }),
    node('alarm', 'cloudwatch', { threshold: 5 }),
    edge('ep', 'alarm'),
    ...clientTo('ep', { rps: 20 }),
    fault({ atSec: 600, kind: 'model-update', node: 'ep', errorRate: 0.3 }),
  );

/** A release pipeline deploying to a production endpoint; a push to `branch` (optional defect) at t = 300. */
const release = (pipe: Record<string, unknown>, push: { branch?: string; defect?: 'unit' | 'integration' | 'e2e' }) =>
  arch(
    node('prod', 'realtime-endpoint'),
    ...clientTo('prod', { rps: 5 }),
    node('cicd', 'codepipeline', { manualApproval: false, ...pipe }),
    edge('cicd', 'prod'),
    fault({ atSec: 300, kind: 'code-push', node: 'cicd', branch: push.branch ?? 'main', defect: push.defect }),
  );

export const CASES: Record<string, Case> = {
  /* D1 */
  'wrangler-scale-limit': {
    node: 'dw',
    as: 'incident',
    durationSec: 7200,
    doc: () => arch(node('raw', 's3-bucket', { datasetGB: 1500 }), node('dw', 'data-wrangler'), edge('raw', 'dw')),
  },
  'scaler-leakage': {
    node: 'prep',
    as: 'incident',
    durationSec: 1200,
    doc: () =>
      arch(
        node('raw', 's3-bucket'),
        node('prep', 'processing-job', { scalerFit: 'full-dataset' }),
        node('clean', 's3-bucket'),
        node('train', 'training-job'),
        node('ep', 'realtime-endpoint'),
        edge('raw', 'prep'),
        edge('prep', 'clean'),
        edge('clean', 'train'),
        edge('train', 'ep'),
      ),
  },
  'point-in-time-leakage': {
    node: 'fs',
    as: 'incident',
    durationSec: 1200,
    doc: () =>
      arch(
        node('fs', 'feature-store'),
        node('train', 'training-job', { featureQuery: 'latest' }),
        node('ep', 'realtime-endpoint'),
        edge('fs', 'train'),
        edge('train', 'ep'),
        edge('fs', 'ep'),
      ),
  },
  'online-record-expired': {
    node: 'ep',
    as: 'incident',
    durationSec: 1200,
    doc: () =>
      arch(
        node('fs', 'feature-store', { ttlHours: 24, ingestEveryHours: 168 }),
        node('train', 'training-job'),
        node('ep', 'realtime-endpoint'),
        edge('fs', 'train'),
        edge('train', 'ep'),
        edge('fs', 'ep'),
        ...clientTo('ep', { rps: 2 }),
      ),
  },
  'offline-store-not-synced': {
    node: 'train',
    as: 'incident',
    durationSec: 1200,
    doc: () =>
      arch(
        node('raw', 's3-bucket'),
        node('prep', 'processing-job'),
        node('fs', 'feature-store'),
        node('train', 'training-job', { startAfterIngestMin: 5 }),
        node('ep', 'realtime-endpoint'),
        edge('raw', 'prep'),
        edge('prep', 'fs'),
        edge('fs', 'train'),
        edge('train', 'ep'),
        edge('fs', 'ep'),
      ),
  },
  'kinesis-throughput-exceeded': {
    node: 'clicks',
    as: 'incident',
    durationSec: 120,
    doc: () =>
      arch(
        node('app', 'client', { rps: 3000, payloadMB: 0.001 }),
        node('clicks', 'kinesis-stream', { shards: 2 }),
        edge('app', 'clicks'),
      ),
  },
  'file-system-input-needs-vpc': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        ...vpc('private-with-nat'),
        node('fsx', 'file-system', { datasetGB: 200 }, 'sub'),
        node('train', 'training-job'),
        edge('fsx', 'train'),
      ),
  },
  'small-files-slow-input': {
    node: 'train',
    as: 'incident',
    durationSec: 7200,
    doc: () =>
      arch(
        node('raw', 's3-bucket', { datasetGB: 20, objectCount: 500_000 }),
        node('train', 'training-job', { inputMode: 'FastFile' }),
        edge('raw', 'train'),
      ),
  },
  'offline-store-online-lookup': {
    node: 'ep',
    as: 'incident',
    durationSec: 600,
    doc: () =>
      arch(
        node('fs', 'feature-store', { online: false }),
        node('ep', 'realtime-endpoint'),
        edge('fs', 'ep'),
        ...clientTo('ep', { rps: 2 }),
      ),
  },
  'training-serving-skew': {
    node: 'ep',
    as: 'incident',
    durationSec: 1200,
    doc: () =>
      arch(
        node('fs', 'feature-store'),
        node('train', 'training-job'),
        node('ep', 'realtime-endpoint'),
        edge('fs', 'train'),
        edge('train', 'ep'),
      ),
  },
  'sensitive-data-public-workforce': {
    node: 'gt',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket', { sensitive: true, datasetGB: 1 }),
        node('gt', 'ground-truth', { workforce: 'mturk' }),
        edge('raw', 'gt'),
      ),
  },
  'labeling-without-active-learning': {
    node: 'gt',
    as: 'incident',
    doc: () => arch(node('raw', 's3-bucket', { datasetGB: 20 }), node('gt', 'ground-truth'), edge('raw', 'gt')),
  },
  'file-mode-disk-full': {
    node: 'train',
    as: 'incident',
    doc: () => arch(node('raw', 's3-bucket', { datasetGB: 80 }), node('train', 'training-job'), edge('raw', 'train')),
  },
  'slow-start-file-mode': {
    node: 'train',
    as: 'incident',
    durationSec: 7200,
    doc: () =>
      arch(
        node('raw', 's3-bucket', { datasetGB: 200 }),
        node('train', 'training-job', { volumeGB: 500 }),
        edge('raw', 'train'),
      ),
  },
  /* D1 · issue 16: feature engineering with consequences */
  'one-hot-high-cardinality': {
    node: 'prep',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket', { datasetGB: 2, cardinality: 50_000 }),
        node('prep', 'processing-job', { transforms: ['one-hot'] }),
        edge('raw', 'prep'),
      ),
  },
  'target-encoding-leakage': {
    node: 'prep',
    as: 'incident',
    durationSec: 1200,
    doc: () =>
      arch(
        node('raw', 's3-bucket'),
        node('prep', 'processing-job', { transforms: ['target-encoding'] }),
        node('clean', 's3-bucket'),
        node('train', 'training-job'),
        node('ep', 'realtime-endpoint'),
        edge('raw', 'prep'),
        edge('prep', 'clean'),
        edge('clean', 'train'),
        edge('train', 'ep'),
      ),
  },
  'resampling-before-split': {
    node: 'prep',
    as: 'incident',
    durationSec: 1200,
    doc: () =>
      arch(
        node('raw', 's3-bucket', { positiveClassRatio: 0.05 }),
        node('prep', 'processing-job', { transforms: ['smote-before-split'] }),
        node('clean', 's3-bucket'),
        node('train', 'training-job'),
        node('ep', 'realtime-endpoint'),
        edge('raw', 'prep'),
        edge('prep', 'clean'),
        edge('clean', 'train'),
        edge('train', 'ep'),
      ),
  },
  'pretraining-bias': {
    node: 'bias',
    as: 'incident',
    doc: () =>
      arch(
        node('loans', 's3-bucket', { facetShare: 0.1, labelRateGap: 0.2 }),
        node('bias', 'clarify'),
        edge('loans', 'bias'),
      ),
  },
  'data-quality-check-failed': {
    node: 'prep',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket', { missingRatio: 0.4 }),
        node('prep', 'processing-job', { qualityRules: ['completeness'] }),
        edge('raw', 'prep'),
      ),
  },
  'join-out-of-memory': {
    node: 'prep',
    as: 'incident',
    doc: () =>
      arch(
        node('clicks', 's3-bucket', { datasetGB: 10 }),
        node('crm', 'data-source', { engine: 'redshift', datasetGB: 5 }),
        node('prep', 'processing-job'),
        edge('clicks', 'prep'),
        edge('crm', 'prep'),
      ),
  },
  'row-format-full-scan': {
    node: 'prep',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket', { datasetGB: 20, format: 'csv' }),
        node('prep', 'processing-job', { framework: 'pyspark', columnsRead: 0.1 }),
        edge('raw', 'prep'),
      ),
  },
  'trained-on-bad-data': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(node('raw', 's3-bucket', { missingRatio: 0.4 }), node('train', 'training-job'), edge('raw', 'train')),
  },
  /* D2 */
  'algorithm-input-format': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket', { format: 'csv' }),
        node('train', 'training-job', { algorithm: 'factorization-machines' }),
        edge('raw', 'train'),
      ),
  },
  'pipe-mode-format': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket', { format: 'csv' }),
        node('train', 'training-job', { algorithm: 'linear-learner', inputMode: 'Pipe' }),
        edge('raw', 'train'),
      ),
  },
  'input-mode-unsupported': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket', { format: 'jsonlines' }),
        node('train', 'training-job', { algorithm: 'deepar', inputMode: 'Pipe' }),
        edge('raw', 'train'),
      ),
  },
  'spot-without-checkpoint': {
    node: 'train',
    as: 'incident',
    durationSec: 7200,
    doc: () =>
      arch(
        node('raw', 's3-bucket'),
        node('train', 'training-job', { spot: true, trainingMinutes: 60 }),
        edge('raw', 'train'),
        fault({ atSec: 1500, kind: 'spot-interruption', node: 'train' }),
      ),
  },
  'model-exceeds-gpu-memory': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket'),
        node('train', 'training-job', { instanceType: 'ml.g5.2xlarge', modelSizeGB: 60 }),
        edge('raw', 'train'),
      ),
  },
  'model-parallel-unneeded': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket'),
        node('train', 'training-job', {
          instanceType: 'ml.p3.8xlarge',
          distribution: 'model-parallel',
          modelSizeGB: 2,
        }),
        edge('raw', 'train'),
      ),
  },
  'grid-search-continuous': {
    node: 'tune',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket'),
        node('tune', 'tuning-job', { strategy: 'grid' }),
        node('train', 'training-job'),
        edge('raw', 'train'),
        edge('tune', 'train'),
      ),
  },
  'misleading-accuracy': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket', { positiveClassRatio: 0.02 }),
        node('train', 'training-job', { evalMetric: 'accuracy' }),
        edge('raw', 'train'),
      ),
  },
  /* D2 · issue 16: task fit, learning curves, Debugger, tuning */
  'algorithm-task-mismatch': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket', { task: 'binary-classification' }),
        node('train', 'training-job', { algorithm: 'kmeans' }),
        edge('raw', 'train'),
      ),
  },
  'metric-task-mismatch': {
    node: 'train',
    as: 'finding',
    doc: () =>
      arch(
        node('raw', 's3-bucket', { task: 'regression' }),
        node('train', 'training-job', { evalMetric: 'auc' }),
        edge('raw', 'train'),
      ),
  },
  overfitting: {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket'),
        node('train', 'training-job', { maxDepth: 12, numRound: 500 }),
        edge('raw', 'train'),
      ),
  },
  underfitting: {
    node: 'train',
    as: 'incident',
    doc: () => arch(node('raw', 's3-bucket'), node('train', 'training-job', { eta: 0.01 }), edge('raw', 'train')),
  },
  'loss-not-decreasing': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket'),
        node('train', 'training-job', { algorithm: 'custom', learningRate: 0.5 }),
        edge('raw', 'train'),
      ),
  },
  'vanishing-gradient': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket'),
        node('train', 'training-job', {
          algorithm: 'custom',
          activation: 'sigmoid',
          layers: 12,
          debuggerRules: ['VanishingGradient'],
        }),
        edge('raw', 'train'),
      ),
  },
  'tuning-config-invalid': {
    node: 'tune',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket'),
        node('tune', 'tuning-job', { strategy: 'hyperband', earlyStopping: 'Auto' }),
        node('train', 'training-job'),
        edge('raw', 'train'),
        edge('tune', 'train'),
      ),
  },
  'label-leakage': {
    node: 'raw',
    as: 'incident',
    durationSec: 1200,
    doc: () =>
      arch(
        node('raw', 's3-bucket', { leakyFeature: 'refund_flag' }),
        node('train', 'training-job'),
        node('ep', 'realtime-endpoint'),
        edge('raw', 'train'),
        edge('train', 'ep'),
      ),
  },
  'feature-attribution-drift': {
    node: 'mon',
    as: 'incident',
    durationSec: 3700,
    doc: () =>
      arch(
        node('raw', 's3-bucket', { leakyFeature: 'refund_flag' }),
        node('train', 'training-job'),
        node('ep', 'realtime-endpoint', { dataCapture: true }),
        node('mon', 'model-monitor', { monitorType: 'feature-attribution', baseline: true, scheduleMinutes: 60 }),
        node('clarify', 'clarify'),
        edge('raw', 'train'),
        edge('train', 'ep'),
        edge('ep', 'mon'),
        edge('mon', 'clarify'),
        ...clientTo('ep', { rps: 1 }),
      ),
  },
  'ai-service-task-mismatch': {
    node: 'ai',
    as: 'incident',
    durationSec: 60,
    doc: () =>
      arch(
        node('photos', 's3-bucket', { task: 'image-classification' }),
        node('ai', 'ai-service', { service: 'comprehend', customModel: true }),
        edge('photos', 'ai'),
      ),
  },
  'bedrock-custom-model-on-demand': {
    node: 'ai',
    as: 'incident',
    durationSec: 60,
    doc: () => arch(node('ai', 'ai-service', { service: 'bedrock', customModel: true }), ...clientTo('ai', { rps: 1 })),
  },
  'too-little-labelled-data': {
    node: 'raw',
    as: 'incident',
    durationSec: 1200,
    doc: () =>
      arch(
        node('raw', 's3-bucket', { task: 'binary-classification', labelledRows: 300 }),
        node('train', 'training-job', { trainingMinutes: 5 }),
        edge('raw', 'train'),
      ),
  },
  'gpu-network-on-tabular-data': {
    node: 'train',
    as: 'incident',
    durationSec: 1800,
    doc: () =>
      arch(
        node('raw', 's3-bucket', { task: 'binary-classification', datasetGB: 2 }),
        node('train', 'training-job', { algorithm: 'custom', instanceType: 'ml.p3.2xlarge', trainingMinutes: 20 }),
        edge('raw', 'train'),
      ),
  },
  'fine-tuning-data-format': {
    node: 'llama',
    as: 'incident',
    durationSec: 1800,
    doc: () =>
      arch(
        node('tickets', 's3-bucket', { datasetGB: 0.5, format: 'csv', dataFormat: 'csv' }),
        node('llama', 'jumpstart-model', { acceptEula: true, fineTune: 'instruction-tuning', fineTuneMinutes: 10 }),
        edge('tickets', 'llama'),
      ),
  },
  'linear-model-on-interactions': {
    node: 'train',
    as: 'incident',
    durationSec: 1200,
    doc: () =>
      arch(
        node('raw', 's3-bucket', { task: 'binary-classification', interactions: true }),
        node('train', 'training-job', { algorithm: 'linear-learner', trainingMinutes: 5 }),
        edge('raw', 'train'),
      ),
  },
  'training-data-not-versioned': {
    node: 'raw',
    as: 'incident',
    durationSec: 1200,
    doc: () =>
      arch(
        node('raw', 's3-bucket', { versioning: 'Off' }),
        node('train', 'training-job', { trainingMinutes: 5 }),
        node('reg', 'model-registry'),
        edge('raw', 'train'),
        edge('train', 'reg'),
      ),
  },
  'autopilot-too-few-rows': {
    node: 'auto',
    as: 'incident',
    durationSec: 60,
    doc: () =>
      arch(
        node('data', 's3-bucket', { datasetGB: 0.01, task: 'binary-classification', rows: 300 }),
        node('auto', 'autopilot-job'),
        edge('data', 'auto'),
      ),
  },
  'autopilot-objective-mismatch': {
    node: 'auto',
    as: 'incident',
    durationSec: 60,
    doc: () =>
      arch(
        node('data', 's3-bucket', { datasetGB: 0.05, task: 'binary-classification' }),
        node('auto', 'autopilot-job', { objectiveMetric: 'RMSE' }),
        edge('data', 'auto'),
      ),
  },
  'autopilot-runtime-exhausted': {
    node: 'auto',
    as: 'incident',
    durationSec: 3600,
    doc: () =>
      arch(
        node('data', 's3-bucket', { datasetGB: 0.05, task: 'regression' }),
        node('auto', 'autopilot-job', { maxRuntimeSec: 1200 }),
        edge('data', 'auto'),
      ),
  },
  'autopilot-candidate-unregistered': {
    node: 'auto',
    as: 'incident',
    durationSec: 3600,
    doc: () =>
      arch(
        node('data', 's3-bucket', { datasetGB: 0.05, task: 'binary-classification' }),
        node('auto', 'autopilot-job'),
        node('registry', 'model-registry', { approval: 'Approved' }),
        node('ep', 'realtime-endpoint'),
        edge('data', 'auto'),
        edge('registry', 'ep'),
      ),
  },
  'jumpstart-eula-not-accepted': {
    node: 'ep',
    as: 'incident',
    durationSec: 600,
    doc: () =>
      arch(
        node('llm', 'jumpstart-model', { gated: true, acceptEula: false }),
        node('ep', 'realtime-endpoint', { instanceType: 'ml.g5.2xlarge' }),
        edge('llm', 'ep'),
        ...clientTo('ep', { rps: 1 }),
      ),
  },
  'jumpstart-model-exceeds-gpu-memory': {
    node: 'ep',
    as: 'incident',
    durationSec: 600,
    doc: () =>
      arch(
        node('llm', 'jumpstart-model', { parametersB: 70, gated: true, acceptEula: true }),
        node('ep', 'realtime-endpoint', { instanceType: 'ml.g5.12xlarge' }),
        edge('llm', 'ep'),
        ...clientTo('ep', { rps: 1 }),
      ),
  },
  /* D3 */
  'payload-too-large': {
    node: 'ep',
    as: 'incident',
    durationSec: 600,
    doc: () =>
      arch(node('ep', 'realtime-endpoint'), ...clientTo('ep', { payloadMB: 8, payloadSpread: 'fixed', rps: 1 })),
  },
  'realtime-timeout': {
    node: 'ep',
    as: 'incident',
    durationSec: 600,
    doc: () => arch(node('ep', 'realtime-endpoint', { modelLatencyMs: 70_000 }), ...clientTo('ep', { rps: 0.5 })),
  },
  'serverless-cold-start': {
    node: 'ep',
    as: 'incident',
    durationSec: 600,
    doc: () => arch(node('ep', 'serverless-endpoint'), ...clientTo('ep', { rps: 1 })),
  },
  'serverless-throttled': {
    node: 'ep',
    as: 'incident',
    durationSec: 600,
    doc: () =>
      arch(
        node('ep', 'serverless-endpoint', { maxConcurrency: 2, modelLatencyMs: 500 }),
        ...clientTo('ep', { rps: 50 }),
      ),
  },
  'async-scale-from-zero': {
    node: 'ep',
    as: 'incident',
    durationSec: 3600,
    doc: () =>
      arch(
        node('ep', 'async-endpoint', { minCapacity: 0, processingSec: 2, backlogScaling: true }),
        node('t', 'sns'),
        edge('ep', 't'),
        ...clientTo('ep', { rps: 0.2, startSec: 1200, stopSec: 1300 }),
      ),
  },
  'async-stuck-at-zero': {
    node: 'ep',
    as: 'incident',
    durationSec: 3600,
    doc: () =>
      arch(
        node('ep', 'async-endpoint', { minCapacity: 0, processingSec: 2 }),
        node('t', 'sns'),
        edge('ep', 't'),
        ...clientTo('ep', { rps: 0.01, startSec: 1200 }),
      ),
  },
  'async-no-notification': {
    node: 'ep',
    as: 'incident',
    durationSec: 600,
    doc: () => arch(node('ep', 'async-endpoint'), ...clientTo('ep', { rps: 0.05 })),
  },
  'async-request-expired': {
    node: 'ep',
    as: 'incident',
    durationSec: 3600,
    // one instance, 60 s per request, 0.05 rps: the queue grows and requests older than 10 min expire
    doc: () =>
      arch(
        node('ep', 'async-endpoint', { maxCapacity: 1, processingSec: 60, requestTtlSec: 600 }),
        node('t', 'sns'),
        edge('ep', 't'),
        ...clientTo('ep', { rps: 0.05 }),
      ),
  },
  'async-backlog-growing': {
    node: 'ep',
    as: 'incident',
    durationSec: 3600,
    doc: () =>
      arch(
        node('ep', 'async-endpoint', { maxCapacity: 2, processingSec: 60 }),
        node('t', 'sns'),
        edge('ep', 't'),
        ...clientTo('ep', { rps: 0.2 }),
      ),
  },
  'mme-cold-load': {
    node: 'ep',
    as: 'incident',
    durationSec: 600,
    doc: () => arch(node('ep', 'multi-model-endpoint'), ...clientTo('ep', { models: 5 })),
  },
  'mme-cache-thrash': {
    node: 'ep',
    as: 'incident',
    durationSec: 600,
    doc: () =>
      arch(node('ep', 'multi-model-endpoint', { cachedModels: 5 }), ...clientTo('ep', { models: 200, rps: 50 })),
  },
  'mme-model-not-ready': {
    node: 'ep',
    as: 'incident',
    durationSec: 600,
    doc: () => arch(node('ep', 'multi-model-endpoint', { coldLoadSec: 90 }), ...clientTo('ep', { models: 5, rps: 2 })),
  },
  'mme-mixed-frameworks': {
    node: 'ep',
    as: 'incident',
    durationSec: 600,
    doc: () =>
      arch(
        node('ep', 'multi-model-endpoint'),
        node('a', 'ecr-repository', { framework: 'pytorch' }),
        node('b', 'ecr-repository', { framework: 'xgboost' }),
        edge('a', 'ep'),
        edge('b', 'ep'),
      ),
  },
  'endpoint-overloaded': {
    node: 'ep',
    as: 'incident',
    durationSec: 900,
    doc: () => arch(node('ep', 'realtime-endpoint', { modelLatencyMs: 500 }), ...clientTo('ep', { rps: 200 })),
  },
  'unapproved-model-deploy': {
    node: 'ep',
    as: 'incident',
    durationSec: 600,
    doc: () => arch(node('reg', 'model-registry'), node('ep', 'realtime-endpoint'), edge('reg', 'ep')),
  },
  'shadow-variant-response': {
    node: 'ep',
    as: 'incident',
    durationSec: 600,
    doc: () =>
      arch(
        node('ep', 'realtime-endpoint', {
          variants: [
            { name: 'prod', weight: 1 },
            { name: 'shadow', weight: 1, shadow: true },
          ],
        }),
        ...clientTo('ep'),
      ),
  },
  'callback-never-answered': {
    node: 'cb',
    as: 'incident',
    durationSec: 1800,
    doc: () =>
      arch(
        node('pipe', 'pipeline'),
        node('cb', 'callback-step', { timeoutSec: 600 }, 'pipe'),
        node('q', 'sqs'),
        edge('cb', 'q'),
      ),
  },
  'condition-gate-failed': {
    node: 'cond',
    as: 'incident',
    durationSec: 7200,
    doc: () =>
      arch(
        node('raw', 's3-bucket'),
        node('pipe', 'pipeline'),
        node('train', 'training-job', {}, 'pipe'),
        node('cond', 'condition-step', { threshold: 0.99 }, 'pipe'),
        node('reg', 'model-registry'),
        edge('raw', 'train'),
        edge('train', 'cond'),
        edge('cond', 'reg'),
      ),
  },
  'trigger-chain-broken': {
    node: 'raw',
    as: 'incident',
    durationSec: 600,
    doc: () =>
      arch(
        node('raw', 's3-bucket', { eventNotifications: true }),
        node('pipe', 'pipeline'),
        node('p', 'processing-job', {}, 'pipe'),
        edge('raw', 'p'),
        fault({ atSec: 100, kind: 'data-arrival', node: 'raw' }),
      ),
  },
  'async-timeout': {
    node: 'ep',
    as: 'incident',
    durationSec: 7200,
    doc: () =>
      arch(
        node('ep', 'async-endpoint', { processingSec: 4000 }),
        node('t', 'sns'),
        edge('ep', 't'),
        ...clientTo('ep', { rps: 0.001, pattern: 'constant' }),
      ),
  },
  'monitor-unsupported-endpoint': {
    node: 'mon',
    as: 'incident',
    durationSec: 7200,
    doc: () =>
      arch(
        node('ep', 'serverless-endpoint'),
        node('mon', 'model-monitor', { baseline: true }),
        edge('ep', 'mon'),
        ...clientTo('ep'),
      ),
  },
  'batch-for-realtime': {
    node: 'bt',
    as: 'incident',
    durationSec: 600,
    doc: () => arch(node('raw', 's3-bucket'), node('bt', 'batch-transform'), edge('raw', 'bt'), ...clientTo('bt')),
  },
  /* D3, deployment guardrails (issue 17) */
  'model-version-errors': { node: 'ep', as: 'incident', durationSec: 1800, doc: () => guarded(['alarm']) },
  'deployment-rolled-back': { node: 'ep', as: 'incident', durationSec: 1800, doc: () => guarded(['alarm']) },
  'bad-version-shipped': { node: 'ep', as: 'incident', durationSec: 1800, doc: () => guarded([]) },
  'guardrail-without-alarm': { node: 'ep', as: 'finding', doc: () => guarded([]) },
  'container-ping-failed': {
    node: 'ep',
    as: 'incident',
    durationSec: 600,
    doc: () =>
      arch(
        node('ep', 'realtime-endpoint'),
        node('img', 'ecr-repository', { framework: 'custom', servingPort: 5000 }),
        edge('img', 'ep'),
      ),
  },
  'release-not-triggered': {
    node: 'cicd',
    as: 'incident',
    durationSec: 900,
    doc: () => release({ branches: ['main'] }, { branch: 'release/1.0' }),
  },
  'release-stopped-by-tests': {
    node: 'cicd',
    as: 'incident',
    durationSec: 2400,
    doc: () => release({ tests: ['unit', 'integration'] }, { defect: 'integration' }),
  },
  'untested-defect-released': {
    node: 'cicd',
    as: 'incident',
    durationSec: 2400,
    doc: () => release({ tests: ['unit'] }, { defect: 'integration' }),
  },
  'build-timed-out': {
    node: 'cicd',
    as: 'incident',
    durationSec: 2400,
    doc: () => release({ buildMinutes: 20, buildTimeoutMinutes: 15 }, {}),
  },
  /* D4 */
  'monitor-needs-data-capture': {
    node: 'mon',
    as: 'incident',
    durationSec: 7200,
    doc: () =>
      arch(
        node('ep', 'realtime-endpoint'),
        node('mon', 'model-monitor', { baseline: true }),
        edge('ep', 'mon'),
        ...clientTo('ep'),
      ),
  },
  'monitor-needs-baseline': {
    node: 'mon',
    as: 'incident',
    durationSec: 7200,
    doc: () =>
      arch(
        node('ep', 'realtime-endpoint', { dataCapture: true }),
        node('mon', 'model-monitor'),
        edge('ep', 'mon'),
        ...clientTo('ep'),
      ),
  },
  'model-quality-needs-ground-truth': {
    node: 'mon',
    as: 'incident',
    durationSec: 7200,
    doc: () =>
      arch(
        node('ep', 'realtime-endpoint', { dataCapture: true }),
        node('mon', 'model-monitor', { baseline: true, monitorType: 'model-quality' }),
        edge('ep', 'mon'),
        ...clientTo('ep'),
      ),
  },
  'monitor-needs-clarify': {
    node: 'mon',
    as: 'incident',
    durationSec: 7200,
    doc: () =>
      arch(
        node('ep', 'realtime-endpoint', { dataCapture: true }),
        node('mon', 'model-monitor', { baseline: true, monitorType: 'bias-drift' }),
        edge('ep', 'mon'),
        ...clientTo('ep'),
      ),
  },
  'data-drift-detected': {
    node: 'mon',
    as: 'incident',
    durationSec: 7200,
    doc: () =>
      arch(
        node('ep', 'realtime-endpoint', { dataCapture: true }),
        node('mon', 'model-monitor', { baseline: true }),
        edge('ep', 'mon'),
        ...clientTo('ep'),
        fault({ atSec: 1200, kind: 'data-drift', node: 'ep' }),
      ),
  },
  'bias-disparate-impact': {
    node: 'mon',
    as: 'incident',
    durationSec: 7200,
    doc: () =>
      arch(
        node('ep', 'realtime-endpoint', { dataCapture: true }),
        node('mon', 'model-monitor', { baseline: true, monitorType: 'bias-drift' }),
        node('cl', 'clarify'),
        edge('ep', 'mon'),
        edge('mon', 'cl'),
        ...clientTo('ep'),
        fault({ atSec: 1200, kind: 'bias-shift', node: 'ep', magnitude: 0.5 }),
      ),
  },
  'ecr-pull-blocked': {
    node: 'train',
    as: 'incident',
    doc: () => arch(...vpc(), node('raw', 's3-bucket'), node('train', 'training-job', {}, 'sub'), edge('raw', 'train')),
  },
  's3-unreachable': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        ...vpc(),
        ...vpce('ecr.api', 'ecr.dkr', 'logs'),
        node('raw', 's3-bucket'),
        node('train', 'training-job', {}, 'sub'),
        edge('raw', 'train'),
      ),
  },
  'sagemaker-api-unreachable': {
    node: 'fn',
    as: 'incident',
    doc: () =>
      arch(
        ...vpc(),
        ...vpce('s3', 'ecr.api', 'ecr.dkr', 'logs'),
        node('raw', 's3-bucket', { eventNotifications: true }),
        node('eb', 'eventbridge'),
        node('fn', 'lambda', {}, 'sub'),
        node('pipe', 'pipeline'),
        node('p', 'processing-job', {}, 'pipe'),
        edge('raw', 'eb'),
        edge('eb', 'fn'),
        edge('fn', 'pipe'),
        edge('raw', 'p'),
        fault({ atSec: 60, kind: 'data-arrival', node: 'raw' }),
      ),
  },
  'logs-unreachable': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        ...vpc(),
        ...vpce('s3', 'ecr.api', 'ecr.dkr'),
        node('raw', 's3-bucket'),
        node('train', 'training-job', {}, 'sub'),
        edge('raw', 'train'),
      ),
  },
  'network-isolation-egress': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        node('raw', 's3-bucket'),
        node('ext', 'data-source', { engine: 'snowflake' }),
        node('train', 'training-job', { algorithm: 'custom', EnableNetworkIsolation: true }),
        edge('raw', 'train'),
        edge('train', 'ext'),
      ),
  },
  'unencrypted-volume': {
    node: 'train',
    as: 'finding',
    doc: () =>
      arch(
        node('raw', 's3-bucket', { encryption: 'sse-kms' }),
        node('train', 'training-job', { OutputKmsKeyId: 'k' }),
        node('k', 'kms-key'),
        edge('raw', 'train'),
      ),
  },
  'unencrypted-output': {
    node: 'train',
    as: 'finding',
    doc: () =>
      arch(
        node('raw', 's3-bucket', { sensitive: true }),
        node('train', 'training-job', { VolumeKmsKeyId: 'k' }),
        node('k', 'kms-key'),
        edge('raw', 'train'),
      ),
  },
  'inter-container-unencrypted': {
    node: 'train',
    as: 'finding',
    doc: () =>
      arch(
        node('raw', 's3-bucket', { sensitive: true }),
        node('train', 'training-job', { instanceCount: 4 }),
        edge('raw', 'train'),
      ),
  },
  'feature-store-one-key': {
    node: 'fs',
    as: 'finding',
    doc: () => arch(node('k', 'kms-key'), node('fs', 'feature-store', { OnlineStoreKmsKeyId: 'k' })),
  },
  'kms-access-denied': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        node('k', 'kms-key'),
        node('role', 'iam-role', { actions: ['s3:GetObject'], s3Resources: ['arn:aws:s3:::raw/*'] }),
        node('raw', 's3-bucket', { encryption: 'sse-kms', kmsKey: 'k' }),
        node('train', 'training-job', { role: 'role' }),
        edge('raw', 'train'),
      ),
  },
  'iam-wildcard': { node: 'role', as: 'finding', doc: () => arch(node('role', 'iam-role', { actions: ['s3:*'] })) },
  'pii-without-macie': {
    node: 'ep',
    as: 'finding',
    doc: () =>
      arch(
        node('raw', 's3-bucket', { sensitive: true }),
        node('train', 'training-job'),
        node('ep', 'realtime-endpoint', { dataCapture: true }),
        edge('raw', 'train'),
        edge('train', 'ep'),
      ),
  },
  'no-cloudtrail-data-events': {
    node: 'raw',
    as: 'finding',
    doc: () => arch(node('raw', 's3-bucket', { sensitive: true })),
  },
  'kms-on-nvme-instance': {
    node: 'ep',
    as: 'incident',
    durationSec: 600,
    doc: () =>
      arch(node('k', 'kms-key'), node('ep', 'realtime-endpoint', { instanceType: 'ml.g5.xlarge', KmsKeyId: 'k' })),
  },
  /* D4, AWS Budgets (issue 17, gov-d4) */
  'budget-exceeded': {
    node: 'ep',
    as: 'incident',
    durationSec: 3600,
    doc: () => ({
      ...arch(node('ep', 'realtime-endpoint', { instanceCount: 4 }), ...clientTo('ep')),
      budgets: [{ name: 'serving', limitUSD: 0.2, thresholds: [80, 100] }],
    }),
  },
  /* D4, SageMaker Savings Plans (issue 17, savings17): a $1/h plan on ~$0.23/h of steady usage, and a $0.02/h one */
  'savings-plan-oversized': {
    node: 'sp',
    as: 'incident',
    durationSec: 7200,
    doc: () =>
      arch(node('ep', 'realtime-endpoint'), ...clientTo('ep'), node('sp', 'savings-plan', { commitmentUSDPerHour: 1 })),
  },
  'savings-plan-undersized': {
    node: 'sp',
    as: 'incident',
    durationSec: 7200,
    doc: () =>
      arch(
        node('ep', 'realtime-endpoint', { instanceCount: 2 }),
        ...clientTo('ep'),
        node('sp', 'savings-plan', { commitmentUSDPerHour: 0.02 }),
      ),
  },
  /* D4, service control policies (issue 17, gov-d4) */
  'scp-denied': {
    node: 't',
    as: 'incident',
    durationSec: 600,
    doc: () => arch(node('org', 'scp', { requireVolumeKmsKey: true }), node('t', 'training-job')),
  },
  /* D4, Inference Recommender and right-sizing (issue 17, cost17) */
  'recommender-endpoint-unsupported': {
    node: 'ir',
    as: 'incident',
    durationSec: 600,
    doc: () =>
      arch(
        node('ep', 'realtime-endpoint', { autoscaling: { min: 1, max: 4, targetInvocationsPerInstance: 100 } }),
        node('ir', 'inference-recommender'),
        edge('ir', 'ep'),
      ),
  },
  'endpoint-idle': {
    node: 'ep',
    as: 'incident',
    durationSec: 7200,
    doc: () => arch(node('ep', 'realtime-endpoint')),
  },
  'role-persona-for-people': {
    node: 'role',
    as: 'finding',
    doc: () =>
      arch(
        node('data', 's3-bucket'),
        node('role', 'iam-role', { persona: 'mlops' }),
        node('train', 'training-job', { role: 'role' }),
        edge('data', 'train'),
      ),
  },
  'dashboard-blind-spot': {
    node: 'ops',
    as: 'incident',
    doc: () =>
      arch(
        node('ep', 'realtime-endpoint'),
        node('ops', 'cloudwatch-dashboard', { widgets: ['AWS/SageMaker CPUUtilization Average'] }),
        edge('ep', 'ops'),
        ...clientTo('ep', { rps: 2 }),
      ),
  },
  'endpoint-over-provisioned': {
    node: 'ep',
    as: 'incident',
    durationSec: 7200,
    doc: () => arch(node('ep', 'realtime-endpoint', { instanceCount: 4 }), ...clientTo('ep', { rps: 2 })),
  },
  /* issue 17: scale to zero and security groups */
  'realtime-stuck-at-zero': {
    node: 'ep',
    as: 'incident',
    durationSec: 7200,
    doc: () => zeroDoc(false),
  },
  'no-capacity-at-zero': {
    node: 'ep',
    as: 'incident',
    durationSec: 7200,
    doc: () => zeroDoc(true),
  },
  'scale-to-zero-unsupported': {
    node: 'ep',
    as: 'finding',
    doc: () =>
      arch(node('ep', 'realtime-endpoint', { autoscaling: { min: 0, max: 2, targetInvocationsPerInstance: 100 } })),
  },
  'sg-blocks-distributed-training': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        ...vpc('private-with-nat'),
        node('train-sg', 'security-group', { ingress: ['tcp 22 from 10.0.0.0/16'] }, 'vpc'),
        node('raw', 's3-bucket'),
        node('train', 'training-job', { instanceCount: 2, securityGroup: 'train-sg' }, 'sub'),
        edge('raw', 'train'),
      ),
  },
  'endpoint-sg-blocks-https': {
    node: 'train',
    as: 'incident',
    doc: () =>
      arch(
        ...vpc('private'),
        node('job-sg', 'security-group', { ingress: ['all all from self'] }, 'vpc'),
        node('vpce-sg', 'security-group', { ingress: ['tcp 80 from job-sg'] }, 'vpc'),
        node('vpce-s3', 'vpc-endpoint', { service: 's3' }, 'vpc'),
        node('vpce-ecr-api', 'vpc-endpoint', { service: 'ecr.api', securityGroup: 'vpce-sg' }, 'vpc'),
        node('vpce-ecr-dkr', 'vpc-endpoint', { service: 'ecr.dkr', securityGroup: 'vpce-sg' }, 'vpc'),
        node('raw', 's3-bucket'),
        node('train', 'training-job', { securityGroup: 'job-sg' }, 'sub'),
        edge('raw', 'train'),
      ),
  },
};

/** An inference-component endpoint idle for an hour (it scales to zero), then called from t = 3600. */
function zeroDoc(fromZero: boolean) {
  return arch(
    node('ep', 'realtime-endpoint', {
      inferenceComponents: true,
      scaleOutFromZero: fromZero,
      autoscaling: { min: 0, max: 2, targetInvocationsPerInstance: 600 },
    }),
    ...clientTo('ep', { rps: 2, startSec: 3600 }),
  );
}
