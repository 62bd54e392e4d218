import { STEP_KINDS, kindDef, defaultProps, propsByName } from '../../catalog/kinds';
import type { Kind } from '../../catalog/types';
import type { ArchDoc, ArchNode } from '../../model/schema';
import { META } from '../map/builder';
import { exportAutoML } from './automl';
import { ExportContext } from './context';
import { exportCodePipeline } from './codepipeline';
import { exportPipeline } from './pipeline';
import { exportScp, scpHasResource } from './scp';
import {
  exportEndpoint,
  exportFeatureStore,
  exportStreaming,
  exportFileSystem,
  exportGlue,
  exportMonitor,
  exportStore,
  exportVpc,
} from './resources';

/**
 * Export: a SageSim design → a CloudFormation template (long-form intrinsics; `templateToYaml` writes it with short
 * tags).
 * Every kind with an AWS resource becomes that resource, with references between resources for connections and
 * parameters for names and ARNs. What has no resource (clients, jobs outside a pipeline, Data Wrangler, Ground Truth,
 * Clarify…) and connections no reference can say are kept in the template's Metadata.SageSim, so that importing the
 * template gives the same design.
 */

/** Kinds that become resources of their own (steps inside a pipeline go into its definition instead). */
export const RESOURCE_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  's3-bucket',
  'ecr-repository',
  'feature-store',
  'realtime-endpoint',
  'serverless-endpoint',
  'async-endpoint',
  'multi-model-endpoint',
  'model-registry',
  'autopilot-job',
  'pipeline',
  'codepipeline',
  'eventbridge',
  'lambda',
  'kinesis-stream',
  'firehose',
  'file-system',
  'sqs',
  'sns',
  'cloudwatch',
  'cloudwatch-dashboard',
  'model-monitor',
  'vpc',
  'subnet',
  'vpc-endpoint',
  'security-group',
  'kms-key',
  'iam-role',
  'macie',
  'cloudtrail',
  'scp',
]);

/**
 * Why a kind's node is not a CloudFormation resource of the export (it stays in the template's Metadata.SageSim.nodes,
 * which import reads back). SageSim's own wording; where CloudFormation has a resource type SageSim does not write, it
 * says so (the reference documents AWS::SageMaker::ProcessingJob, TrainingJob and TransformJob:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sagemaker-processingjob.html).
 */
// keyed by kind name (a kind another branch adds may have its reason before it exists here)
export const NOT_A_RESOURCE: Readonly<Record<string, string>> = {
  client: 'traffic SageSim generates, not an AWS resource',
  'data-source': 'data outside the design (another account, on premises, a partner): nothing to create',
  'data-wrangler': 'a Data Wrangler flow is a Studio file run as a processing job: not exported',
  'ground-truth': 'a labeling job is started by an API call (CreateLabelingJob): not exported',
  'processing-job':
    'outside a pipeline a job is an API call (CreateProcessingJob); CloudFormation has AWS::SageMaker::ProcessingJob ' +
    '(run once, when the stack is created) but SageSim exports jobs only as pipeline steps',
  'training-job':
    'outside a pipeline a job is an API call (CreateTrainingJob); SageSim exports jobs only as pipeline steps',
  'tuning-job':
    'outside a pipeline a job is an API call (CreateHyperParameterTuningJob); SageSim exports jobs only as ' +
    'pipeline steps',
  'batch-transform':
    'outside a pipeline a job is an API call (CreateTransformJob); SageSim exports jobs only as pipeline steps',
  'condition-step': 'a condition is a step of a pipeline definition, not a resource of its own',
  'callback-step': 'a callback is a step of a pipeline definition, not a resource of its own',
  clarify: 'a Clarify report is a processing job run by an API call: not exported (a model monitor exports its own)',
  'ai-service':
    'a managed AI service is called by API (nothing to create); a custom model or Bedrock provisioned throughput ' +
    'is not exported',
  'jumpstart-model':
    "the model's artifacts are the endpoint's Model ModelDataSource (AcceptEula); the JumpStart model itself has " +
    'no resource',
  'inference-recommender':
    'an Inference Recommender job is run by an API call (CreateInferenceRecommendationsJob): not exported',
  scp: 'an SCP that requires nothing denies nothing: no AWS::Organizations::Policy is written',
  'savings-plan': 'a Savings Plan is a purchase (a billing commitment for the account), not infrastructure',
};

export interface ExportResult {
  template: Record<string, unknown>;
  /**
   * Props of kinds that map them, kept in Metadata because no property could hold the value (e.g. a 15-minute
   * schedule).
   */
  metadataOnly: readonly { node: string; prop: string }[];
  /** Kinds of the nodes kept in the template's Metadata (no resource) → why. */
  notResources: Readonly<Record<string, string>>;
}

export function exportDesign(doc: ArchDoc): ExportResult {
  const c = new ExportContext(doc);
  const byId = c.byId;
  const inPipeline = (n: ArchNode) => !!n.parent && byId.get(n.parent)?.kind === 'pipeline';
  const hasResource = (n: ArchNode) =>
    RESOURCE_KINDS.has(n.kind) &&
    !((STEP_KINDS as readonly Kind[]).includes(n.kind) && inPipeline(n)) &&
    (n.kind !== 'scp' || scpHasResource(n));
  for (const n of doc.nodes) if (hasResource(n)) c.logical.set(n.id, c.logicalId(n.id));
  const of = (...kinds: Kind[]) => doc.nodes.filter((n) => kinds.includes(n.kind) && hasResource(n));

  for (const v of of('vpc')) exportVpc(c, v);
  for (const n of of('kms-key', 'iam-role', 's3-bucket', 'ecr-repository', 'sqs', 'sns', 'macie', 'cloudtrail'))
    exportStore(c, n);
  for (const n of of('realtime-endpoint', 'serverless-endpoint', 'async-endpoint', 'multi-model-endpoint'))
    exportEndpoint(c, n);
  for (const n of of('model-monitor')) exportMonitor(c, n);
  for (const n of of('autopilot-job')) exportAutoML(c, n);
  for (const n of of('feature-store')) exportFeatureStore(c, n);
  for (const n of of('kinesis-stream', 'firehose')) exportStreaming(c, n);
  for (const n of of('file-system')) exportFileSystem(c, n);
  for (const n of of('model-registry', 'lambda')) exportGlue(c, n);
  for (const n of of('pipeline')) exportPipeline(c, n);
  for (const n of of('codepipeline')) exportCodePipeline(c, n);
  for (const n of of('eventbridge', 'cloudwatch', 'cloudwatch-dashboard')) exportGlue(c, n);
  for (const n of of('scp')) exportScp(c, n, c.logical.get(n.id)!);

  const nodes = doc.nodes
    .filter((n) => !hasResource(n) && !inPipeline(n))
    .map((n) => {
      const defaults = propsByName(defaultProps(n.kind));
      const props = Object.fromEntries(
        Object.entries(n.props ?? {}).filter(
          ([k, v]) => k in kindDef(n.kind).props && JSON.stringify(v) !== JSON.stringify(defaults[k]),
        ),
      );
      return {
        id: n.id,
        kind: n.kind,
        ...(n.label ? { label: n.label } : {}),
        ...(n.parent ? { parent: n.parent } : {}),
        ...(Object.keys(props).length ? { props } : {}),
        ...(n.tags && Object.keys(n.tags).length ? { tags: { ...n.tags } } : {}),
      };
    });
  const connections = (doc.edges ?? [])
    .filter((e) => !c.said.has(`${e.from}\u0000${e.to}`))
    .map((e) => ({ from: e.from, to: e.to }));
  // why each kind kept in Metadata has no resource, for the kinds of the nodes there
  const why: Record<string, string> = {};
  for (const n of nodes) why[n.kind] ??= NOT_A_RESOURCE[n.kind] ?? "no resource in SageSim's export";
  const template: Record<string, unknown> = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: (doc.title ?? 'SageSim design').slice(0, 1024),
  };
  const meta: Record<string, unknown> = {};
  if (nodes.length) meta.nodes = nodes;
  if (connections.length) meta.connections = connections;
  if (Object.keys(meta).length)
    template.Metadata = {
      [META]: {
        note:
          'Parts of the SageSim design that are no CloudFormation resource of this export (notResources says ' +
          'why, per kind) and connections no reference says; CloudFormation ignores them.',
        ...(Object.keys(why).length ? { notResources: why } : {}),
        ...meta,
      },
    };
  if (Object.keys(c.parameters).length) template.Parameters = c.parameters;
  template.Resources = c.resources;
  return { template, metadataOnly: c.metaOnly, notResources: why };
}
