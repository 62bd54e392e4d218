import type { ArchNode } from '../../model/schema';
import type { EvaluatedResource } from '../evaluate';
import { refsIn } from '../types';
import { type Builder, list } from './builder';

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
          `the default route of subnet ${r.id} goes through a transit gateway or appliance; read as egress through NAT (SageSim does not model it)`,
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
    if ((service === 's3') !== (type === 'Gateway'))
      b.note(r, `${service} endpoint of type ${type}: SageSim routes it the same way`, 'info');
    b.setParent(n, parent);
  }

  for (const r of b.ofType(
    'AWS::EC2::SecurityGroup',
    'AWS::EC2::SecurityGroupIngress',
    'AWS::EC2::SecurityGroupEgress',
  )) {
    b.used.add(r.id);
    if (!b.meta(r).helper)
      b.note(r, 'security groups are not simulated: SageSim assumes they allow the traffic the design needs');
  }
}

/** The subnet node a list of subnet references names first (a model's VpcConfig.Subnets, a function's SubnetIds). */
export function subnetOf(b: Builder, v: unknown): ArchNode | undefined {
  for (const s of list(v)) {
    const n = b.nodeOf(s, ['subnet']);
    if (n) return n;
  }
  return undefined;
}
