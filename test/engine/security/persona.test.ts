/**
 * SageMaker Role Manager personas on an iam-role (issue 17): the persona's suggested permissions are granted besides
 * the role's own actions, in the engine (grants, wildcards, least privilege) and in the exported policy
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/role-manager.html).
 */
import { describe, expect, it } from 'vitest';
import { PERSONA_ACTIONS, roleActions } from '../../../src/catalog/kinds';
import { exportDesign } from '../../../src/cfn/export';
import { arch, edge, findings, node } from '../../harness';

const job = (role: Record<string, unknown>) =>
  arch(
    node('data', 's3-bucket'),
    node('role', 'iam-role', role),
    node('train', 'training-job', { role: 'role' }),
    node('out', 's3-bucket'),
    edge('data', 'train'),
    edge('train', 'out'),
  );

describe('Role Manager personas', () => {
  it("grant the persona's actions, then the role's own, without repeats", () => {
    expect(roleActions({ actions: ['kms:Decrypt', 's3:GetObject'], persona: 'compute-role' })).toEqual([
      ...PERSONA_ACTIONS['compute-role'],
      'kms:Decrypt',
    ]);
    expect(roleActions({ actions: ['s3:GetObject'] })).toEqual(['s3:GetObject']);
    expect(roleActions({ actions: [], persona: 'custom' })).toEqual([]);
  });

  it(
    "the Data Scientist persona's S3 full access is a wildcard grant; " + 'the compute persona on named buckets is not',
    () => {
      expect(findings(job({ persona: 'data-scientist', actions: [] })).map((f) => f.rule)).toContain('iam-wildcard');
      const scoped = job({
        persona: 'compute-role',
        actions: [],
        s3Resources: ['arn:aws:s3:::data/*', 'arn:aws:s3:::out/*'],
      });
      expect(findings(scoped).map((f) => f.rule)).not.toContain('iam-wildcard');
    },
  );

  it("exports the persona's actions in the role's policy and keeps the persona in Metadata", () => {
    const { template, metadataOnly } = exportDesign(job({ persona: 'mlops', actions: ['kms:Decrypt'] }));
    const role = Object.values(
      template.Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>,
    ).find((r) => r.Type === 'AWS::IAM::Role')!;
    const policies = role.Properties.Policies as { PolicyDocument: { Statement: { Action: string[] }[] } }[];
    const statements = policies[0].PolicyDocument.Statement;
    const granted = statements.flatMap((s) => s.Action);
    for (const a of [...PERSONA_ACTIONS.mlops, 'kms:Decrypt']) expect(granted).toContain(a);
    expect(metadataOnly).toEqual(
      expect.arrayContaining([
        { node: 'role', prop: 'persona' },
        { node: 'role', prop: 'actions' },
      ]),
    );
  });
});
