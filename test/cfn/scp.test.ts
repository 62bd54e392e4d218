import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../src/cfn/export/index';
import { importTemplate } from '../../src/cfn/import';
import { parseTemplate } from '../../src/cfn/parse';
import { templateToYaml } from '../../src/cfn/yaml-out';
import { loadJson } from '../../src/model/load';
import type { ArchDoc } from '../../src/model/schema';

/**
 * A service control policy is an AWS Organizations policy (AWS::Organizations::Policy, Type SERVICE_CONTROL_POLICY):
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-organizations-policy.html.
 * One Deny statement per condition key the organization requires ("Null": {"sagemaker:VolumeKmsKey": "true"}).
 */
const puzzle = (p: string): ArchDoc => {
  const r = loadJson(JSON.parse(readFileSync(new URL(`../../scenarios/puzzles/${p}`, import.meta.url), 'utf8')));
  if (!r.ok) throw new Error(p);
  return r.doc;
};
type Res = { Type: string; Properties: Record<string, unknown> };

describe('service control policies in CloudFormation', () => {
  it('export: an Organizations policy with one Deny per required condition key', () => {
    const t = parseTemplate(templateToYaml(exportDesign(puzzle('d4/16-incident-audit-week.json')).template))
      .template as { Resources: Record<string, Res> };
    const scps = Object.values(t.Resources).filter((r) => r.Type === 'AWS::Organizations::Policy');
    expect(scps).toHaveLength(1);
    expect(scps[0].Properties.Type).toBe('SERVICE_CONTROL_POLICY');
    expect(scps[0].Properties.Content).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'RequireVolumeKmsKey',
          Effect: 'Deny',
          Action: ['sagemaker:Create*'],
          Resource: '*',
          Condition: { Null: { 'sagemaker:VolumeKmsKey': 'true' } },
        },
        {
          Sid: 'RequireVpcSubnets',
          Effect: 'Deny',
          Action: ['sagemaker:Create*'],
          Resource: '*',
          Condition: { Null: { 'sagemaker:VpcSubnets': 'true' } },
        },
      ],
    });
  });

  it('import: a policy written by hand (Content as a JSON string, one action as a string) becomes an scp', () => {
    const { doc, notes } = importTemplate(`
Resources:
  MlGuardrail:
    Type: AWS::Organizations::Policy
    Properties:
      Name: ml-guardrail
      Type: SERVICE_CONTROL_POLICY
      TargetIds: [ou-abcd-12345678]
      Content: >-
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Deny", "Action": "sagemaker:CreateTrainingJob", "Resource": "*",
           "Condition": {"Null": {"sagemaker:VpcSubnets": "true"}}},
          {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}]}
  TagPolicy:
    Type: AWS::Organizations::Policy
    Properties:
      Name: tags
      Type: TAG_POLICY
      Content: {tags: {}}
`);
    expect(doc.nodes).toEqual([
      expect.objectContaining({
        id: 'ml-guardrail',
        kind: 'scp',
        props: { actions: ['sagemaker:CreateTrainingJob'], requireVolumeKmsKey: false, requireVpcSubnets: true },
      }),
    ]);
    expect(notes.map((n) => `${n.resource}: ${n.message}`)).toEqual([
      'MlGuardrail: a Deny statement with no sagemaker:VolumeKmsKey or sagemaker:VpcSubnets condition ' +
        '(s3:DeleteBucket) is not simulated',
      'TagPolicy: a TAG_POLICY policy is not simulated: SageSim models service control policies only',
    ]);
  });
});
