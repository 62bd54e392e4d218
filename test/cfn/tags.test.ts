/**
 * Cost allocation tags through CloudFormation (issue 17): a node's tags become the `Tags` of its main resource where
 * the
 * resource type takes them (e.g. AWS::SageMaker::Endpoint, https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-endpoint.html),
 * else they travel in Metadata.SageSim; importing a template reads them back (a foreign template's `Name` tag labels
 * the node and is not a cost tag).
 */
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../src/cfn/export/index';
import { importTemplate } from '../../src/cfn/import';
import { templateToYaml } from '../../src/cfn/yaml-out';
import type { ArchDoc } from '../../src/model/schema';
import { arch, edge, node } from '../harness';

const tagged = (): ArchDoc => {
  const doc = arch(
    node('c', 'client'),
    node('ep', 'realtime-endpoint'),
    node('train', 'training-job'),
    edge('c', 'ep'),
  );
  const tags: Record<string, Record<string, string>> = {
    ep: { team: 'fraud', env: 'prod' },
    train: { team: 'fraud' },
  };
  return { ...doc, nodes: doc.nodes.map((n) => (tags[n.id] ? { ...n, tags: tags[n.id] } : n)) };
};
type Template = {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }>;
  Metadata?: { SageSim?: { nodes?: { id: string; tags?: Record<string, string> }[] } };
};

describe('cost allocation tags in CloudFormation', () => {
  it('export writes Tags on the endpoint and keeps a job’s tags in the design metadata', () => {
    const t = exportDesign(tagged()).template as Template;
    const ep = Object.values(t.Resources).find((r) => r.Type === 'AWS::SageMaker::Endpoint')!;
    expect(ep.Properties!.Tags).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'fraud' },
    ]);
    // the endpoint's configuration and model carry no copy: one resource per node holds its tags
    const others = Object.values(t.Resources).filter(
      (r) => r.Type !== 'AWS::SageMaker::Endpoint' && r.Properties?.Tags,
    );
    expect(others).toEqual([]);
    expect(t.Metadata!.SageSim!.nodes!.find((n) => n.id === 'train')!.tags).toEqual({ team: 'fraud' });
  });

  it('import reads them back from Tags and from Metadata', () => {
    const back = importTemplate(templateToYaml(exportDesign(tagged()).template)).doc;
    expect(back.nodes.find((n) => n.id === 'ep')!.tags).toEqual({ env: 'prod', team: 'fraud' });
    expect(back.nodes.find((n) => n.id === 'train')!.tags).toEqual({ team: 'fraud' });
    expect(back.nodes.find((n) => n.id === 'c')!.tags).toBeUndefined();
  });

  it("a foreign template's Tags become cost tags, except Name (the label) and aws: keys", () => {
    const yaml = `
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
        - { Key: Name, Value: Raw data }
        - { Key: cost-center, Value: "4711" }
        - { Key: "aws:cloudformation:stack-name", Value: demo }
`;
    const doc = importTemplate(yaml).doc;
    const bucket = doc.nodes.find((n) => n.kind === 's3-bucket')!;
    expect(bucket.label).toBe('Raw data');
    expect(bucket.tags).toEqual({ 'cost-center': '4711' });
  });
});
