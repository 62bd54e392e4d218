import type { ArchNode } from '../../model/schema';
import type { EvaluatedResource } from '../evaluate';
import { refsIn } from '../types';
import { type Builder, list } from './builder';
import { parseCidr, VPC_CIDR } from '../../model/sg';

/**
 * VPCs, subnets (access from their route tables), VPC endpoints, and the network pieces that are read
 * but are not nodes (route tables, routes, gateways, security groups).
 * AWS::EC2::VPCEndpoint: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html
 * (VpcEndpointType defaults to Gateway; Interface endpoints sit in SubnetIds, Gateway endpoints in RouteTableIds.)
 */

/** The SageSim service of a VPC endpoint service name (`com.amazonaws.us-east-1.ecr.dkr` → `ecr.dkr`). */
export function serviceOf(name: unknown): string | null {
  const s = typeof name === 'string' ? name : name === undefined ? '' : String(name);
  const m = /(?:^|\.)(s3|ecr\.api|ecr\.dkr|sagemaker\.api|sagemaker\.runtime|logs|monitoring|sts|kms)$/.exec(s);
  return m ? m[1] : null;
}

export function mapNetwork(b: Builder): void {
  const vpcs = new Map<string, ArchNode>();
  for (const r of b.ofType('AWS::EC2::VPC')) vpcs.set(r.id, b.add(r, 'vpc'));
  const vpcOf = (v: unknown) =>
    refsIn(v)
      .map((id) => vpcs.get(id))
      .find(Boolean);

  // Route tables: which subnets they serve and where their default route goes.
  const assoc = b.ofType('AWS::EC2::SubnetRouteTableAssociation');
  const routes = b.ofType('AWS::EC2::Route');
  const gatewayType = (v: unknown) => refsIn(v).map((id) => b.res.get(id)?.type)[0];
  const tablesOf = (subnetId: string) =>
    assoc.filter((a) => refsIn(a.props.SubnetId).includes(subnetId)).flatMap((a) => refsIn(a.props.RouteTableId));
  const defaultRoute = (rt: string): EvaluatedResource | undefined =>
    routes.find(
      (r) =>
        refsIn(r.props.RouteTableId).includes(rt) &&
        (r.props.DestinationCidrBlock === '0.0.0.0/0' || r.props.DestinationIpv6CidrBlock === '::/0'),
    );
  for (const r of [
    ...assoc,
    ...routes,
    ...b.ofType(
      'AWS::EC2::RouteTable',
      'AWS::EC2::InternetGateway',
      'AWS::EC2::VPCGatewayAttachment',
      'AWS::EC2::NatGateway',
      'AWS::EC2::EIP',
    ),
  ])
    b.used.add(r.id);

  const subnets = new Map<string, ArchNode>();
  for (const r of b.ofType('AWS::EC2::Subnet')) {
    if (b.meta(r).helper) {
      b.used.add(r.id);
      continue;
    }
    let access = 'private';
    for (const rt of tablesOf(r.id)) {
      const route = defaultRoute(rt);
      if (!route) continue;
      if (route.props.NatGatewayId !== undefined) access = 'private-with-nat';
      else if (route.props.GatewayId !== undefined) {
        const t = gatewayType(route.props.GatewayId);
        access = t === 'AWS::EC2::InternetGateway' || t === undefined ? 'public' : access;
      } else if (route.props.TransitGatewayId !== undefined || route.props.NetworkInterfaceId !== undefined) {
        access = 'private-with-nat';
        b.note(
          route,
          `the default route of subnet ${r.id} goes through a transit gateway or appliance; read as egress ` +
            `through NAT (SageSim does not model it)`,
          'warning',
        );
      }
    }
    const n = b.add(r, 'subnet', { access });
    const vpc = vpcOf(r.props.VpcId);
    if (vpc) b.setParent(n, vpc);
    else b.note(r, 'its VpcId is not a VPC in this template; SageSim needs the subnet inside a VPC', 'warning');
    if (!n.parent) {
      b.nodes.splice(b.nodes.indexOf(n), 1);
      b.owner.delete(r.id);
      b.used.delete(r.id);
      continue;
    }
    subnets.set(r.id, n);
  }

  mapSecurityGroups(b, vpcOf);

  for (const r of b.ofType('AWS::EC2::VPCEndpoint')) {
    const service = serviceOf(r.props.ServiceName);
    if (!service) {
      b.note(r, `endpoint service ${String(r.props.ServiceName)} is not one SageSim simulates`);
      b.used.add(r.id);
      continue;
    }
    const vpc = vpcOf(r.props.VpcId);
    if (!vpc) {
      b.note(r, 'its VpcId is not a VPC in this template', 'warning');
      b.used.add(r.id);
      continue;
    }
    const type = String(r.props.VpcEndpointType ?? 'Gateway');
    const n = b.add(r, 'vpc-endpoint', { service });
    let parent: ArchNode | undefined = vpc;
    if (type === 'Interface') {
      const ss = list(r.props.SubnetIds).flatMap((s) =>
        refsIn(s)
          .map((id) => subnets.get(id))
          .filter(Boolean),
      );
      if (ss.length === 1) parent = ss[0];
    } else {
      const served = [...subnets.entries()].filter(([sid]) =>
        tablesOf(sid).some((rt) => list(r.props.RouteTableIds).some((x) => refsIn(x).includes(rt))),
      );
      // one subnet of several: the endpoint serves that subnet; every subnet of the VPC: it is the VPC's
      const ofVpc = [...subnets.values()].filter((x) => x.parent === vpc.id).length;
      if (served.length === 1 && ofVpc > 1) parent = served[0][1];
    }
    const group = list(r.props.SecurityGroupIds)
      .map((x) => b.nodeOf(x, ['security-group']))
      .find(Boolean);
    if (group && service !== 's3') n.props = { ...n.props, securityGroup: group.id };
    if ((service === 's3') !== (type === 'Gateway'))
      b.note(r, `${service} endpoint of type ${type}: SageSim routes it the same way`, 'info');
    b.setParent(n, parent);
  }
}

/**
 * AWS::EC2::SecurityGroup (with its inline SecurityGroupIngress / SecurityGroupEgress and the standalone
 * AWS::EC2::SecurityGroupIngress / Egress resources whose GroupId names it) → a `security-group` node in its VPC, its
 * rules as SageSim's rule lines (src/model/sg.ts). IpProtocol tcp, udp, 50 (esp) and -1 (all); CidrIp,
 * SourceSecurityGroupId / DestinationSecurityGroupId (itself = self). Other protocols and prefix lists are skipped
 * with a
 * note. Without SecurityGroupEgress a group keeps AWS's default: all traffic out.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html
 */
function mapSecurityGroups(b: Builder, vpcOf: (v: unknown) => ArchNode | undefined): void {
  const standalone = b.ofType('AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress');
  const groups = new Map<string, ArchNode>();
  const vpcCidr = new Map<string, string>();
  for (const r of b.ofType('AWS::EC2::SecurityGroup')) {
    if (b.meta(r).helper) {
      b.used.add(r.id);
      continue;
    }
    const vpc = vpcOf(r.props.VpcId);
    const block = refsIn(r.props.VpcId)
      .map((id) => b.res.get(id)?.props.CidrBlock)
      .find((x) => typeof x === 'string');
    if (typeof block === 'string') vpcCidr.set(r.id, block);
    if (!vpc) {
      b.used.add(r.id);
      b.note(r, 'its VpcId is not a VPC in this template: the security group is not imported', 'warning');
      continue;
    }
    const n = b.add(r, 'security-group', {});
    b.setParent(n, vpc);
    groups.set(r.id, n);
  }
  for (const [resId, n] of groups) {
    const r = b.res.get(resId)!;
    const line = (rule: Record<string, unknown>, dir: 'from' | 'to'): string | null => {
      const proto = String(rule.IpProtocol ?? '-1').toLowerCase();
      const protocol =
        proto === '-1' ? 'all' : proto === '50' ? 'esp' : proto === '6' ? 'tcp' : proto === '17' ? 'udp' : proto;
      if (!['all', 'esp', 'tcp', 'udp'].includes(protocol)) return null;
      const from = Number(rule.FromPort ?? 0),
        to = Number(rule.ToPort ?? 65535);
      const ports =
        protocol === 'all' || protocol === 'esp' || (from <= 0 && to >= 65535) || to < 0
          ? 'all'
          : from === to
            ? `${from}`
            : `${from}-${to}`;
      const peerRef = dir === 'from' ? rule.SourceSecurityGroupId : rule.DestinationSecurityGroupId;
      const cidr = rule.CidrIp ?? rule.CidrIpv6;
      let peer: string | null = null;
      if (peerRef !== undefined) {
        const ids = refsIn(peerRef);
        peer = ids.includes(resId) ? 'self' : (ids.map((id) => groups.get(id)?.id).find(Boolean) ?? null);
      } else if (typeof cidr === 'string') peer = inVpc(cidr, vpcCidr.get(resId)) ? VPC_CIDR : cidr;
      return peer ? `${protocol} ${ports} ${dir} ${peer}` : null;
    };
    const collect = (inline: unknown, type: string, dir: 'from' | 'to'): string[] => {
      const rules = [
        ...list(inline),
        ...standalone
          .filter((x) => x.type === type && refsIn(x.props.GroupId).includes(resId))
          .map((x) => {
            b.claim(x.id, n.id);
            return x.props;
          }),
      ] as Record<string, unknown>[];
      const out: string[] = [];
      for (const rule of rules) {
        const l = line(rule, dir);
        if (l) out.push(l);
        else
          b.note(
            r,
            `a rule SageSim does not simulate (protocol ${String(rule.IpProtocol)}, or a prefix list) is left out`,
          );
      }
      return out;
    };
    const ingress = collect(r.props.SecurityGroupIngress, 'AWS::EC2::SecurityGroupIngress', 'from');
    const egressGiven =
      r.props.SecurityGroupEgress !== undefined ||
      standalone.some((x) => x.type === 'AWS::EC2::SecurityGroupEgress' && refsIn(x.props.GroupId).includes(resId));
    const egress = egressGiven ? collect(r.props.SecurityGroupEgress, 'AWS::EC2::SecurityGroupEgress', 'to') : null;
    n.props = { ...n.props, ingress, ...(egress && { egress }) };
  }
  for (const x of standalone)
    if (!b.used.has(x.id)) {
      b.used.add(x.id);
      if (!b.meta(x).helper) b.note(x, 'its GroupId is not a security group imported from this template');
    }
}

/**
 * Whether a rule's CIDR lies within the VPC's own CidrBlock: SageSim gives every VPC 10.0.0.0/16 (src/model/sg.ts), so
 * such a rule is read as a rule on the VPC's addresses.
 */
function inVpc(cidr: string, block: string | undefined): boolean {
  const c = parseCidr(cidr),
    v = block ? parseCidr(block) : null;
  if (!c || !v || c[1] < v[1]) return false;
  const mask = v[1] === 0 ? 0 : (0xffffffff << (32 - v[1])) >>> 0;
  return (c[0] & mask) >>> 0 === v[0];
}

/** The security-group node a VpcConfig's SecurityGroupIds names first. */
export function securityGroupOf(b: Builder, v: unknown): ArchNode | undefined {
  for (const s of list(v)) {
    const n = b.nodeOf(s, ['security-group']);
    if (n) return n;
  }
  return undefined;
}

/** The subnet node a list of subnet references names first (a model's VpcConfig.Subnets, a function's SubnetIds). */
export function subnetOf(b: Builder, v: unknown): ArchNode | undefined {
  for (const s of list(v)) {
    const n = b.nodeOf(s, ['subnet']);
    if (n) return n;
  }
  return undefined;
}
