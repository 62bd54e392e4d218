/**
 * CloudFormation export of a JumpStart model (issue 16): the endpoint's AWS::SageMaker::Model takes the model's
 * artifacts as its container's ModelDataSource with ModelAccessConfig.AcceptEula; the jumpstart-model node stays in the
 * template's Metadata (an Autopilot job is an AWS::SageMaker::AutoMLJob, test/cfn/automl.test.ts), and importing the
 * export gives the design back.
 */
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../src/cfn/export/index';
import { importTemplate } from '../../src/cfn/import';
import { templateToYaml } from '../../src/cfn/yaml-out';
import { arch, edge, node } from '../harness';

const doc = (acceptEula: boolean) =>
  arch(
    node('llm', 'jumpstart-model', {
      modelId: 'meta-textgeneration-llama-3-70b-instruct',
      parametersB: 70,
      acceptEula,
    }),
    node('ep', 'realtime-endpoint', { instanceType: 'ml.p4d.24xlarge' }),
    node('data', 's3-bucket', { rows: 48_000, task: 'binary-classification' }),
    node('auto', 'autopilot-job', { objectiveMetric: 'AUC', maxCandidates: 24 }),
    edge('llm', 'ep'),
    edge('data', 'auto'),
  );

interface S3Src {
  ModelAccessConfig: unknown;
  S3DataType: string;
  CompressionType: string;
}
type Res = Record<
  string,
  { Type: string; Properties: { PrimaryContainer: { ModelDataSource: { S3DataSource: S3Src } } } }
>;

describe('JumpStart and Autopilot in CloudFormation', () => {
  it.each([true, false])('the model container carries the JumpStart artifacts and AcceptEula %s', (accept) => {
    const t = exportDesign(doc(accept)).template as { Resources: Res; Parameters: Record<string, unknown> };
    const model = Object.values(t.Resources).find((r) => r.Type === 'AWS::SageMaker::Model')!;
    const src = model.Properties.PrimaryContainer.ModelDataSource.S3DataSource;
    expect(src.ModelAccessConfig).toEqual({ AcceptEula: accept });
    expect(src.S3DataType).toBe('S3Prefix');
    expect(src.CompressionType).toBe('None');
    expect(JSON.stringify(t.Parameters)).toContain('meta-textgeneration-llama-3-70b-instruct');
  });

  it('imports back to the same kinds, props and connections', () => {
    const d = doc(true);
    const yaml = templateToYaml(exportDesign(d).template);
    const back = importTemplate(yaml).doc;
    const kinds = (x: typeof d) => x.nodes.map((n) => `${n.id}:${n.kind}`).sort();
    expect(kinds(back)).toEqual(kinds(d));
    expect(back.nodes.find((n) => n.id === 'llm')!.props).toMatchObject({ parametersB: 70, acceptEula: true });
    expect(back.nodes.find((n) => n.id === 'auto')!.props).toMatchObject({ objectiveMetric: 'AUC', maxCandidates: 24 });
    const edges = (x: typeof d) => (x.edges ?? []).map((e) => `${e.from}>${e.to}`).sort();
    expect(edges(back)).toEqual(edges(d));
  });
});
