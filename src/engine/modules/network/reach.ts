/**
 * Reachability: what a node can reach over the network, and why (the path) or why not (the missing
 * piece). Pure: reads only the resolved Graph, needs no Simulation, so the worker answers the UI's
 * "why can't it reach?" panel with it on the document being edited (`networkReportOf` in engine/readouts.ts).
 *
 * The model (format.md sections 1–2, rules.md D4):
 * - A node with no subnet (no `subnet` ancestor; a pipeline step runs where its pipeline sits) uses the
 *   AWS-managed network: it reaches every AWS service and the internet.
 * - A VPC endpoint of a service, anywhere in the node's VPC (its parent is the vpc or one of its
 *   subnets), carries that service's traffic from every subnet of the VPC (private DNS / the gateway
 *   route), so it is the route whenever it exists, whatever the subnet's access.
 * - Otherwise a `public` subnet reaches AWS services and the internet through the internet gateway,
 *   a `private-with-nat` subnet through its NAT gateway, and a `private` subnet reaches nothing.
 */
import { NET_SERVICES, type NetService } from '../../../catalog/types';
import { type GNode, type Graph, isOf } from '../../../model/graph';
import { groupOf, httpsBlocked } from './sg';

/** The services a node may need (the catalog's list); all but `internet` have a VPC endpoint of that name. */
export const SERVICES = NET_SERVICES;
export type Service = NetService;

/** Names a learner reads in a path. */
export const SERVICE_NAMES: Readonly<Record<Service, string>> = {
  s3: 'Amazon S3',
  'ecr.api': 'Amazon ECR API',
  'ecr.dkr': 'Amazon ECR registry',
  'sagemaker.api': 'SageMaker API',
  'sagemaker.runtime': 'SageMaker Runtime',
  logs: 'CloudWatch Logs',
  monitoring: 'CloudWatch metrics',
  sts: 'AWS STS',
  kms: 'AWS KMS',
  internet: 'the internet',
};

/** Hops of a path that are not nodes on the canvas. */
export const HOPS = { managed: 'AWS-managed network', igw: 'internet gateway', nat: 'NAT gateway' } as const;

export type Via = 'aws-managed' | 'public-subnet' | 'nat' | 'vpc-endpoint';

export interface Reach {
  ok: boolean;
  /** The route the traffic takes; null when there is none. */
  via: Via | null;
  /**
   * Hops from the node outwards, as a learner reads them: node ids (the node, the containers it sits
   * in, the subnet, the vpc-endpoint or vpc) and names of things that are not nodes (HOPS, SERVICE_NAMES).
   * A failed path stops where the traffic stops.
   */
  path: string[];
  /** What would fix it, e.g. "an ecr.dkr interface endpoint in vpc-1"; null when it is reachable. */
  missing: string | null;
  /** Set when an interface endpoint is there but a security group drops the HTTPS call (endpoint-sg-blocks-https). */
  sg?: { endpoint: string; group: string; why: string };
}

/**
 * "an s3 gateway endpoint" / "a logs interface endpoint" (S3 is the gateway kind; the article follows how the name is
 * said).
 */
export const endpointName = (s: Service): string =>
  `${/^(s3|ecr|sts)/.test(s) ? 'an' : 'a'} ${s} ${s === 's3' ? 'gateway' : 'interface'} endpoint`;

/**
 * The missing pieces for several services of one VPC in one phrase: "ecr.api and ecr.dkr interface endpoints in vpc".
 */
export function missingEndpoints(services: readonly Service[], vpc: string | null): string {
  const where = vpc ? ` in ${vpc}` : ' in its VPC';
  if (services.length === 1) return services[0] === 'internet' ? NO_INTERNET : `${endpointName(services[0])}${where}`;
  const names = services.map((s) => s);
  const kinds = new Set(services.map((s) => (s === 's3' ? 'gateway' : 'interface')));
  const list = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return kinds.size === 1 ? `${list} ${[...kinds][0]} endpoints${where}` : `${list} endpoints${where}`;
}

const NO_INTERNET = 'a route to the internet: a NAT gateway (subnet access "private-with-nat") or a public subnet';

/** The subnet a node runs in (a subnet is in itself); null = AWS-managed network. */
export function subnetFor(g: Graph, nodeId: string): GNode<'subnet'> | null {
  const n = g.byId.get(nodeId);
  if (!n) return null;
  return isOf(n, 'subnet') ? n : g.subnetOf(nodeId);
}

/** The first vpc-endpoint (document order) of a service in a VPC, or null. */
export function vpcEndpoint(g: Graph, vpc: string | null, service: Service): GNode | null {
  if (!vpc || service === 'internet') return null;
  const m = g.derive('vpc-endpoints by vpc and service', (graph) => {
    const byKey = new Map<string, GNode>();
    for (const e of graph.ofKind('vpc-endpoint')) {
      const v = graph.vpcOf(e.id);
      const key = `${v?.id}\u0000${e.props.service}`;
      if (v && !byKey.has(key)) byKey.set(key, e);
    }
    return byKey;
  });
  return m.get(`${vpc}\u0000${service}`) ?? null;
}

/** The node and the containers between it and its subnet (a step's pipeline), then the subnet. */
function innerPath(g: Graph, nodeId: string, subnet: GNode<'subnet'>): string[] {
  const path = [nodeId];
  for (let p = g.byId.get(nodeId)?.parent; p && p !== subnet.id && nodeId !== subnet.id; p = g.byId.get(p)?.parent)
    path.push(p);
  if (nodeId !== subnet.id) path.push(subnet.id);
  return path;
}

/** Whether `nodeId` can reach `service`, by which route, and what is missing when it cannot. */
export function reach(g: Graph, nodeId: string, service: Service): Reach {
  const name = SERVICE_NAMES[service];
  const subnet = subnetFor(g, nodeId);
  if (!subnet) return { ok: true, via: 'aws-managed', path: [nodeId, HOPS.managed, name], missing: null };
  const vpc = g.vpcOf(subnet.id)?.id ?? null;
  const inner = innerPath(g, nodeId, subnet);
  const ep = vpcEndpoint(g, vpc, service);
  if (ep) {
    // an interface endpoint is a network interface with a security group (a gateway endpoint, S3, has none)
    if (service === 's3') return { ok: true, via: 'vpc-endpoint', path: [...inner, ep.id, name], missing: null };
    const node = g.byId.get(nodeId)!;
    const from = groupOf(g, node),
      to = groupOf(g, ep);
    const hops = [...(from.explicit ? [from.id] : []), ...(to.explicit && to.id !== from.id ? [to.id] : [])];
    const b = httpsBlocked(g, node, ep);
    if (b)
      return {
        ok: false,
        via: 'vpc-endpoint',
        path: [...inner, ...hops],
        missing: `a rule letting TCP 443 through: ${b.why}`,
        sg: { endpoint: ep.id, group: b.group, why: b.why },
      };
    return { ok: true, via: 'vpc-endpoint', path: [...inner, ...hops, ep.id, name], missing: null };
  }
  switch (subnet.props.access) {
    case 'public':
      return { ok: true, via: 'public-subnet', path: [...inner, HOPS.igw, name], missing: null };
    case 'private-with-nat':
      return { ok: true, via: 'nat', path: [...inner, HOPS.nat, HOPS.igw, name], missing: null };
    default:
      return { ok: false, via: null, path: vpc ? [...inner, vpc] : inner, missing: missingEndpoints([service], vpc) };
  }
}

export interface NetworkReport {
  node: string;
  subnet: string | null;
  access: 'public' | 'private' | 'private-with-nat' | null;
  vpc: string | null;
  /** Every service with its answer, in SERVICES order. */
  services: (Reach & { service: Service })[];
}

/** Every service's reachability from a node: the data behind the UI's "why can't it reach?". */
export function networkReport(g: Graph, nodeId: string): NetworkReport {
  const subnet = subnetFor(g, nodeId);
  return {
    node: nodeId,
    subnet: subnet?.id ?? null,
    access: subnet ? subnet.props.access : null,
    vpc: subnet ? (g.vpcOf(subnet.id)?.id ?? null) : null,
    services: SERVICES.map((service) => ({ service, ...reach(g, nodeId, service) })),
  };
}
