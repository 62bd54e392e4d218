/**
 * Constraints AWS's create APIs enforce across props, checked when a document is loaded (format.md
 * section 7): a file that breaks one is refused with a path naming the prop, as the API call would be.
 */
import { instanceType } from '../catalog/instances';
import type { ArchNode } from './schema';

/**
 * GPU instance types a multi-model endpoint may use (Triton): the table of
 * https://docs.aws.amazon.com/sagemaker/latest/dg/multi-model-support.html (checked 2026-12-01).
 * Every CPU instance type is supported.
 */
export const MME_GPU_TYPES: readonly string[] = [
  'ml.p2.xlarge',
  'ml.p3.2xlarge',
  'ml.g5.xlarge',
  'ml.g5.2xlarge',
  'ml.g5.4xlarge',
  'ml.g5.8xlarge',
  'ml.g5.16xlarge',
  'ml.g4dn.xlarge',
  'ml.g4dn.2xlarge',
  'ml.g4dn.4xlarge',
  'ml.g4dn.8xlarge',
  'ml.g4dn.16xlarge',
];

/*
 * Training input channels (S3DataSource.S3DataType): "AugmentedManifestFile can only be used if the Channel's input
 * mode is Pipe" (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_S3DataSource.html) and FastFile mode
 * "doesn't support augmented manifest files" (TrainingInputMode,
 * https://docs.aws.amazon.com/sagemaker/latest/dg/model-access-training-data.html); checked 2026-12-01. A plain
 * ManifestFile with FastFile is not refused: the pages found do not say AWS refuses it.
 */

/**
 * Most MB a transform job may have in flight per instance: MaxConcurrentTransforms × MaxPayloadInMB
 * (CreateTransformJob).
 */
export const TRANSFORM_MAX_INFLIGHT_MB = 100;

/** The constraint errors of one node: [prop, message] pairs. */
export function nodeConstraints(n: ArchNode): [string, string][] {
  const p = n.props ?? {};
  const out: [string, string][] = [];
  if (n.kind === 'multi-model-endpoint' && typeof p.instanceType === 'string') {
    const t = instanceType(p.instanceType);
    if (t && t.gpus > 0 && !MME_GPU_TYPES.includes(t.name))
      out.push([
        'instanceType',
        `${t.name} is not a GPU instance type multi-model endpoints support (single-GPU ml.p2.xlarge, ` +
          `ml.p3.2xlarge, ml.g4dn and ml.g5 sizes up to 16xlarge, with Triton); use one of those or a CPU type`,
      ]);
  }
  if (n.kind === 'training-job' && p.s3DataType === 'AugmentedManifestFile' && (p.inputMode ?? 'File') !== 'Pipe')
    out.push([
      's3DataType',
      `AugmentedManifestFile can only be used with inputMode Pipe, not ${String(p.inputMode ?? 'File')} ` +
        `(FastFile does not support augmented manifest files); use Pipe, or an S3Prefix / ManifestFile data ` +
        `source`,
    ]);
  if (n.kind === 'batch-transform') {
    const payload = typeof p.MaxPayloadInMB === 'number' ? p.MaxPayloadInMB : 6;
    const concurrent = typeof p.MaxConcurrentTransforms === 'number' ? p.MaxConcurrentTransforms : 1;
    if (concurrent * payload > TRANSFORM_MAX_INFLIGHT_MB)
      out.push([
        'MaxConcurrentTransforms',
        `MaxConcurrentTransforms × MaxPayloadInMB is ${concurrent} × ${payload} = ${concurrent * payload} MB; ` +
          `it may not exceed ${TRANSFORM_MAX_INFLIGHT_MB} MB`,
      ]);
  }
  return out;
}
