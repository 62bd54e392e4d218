import type { Kind } from '../../catalog/types';
import type { ArchNode } from '../../model/schema';
import { CfnError, withPlaceholders } from '../types';
import { type Builder, bool, dig, list, num, rec } from './builder';
import { securityGroupOf } from './network';
import { kmsNode } from './sagemaker';

/**
 * AWS::SageMaker::Pipeline: the pipeline node and one node per step of its JSON definition
 * (PipelineDefinition.PipelineDefinitionBody; https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sagemaker-pipeline.html).
 * Steps nested in a condition's IfSteps / ElseSteps become steps of the pipeline that the condition step leads to;
 * DependsOn and property references (`{"Get": "Steps.Train…"}`) become the DAG's connections.
 */

/** Pipeline step Type → SageSim kind. */
export const STEP_TYPES: Readonly<Record<string, Kind>> = {
  Processing: 'processing-job',
  Training: 'training-job',
  Tuning: 'tuning-job',
  Transform: 'batch-transform',
  Condition: 'condition-step',
  Callback: 'callback-step',
  Lambda: 'lambda',
};

const ALGORITHMS: [RegExp, string][] = [
  [/xgboost/i, 'xgboost'],
  [/linear-learner/i, 'linear-learner'],
  [/deepar/i, 'deepar'],
  [/randomcutforest|random-cut-forest/i, 'random-cut-forest'],
  [/blazingtext/i, 'blazingtext'],
  [/factorization-machines/i, 'factorization-machines'],
  [/kmeans/i, 'kmeans'],
  [/\bpca\b|\/pca:/i, 'pca'],
  [/ipinsights|ip-insights/i, 'ip-insights'],
];
export const algorithmOf = (image: unknown): string | undefined => {
  // an image from a repository of the template says nothing about the algorithm in it
  if (typeof image !== 'string' || image.includes('{{cfn:')) return undefined;
  return ALGORITHMS.find(([re]) => re.test(image))?.[1] ?? 'custom';
};

const CONDITION_OPS: Record<string, string> = { GreaterThanOrEqualTo: '>=', LessThanOrEqualTo: '<=' };

interface Step {
  Name: string;
  Type: string;
  raw: Record<string, unknown>;
  /** The condition step whose IfSteps / ElseSteps hold it, and which branch. */
  inCondition?: string;
  branch?: 'IfSteps' | 'ElseSteps';
}

/** A step without the steps nested in its branches (those are steps of their own). */
const own = (raw: Record<string, unknown>): Record<string, unknown> =>
  raw.Type === 'Condition'
    ? { ...raw, Arguments: { ...rec(raw.Arguments), IfSteps: undefined, ElseSteps: undefined } }
    : raw;

export function mapPipelines(b: Builder): void {
  for (const r of b.ofType('AWS::SageMaker::Pipeline')) {
    const pipe = b.add(r, 'pipeline');
    const meta = rec(b.meta(r).steps);
    const def = rec(r.props.PipelineDefinition);
    if (def.PipelineDefinitionBody === undefined) {
      b.note(
        r,
        'its definition is in S3 (PipelineDefinitionS3Location): it cannot be read offline, so the pipeline ' +
          'has no steps',
        'warning',
      );
      continue;
    }
    const text = withPlaceholders(def.PipelineDefinitionBody);
    let body: Record<string, unknown>;
    try {
      body = rec(
        typeof def.PipelineDefinitionBody === 'object' && text === null
          ? def.PipelineDefinitionBody
          : JSON.parse(text ?? ''),
      );
    } catch (e) {
      throw new CfnError(`PipelineDefinitionBody is not valid JSON: ${(e as Error).message}`, [
        'Resources',
        r.id,
        'Properties',
        'PipelineDefinition',
        'PipelineDefinitionBody',
      ]);
    }
    b.scanRefs(pipe.id, { ...r.props, PipelineDefinition: undefined }, 'Pipeline');
    const steps: Step[] = [];
    const collect = (list0: unknown, inCondition?: string, branch?: Step['branch']) => {
      for (const s of list(list0).map(rec)) {
        const st: Step = { Name: String(s.Name ?? ''), Type: String(s.Type ?? ''), raw: s, inCondition, branch };
        steps.push(st);
        if (st.Type === 'Condition') {
          collect(dig(s, 'Arguments.IfSteps'), st.Name, 'IfSteps');
          collect(dig(s, 'Arguments.ElseSteps'), st.Name, 'ElseSteps');
        }
      }
    };
    collect(body.Steps);
    // a step's `{"Get": "Parameters.X"}` runs with X's DefaultValue unless an execution overrides it
    const defaults = new Map(
      list(body.Parameters)
        .map(rec)
        .filter((p) => typeof p.Name === 'string' && p.DefaultValue !== undefined)
        .map((p) => [String(p.Name), p.DefaultValue]),
    );
    for (const s of steps) s.raw = withParameterDefaults(s.raw, defaults) as Record<string, unknown>;
    const nodeOf = new Map<string, ArchNode>();
    for (const s of steps) {
      const kind = STEP_TYPES[s.Type];
      if (!kind) continue;
      const m = rec(meta[s.Name]);
      const n = b.node(
        s.Name || `${pipe.id}-step`,
        kind,
        typeof m.label === 'string' ? m.label : b.meta(r).id ? undefined : s.Name,
      );
      n.parent = pipe.id;
      b.setProps(n, { ...stepProps(b, s), ...rec(m.props) });
      b.setTags(n, m.tags);
      nodeOf.set(s.Name, n);
      // References to resources (buckets, repositories, queues, functions) inside the step become connections.
      b.scanRefs(
        n.id,
        {
          Arguments: own(s.raw).Arguments,
          SqsQueueUrl: s.raw.SqsQueueUrl,
          FunctionArn: s.raw.FunctionArn,
          RoleArn: undefined,
        },
        'Step',
      );
    }
    // Where the steps run: a VpcConfig on the steps puts the pipeline in that subnet; caching on any step is the
    // pipeline's.
    for (const s of steps) {
      const subnets =
        dig(s.raw, 'Arguments.VpcConfig.Subnets') ?? dig(s.raw, 'Arguments.NetworkConfig.VpcConfig.Subnets');
      // a training or processing step's own security group (the first of its SecurityGroupIds that is a group of
      // this template; the VPC's helper group of an exported design is none)
      const node = nodeOf.get(s.Name);
      const group = securityGroupOf(
        b,
        dig(s.raw, 'Arguments.VpcConfig.SecurityGroupIds') ??
          dig(s.raw, 'Arguments.NetworkConfig.VpcConfig.SecurityGroupIds'),
      );
      const kept = 'securityGroup' in rec(rec(meta[s.Name]).props);
      if (node && group && !kept && (node.kind === 'training-job' || node.kind === 'processing-job'))
        b.setProps(node, { securityGroup: group.id });
      const sub =
        subnets === undefined
          ? undefined
          : list(subnets)
              .map((x) => b.nodeOf(x, ['subnet']))
              .find(Boolean);
      if (sub && !pipe.parent) b.setParent(pipe, sub);
    }
    if (!('caching' in rec(b.meta(r).props)) && steps.some((s) => bool(dig(s.raw, 'CacheConfig.Enabled'))))
      b.setProps(pipe, { caching: true });
    // The DAG: DependsOn, property references, and a condition's branches.
    // A step in a condition's branch runs after the condition: the condition is its gate, so property references
    // to steps before the condition add nothing (and a RegisterModel step must stay behind the gate).
    const preds = (s: Step): string[] => {
      const out = new Set(list(s.raw.DependsOn).map(String));
      if (s.inCondition) out.add(s.inCondition);
      else for (const m of JSON.stringify(own(s.raw)).matchAll(/"Steps\.([A-Za-z0-9_-]+)\./g)) out.add(m[1]);
      out.delete(s.Name);
      return [...out];
    };
    for (const s of steps) {
      const to = nodeOf.get(s.Name);
      for (const p of preds(s)) {
        const from = nodeOf.get(p);
        if (to && from) b.connect(from, to);
      }
      if (s.branch === 'ElseSteps' && (to || s.Type === 'RegisterModel'))
        b.note(
          r,
          `step ${s.Name} is in the ElseSteps of ${s.inCondition}: SageSim runs the steps after a condition ` +
            `only when it is true, so it is shown after the condition but simulated on the true side`,
          'warning',
        );
      if (STEP_TYPES[s.Type]) continue;
      if (s.Type === 'RegisterModel') {
        const group = registryOf(b, dig(s.raw, 'Arguments.ModelPackageGroupName'));
        const fromSteps = preds(s)
          .map((p) => nodeOf.get(p))
          .filter((n): n is ArchNode => !!n);
        if (group) for (const f of fromSteps) b.connect(f, group);
        if (group && fromSteps.length) continue;
      }
      b.note(r, `pipeline step ${s.Name} (Type ${s.Type}) has no SageSim kind: it is not on the canvas`);
    }
  }
}

/**
 * A step with each `{"Get": "Parameters.X"}` replaced by X's DefaultValue (pipeline parameters:
 * https://docs.aws.amazon.com/sagemaker/latest/dg/build-and-manage-parameters.html); a parameter with no default keeps
 * its `Get`, which no prop reads as a value. Steps nested in a condition's branches are replaced too.
 */
function withParameterDefaults(v: unknown, defaults: ReadonlyMap<string, unknown>): unknown {
  if (Array.isArray(v)) return v.map((x) => withParameterDefaults(x, defaults));
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && typeof o.Get === 'string' && o.Get.startsWith('Parameters.')) {
    const name = o.Get.slice('Parameters.'.length);
    return defaults.has(name) ? defaults.get(name) : o;
  }
  return Object.fromEntries(keys.map((k) => [k, withParameterDefaults(o[k], defaults)]));
}

/** The registry a RegisterModel step names (a reference, or the group's literal name). */
function registryOf(b: Builder, v: unknown): ArchNode | undefined {
  const byRef = b.nodeOf(v, ['model-registry']);
  if (byRef) return byRef;
  const g = b
    .ofType('AWS::SageMaker::ModelPackageGroup')
    .find((r) => typeof v === 'string' && r.props.ModelPackageGroupName === v);
  return b.get(g && b.owner.get(g.id));
}

function roleOf(b: Builder, v: unknown): string | undefined {
  return b.nodeOf(v, ['iam-role'])?.id;
}

/** A literal instance type (a pipeline parameter's `{"Get": "Parameters.X"}` is not one). */
const str = (v: unknown) => (typeof v === 'string' && v.startsWith('ml.') ? v : undefined);
/** A literal string (a `Get` of a step property or of a parameter with no default is not known offline). */
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** A key a step names (a `{{cfn:Key.Arn}}` placeholder stands for the key resource). */
const kmsIn = (b: Builder, v: unknown) => (v === undefined ? undefined : kmsNode(b, v));

/** Props of a step from its Arguments (CreateTrainingJob, CreateProcessingJob… request shapes). */
function stepProps(b: Builder, s: Step): Record<string, unknown> {
  const a = rec(s.raw.Arguments);
  switch (s.Type) {
    case 'Training':
      return {
        algorithm: algorithmOf(dig(a, 'AlgorithmSpecification.TrainingImage')),
        inputMode: text(dig(a, 'AlgorithmSpecification.TrainingInputMode')),
        instanceType: str(dig(a, 'ResourceConfig.InstanceType')),
        instanceCount: num(dig(a, 'ResourceConfig.InstanceCount')),
        volumeGB: num(dig(a, 'ResourceConfig.VolumeSizeInGB')),
        VolumeKmsKeyId: kmsIn(b, dig(a, 'ResourceConfig.VolumeKmsKeyId')),
        OutputKmsKeyId: kmsIn(b, dig(a, 'OutputDataConfig.KmsKeyId')),
        spot: bool(a.EnableManagedSpotTraining),
        checkpointS3Uri: text(dig(a, 'CheckpointConfig.S3Uri')),
        maxWaitSec: num(dig(a, 'StoppingCondition.MaxWaitTimeInSeconds')),
        EnableInterContainerTrafficEncryption: bool(a.EnableInterContainerTrafficEncryption),
        EnableNetworkIsolation: bool(a.EnableNetworkIsolation),
        role: roleOf(b, a.RoleArn),
      };
    case 'Processing': {
      const image = dig(a, 'AppSpecification.ImageUri');
      return {
        framework: typeof image === 'string' ? (/spark/i.test(image) ? 'pyspark' : 'sklearn') : undefined,
        instanceType: str(dig(a, 'ProcessingResources.ClusterConfig.InstanceType')),
        instanceCount: num(dig(a, 'ProcessingResources.ClusterConfig.InstanceCount')),
        VolumeKmsKeyId: kmsIn(b, dig(a, 'ProcessingResources.ClusterConfig.VolumeKmsKeyId')),
        OutputKmsKeyId: kmsIn(b, dig(a, 'ProcessingOutputConfig.KmsKeyId')),
        role: roleOf(b, a.RoleArn),
      };
    }
    case 'Tuning': {
      const c = rec(a.HyperParameterTuningJobConfig);
      const strategy = typeof c.Strategy === 'string' ? c.Strategy.toLowerCase() : undefined;
      return {
        strategy,
        maxJobs: num(dig(c, 'ResourceLimits.MaxNumberOfTrainingJobs')),
        maxParallelJobs: num(dig(c, 'ResourceLimits.MaxParallelTrainingJobs')),
        warmStart: text(dig(a, 'WarmStartConfig.WarmStartType')),
      };
    }
    case 'Transform':
      return {
        instanceType: str(dig(a, 'TransformResources.InstanceType')),
        instanceCount: num(dig(a, 'TransformResources.InstanceCount')),
        VolumeKmsKeyId: kmsIn(b, dig(a, 'TransformResources.VolumeKmsKeyId')),
        MaxPayloadInMB: num(a.MaxPayloadInMB),
        SplitType: text(dig(a, 'TransformInput.SplitType')),
        BatchStrategy: text(a.BatchStrategy),
        MaxConcurrentTransforms: num(a.MaxConcurrentTransforms),
      };
    case 'Condition': {
      const c = rec(list(a.Conditions)[0]);
      // Std:JsonGet of an evaluation report (`metrics.auc.value`) or a training step's
      // `FinalMetricDataList['validation:auc']`
      const path = String(dig(c, 'LeftValue.Std:JsonGet.Path') ?? dig(c, 'LeftValue.Get') ?? '');
      const metric =
        /metrics\.([A-Za-z0-9_]+)/.exec(path)?.[1] ??
        /FinalMetricDataList\['(?:[a-z]+:)?([A-Za-z0-9_]+)'\]/.exec(path)?.[1];
      return { metric, op: CONDITION_OPS[String(c.Type)], threshold: num(c.RightValue) };
    }
    default:
      return {};
  }
}
