import type { VariantValue } from '../../catalog/types';
import { type ExportContext, GetAtt, Sub } from './context';

/**
 * A shadow variant's sampling percentage has no EndpointConfig property: it is the shadow test's
 * (AWS::SageMaker::InferenceExperiment of Type ShadowMode, ShadowModeConfig.ShadowModelVariants[].SamplingPercentage:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sagemaker-inferenceexperiment.html,
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ShadowModelVariantConfig.html). Written only when a
 * shadow variant sets it; import reads it back onto that variant.
 */
export function shadowTest(
  c: ExportContext,
  nodeId: string,
  endpoint: string,
  model: string,
  variants: readonly VariantValue[],
  instance: { type: string; count: number },
  role: unknown,
): void {
  const prod = variants.find((v) => !v.shadow);
  const shadows = variants.filter((v) => v.shadow && v.samplingPercentage !== undefined);
  if (!prod || !shadows.length) return;
  const config = (v: VariantValue) => ({
    ModelName: GetAtt(model, 'ModelName'),
    VariantName: v.name,
    InfrastructureConfig: {
      InfrastructureType: 'RealTimeInference',
      RealTimeInferenceConfig: {
        InstanceType: v.instanceType ?? instance.type,
        InstanceCount: v.instanceCount ?? instance.count,
      },
    },
  });
  c.add(c.logicalId(nodeId, 'ShadowTest'), 'AWS::SageMaker::InferenceExperiment', {
    Name: Sub(`\${AWS::StackName}-${nodeId}-shadow-test`),
    Type: 'ShadowMode',
    RoleArn: role,
    EndpointName: GetAtt(endpoint, 'EndpointName'),
    ModelVariants: [prod, ...shadows].map(config),
    ShadowModeConfig: {
      SourceModelVariantName: prod.name,
      ShadowModelVariants: shadows.map((v) => ({
        ShadowModelVariantName: v.name,
        SamplingPercentage: v.samplingPercentage,
      })),
    },
  });
}
