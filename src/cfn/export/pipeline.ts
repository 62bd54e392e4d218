import type { ArchNode } from '../../model/schema';
import { type ExportContext, Sub } from './context';
import { L, ROLE_PARAM, vpcConfig } from './resources';

/**
 * A pipeline node → AWS::SageMaker::Pipeline with its JSON definition (Fn::Sub, so that buckets, repositories, queues
 * and roles are referenced): each step node a step; a condition's successors nested in its IfSteps; other order as
 * DependsOn; a RegisterModel step for each connection to a model registry.
 * Step shapes follow the Create*Job request syntax: https://docs.aws.amazon.com/sagemaker/latest/dg/build-and-manage-steps.html
 */

const IMAGE_DEFAULTS: Record<string, string> = {
  xgboost: 'sagemaker-xgboost',
  'linear-learner': 'linear-learner',
  deepar: 'forecasting-deepar',
  'random-cut-forest': 'randomcutforest',
  blazingtext: 'blazingtext',
  'factorization-machines': 'factorization-machines',
  kmeans: 'kmeans',
  pca: 'pca',
  'ip-insights': 'ipinsights',
  custom: 'custom-training-image',
};

const OPS: Record<string, string> = { '>=': 'GreaterThanOrEqualTo', '<=': 'LessThanOrEqualTo' };
const pascal = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

export function exportPipeline(c: ExportContext, pipe: ArchNode): void {
  const steps = c.children(pipe.id);
  const stepIds = new Set(steps.map((s) => s.id));
  const pp = c.props(pipe);
  const ref = (id: string, attr?: string) => `\${${L(c, id)}${attr ? `.${attr}` : ''}}`;
  const role = (n: ArchNode) => {
    const r = c.props(n).role;
    if (r && c.logical.get(r)) return ref(r, 'Arn');
    c.param(ROLE_PARAM, {
      Type: 'String',
      Description: 'ARN of the IAM role SageMaker assumes for models, jobs and pipelines',
    });
    return `\${${ROLE_PARAM}}`;
  };
  const key = (id: unknown) => (typeof id === 'string' && c.logical.get(id) ? ref(id, 'Arn') : undefined);
  // VPC mode of a training or processing step: the pipeline's subnet and the step's own security group (its
  // `securityGroup`), or the VPC's helper group. CreateTrainingJob takes VpcConfig, CreateProcessingJob
  // NetworkConfig.VpcConfig, each { SecurityGroupIds, Subnets }
  // (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTrainingJob.html,
  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateProcessingJob.html); a step's Arguments are
  // that request (https://aws-sagemaker-mlops.github.io/sagemaker-model-building-pipeline-definition-JSON-schema/).
  const pipeVpc = vpcConfig(c, pipe);
  const network = (n: ArchNode) => {
    if (!pipeVpc) return undefined;
    const [subnet] = pipeVpc.Subnets as { Ref: string }[];
    const [helper] = pipeVpc.SecurityGroupIds as { Ref: string }[];
    const own = c.props(n).securityGroup;
    const sg = typeof own === 'string' ? c.logical.get(own) : undefined;
    return { VpcConfig: { Subnets: [`\${${subnet.Ref}}`], SecurityGroupIds: [`\${${sg ?? helper.Ref}}`] } };
  };
  const inputs = (n: ArchNode) =>
    c.in(n.id, ['s3-bucket']).map((b) => (c.say(b.id, n.id), `s3://${ref(b.id)}/${n.id}/input/`));
  // a mounted file system: a FileSystemDataSource channel (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_FileSystemDataSource.html)
  const fileSystems = (n: ArchNode) =>
    c.in(n.id, ['file-system']).map((f) => {
      const fp = c.props(f);
      c.say(f.id, n.id);
      return {
        DataSource: {
          FileSystemDataSource: {
            FileSystemId: ref(f.id),
            FileSystemType: fp.fsType === 'efs' ? 'EFS' : 'FSxLustre',
            DirectoryPath: fp.directoryPath,
            FileSystemAccessMode: fp.accessMode,
          },
        },
      };
    });
  const output = (n: ArchNode, what: string) => {
    const b = c.out(n.id, ['s3-bucket'])[0];
    if (b) c.say(n.id, b.id);
    return b ? `s3://${ref(b.id)}/${n.id}/${what}/` : `\${PipelineS3Uri}/${n.id}/${what}/`;
  };
  const needsS3Param = () =>
    c.param('PipelineS3Uri', {
      Type: 'String',
      Default: 's3://pipeline-bucket',
      Description: 'S3 prefix for pipeline outputs',
    });
  const image = (n: ArchNode, fallback: string) => {
    const repo = c.in(n.id, ['ecr-repository'])[0];
    if (repo) {
      c.say(repo.id, n.id);
      return `${ref(repo.id, 'RepositoryUri')}:latest`;
    }
    const name = `${pascal(fallback)}ImageUri`;
    c.param(name, {
      Type: 'String',
      Default: fallback,
      Description: `ECR image URI of ${fallback} in your region (the default is a placeholder)`,
    });
    return `\${${name}}`;
  };

  // What a condition compares: a training step's final metric, or the evaluation report a processing step writes.
  const reports = new Set<string>();
  const metricOf = (n: ArchNode, metric: string): unknown => {
    const source = c.in(n.id, ['training-job', 'processing-job']).find((x) => stepIds.has(x.id));
    if (source?.kind === 'training-job')
      return { Get: `Steps.${source.id}.FinalMetricDataList['validation:${metric}'].Value` };
    if (source) reports.add(source.id);
    return {
      'Std:JsonGet': {
        PropertyFile: source ? { Get: `Steps.${source.id}.PropertyFiles.${source.id}-report` } : `${n.id}-report`,
        Path: `metrics.${metric}.value`,
      },
    };
  };
  const def = (n: ArchNode): Record<string, unknown> => {
    const p = c.props(n);
    const step: Record<string, unknown> = { Name: n.id };
    switch (n.kind) {
      case 'training-job': {
        if (c.in(n.id, ['ecr-repository']).length) c.keepInMetadata(n, 'algorithm');
        if (!c.out(n.id, ['s3-bucket']).length) needsS3Param();
        Object.assign(step, {
          Type: 'Training',
          Arguments: {
            RoleArn: role(n),
            AlgorithmSpecification: {
              TrainingImage: image(n, IMAGE_DEFAULTS[p.algorithm] ?? 'custom-training-image'),
              TrainingInputMode: p.inputMode,
            },
            ResourceConfig: {
              InstanceType: p.instanceType,
              InstanceCount: p.instanceCount,
              VolumeSizeInGB: p.volumeGB,
              ...(key(p.VolumeKmsKeyId) ? { VolumeKmsKeyId: key(p.VolumeKmsKeyId) } : {}),
            },
            OutputDataConfig: {
              S3OutputPath: output(n, 'model'),
              ...(key(p.OutputKmsKeyId) ? { KmsKeyId: key(p.OutputKmsKeyId) } : {}),
            },
            StoppingCondition: {
              MaxRuntimeInSeconds: 86_400,
              ...(p.maxWaitSec ? { MaxWaitTimeInSeconds: p.maxWaitSec } : {}),
            },
            InputDataConfig: [
              ...inputs(n).map((uri) => ({
                DataSource: { S3DataSource: { S3DataType: p.s3DataType ?? 'S3Prefix', S3Uri: uri } },
              })),
              ...fileSystems(n),
            ].map((ch, i) => ({ ChannelName: i ? `train${i + 1}` : 'train', ...ch })),
            ...(p.spot ? { EnableManagedSpotTraining: true } : {}),
            ...(p.checkpointS3Uri ? { CheckpointConfig: { S3Uri: p.checkpointS3Uri } } : {}),
            ...(p.EnableInterContainerTrafficEncryption ? { EnableInterContainerTrafficEncryption: true } : {}),
            ...(p.EnableNetworkIsolation ? { EnableNetworkIsolation: true } : {}),
            ...(network(n) ?? {}),
          },
        });
        break;
      }
      case 'processing-job': {
        if (!c.out(n.id, ['s3-bucket']).length) needsS3Param();
        Object.assign(step, {
          Type: 'Processing',
          Arguments: {
            RoleArn: role(n),
            AppSpecification: {
              ImageUri: image(n, p.framework === 'pyspark' ? 'sagemaker-spark-processing' : 'sagemaker-scikit-learn'),
            },
            ProcessingResources: {
              ClusterConfig: {
                InstanceCount: p.instanceCount,
                InstanceType: p.instanceType,
                VolumeSizeInGB: 30,
                ...(key(p.VolumeKmsKeyId) ? { VolumeKmsKeyId: key(p.VolumeKmsKeyId) } : {}),
              },
            },
            ProcessingInputs: inputs(n).map((uri, i) => ({
              InputName: `input-${i + 1}`,
              S3Input: {
                S3Uri: uri,
                LocalPath: `/opt/ml/processing/input/${i + 1}`,
                S3DataType: 'S3Prefix',
                S3InputMode: 'File',
              },
            })),
            ProcessingOutputConfig: {
              Outputs: [
                {
                  OutputName: 'output',
                  S3Output: {
                    S3Uri: output(n, 'output'),
                    LocalPath: '/opt/ml/processing/output',
                    S3UploadMode: 'EndOfJob',
                  },
                },
              ],
              ...(key(p.OutputKmsKeyId) ? { KmsKeyId: key(p.OutputKmsKeyId) } : {}),
            },
            ...(network(n) ? { NetworkConfig: network(n) } : {}),
          },
        });
        if (c.in(n.id, ['ecr-repository']).length) c.keepInMetadata(n, 'framework');
        break;
      }
      case 'tuning-job':
        Object.assign(step, {
          Type: 'Tuning',
          Arguments: {
            HyperParameterTuningJobConfig: {
              Strategy:
                p.strategy === 'bayesian'
                  ? 'Bayesian'
                  : p.strategy === 'random'
                    ? 'Random'
                    : p.strategy === 'grid'
                      ? 'Grid'
                      : 'Hyperband',
              ResourceLimits: { MaxNumberOfTrainingJobs: p.maxJobs, MaxParallelTrainingJobs: p.maxParallelJobs },
            },
            ...(p.warmStart ? { WarmStartConfig: { WarmStartType: p.warmStart } } : {}),
          },
        });
        break;
      case 'batch-transform':
        if (!c.out(n.id, ['s3-bucket']).length) needsS3Param();
        Object.assign(step, {
          Type: 'Transform',
          Arguments: {
            ModelName:
              c.param('TransformModelName', { Type: 'String', Description: 'Model the batch transform steps use' }) &&
              '${TransformModelName}',
            TransformInput: {
              DataSource: {
                S3DataSource: { S3DataType: 'S3Prefix', S3Uri: inputs(n)[0] ?? `\${PipelineS3Uri}/${n.id}/input/` },
              },
              SplitType: p.SplitType,
            },
            TransformOutput: { S3OutputPath: output(n, 'output') },
            TransformResources: {
              InstanceType: p.instanceType,
              InstanceCount: p.instanceCount,
              ...(key(p.VolumeKmsKeyId) ? { VolumeKmsKeyId: key(p.VolumeKmsKeyId) } : {}),
            },
            MaxPayloadInMB: p.MaxPayloadInMB,
            ...(p.BatchStrategy !== undefined ? { BatchStrategy: p.BatchStrategy } : {}),
            ...(p.MaxConcurrentTransforms !== undefined ? { MaxConcurrentTransforms: p.MaxConcurrentTransforms } : {}),
          },
        });
        if (!inputs(n).length) needsS3Param();
        break;
      case 'condition-step':
        Object.assign(step, {
          Type: 'Condition',
          Arguments: {
            Conditions: [
              {
                Type: OPS[p.op] ?? 'GreaterThanOrEqualTo',
                LeftValue: metricOf(n, String(p.metric)),
                RightValue: p.threshold,
              },
            ],
            IfSteps: [],
            ElseSteps: [],
          },
        });
        break;
      case 'callback-step': {
        const q = c.out(n.id, ['sqs'])[0];
        if (q) c.say(n.id, q.id);
        Object.assign(step, {
          Type: 'Callback',
          SqsQueueUrl: q
            ? ref(q.id)
            : (c.param('CallbackQueueUrl', { Type: 'String', Description: 'Queue callback steps send their token to' }),
              '${CallbackQueueUrl}'),
          Arguments: {},
          OutputParameters: [{ OutputName: 'decision', OutputType: 'String' }],
        });
        break;
      }
      case 'lambda':
        Object.assign(step, {
          Type: 'Lambda',
          FunctionArn:
            (c.param(`${pascal(n.id)}FunctionArn`, { Type: 'String', Description: `Function the ${n.id} step calls` }),
            `\${${pascal(n.id)}FunctionArn}`),
          Arguments: {},
        });
        break;
    }
    if (pp.caching && n.kind !== 'condition-step' && n.kind !== 'callback-step' && n.kind !== 'lambda')
      step.CacheConfig = { Enabled: true, ExpireAfter: 'P30D' };
    return step;
  };

  // The DAG: a step after a condition goes into the condition's IfSteps; every other predecessor is DependsOn.
  const defs = new Map(steps.map((s) => [s.id, def(s)]));
  for (const id of reports)
    defs.get(id)!.PropertyFiles = [
      { PropertyFileName: `${id}-report`, OutputName: 'output', FilePath: 'evaluation.json' },
    ];
  const nested = new Set<string>();
  for (const s of steps) {
    const preds = c.in(s.id).filter((p) => stepIds.has(p.id));
    const cond = preds.find((p) => p.kind === 'condition-step' && !isAncestor(p.id, s.id));
    if (cond) {
      ((defs.get(cond.id)!.Arguments as Record<string, unknown[]>).IfSteps as unknown[]).push(defs.get(s.id));
      nested.add(s.id);
      c.say(cond.id, s.id);
    }
    const others = preds.filter((p) => p !== cond);
    if (others.length) defs.get(s.id)!.DependsOn = others.map((p) => (c.say(p.id, s.id), p.id));
  }
  function isAncestor(a: string, b: string): boolean {
    // true when b already holds a (directly or deeper) in its branches: nesting a into b's branch would loop
    const seen = new Set<string>();
    const walk = (x: string): boolean => {
      if (x === a) return true;
      if (seen.has(x)) return false;
      seen.add(x);
      const d = defs.get(x);
      const branch =
        d?.Type === 'Condition' ? ((d.Arguments as Record<string, unknown[]>).IfSteps as { Name: string }[]) : [];
      return branch.some((y) => walk(y.Name));
    };
    return walk(b);
  }
  // Registration: a RegisterModel step after each step connected to a registry.
  for (const s of steps) {
    for (const reg of c.out(s.id, ['model-registry'])) {
      const register = {
        Name: `register-${s.id}-${reg.id}`.slice(0, 64),
        Type: 'RegisterModel',
        Arguments: {
          ModelPackageGroupName: ref(reg.id),
          ModelApprovalStatus: 'PendingManualApproval',
          InferenceSpecification: {
            Containers: [{ Image: '${InferenceImageUri}' }],
            SupportedContentTypes: ['text/csv'],
            SupportedResponseMIMETypes: ['text/csv'],
          },
        },
      };
      c.param('InferenceImageUri', { Type: 'String', Description: 'Inference image registered with model packages' });
      c.say(s.id, reg.id);
      if (s.kind === 'condition-step')
        ((defs.get(s.id)!.Arguments as Record<string, unknown[]>).IfSteps as unknown[]).push(register);
      else defs.set(register.Name, { ...register, DependsOn: [s.id] });
    }
  }
  const top = [...defs.entries()].filter(([id]) => !nested.has(id)).map(([, d]) => d);
  const body = JSON.stringify({ Version: '2020-12-01', Steps: top }, null, 2);
  // Step metadata: labels, props no definition field holds, and cost allocation tags.
  const stepMeta: Record<string, unknown> = {};
  for (const s of steps) {
    const props = c.extraProps(s);
    const tags = s.tags && Object.keys(s.tags).length ? { ...s.tags } : null;
    if (s.label || Object.keys(props).length || tags)
      stepMeta[s.id] = {
        ...(s.label ? { label: s.label } : {}),
        ...(Object.keys(props).length ? { props } : {}),
        ...(tags ? { tags } : {}),
      };
  }
  c.add(
    L(c, pipe),
    'AWS::SageMaker::Pipeline',
    {
      PipelineName: Sub(`\${AWS::StackName}-${pipe.id}`),
      RoleArn: c.param(ROLE_PARAM, {
        Type: 'String',
        Description: 'ARN of the IAM role SageMaker assumes for models, jobs and pipelines',
      }),
      PipelineDefinition: { PipelineDefinitionBody: Sub(body) },
    },
    pipe,
  );
  const meta = (c.resources[L(c, pipe)].Metadata as Record<string, Record<string, unknown>>).SageSim;
  if (Object.keys(stepMeta).length) meta.steps = stepMeta;
}
