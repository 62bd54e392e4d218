/**
 * AWS::CloudWatch::Dashboard ↔ cloudwatch-dashboard (issue 17): each widget is a metric widget whose metrics name the
 * wired endpoints by EndpointName (dimensions EndpointName, VariantName); import reads the DashboardBody back
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html).
 */
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../src/cfn/export/index';
import { importTemplate } from '../../src/cfn/import';
import { templateToYaml } from '../../src/cfn/yaml-out';
import { arch, edge, node } from '../harness';

const WIDGETS = ['AWS/SageMaker ModelLatency p99', '/aws/sagemaker/Endpoints CPUUtilization Average'];

describe('CloudFormation: CloudWatch dashboards', () => {
  it('exports one metric widget per widget, a line per endpoint by its EndpointName', () => {
    const doc = arch(
      node('ep', 'realtime-endpoint'),
      node('ops', 'cloudwatch-dashboard', { widgets: WIDGETS, periodSec: 300 }),
      edge('ep', 'ops'),
    );
    const res = exportDesign(doc).template.Resources as Record<
      string,
      { Type: string; Properties: Record<string, unknown> }
    >;
    const dash = Object.values(res).find((r) => r.Type === 'AWS::CloudWatch::Dashboard')!;
    const body = JSON.parse((dash.Properties.DashboardBody as { 'Fn::Sub': string })['Fn::Sub']) as {
      widgets: { type: string; properties: { stat: string; period: number; metrics: string[][] } }[];
    };
    expect(body.widgets.map((w) => [w.type, w.properties.stat, w.properties.period])).toEqual([
      ['metric', 'p99', 300],
      ['metric', 'Average', 300],
    ]);
    expect(body.widgets[1].properties.metrics[0].slice(0, 3)).toEqual([
      '/aws/sagemaker/Endpoints',
      'CPUUtilization',
      'EndpointName',
    ]);
    expect(body.widgets[0].properties.metrics[0][3]).toMatch(/^\$\{\w+\.EndpointName\}$/);
  });

  it("imports a hand-written dashboard: its widgets, the endpoint it names, and a note on what it can't draw", () => {
    const body = {
      widgets: [
        {
          type: 'metric',
          properties: {
            stat: 'p99',
            period: 60,
            metrics: [
              ['AWS/SageMaker', 'ModelLatency', 'EndpointName', '${Ep.EndpointName}', 'VariantName', 'AllTraffic'],
              ['AWS/SageMaker', 'ModelSetupTime', 'EndpointName', '${Ep.EndpointName}', 'VariantName', 'AllTraffic'],
            ],
          },
        },
        { type: 'text', properties: { markdown: '# On call' } },
      ],
    };
    const t = {
      Resources: {
        Model: { Type: 'AWS::SageMaker::Model', Properties: { ExecutionRoleArn: 'arn:aws:iam::1:role/x' } },
        Config: {
          Type: 'AWS::SageMaker::EndpointConfig',
          Properties: {
            ProductionVariants: [
              {
                ModelName: { 'Fn::GetAtt': ['Model', 'ModelName'] },
                VariantName: 'AllTraffic',
                InstanceType: 'ml.m5.large',
                InitialInstanceCount: 1,
              },
            ],
          },
        },
        Ep: {
          Type: 'AWS::SageMaker::Endpoint',
          Properties: { EndpointConfigName: { 'Fn::GetAtt': ['Config', 'EndpointConfigName'] } },
        },
        Ops: { Type: 'AWS::CloudWatch::Dashboard', Properties: { DashboardBody: { 'Fn::Sub': JSON.stringify(body) } } },
      },
    };
    const { doc, notes } = importTemplate(templateToYaml(t));
    const dash = doc.nodes.find((n) => n.kind === 'cloudwatch-dashboard')!;
    expect(dash.props).toMatchObject({ widgets: ['AWS/SageMaker ModelLatency p99'], periodSec: 60 });
    const ep = doc.nodes.find((n) => n.kind === 'realtime-endpoint')!;
    expect(doc.edges).toContainEqual({ from: ep.id, to: dash.id });
    expect(notes.map((n) => n.message).join('\n')).toContain('AWS/SageMaker ModelSetupTime p99');
  });
});
