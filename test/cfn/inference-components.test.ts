/**
 * CloudFormation and inference components (issue 17): a real-time endpoint with `inferenceComponents` exports as an
 * AWS::SageMaker::InferenceComponent on an endpoint config whose variant has ManagedInstanceScaling and no model, its
 * autoscaling as a scalable target on the component's DesiredCopyCount, `scaleOutFromZero` as the step-scaling policy
 * on a NoCapacityInvocationFailures alarm; ConcurrentRequestsPerModel as the high-resolution predefined metrics.
 * Importing gives the same props, from the resources alone too (Metadata stripped); a template written by hand as
 * AWS's procedure does it (literal names) imports the same way.
 */
import { describe, expect, it } from 'vitest';
import { defaultProps } from '../../src/catalog/kinds';
import { exportDesign } from '../../src/cfn/export/index';
import { importTemplate } from '../../src/cfn/import';
import { parseTemplate } from '../../src/cfn/parse';
import { templateToYaml } from '../../src/cfn/yaml-out';
import type { ArchDoc } from '../../src/model/schema';
import { arch, edge, node } from '../harness';

type Res = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };
const resources = (doc: ArchDoc) => (exportDesign(doc).template as { Resources: Record<string, Res> }).Resources;
const ofType = (rs: Record<string, Res>, type: string) => Object.values(rs).filter((r) => r.Type === type);

/** Export → YAML → import; `strip` drops every resource's Metadata.SageSim.props first. */
function roundTrip(doc: ArchDoc, strip = false): ArchDoc {
  let yaml = templateToYaml(exportDesign(doc).template);
  if (strip) {
    const t = parseTemplate(yaml).template as { Resources: Record<string, { Metadata?: { SageSim?: object } }> };
    for (const r of Object.values(t.Resources)) if (r.Metadata?.SageSim) delete (r.Metadata.SageSim as never)['props'];
    yaml = templateToYaml(t);
  }
  return importTemplate(yaml).doc;
}
const propsOf = (d: ArchDoc, id: string) => {
  const n = d.nodes.find((x) => x.id === id)!;
  return { ...defaultProps(n.kind), ...n.props };
};

const scaleToZero = arch(
  node('app', 'client'),
  node('ep', 'realtime-endpoint', {
    instanceType: 'ml.g5.xlarge',
    inferenceComponents: true,
    scaleOutFromZero: true,
    autoscaling: { min: 0, max: 3, targetInvocationsPerInstance: 300, scaleInCooldownSec: 600 },
  }),
  edge('app', 'ep'),
);

describe('CloudFormation: inference components', () => {
  it('exports the component, the variant without a model, copies scaling and the wake-up from zero', () => {
    const rs = resources(scaleToZero);
    const cfg = ofType(rs, 'AWS::SageMaker::EndpointConfig')[0].Properties;
    const [variant] = cfg.ProductionVariants as Record<string, unknown>[];
    expect(variant.ModelName).toBeUndefined();
    expect(variant.ManagedInstanceScaling).toEqual({ Status: 'ENABLED', MinInstanceCount: 0, MaxInstanceCount: 3 });
    expect(cfg.ExecutionRoleArn).toEqual({ Ref: 'SageMakerExecutionRoleArn' });
    const [ic] = ofType(rs, 'AWS::SageMaker::InferenceComponent');
    expect(ic.Properties).toMatchObject({
      EndpointName: { 'Fn::GetAtt': ['Ep', 'EndpointName'] },
      VariantName: 'primary',
      Specification: {
        ModelName: { 'Fn::GetAtt': ['EpModel', 'ModelName'] },
        ComputeResourceRequirements: { NumberOfAcceleratorDevicesRequired: 1 },
      },
      RuntimeConfig: { CopyCount: 1 },
    });
    const [target] = ofType(rs, 'AWS::ApplicationAutoScaling::ScalableTarget');
    expect(target.Properties).toMatchObject({
      ScalableDimension: 'sagemaker:inference-component:DesiredCopyCount',
      ResourceId: { 'Fn::Sub': 'inference-component/${AWS::StackName}-ep' },
      MinCapacity: 0,
      MaxCapacity: 3,
    });
    expect(target.DependsOn).toEqual(['EpComponent']);
    const policies = ofType(rs, 'AWS::ApplicationAutoScaling::ScalingPolicy').map((p) => p.Properties);
    expect(policies.map((p) => p.PolicyType).sort()).toEqual(['StepScaling', 'TargetTrackingScaling']);
    expect(policies.find((p) => p.PolicyType === 'TargetTrackingScaling')).toMatchObject({
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 300,
        ScaleInCooldown: 600,
        PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerInferenceComponentInvocationsPerCopy' },
      },
    });
    const [alarm] = ofType(rs, 'AWS::CloudWatch::Alarm');
    expect(alarm.Properties).toMatchObject({
      MetricName: 'NoCapacityInvocationFailures',
      Namespace: 'AWS/SageMaker',
      Dimensions: [{ Name: 'InferenceComponentName', Value: { 'Fn::Sub': '${AWS::StackName}-ep' } }],
      AlarmActions: [{ Ref: 'EpScaleOutFromZeroPolicy' }],
    });
    expect(exportDesign(scaleToZero).metadataOnly).toEqual([]);
  });

  it('imports back the same props, from the resources alone too, and no alarm node', () => {
    for (const strip of [false, true]) {
      const back = roundTrip(scaleToZero, strip);
      expect(back.nodes.map((n) => n.kind).sort()).toEqual(['client', 'realtime-endpoint']);
      expect(propsOf(back, 'ep')).toEqual(propsOf(scaleToZero, 'ep'));
    }
  });

  it('tracks ConcurrentRequestsPerModel per copy, or per model without components', () => {
    for (const components of [true, false]) {
      const doc = arch(
        node('ep', 'realtime-endpoint', {
          inferenceComponents: components,
          scalingMetric: 'ConcurrentRequestsPerModel',
          targetConcurrency: 2,
          autoscaling: { min: 1, max: 4, targetInvocationsPerInstance: 500 },
        }),
      );
      const policy = ofType(resources(doc), 'AWS::ApplicationAutoScaling::ScalingPolicy')[0].Properties;
      expect(policy.TargetTrackingScalingPolicyConfiguration).toEqual({
        TargetValue: 2,
        PredefinedMetricSpecification: {
          PredefinedMetricType: components
            ? 'SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution'
            : 'SageMakerVariantConcurrentRequestsPerModelHighResolution',
        },
      });
      // the invocations target has no property while concurrency is tracked: only Metadata keeps it
      expect(exportDesign(doc).metadataOnly).toEqual([{ node: 'ep', prop: 'autoscaling' }]);
      expect(propsOf(roundTrip(doc), 'ep')).toEqual(propsOf(doc, 'ep'));
      const bare = propsOf(roundTrip(doc, true), 'ep');
      expect(bare).toMatchObject({
        inferenceComponents: components,
        scalingMetric: 'ConcurrentRequestsPerModel',
        targetConcurrency: 2,
        autoscaling: { min: 1, max: 4 },
      });
    }
  });

  it('keeps in Metadata what no resource holds: scaling out from zero without components', () => {
    const doc = arch(
      node('ep', 'realtime-endpoint', {
        scaleOutFromZero: true,
        autoscaling: { min: 1, max: 2, targetInvocationsPerInstance: 100 },
      }),
    );
    expect(ofType(resources(doc), 'AWS::CloudWatch::Alarm')).toEqual([]);
    expect(exportDesign(doc).metadataOnly).toEqual([{ node: 'ep', prop: 'scaleOutFromZero' }]);
    expect(propsOf(roundTrip(doc), 'ep')).toEqual(propsOf(doc, 'ep'));
  });

  it("imports a hand-written template (literal names, AWS's procedure) and notes a component with no endpoint", () => {
    const yaml = `
Resources:
  Model:
    Type: AWS::SageMaker::Model
    Properties:
      ExecutionRoleArn: arn:aws:iam::111122223333:role/sm
      PrimaryContainer: { Image: 111122223333.dkr.ecr.us-east-1.amazonaws.com/llm:latest }
  Config:
    Type: AWS::SageMaker::EndpointConfig
    Properties:
      ExecutionRoleArn: arn:aws:iam::111122223333:role/sm
      ProductionVariants:
        - VariantName: AllTraffic
          InstanceType: ml.g5.2xlarge
          InitialInstanceCount: 1
          ManagedInstanceScaling: { Status: ENABLED, MinInstanceCount: 0, MaxInstanceCount: 4 }
  Endpoint:
    Type: AWS::SageMaker::Endpoint
    Properties:
      EndpointName: llm-endpoint
      EndpointConfigName: !GetAtt Config.EndpointConfigName
  Component:
    Type: AWS::SageMaker::InferenceComponent
    Properties:
      InferenceComponentName: llm-ic
      EndpointName: llm-endpoint
      VariantName: AllTraffic
      Specification:
        ModelName: !GetAtt Model.ModelName
        ComputeResourceRequirements: { MinMemoryRequiredInMb: 1024, NumberOfAcceleratorDevicesRequired: 1 }
      RuntimeConfig: { CopyCount: 1 }
  Orphan:
    Type: AWS::SageMaker::InferenceComponent
    Properties:
      EndpointName: some-other-endpoint
      Specification: { ModelName: other }
  Target:
    Type: AWS::ApplicationAutoScaling::ScalableTarget
    Properties:
      ServiceNamespace: sagemaker
      ResourceId: inference-component/llm-ic
      ScalableDimension: sagemaker:inference-component:DesiredCopyCount
      MinCapacity: 0
      MaxCapacity: 4
  Tracking:
    Type: AWS::ApplicationAutoScaling::ScalingPolicy
    Properties:
      PolicyName: track
      PolicyType: TargetTrackingScaling
      ScalingTargetId: !Ref Target
      TargetTrackingScalingPolicyConfiguration:
        TargetValue: 1
        PredefinedMetricSpecification: { PredefinedMetricType: SageMakerInferenceComponentInvocationsPerCopy }
  Wake:
    Type: AWS::ApplicationAutoScaling::ScalingPolicy
    Properties:
      PolicyName: wake
      PolicyType: StepScaling
      ScalingTargetId: !Ref Target
      StepScalingPolicyConfiguration:
        AdjustmentType: ChangeInCapacity
        StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }]
  WakeAlarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      Namespace: AWS/SageMaker
      MetricName: NoCapacityInvocationFailures
      Dimensions: [{ Name: InferenceComponentName, Value: llm-ic }]
      Statistic: Sum
      Period: 60
      EvaluationPeriods: 1
      Threshold: 1
      ComparisonOperator: GreaterThanThreshold
      AlarmActions: [!Ref Wake]
`;
    const { doc, notes } = importTemplate(yaml);
    expect(doc.nodes.map((n) => n.kind)).toEqual(['realtime-endpoint']);
    expect(doc.nodes[0].props).toMatchObject({
      instanceType: 'ml.g5.2xlarge',
      inferenceComponents: true,
      scaleOutFromZero: true,
      autoscaling: { min: 0, max: 4, targetInvocationsPerInstance: 1 },
    });
    expect(notes.map((n) => n.resource)).toEqual(['Orphan']);
    expect(notes[0].message).toMatch(/no endpoint in the template hosts it/);
  });
});
