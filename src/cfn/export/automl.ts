import type { ArchNode } from '../../model/schema';
import { type ExportContext, Sub } from './context';
import { executionRole, L } from './resources';

/**
 * An Autopilot job as AWS::SageMaker::AutoMLJob (the CreateAutoMLJob shape: one training channel with its
 * TargetAttributeName, ProblemType, AutoMLJobObjective.MetricName, AutoMLJobConfig.Mode and CompletionCriteria
 * MaxCandidates / MaxAutoMLJobRuntimeInSeconds, OutputDataConfig, RoleArn):
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sagemaker-automljob.html,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-sagemaker-automljob-automljobconfig.html,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-sagemaker-automljob-automljobcompletioncriteria.html.
 * The input bucket is referenced by its S3 URI (the s3-bucket → autopilot-job connection). Registering the best
 * candidate in a model registry is an API call after the job completes (no property of the job says it): that
 * connection stays in the template's Metadata.
 */
export function exportAutoML(c: ExportContext, n: ArchNode): void {
  const p = c.props(n);
  const id = L(c, n);
  const bucket = c.in(n.id, ['s3-bucket'])[0];
  if (bucket) c.say(bucket.id, n.id);
  const criteria = {
    ...(p.maxCandidates !== null ? { MaxCandidates: p.maxCandidates } : {}),
    ...(p.maxRuntimeSec !== null ? { MaxAutoMLJobRuntimeInSeconds: p.maxRuntimeSec } : {}),
  };
  c.add(
    id,
    'AWS::SageMaker::AutoMLJob',
    {
      InputDataConfig: [
        {
          ChannelType: 'training',
          DataSource: {
            S3DataSource: {
              S3DataType: 'S3Prefix',
              S3Uri: bucket
                ? Sub(`s3://\${${L(c, bucket)}}/`)
                : c.param(`${id}DataUri`, { Type: 'String', Description: `Training data of ${n.label ?? n.id}` }),
            },
          },
          TargetAttributeName: p.targetColumn,
        },
      ],
      OutputDataConfig: {
        S3OutputPath: c.param(`${id}OutputPath`, {
          Type: 'String',
          Default: `s3://autopilot-output/${n.id}/`,
          Description: `Where ${n.label ?? n.id} writes its candidates, reports and best model`,
        }),
      },
      ...(p.problemType !== 'auto' ? { ProblemType: p.problemType } : {}),
      ...(p.objectiveMetric !== null ? { AutoMLJobObjective: { MetricName: p.objectiveMetric } } : {}),
      AutoMLJobConfig: {
        Mode: p.mode,
        ...(Object.keys(criteria).length ? { CompletionCriteria: criteria } : {}),
      },
      RoleArn: executionRole(c),
    },
    n,
  );
}
