/**
 * IAM in the small: whether a role's actions allow an action (with IAM's `*` and `?` wildcards,
 * case-insensitive as IAM compares action names), and which of its grants are wildcards.
 */
import { roleActions } from '../../../catalog/kinds';
import type { GNode } from '../../../model/graph';

const globCache = new Map<string, RegExp>();

/** Whether an IAM action pattern ("kms:*", "*", "s3:Get*") matches an action ("kms:Decrypt"). */
export function actionMatches(pattern: string, action: string): boolean {
  let re = globCache.get(pattern);
  if (!re) {
    re = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      'i',
    );
    globCache.set(pattern, re);
  }
  return re.test(action);
}

/** Whether a role (an iam-role node) allows an action. */
export const roleAllows = (role: GNode<'iam-role'>, action: string): boolean =>
  roleActions(role.props).some((p) => actionMatches(p, action));

const WILDCARD_ACTIONS = new Set(['*', 's3:*']);
const WILDCARD_RESOURCES = new Set(['*', 'arn:aws:s3:::*']);

/**
 * The wildcard grants of a role, as a phrase ('"s3:*" on "*"'), or null when it is least privilege.
 * Triggers: an action "*" or "s3:*", or a "*" S3 resource while the role allows some S3 action.
 * s3Resources defaults to ["*"], but a role with no actions grants nothing, so a fresh role node does
 * not trigger; a role triggers whether or not a job references it (the policy exists either way).
 */
export function wildcardGrant(role: GNode<'iam-role'>): string | null {
  const actions = roleActions(role.props);
  const resources = role.props.s3Resources;
  const wildActions = actions.filter((a) => WILDCARD_ACTIONS.has(a.toLowerCase()));
  const s3Actions = actions.filter((a) => a === '*' || /^s3:/i.test(a));
  const wildResources = s3Actions.length ? resources.filter((r) => WILDCARD_RESOURCES.has(r)) : [];
  if (!wildActions.length && !wildResources.length) return null;
  const shown = (wildActions.length ? wildActions : s3Actions).map((a) => `"${a}"`).join(', ');
  const on = resources.length ? resources.map((r) => `"${r}"`).join(', ') : 'no S3 resources';
  return `${shown} on ${on}`;
}
