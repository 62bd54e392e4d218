/**
 * CloudFormation and Autopilot (issue 16): an autopilot-job is an AWS::SageMaker::AutoMLJob (the CloudFormation
 * template reference documents it: InputDataConfig with TargetAttributeName, ProblemType, AutoMLJobObjective,
 * AutoMLJobConfig.Mode and CompletionCriteria, OutputDataConfig, RoleArn). Export writes it, import reads it (a
 * template as written by hand, or an export), and the connection to the registry, an API call after the job, stays in
 * the template's Metadata so the design comes back whole.
 */
import { describe, expect, it } from 'vitest';
import { defaultProps } from '../../src/catalog/kinds';
import { exportDesign } from '../../src/cfn/export/index';
import { importTemplate } from '../../src/cfn/import';
import { templateToYaml } from '../../src/cfn/yaml-out';
import { arch, edge, node } from '../harness';

const design = (job: Record<string, unknown> = {}) =>
  arch(
    node('data', 's3-bucket', { datasetGB: 2, task: 'binary-classification', rows: 48_000 }),
    node('auto', 'autopilot-job', {
      targetColumn: 'churned',
      problemType: 'BinaryClassification',
      objectiveMetric: 'AUC',
      mode: 'ENSEMBLING',
      maxCandidates: 8,
      maxRuntimeSec: 7200,
      ...job,
    }),
    node('registry', 'model-registry', { approval: 'PendingManualApproval' }),
    node('ep', 'realtime-endpoint'),
    edge('data', 'auto'),
    edge('auto', 'registry'),
    edge('registry', 'ep'),
  );

type Template = {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown>; Metadata?: unknown }>;
  Metadata?: { SageSim: { nodes?: { id: string }[]; connections?: { from: string; to: string }[] } };
};

describe('Autopilot jobs in CloudFormation', () => {
  it('export writes an AWS::SageMaker::AutoMLJob reading the bucket it is wired to', () => {
    const t = exportDesign(design()).template as Template;
    const [job] = Object.values(t.Resources).filter((r) => r.Type === 'AWS::SageMaker::AutoMLJob');
    const bucket = Object.entries(t.Resources).find(([, r]) => r.Type === 'AWS::S3::Bucket')![0];
    expect(job.Properties).toMatchObject({
      InputDataConfig: [
        {
          ChannelType: 'training',
          DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: { 'Fn::Sub': `s3://\${${bucket}}/` } } },
          TargetAttributeName: 'churned',
        },
      ],
      ProblemType: 'BinaryClassification',
      AutoMLJobObjective: { MetricName: 'AUC' },
      AutoMLJobConfig: {
        Mode: 'ENSEMBLING',
        CompletionCriteria: { MaxCandidates: 8, MaxAutoMLJobRuntimeInSeconds: 7200 },
      },
      RoleArn: { Ref: 'SageMakerExecutionRoleArn' },
    });
    expect(job.Properties.OutputDataConfig).toEqual({ S3OutputPath: { Ref: 'AutoOutputPath' } });
    // the job is a resource now, not a Metadata node; registering its best candidate is not a property of it
    expect((t.Metadata?.SageSim.nodes ?? []).map((n) => n.id)).not.toContain('auto');
    expect(t.Metadata?.SageSim.connections).toContainEqual({ from: 'auto', to: 'registry' });
  });

  it('defaults stay unwritten: no ProblemType for auto, no objective, no completion criteria', () => {
    const t = exportDesign(
      design({ problemType: 'auto', objectiveMetric: null, mode: 'AUTO', maxCandidates: null, maxRuntimeSec: null }),
    ).template as Template;
    const job = Object.values(t.Resources).find((r) => r.Type === 'AWS::SageMaker::AutoMLJob')!;
    expect(job.Properties.ProblemType).toBeUndefined();
    expect(job.Properties.AutoMLJobObjective).toBeUndefined();
    expect(job.Properties.AutoMLJobConfig).toEqual({ Mode: 'AUTO' });
  });

  it.each([
    ['set', {}],
    [
      'defaults',
      { problemType: 'auto', objectiveMetric: null, mode: 'AUTO', maxCandidates: null, maxRuntimeSec: null },
    ],
  ])('imports its export back to the same kinds, props and connections (%s)', (_, job) => {
    const d = design(job);
    const back = importTemplate(templateToYaml(exportDesign(d).template)).doc;
    const kinds = (x: typeof d) => x.nodes.map((n) => `${n.id}:${n.kind}`).sort();
    expect(kinds(back)).toEqual(kinds(d));
    const props = (x: typeof d) => ({
      ...defaultProps('autopilot-job'),
      ...x.nodes.find((n) => n.id === 'auto')!.props,
    });
    expect(props(back)).toEqual(props(d));
    const edges = (x: typeof d) => (x.edges ?? []).map((e) => `${e.from}>${e.to}`).sort();
    expect(edges(back)).toEqual(edges(d));
  });

  it('a hand-written template: the job, the bucket it reads, and what SageSim does not simulate as a note', () => {
    const yaml = `
Resources:
  TrainingData:
    Type: AWS::S3::Bucket
  ChurnAutoML:
    Type: AWS::SageMaker::AutoMLJob
    Properties:
      InputDataConfig:
        - ChannelType: training
          TargetAttributeName: churned
          DataSource:
            S3DataSource:
              S3DataType: S3Prefix
              S3Uri: !Sub s3://\${TrainingData}/train/
        - ChannelType: validation
          TargetAttributeName: churned
          DataSource:
            S3DataSource:
              S3DataType: S3Prefix
              S3Uri: !Sub s3://\${TrainingData}/validation/
      OutputDataConfig:
        S3OutputPath: !Sub s3://\${TrainingData}/output/
      ProblemType: MulticlassClassification
      AutoMLJobObjective:
        MetricName: F1macro
      AutoMLJobConfig:
        Mode: HYPERPARAMETER_TUNING
        CompletionCriteria:
          MaxCandidates: 1000
          MaxAutoMLJobRuntimeInSeconds: 36000
      RoleArn: arn:aws:iam::123456789012:role/AutoML
`;
    const { doc, notes } = importTemplate(yaml);
    const job = doc.nodes.find((n) => n.kind === 'autopilot-job')!;
    expect(job.id).toBe('churn-auto-ml');
    // MaxCandidates over 750 is not one AWS accepts: the default stays
    expect(job.props).toEqual({
      targetColumn: 'churned',
      problemType: 'MulticlassClassification',
      objectiveMetric: 'F1macro',
      mode: 'HYPERPARAMETER_TUNING',
      maxRuntimeSec: 36000,
    });
    // the bucket feeds the job; the output path into the same bucket is no connection SageSim has
    expect(doc.edges).toEqual([{ from: 'training-data', to: 'churn-auto-ml' }]);
    expect(notes.find((n) => n.resource === 'ChurnAutoML')?.message).toMatch(/^a validation channel: not simulated/);
  });
});
