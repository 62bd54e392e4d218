import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTemplate } from '../../src/cfn/import';
import { CfnError, MissingParamsError } from '../../src/cfn/types';
import type { ArchDoc } from '../../src/model/schema';
import { loadJson } from '../../src/model/load';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/cfn/${name}`, import.meta.url), 'utf8');
const node = (doc: ArchDoc, id: string) => {
  const n = doc.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id} in ${doc.nodes.map((x) => x.id).join(', ')}`);
  return n;
};
const edges = (doc: ArchDoc) => (doc.edges ?? []).map((e) => `${e.from} -> ${e.to}`).sort();
function error(text: string, params?: Record<string, string>): CfnError {
  try {
    importTemplate(text, { params });
  } catch (e) {
    if (e instanceof CfnError) return e;
    throw e;
  }
  throw new Error('expected a CfnError');
}

describe('import: templates in the styles people write', () => {
  it('YAML with short tags: an A/B endpoint with mappings, conditions, a built ResourceId for autoscaling', () => {
    const { doc, notes } = importTemplate(fixture('realtime-short-tags.yaml'));
    expect(loadJson(doc).ok).toBe(true);
    const ep = node(doc, 'scoring-endpoint');
    expect(ep.kind).toBe('realtime-endpoint');
    expect(ep.props).toMatchObject({
      instanceType: 'ml.c5.xlarge',
      instanceCount: 2,
      variants: [
        { name: 'champion', weight: 0.9 },
        { name: 'challenger', weight: 0.1, instanceCount: 1 },
      ],
      dataCapture: true,
      KmsKeyId: 'model-key',
      autoscaling: {
        min: 2,
        max: 8,
        targetInvocationsPerInstance: 750,
        scaleInCooldownSec: 600,
        scaleOutCooldownSec: 60,
      },
    });
    expect(node(doc, 'artifact-bucket').props).toEqual({ encryption: 'sse-kms', kmsKey: 'model-key' });
    expect(node(doc, 'hosting-role').props?.actions).toContain('ecr:BatchGetImage');
    expect(edges(doc)).toEqual([
      'artifact-bucket -> scoring-endpoint',
      'image-repo -> scoring-endpoint',
      'scoring-endpoint -> error-alarm',
    ]);
    expect(notes).toEqual([]);
    expect(doc.nodes.every((n) => n.position)).toBe(true);
  });
  it('conditions decide resources and properties; a left-out resource is a note', () => {
    const { doc, notes } = importTemplate(fixture('realtime-short-tags.yaml'), {
      params: { Env: 'dev', CaptureData: 'false' },
    });
    const ep = node(doc, 'scoring-endpoint');
    expect(ep.props).toMatchObject({ instanceType: 'ml.m5.large', instanceCount: 1, dataCapture: false });
    expect(ep.props?.autoscaling).toBeUndefined();
    expect(notes.map((n) => `${n.resource}: ${n.message}`)).toEqual([
      'ScalingTarget: not created: condition IsProd is false',
      'ScalingPolicy: not created: condition IsProd is false',
    ]);
  });
  it('a parameter with no default that decides a condition must be given', () => {
    const e = error(fixture('conditions.yaml'));
    expect(e).toBeInstanceOf(MissingParamsError);
    expect(e.message).toMatch(/parameter Stage has no default and decides condition IsProduction/);
    expect([e.line, e.col]).toEqual([12, 3]);
    const prod = importTemplate(fixture('conditions.yaml'), { params: { Stage: 'production' } }).doc;
    expect(node(prod, 'endpoint').kind).toBe('realtime-endpoint');
    expect(node(prod, 'quality-schedule').props).toMatchObject({
      monitorType: 'data-quality',
      scheduleMinutes: 360,
      baseline: true,
    });
    expect(edges(prod)).toContain('endpoint -> quality-schedule');
    const staging = importTemplate(fixture('conditions.yaml'), { params: { Stage: 'staging' } }).doc;
    expect(node(staging, 'endpoint')).toMatchObject({
      kind: 'serverless-endpoint',
      props: { memoryMB: 2048, maxConcurrency: 5 },
    });
    expect(staging.nodes.map((n) => n.id)).toEqual(['endpoint']);
  });
  it('JSON as cdk synth emits it: construct paths name the nodes, Fn::Join ARNs, CDK metadata is a note', () => {
    const { doc, notes } = importTemplate(fixture('cdk-synth.json'));
    expect(node(doc, 'extract-endpoint')).toMatchObject({
      kind: 'async-endpoint',
      props: { instanceCount: 1, minCapacity: 0, maxCapacity: 5 },
    });
    expect(node(doc, 'classify-endpoint')).toMatchObject({
      kind: 'serverless-endpoint',
      props: { memoryMB: 4096, maxConcurrency: 10, provisionedConcurrency: 2 },
    });
    expect(node(doc, 'submit-fn-service-role').props?.actions).toContain('sagemaker:InvokeEndpointAsync');
    expect(node(doc, 'results-bucket').props).toMatchObject({ eventNotifications: true });
    expect(edges(doc)).toEqual([
      'doc-queue -> submit-fn',
      'extract-endpoint -> done-topic',
      'extract-endpoint -> failed-topic',
      'extract-endpoint -> results-bucket',
      'results-bucket -> extract-endpoint',
      'submit-fn -> extract-endpoint',
    ]);
    expect(notes.map((n) => n.type)).toEqual(['AWS::IAM::Role', 'AWS::CDK::Metadata']);
  });
  it('SAM: functions are Lambda, SQS and EventBridge events become connections, Globals apply', () => {
    const { doc, notes } = importTemplate(fixture('sam-function.yaml'));
    expect(doc.nodes.filter((n) => n.kind === 'lambda').map((n) => n.id)).toEqual([
      'deploy-function',
      'callback-function',
    ]);
    expect(edges(doc)).toEqual([
      'callback-function-nightly -> callback-function',
      'callback-queue -> callback-function',
      'deploy-function-approved -> deploy-function',
      'registry -> deploy-function-approved',
    ]);
    expect(notes.map((n) => n.message).join('\n')).toMatch(/SAM event Api \(Type Api\) is not simulated/);
    expect(notes.map((n) => n.message).join('\n')).toMatch(/VpcConfig names subnets outside this template/);
  });
  it(
    'a private VPC: public and private subnets from route tables, gateway and interface endpoints, the endpoint ' +
      'in its subnet',
    () => {
      const { doc, notes } = importTemplate(fixture('private-vpc-endpoints.yaml'));
      expect(node(doc, 'public-subnet').props).toEqual({ access: 'public' });
      expect(node(doc, 'private-subnet').props).toEqual({ access: 'private' });
      expect(node(doc, 's3-endpoint')).toMatchObject({ parent: 'vpc', props: { service: 's3' } });
      expect(node(doc, 'logs-endpoint')).toMatchObject({ parent: 'private-subnet', props: { service: 'logs' } });
      expect(node(doc, 'endpoint')).toMatchObject({ kind: 'realtime-endpoint', parent: 'private-subnet' });
      expect(doc.nodes.some((n) => n.kind === 'vpc-endpoint' && String(n.props?.service).startsWith('ecr'))).toBe(
        false,
      );
      // the security group (issue 17): its HTTPS rule on the VPC's CidrBlock reads as SageSim's VPC range
      expect(node(doc, 'endpoint-sg')).toMatchObject({
        kind: 'security-group',
        parent: 'vpc',
        props: { ingress: ['tcp 443 from 10.0.0.0/16'] },
      });
      expect(node(doc, 'logs-endpoint').props).toMatchObject({ securityGroup: 'endpoint-sg' });
      expect(node(doc, 'endpoint').props).toMatchObject({ securityGroup: 'endpoint-sg' });
      expect(notes).toEqual([]);
      const vpc = node(doc, 'vpc');
      expect(vpc.size?.width).toBeGreaterThan(0);
    },
  );
  it('a pipeline definition: steps, DependsOn and property references, a condition with nested If/Else steps', () => {
    const { doc, notes } = importTemplate(fixture('pipeline.yaml'));
    const steps = doc.nodes.filter((n) => n.parent === 'training-pipeline').map((n) => `${n.id}:${n.kind}`);
    expect(steps).toEqual([
      'prepare:processing-job',
      'train:training-job',
      'evaluate:processing-job',
      'check-auc:condition-step',
      'check-recall:condition-step',
      'human-review:callback-step',
    ]);
    expect(node(doc, 'train').props).toMatchObject({
      algorithm: 'xgboost',
      inputMode: 'Pipe',
      instanceType: 'ml.m5.2xlarge',
      volumeGB: 50,
      role: 'pipeline-role',
    });
    expect(node(doc, 'check-recall').props).toEqual({ metric: 'f1', op: '>=', threshold: 0.6 });
    expect(edges(doc)).toEqual([
      'check-auc -> check-recall',
      'check-recall -> human-review',
      'check-recall -> registry',
      'data-bucket -> new-data-rule',
      'data-bucket -> prepare',
      'evaluate -> check-auc',
      'human-review -> review-queue',
      'new-data-rule -> training-pipeline',
      'prepare -> data-bucket',
      'prepare -> train',
      'train -> artifact-bucket',
      'train -> evaluate',
    ]);
    const text = notes.map((n) => n.message).join('\n');
    expect(text).toMatch(/step HumanReview is in the ElseSteps of CheckRecall/);
    expect(text).toMatch(/step Stop \(Type Fail\) has no SageSim kind/);
  });
});

describe('import: pipeline parameters', () => {
  it(
    '{"Get": "Parameters.X"} in a step (as the SageMaker Python SDK writes instance types) takes X\'s ' +
      'DefaultValue',
    () => {
      const body = {
        Version: '2020-12-01',
        Parameters: [
          { Name: 'ProcessingInstanceType', Type: 'String', DefaultValue: 'ml.m5.2xlarge' },
          { Name: 'TrainingInstanceType', Type: 'String', DefaultValue: 'ml.c5.4xlarge' },
          { Name: 'TrainingInstanceCount', Type: 'Integer', DefaultValue: 2 },
          { Name: 'AucThreshold', Type: 'Float', DefaultValue: 0.8 },
          { Name: 'InputMode', Type: 'String' },
        ],
        Steps: [
          {
            Name: 'Prep',
            Type: 'Processing',
            Arguments: {
              AppSpecification: { ImageUri: 'sklearn' },
              ProcessingResources: {
                ClusterConfig: { InstanceType: { Get: 'Parameters.ProcessingInstanceType' }, InstanceCount: 1 },
              },
            },
          },
          {
            Name: 'Train',
            Type: 'Training',
            Arguments: {
              AlgorithmSpecification: {
                TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
                TrainingInputMode: { Get: 'Parameters.InputMode' },
              },
              ResourceConfig: {
                InstanceType: { Get: 'Parameters.TrainingInstanceType' },
                InstanceCount: { Get: 'Parameters.TrainingInstanceCount' },
                VolumeSizeInGB: 30,
              },
              InputDataConfig: [
                {
                  DataSource: {
                    S3DataSource: {
                      S3Uri: { Get: "Steps.Prep.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri" },
                    },
                  },
                },
              ],
            },
          },
          {
            Name: 'Gate',
            Type: 'Condition',
            Arguments: {
              Conditions: [
                {
                  Type: 'GreaterThanOrEqualTo',
                  LeftValue: { Get: "Steps.Train.FinalMetricDataList['validation:auc'].Value" },
                  RightValue: { Get: 'Parameters.AucThreshold' },
                },
              ],
              IfSteps: [],
              ElseSteps: [],
            },
          },
        ],
      };
      const { doc } = importTemplate(
        `Resources:\n  Pipe:\n    Type: AWS::SageMaker::Pipeline\n    Properties:\n      PipelineName: p\n      ` +
          `RoleArn: arn:aws:iam::111122223333:role/x\n      PipelineDefinition:\n        PipelineDefinitionBody: ` +
          `'${JSON.stringify(body).replace(/'/g, "''")}'\n`,
      );
      expect(loadJson(doc).ok).toBe(true);
      expect(node(doc, 'prep').props).toMatchObject({ instanceType: 'ml.m5.2xlarge' });
      // a parameter with no default has no value offline: the step keeps SageSim's default
      expect(node(doc, 'train').props).toMatchObject({ instanceType: 'ml.c5.4xlarge', instanceCount: 2 });
      expect(node(doc, 'train').props?.inputMode).toBeUndefined();
      expect(node(doc, 'gate').props).toMatchObject({ metric: 'auc', op: '>=', threshold: 0.8 });
      expect(edges(doc)).toEqual(['prep -> train', 'train -> gate']);
    },
  );
});

describe('import: Feature Store and the model registry', () => {
  it(
    'a feature group (online store with its key, offline store) and a ' + 'model package group with a pending version',
    () => {
      const { doc, notes } = importTemplate(`
Parameters:
  Project: { Type: String }
Resources:
  FeatureKey:
    Type: AWS::KMS::Key
    Properties: { KeyPolicy: { Version: '2012-10-17', Statement: [] } }
  CustomerFeatures:
    Type: AWS::SageMaker::FeatureGroup
    Properties:
      FeatureGroupName: !Sub \${Project}-customers
      RecordIdentifierFeatureName: customer_id
      EventTimeFeatureName: event_time
      FeatureDefinitions:
        - { FeatureName: customer_id, FeatureType: String }
        - { FeatureName: event_time, FeatureType: Fractional }
      OnlineStoreConfig:
        EnableOnlineStore: true
        SecurityConfig: { KmsKeyId: !GetAtt FeatureKey.Arn }
      OfflineStoreConfig:
        S3StorageConfig: { S3Uri: !Sub 's3://\${Project}-offline/features' }
      RoleArn: !Sub arn:aws:iam::\${AWS::AccountId}:role/fs
  Models:
    Type: AWS::SageMaker::ModelPackageGroup
    Properties: { ModelPackageGroupName: churn-models }
  FirstVersion:
    Type: AWS::SageMaker::ModelPackage
    Properties:
      ModelPackageGroupName: churn-models
      ModelApprovalStatus: PendingManualApproval
`);
      expect(node(doc, 'customer-features')).toMatchObject({
        kind: 'feature-store',
        props: { online: true, offline: true, OnlineStoreKmsKeyId: 'feature-key', eventTimeFeature: 'event_time' },
      });
      expect(node(doc, 'models')).toMatchObject({
        kind: 'model-registry',
        props: { approval: 'PendingManualApproval' },
      });
      expect(doc.nodes).toHaveLength(3); // the ModelPackage belongs to its group's node
      expect(notes).toEqual([]);
    },
  );
});

describe('import: bad templates get a message with the location', () => {
  it('YAML errors give line and column', () => {
    const e = error('Resources:\n  A:\n    Type: [AWS::SNS::Topic\n  B: x\n');
    expect(e.message).toMatch(/^not valid YAML or JSON/);
    expect(e.line).toBeGreaterThan(0);
    expect(error('{ "Resources": { "A": ').message).toMatch(/not valid YAML or JSON/);
  });
  it('not CloudFormation: no Resources, a SageSim document, a list', () => {
    expect(error('AWSTemplateFormatVersion: "2010-09-09"\n').message).toMatch(/no "Resources" section/);
    expect(error('{"format": "sagesim/architecture@1", "nodes": []}').message).toMatch(/this is a SageSim document/);
    expect(error('- a\n- b\n').message).toMatch(/not a CloudFormation template/);
    expect(error('Resources:\n  A: { Properties: {} }\n').message).toMatch(/resource A needs a Type/);
  });
  it('an unknown tag or function names it and where it is', () => {
    const t = error('Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Frob x\n');
    expect(t.message).toBe('unknown intrinsic function tag !Frob');
    expect([t.line, t.col]).toEqual([5, 18]);
    const f = error(
      'Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: { "Fn::Frob": x }\n',
    );
    expect(f.message).toBe('unknown intrinsic function Fn::Frob');
    expect(f.where).toMatch(/^Resources\.A\.Properties\.TopicName\.Fn::Frob \(line 5/);
  });
  it('circular references name the cycle and the line', () => {
    const e = error(
      'Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties: { X: !Ref B }\n  B:\n    Type: ' +
        'AWS::SNS::Topic\n    Properties: { X: !Ref A }\n',
    );
    expect(e.message).toMatch(/circular reference between resources: A → B → A/);
    expect(e.line).toBe(2);
  });
});

describe('import: Feature Store online TTL (OnlineStoreConfig.TtlDuration)', () => {
  const template = (ttl: string) => `Resources:
  Features:
    Type: AWS::SageMaker::FeatureGroup
    Properties:
      FeatureGroupName: customer-features
      RecordIdentifierFeatureName: customer_id
      EventTimeFeatureName: event_time
      FeatureDefinitions:
        - { FeatureName: customer_id, FeatureType: String }
        - { FeatureName: event_time, FeatureType: String }
      OnlineStoreConfig:
        EnableOnlineStore: true
        TtlDuration: ${ttl}
`;
  const ttlOf = (ttl: string) => {
    const { doc, notes } = importTemplate(template(ttl));
    const fs = doc.nodes.find((n) => n.kind === 'feature-store')!;
    return { hours: fs.props?.ttlHours, notes: notes.map((n) => n.message).join('\n') };
  };

  it('reads each unit as whole hours', () => {
    expect(ttlOf('{ Unit: Days, Value: 2 }').hours).toBe(48);
    expect(ttlOf('{ Unit: Weeks, Value: 1 }').hours).toBe(168);
    expect(ttlOf('{ Unit: Hours, Value: 6 }')).toEqual({ hours: 6, notes: '' });
  });

  it('rounds a duration under or between hours up, with a note; a bad unit is no TTL with a warning', () => {
    const m = ttlOf('{ Unit: Minutes, Value: 90 }');
    expect(m.hours).toBe(2);
    expect(m.notes).toMatch(/TtlDuration 90 Minutes is rounded up to 2 h/);
    const bad = ttlOf('{ Unit: Months, Value: 1 }');
    expect(bad.hours).toBeNull();
    expect(bad.notes).toMatch(/needs a Unit \(Seconds, Minutes, Hours, Days or Weeks\)/);
  });
});

describe('import: streaming ingestion (Kinesis data stream, Firehose, Lambda event source)', () => {
  const template =
    `Resources:
  Clicks:
    Type: AWS::Kinesis::Stream
    Properties: { ShardCount: 3 }
  Lake:
    Type: ` +
    `AWS::S3::Bucket
  Hose:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      ` +
    `DeliveryStreamType: KinesisStreamAsSource
      KinesisStreamSourceConfiguration: { KinesisStreamARN: ` +
    `!GetAtt Clicks.Arn, RoleARN: arn:aws:iam::123456789012:role/fh }
      ExtendedS3DestinationConfiguration:
 ` +
    `       BucketARN: !GetAtt Lake.Arn
        RoleARN: arn:aws:iam::123456789012:role/fh
        ` +
    `BufferingHints: { IntervalInSeconds: 60, SizeInMBs: 64 }
  Features:
    Type: ` +
    `AWS::SageMaker::FeatureGroup
    Properties:
      FeatureGroupName: clicks
      ` +
    `RecordIdentifierFeatureName: user_id
      EventTimeFeatureName: event_time
      FeatureDefinitions: [{ ` +
    `FeatureName: user_id, FeatureType: String }, { FeatureName: event_time, FeatureType: String }]
      ` +
    `OnlineStoreConfig: { EnableOnlineStore: true }
  Writer:
    Type: AWS::Lambda::Function
    Properties:
   ` +
    `   Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/fn
      ` +
    `Code: { ZipFile: "def handler(e, c): pass" }
      Environment: { Variables: { FEATURE_GROUP: !Ref Features ` +
    `} }
  WriterSource:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt ` +
    `Clicks.Arn, FunctionName: !Ref Writer, StartingPosition: LATEST }
`;

  it('stream → Lambda → feature group and stream → Firehose → bucket, with shards and buffering hints', () => {
    const { doc } = importTemplate(template);
    expect(loadJson(doc).ok).toBe(true);
    const kinds = Object.fromEntries(doc.nodes.map((n) => [n.kind, n]));
    expect(kinds['kinesis-stream'].props).toMatchObject({ shards: 3 });
    expect(kinds.firehose.props).toMatchObject({ bufferIntervalSec: 60, bufferSizeMB: 64 });
    const id = (k: string) => kinds[k].id;
    expect(edges(doc)).toEqual(
      [
        `${id('kinesis-stream')} -> ${id('firehose')}`,
        `${id('firehose')} -> ${id('s3-bucket')}`,
        `${id('kinesis-stream')} -> ${id('lambda')}`,
        `${id('lambda')} -> ${id('feature-store')}`,
      ].sort(),
    );
  });

  it('an on-demand stream is imported as provisioned, with a warning', () => {
    const { doc, notes } = importTemplate(
      'Resources:\n  S:\n    Type: AWS::Kinesis::Stream\n    Properties: { StreamModeDetails: { StreamMode: ' +
        'ON_DEMAND } }\n',
    );
    expect(doc.nodes[0].props).toMatchObject({ shards: 1 });
    expect(notes.map((n) => n.message).join('\n')).toMatch(/on-demand capacity mode is not simulated/);
  });
});

describe('import: CI/CD (CodePipeline V2 with CodeBuild actions)', () => {
  const template =
    `Resources:
  Model:
    Type: AWS::SageMaker::Model
    Properties: { ExecutionRoleArn: ` +
    `arn:aws:iam::123456789012:role/sm, PrimaryContainer: { Image: ` +
    `123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1 } }
  StagingConfig:
    Type: ` +
    `AWS::SageMaker::EndpointConfig
    Properties: { ProductionVariants: [{ VariantName: AllTraffic, ModelName: ` +
    `!GetAtt Model.ModelName, InitialInstanceCount: 1, InstanceType: ml.m5.large }] }
  Staging:
    Type: ` +
    `AWS::SageMaker::Endpoint
    Properties: { EndpointConfigName: !GetAtt StagingConfig.EndpointConfigName }
  ` +
    `Prod:
    Type: AWS::SageMaker::Endpoint
    Properties: { EndpointConfigName: !GetAtt ` +
    `StagingConfig.EndpointConfigName }
  Tests:
    Type: AWS::CodeBuild::Project
    Properties:
      ` +
    `ServiceRole: arn:aws:iam::123456789012:role/cb
      TimeoutInMinutes: 90
      Source: { Type: ` +
    `CODEPIPELINE, BuildSpec: "version: 0.2\\nphases:\\n  build:\\n    commands:\\n      - pytest tests/unit\\n  ` +
    `    - pytest tests/integration\\n" }
      Artifacts: { Type: CODEPIPELINE }
      Environment: { ` +
    `ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0, Type: LINUX_CONTAINER }
  Release:
   ` +
    ` Type: AWS::CodePipeline::Pipeline
    Properties:
      PipelineType: V2
      RoleArn: ` +
    `arn:aws:iam::123456789012:role/cp
      ArtifactStore: { Type: S3, Location: artifacts }
      Triggers:
   ` +
    `     - ProviderType: CodeStarSourceConnection
          GitConfiguration: { SourceActionName: Src, Push: [{ ` +
    `Branches: { Includes: [main, release/*] } }] }
      Stages:
        - Name: Src
          Actions: [{ ` +
    `Name: Src, ActionTypeId: { Category: Source, Owner: AWS, Provider: CodeStarSourceConnection, Version: "1" ` +
    `}, Configuration: { BranchName: main }, OutputArtifacts: [{ Name: Out }] }]
        - Name: Build
          ` +
    `Actions: [{ Name: Build, ActionTypeId: { Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1" }, ` +
    `Configuration: { ProjectName: !Ref Tests }, InputArtifacts: [{ Name: Out }] }]
        - Name: ` +
    `DeployStaging
          Actions: [{ Name: Deploy, ActionTypeId: { Category: Build, Owner: AWS, Provider: ` +
    `CodeBuild, Version: "1" }, Configuration: { ProjectName: !Ref Tests, EnvironmentVariables: !Sub ` +
    `'[{"name":"EP","value":"\${Staging.EndpointName}"}]' } }]
        - Name: Approve
          Actions: [{ ` +
    `Name: Approve, ActionTypeId: { Category: Approval, Owner: AWS, Provider: Manual, Version: "1" } }]
        ` +
    `- Name: DeployProd
          Actions: [{ Name: Deploy, ActionTypeId: { Category: Build, Owner: AWS, ` +
    `Provider: CodeBuild, Version: "1" }, Configuration: { ProjectName: !Ref Tests, EnvironmentVariables: !Sub ` +
    `'[{"name":"EP","value":"\${Prod.EndpointName}"}]' } }]
`;

  it('trigger branches, suites from the buildspec, the build timeout, the staging endpoint and the approval', () => {
    const { doc } = importTemplate(template);
    expect(loadJson(doc).ok).toBe(true);
    expect(node(doc, 'release')).toMatchObject({
      kind: 'codepipeline',
      props: {
        branches: ['main', 'release/*'],
        tests: ['unit', 'integration'],
        buildTimeoutMinutes: 90,
        stagingEndpoint: 'staging',
        manualApproval: true,
      },
    });
    expect(edges(doc)).toEqual(expect.arrayContaining(['release -> staging', 'release -> prod']));
    // the CodeBuild project is part of the pipeline node, not a note of its own
    expect(doc.nodes.filter((n) => n.kind === 'codepipeline')).toHaveLength(1);
  });

  it('no push filter: the source action branch is the trigger', () => {
    const t = template.replace(/ {6}Triggers:\n.*\n.*\n/, '');
    expect(node(importTemplate(t).doc, 'release').props?.branches).toEqual(['main']);
  });
});

describe('import: file systems a training job mounts (FSx for Lustre, EFS)', () => {
  const body = {
    Version: '2020-12-01',
    Steps: [
      {
        Name: 'Train',
        Type: 'Training',
        Arguments: {
          AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' },
          InputDataConfig: [
            {
              ChannelName: 'train',
              DataSource: {
                FileSystemDataSource: {
                  FileSystemId: '${Fsx}',
                  FileSystemType: 'FSxLustre',
                  DirectoryPath: '/fsx/photos',
                  FileSystemAccessMode: 'ro',
                },
              },
            },
          ],
          VpcConfig: { Subnets: ['${Sub}'], SecurityGroupIds: ['sg-1'] },
        },
      },
    ],
  };
  const template = `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Sub:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 }
  Photos:
    Type: AWS::S3::Bucket
  Fsx:
    Type: AWS::FSx::FileSystem
    Properties:
      FileSystemType: LUSTRE
      StorageCapacity: 2400
      SubnetIds: [!Ref Sub]
      LustreConfiguration: { DeploymentType: SCRATCH_2, ImportPath: !Sub 's3://\${Photos}' }
  Share:
    Type: AWS::EFS::FileSystem
    Properties: { ThroughputMode: elastic }
  ShareMount:
    Type: AWS::EFS::MountTarget
    Properties: { FileSystemId: !Ref Share, SubnetId: !Ref Sub, SecurityGroups: [sg-1] }
  Windows:
    Type: AWS::FSx::FileSystem
    Properties: { FileSystemType: WINDOWS, StorageCapacity: 32, SubnetIds: [!Ref Sub] }
  Pipe:
    Type: AWS::SageMaker::Pipeline
    Properties:
      PipelineName: p
      RoleArn: arn:aws:iam::111122223333:role/x
      PipelineDefinition:
        PipelineDefinitionBody: !Sub '${JSON.stringify(body).replace(/'/g, "''")}'
`;

  it('FSx for Lustre and EFS in their subnet, the bucket behind ImportPath, the FileSystemDataSource channel', () => {
    const { doc, notes } = importTemplate(template);
    expect(loadJson(doc).ok).toBe(true);
    expect(node(doc, 'fsx')).toMatchObject({
      kind: 'file-system',
      parent: 'sub',
      props: { fsType: 'fsx-lustre', deploymentType: 'SCRATCH_2', storageGiB: 2400 },
    });
    expect(node(doc, 'share')).toMatchObject({
      kind: 'file-system',
      parent: 'sub',
      props: { fsType: 'efs', throughputMode: 'elastic' },
    });
    expect(edges(doc)).toEqual(expect.arrayContaining(['photos -> fsx', 'fsx -> train']));
    expect(notes.map((n) => n.message).join('\n')).toMatch(/FileSystemType WINDOWS: only FSx for Lustre is simulated/);
    expect(doc.nodes.some((n) => n.id === 'windows')).toBe(false);
  });

  it('an EFS file system with no mount target in the template is not shown, with a warning', () => {
    const { doc, notes } = importTemplate('Resources:\n  Share:\n    Type: AWS::EFS::FileSystem\n');
    expect(doc.nodes).toEqual([]);
    expect(notes.map((n) => n.message).join('\n')).toMatch(/no AWS::EFS::MountTarget puts it in a subnet/);
  });
});
