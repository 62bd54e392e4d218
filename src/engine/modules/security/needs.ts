/**
 * What a job's execution role must grant: the actions the run actually performs, on the resources it
 * touches (AWS: "CreateTrainingJob API: Execution Role Permissions" and "CreateProcessingJob API: Execution
 * Role Permissions", https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html; S3 SSE-KMS
 * needs kms:Decrypt to read and kms:GenerateDataKey to write, https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html).
 *
 * - Input buckets: s3:GetObject on `arn:aws:s3:::BUCKET/*` (s3:ListBucket is an allowed extra: listing the prefix).
 * - Output buckets (a training job's model artifact): s3:PutObject on `arn:aws:s3:::BUCKET/*`.
 * - SSE-KMS input: kms:Decrypt. KMS-encrypted output (OutputKmsKeyId, or an sse-kms output bucket):
 * kms:GenerateDataKey.
 * - An image from the team's own ECR repository: ecr:GetAuthorizationToken, ecr:BatchGetImage,
 * ecr:GetDownloadUrlForLayer.
 * A bucket's name is its node id or its label written as a bucket name (bucketNames). CloudWatch Logs and metrics
 * actions are allowed extras (the
 * documented role has them) but never required: without them the job runs and its logs are lost.
 */
import { isAnywhere, sgRules } from '../../../model/sg';
import { propsByName, roleActions } from '../../../catalog/kinds';
import type { Kind } from '../../../catalog/types';
import type { GNode, Graph } from '../../../model/graph';
import { actionMatches } from './iam';

/** When in a job's run a grant is used. */
export type NeedPhase = 'image-pull' | 'data-download' | 'output-upload';

/** One action a job performs, on one resource ("*" for actions without resource-level scoping here). */
export interface Need {
  action: string;
  resource: string;
  phase: NeedPhase;
  /** Other names the resource goes by (a bucket named by its label as well as its id). */
  aliases?: string[];
}

/** Kinds that assume an execution role (`role` prop). */
export const ROLE_KINDS: readonly Kind[] = ['training-job', 'processing-job'];

/** Actions any job's role may hold without using them in the run (logging and metrics, as AWS documents the role). */
export const AMBIENT_ACTIONS: readonly string[] = [
  'logs:CreateLogGroup',
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'logs:DescribeLogStreams',
  'cloudwatch:PutMetricData',
  'ecr:BatchCheckLayerAvailability',
  's3:ListBucket',
  // the documented role pulls images with these whether the image is the team's or SageMaker's
  'ecr:GetAuthorizationToken',
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
];

const ECR_PULL = ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];

/** The ARN of a bucket by name. */
export const bucketArn = (name: string) => `arn:aws:s3:::${name}`;

/**
 * The names a bucket node goes by: its id, and its label written as a bucket name ("Model artifacts" →
 * model-artifacts).
 */
export function bucketNames(b: GNode): string[] {
  const slug = (b.label ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug && slug !== b.id ? [b.id, slug] : [b.id];
}

const objects = (b: GNode): Pick<Need, 'resource' | 'aliases'> => {
  const [id, ...rest] = bucketNames(b);
  return { resource: `${bucketArn(id)}/*`, aliases: rest.map((x) => `${bucketArn(x)}/*`) };
};

/** Every action a job performs, with its resource and phase, in run order. */
export function jobNeeds(g: Graph, n: GNode): Need[] {
  if (!ROLE_KINDS.includes(n.kind)) return [];
  const out: Need[] = [];
  const repo = g.in(n.id, 'ecr-repository')[0];
  if (repo) {
    const arn = `arn:aws:ecr:us-east-1:123456789012:repository/${repo.id}`;
    for (const action of ECR_PULL)
      out.push({ action, resource: action === 'ecr:GetAuthorizationToken' ? '*' : arn, phase: 'image-pull' });
  }
  const inputs = g.in(n.id, 's3-bucket');
  for (const b of inputs) out.push({ action: 's3:GetObject', ...objects(b), phase: 'data-download' });
  if (inputs.some((b) => b.props.encryption === 'sse-kms'))
    out.push({ action: 'kms:Decrypt', resource: '*', phase: 'data-download' });
  const outputs = g.out(n.id, 's3-bucket');
  for (const b of outputs) out.push({ action: 's3:PutObject', ...objects(b), phase: 'output-upload' });
  if (outputs.length && (propsByName(n.props).OutputKmsKeyId || outputs.some((b) => b.props.encryption === 'sse-kms')))
    out.push({ action: 'kms:GenerateDataKey', resource: '*', phase: 'output-upload' });
  return out;
}

/** Whether a role grants an action on a resource (S3 actions are scoped by `s3Resources`; others apply to "*"). */
export function roleGrants(role: GNode, need: Pick<Need, 'action' | 'resource' | 'aliases'>): boolean {
  if (!roleActions(propsByName(role.props)).some((p) => actionMatches(p, need.action))) return false;
  if (!isS3(need.action)) return true;
  const names = [need.resource, ...(need.aliases ?? [])];
  return (propsByName(role.props).s3Resources as string[]).some((r) => names.some((x) => coversResource(r, x)));
}

/**
 * Whether a granted S3 resource covers a needed one. A need names a bucket's objects (`arn:aws:s3:::b/*`);
 * a grant on a prefix inside that bucket (`arn:aws:s3:::b/train/*`) covers it, since the job reads the
 * prefix it was given (the simulation does not model prefixes).
 */
export function coversResource(granted: string, needed: string): boolean {
  if (actionMatches(granted, needed)) return true;
  const bucket = needed.endsWith('/*') ? needed.slice(0, -1) : null;
  return bucket !== null && granted.startsWith(bucket);
}

const isS3 = (action: string) => /^s3:/i.test(action);

/** The needs of a job its role does not grant (empty when the job has no role: the default execution role). */
export function missingGrants(g: Graph, n: GNode, phase?: NeedPhase): Need[] {
  const role = g.ref(n, 'role');
  if (!role) return [];
  return jobNeeds(g, n).filter((x) => (!phase || x.phase === phase) && !roleGrants(role, x));
}

/** The AccessDenied message AWS gives for a missing grant (as the job's FailureReason). */
export function accessDeniedMessage(roleId: string, need: Need): string {
  const who = `arn:aws:sts::123456789012:assumed-role/${roleId}/SageMaker`;
  const why =
    `is not authorized to perform: ${need.action} on resource: ${need.resource} because no identity-based policy ` +
    `allows the ${need.action} action`;
  if (need.phase === 'image-pull') return `CannotStartContainerError: AccessDeniedException: User: ${who} ${why}`;
  if (need.phase === 'data-download')
    return `ClientError: Data download failed: AccessDenied (403): User: ${who} ${why}`;
  return `ClientError: Failed to upload model artifacts: AccessDenied (403): User: ${who} ${why}`;
}

/**
 * Least privilege (goal key `leastPrivilege`, format.md section 7): every role that a job assumes grants
 * exactly what its jobs use. Each problem is one sentence: a wildcard action or resource, a grant no job
 * uses, or a use the role does not grant. A role no job assumes is judged on its wildcards only. On the network side
 * (issue 17), a security group with an inbound rule from 0.0.0.0/0 (or ::/0) is a problem too.
 */
export function leastPrivilegeProblems(g: Graph): string[] {
  const out: string[] = [];
  for (const role of g.ofKind('iam-role')) {
    const actions = roleActions(propsByName(role.props));
    const resources = propsByName(role.props).s3Resources as string[];
    for (const a of actions)
      if (a.includes('*') || a.includes('?')) out.push(`role ${role.id} grants the wildcard action "${a}"`);
    const jobs = g.nodes.filter((n) => ROLE_KINDS.includes(n.kind) && g.ref(n, 'role')?.id === role.id);
    const s3 = actions.some((a) => isS3(a) || a === '*');
    for (const r of resources)
      if (s3 && /^(\*|arn:aws:s3:::\*)$/.test(r))
        out.push(`role ${role.id} grants S3 actions on every bucket ("${r}")`);
    if (!jobs.length) continue;
    const needs = jobs.flatMap((j) => jobNeeds(g, j).map((x) => ({ ...x, job: j.id })));
    for (const x of needs)
      if (!roleGrants(role, x))
        out.push(`role ${role.id} does not grant ${x.action} on ${x.resource}, which ${x.job} uses`);
    for (const a of actions) {
      if (a.includes('*') || a.includes('?')) continue;
      const used = needs.some((x) => actionMatches(a, x.action)) || AMBIENT_ACTIONS.some((x) => actionMatches(a, x));
      if (!used)
        out.push(`role ${role.id} grants ${a}, which none of its jobs (${jobs.map((j) => j.id).join(', ')}) uses`);
    }
    for (const r of resources) {
      if (/^(\*|arn:aws:s3:::\*)$/.test(r)) continue;
      if (!needs.some((x) => isS3(x.action) && [x.resource, ...(x.aliases ?? [])].some((y) => coversResource(r, y))))
        out.push(`role ${role.id} grants S3 access to ${r}, which none of its jobs uses`);
    }
  }
  // network least privilege: no security group lets the whole internet in
  for (const sg of g.ofKind('security-group'))
    for (const r of sgRules(sg.props as Record<string, unknown>).ingress)
      if (r.kind === 'cidr' && isAnywhere(r.peer))
        out.push(`security group ${sg.id} allows inbound "${r.text}": open to the whole internet`);
  return out;
}
