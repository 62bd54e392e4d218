import { defaultProps, propsByName } from '../../catalog/kinds';
import type { ArchNode } from '../../model/schema';
import { type ExportContext, Sub } from './context';

/**
 * A service control policy → AWS::Organizations::Policy of Type SERVICE_CONTROL_POLICY
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-organizations-policy.html):
 * one Deny statement per condition key the scp requires, each over its `actions`, so that a request lacking either
 * key is denied (statements are alternatives; the conditions of one statement would all have to hold).
 */
export const SCP_KEYS = [
  { prop: 'requireVolumeKmsKey', key: 'sagemaker:VolumeKmsKey', sid: 'RequireVolumeKmsKey' },
  { prop: 'requireVpcSubnets', key: 'sagemaker:VpcSubnets', sid: 'RequireVpcSubnets' },
] as const;

/** An scp that requires no key denies nothing: it has no statement to write, so it has no resource. */
export const scpHasResource = (n: ArchNode): boolean => {
  const p: Record<string, unknown> = { ...propsByName(defaultProps('scp')), ...(n.props ?? {}) };
  return SCP_KEYS.some((k) => p[k.prop] === true);
};

export function exportScp(c: ExportContext, n: ArchNode, id: string): void {
  const p = c.props(n) as { actions: string[]; requireVolumeKmsKey: boolean; requireVpcSubnets: boolean };
  const statements = SCP_KEYS.filter((k) => p[k.prop]).map((k) => ({
    Sid: k.sid,
    Effect: 'Deny',
    Action: p.actions,
    Resource: '*',
    Condition: { Null: { [k.key]: 'true' } },
  }));
  c.add(
    id,
    'AWS::Organizations::Policy',
    {
      Name: Sub(`\${AWS::StackName}-${n.id}`),
      Type: 'SERVICE_CONTROL_POLICY',
      Description: n.label ?? `SageMaker guardrail ${n.id}`,
      Content: { Version: '2012-10-17', Statement: statements },
      TargetIds: c.param('ScpTargetIds', {
        Type: 'CommaDelimitedList',
        Description: 'Ids of the root, organizational units or accounts the service control policies attach to',
      }),
    },
    n,
  );
}
