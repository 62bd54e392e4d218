/**
 * Which VPC endpoints a design needs (goal key `noUnneededEndpoints`, format.md section 7): an endpoint
 * is needed when some node in its VPC sends that service's traffic from a subnet. Adding every endpoint
 * type is not the answer a reviewer accepts: interface endpoints are billed by the hour each.
 *
 * What a node in a subnet uses (the same model as the gates, see ./blockers):
 * - a job or endpoint that runs a container: ecr.api and ecr.dkr (image pull), s3 (data, model artifacts
 *   and image layers), logs (CloudWatch Logs); kms when it uses a KMS key (a key prop, or an sse-kms bucket);
 * - a lambda or pipeline that calls SageMaker: sagemaker.api; a lambda that invokes an endpoint: sagemaker.runtime.
 */
import { COMPUTE_KINDS, ENDPOINT_KINDS, propsByName } from '../../../catalog/kinds';
import type { Kind } from '../../../catalog/types';
import type { GNode, Graph } from '../../../model/graph';
import { callsSageMaker } from './blockers';
import type { Service } from './reach';

const KEY_PROPS = ['VolumeKmsKeyId', 'OutputKmsKeyId', 'KmsKeyId'];

/** The services a node sends traffic to when it sits in a subnet (empty outside one). */
export function servicesUsed(g: Graph, n: GNode): Service[] {
  if (!g.subnetOf(n.id)) return [];
  const out = new Set<Service>();
  if ((COMPUTE_KINDS as readonly Kind[]).includes(n.kind) && n.kind !== 'tuning-job') {
    if (n.kind !== 'data-wrangler') {
      out.add('ecr.api');
      out.add('ecr.dkr');
    }
    out.add('s3');
    out.add('logs');
    const keyed = KEY_PROPS.some((k) => !!propsByName(n.props)[k]);
    const kmsBucket = [...g.in(n.id, 's3-bucket'), ...g.out(n.id, 's3-bucket')].some(
      (b) => b.props.encryption === 'sse-kms',
    );
    if (keyed || kmsBucket) out.add('kms');
  }
  if (callsSageMaker(g, n)) out.add('sagemaker.api');
  if (n.kind === 'lambda' && g.out(n.id, ...ENDPOINT_KINDS).length) out.add('sagemaker.runtime');
  return [...out];
}

/** One sentence per VPC endpoint that nothing in its VPC needs, or that repeats one already there. */
export function unneededEndpoints(g: Graph): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const ep of g.ofKind('vpc-endpoint')) {
    const vpc = g.vpcOf(ep.id);
    const service = String(ep.props.service) as Service;
    const key = `${vpc?.id}\u0000${service}`;
    if (seen.has(key)) {
      out.push(`vpc-endpoint ${ep.id} repeats the ${service} endpoint already in ${vpc?.id ?? 'its VPC'}`);
      continue;
    }
    seen.add(key);
    const users = g.nodes.filter((n) => g.vpcOf(n.id)?.id === vpc?.id && servicesUsed(g, n).includes(service));
    if (!users.length)
      out.push(`vpc-endpoint ${ep.id} (${service}) is not needed: nothing in ${vpc?.id ?? 'its VPC'} calls ${service}`);
  }
  return out;
}
