/**
 * Service control policies (issue 17): an `scp` node is an AWS Organizations policy on the whole account. Its Deny
 * statement covers some SageMaker create actions and refuses a request that lacks a condition key the organization
 * requires: `"Null": {"sagemaker:VolumeKmsKey": "true"}` (no VolumeKmsKeyId) or `"Null": {"sagemaker:VpcSubnets":
 * "true"}` (no VpcConfig: the job is in no subnet). Condition keys: Service Authorization Reference, SageMaker
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html).
 */
import { propsByName } from '../../../catalog/kinds';
import type { Kind } from '../../../catalog/types';
import type { GNode, Graph } from '../../../model/graph';
import type { Blocker } from '../../types';

/** The create action and the ARN resource type of each kind an SCP can deny. */
export const SCP_ACTIONS: Partial<Record<Kind, { action: string; resourceType: string }>> = {
  'training-job': { action: 'sagemaker:CreateTrainingJob', resourceType: 'training-job' },
  'processing-job': { action: 'sagemaker:CreateProcessingJob', resourceType: 'processing-job' },
  'batch-transform': { action: 'sagemaker:CreateTransformJob', resourceType: 'transform-job' },
};

/** IAM action matching as policies do: `*` in a pattern matches any run of characters, case-insensitively. */
const matches = (pattern: string, action: string): boolean =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i').test(action);

/** The condition key an SCP requires that the node's create request lacks, or null when it has them all. */
function missingKey(g: Graph, scp: GNode<'scp'>, n: GNode): string | null {
  if (scp.props.requireVolumeKmsKey && !propsByName(n.props).VolumeKmsKeyId) return 'sagemaker:VolumeKmsKey';
  if (scp.props.requireVpcSubnets && !g.subnetOf(n.id)) return 'sagemaker:VpcSubnets';
  return null;
}

/**
 * scp-denied: the first SCP (in document order) whose Deny covers the node's create action and whose condition the
 * request meets (a required key is missing). Null for kinds no SCP governs here and for compliant requests.
 */
export function scpDenied(g: Graph, n: GNode): Blocker | null {
  const target = SCP_ACTIONS[n.kind];
  if (!target) return null;
  for (const scp of g.ofKind('scp')) {
    if (!scp.props.actions.some((a) => matches(a, target.action))) continue;
    const conditionKey = missingKey(g, scp, n);
    if (conditionKey)
      return {
        rule: 'scp-denied',
        vars: { action: target.action, resourceType: target.resourceType, scp: scp.id, conditionKey },
      };
  }
  return null;
}
