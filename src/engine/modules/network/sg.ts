/**
 * Security groups on the network path (issue 17): which group a node is in, whether an interface VPC endpoint's group
 * lets a caller's HTTPS in (and the caller's group lets it out), and whether a distributed job's group lets its
 * instances talk to each other. Pure: reads the Graph only. Rules and CIDRs: src/model/sg.ts.
 *
 * A node with no `securityGroup` prop (or a kind without one) is in its VPC's default group (`default:<vpc>`), whose
 * rules are AWS's defaults: all traffic in from the group itself, all traffic out.
 */
import { propsByName } from '../../../catalog/kinds';
import type { GNode, Graph } from '../../../model/graph';
import { DEFAULT_SG_RULES, ruleAllows, sgRules, type SgPacket, type SgRule } from '../../../model/sg';

export interface Group {
  /** The security-group node id, or `default:<vpc>` for the VPC's default group. */
  id: string;
  /** True when the node names a security-group node (not the default group). */
  explicit: boolean;
  ingress: SgRule[];
  egress: SgRule[];
}

const DEFAULT_RULES = sgRules({ ingress: [...DEFAULT_SG_RULES.ingress], egress: [...DEFAULT_SG_RULES.egress] });

/** The security group a node's network interfaces are in. */
export function groupOf(g: Graph, n: GNode): Group {
  const ref = propsByName(n.props).securityGroup;
  const sg = typeof ref === 'string' ? g.byId.get(ref) : undefined;
  if (sg?.kind === 'security-group')
    return { id: sg.id, explicit: true, ...sgRules(sg.props as Record<string, unknown>) };
  return { id: `default:${g.vpcOf(n.id)?.id ?? 'vpc'}`, explicit: false, ...DEFAULT_RULES };
}

const allows = (rules: readonly SgRule[], self: string, p: SgPacket): boolean =>
  rules.some((r) => ruleAllows(r, self, p));

/** Why HTTPS from `caller` to the interface endpoint `ep` is dropped, or null when both groups let it through. */
export function httpsBlocked(
  g: Graph,
  caller: GNode,
  ep: GNode,
): { group: string; why: string; callerGroup: string } | null {
  const from = groupOf(g, caller),
    to = groupOf(g, ep);
  // nothing explicit on either side: the default group allows itself (the model before security groups)
  if (!from.explicit && !to.explicit) return null;
  const name = (x: Group) => (x.explicit ? x.id : `the VPC's default security group`);
  if (!allows(to.ingress, to.id, { protocol: 'tcp', port: 443, peerGroup: from.id }))
    return {
      group: to.id,
      callerGroup: from.id,
      why:
        `${name(to)} has no inbound rule allowing TCP 443 from ` +
        `${from.explicit ? from.id : "the caller's (default) group"} or the VPC CIDR`,
    };
  if (!allows(from.egress, from.id, { protocol: 'tcp', port: 443, peerGroup: to.id }))
    return {
      group: from.id,
      callerGroup: from.id,
      why: `${name(from)} has no outbound rule allowing TCP 443 to ${to.explicit ? to.id : 'the endpoint'}`,
    };
  return null;
}

/**
 * What a distributed job's group must allow within itself that it does not: TCP on every port (the frameworks pick
 * their ports) and, with inter-container traffic encryption, UDP 500 (IKE) and ESP (IP protocol 50) in and out.
 * Null when the job runs on one instance, outside a VPC, or its group allows all of it.
 */
export function clusterBlocked(g: Graph, n: GNode): { group: string; need: string; instances: number } | null {
  const p = propsByName(n.props);
  const instances = Number(p.instanceCount ?? 1);
  if (instances <= 1 || !g.subnetOf(n.id)) return null;
  const grp = groupOf(g, n);
  const both = (pk: Omit<SgPacket, 'peerGroup'>) => {
    const q = { ...pk, peerGroup: grp.id };
    return allows(grp.ingress, grp.id, q) && allows(grp.egress, grp.id, q);
  };
  // every TCP port: a rule must cover 0-65535 (the range check below on its two ends and a middle port)
  const tcpAll = grp.ingress.some(
    (r) =>
      (r.protocol === 'tcp' || r.protocol === 'all') &&
      r.from === 0 &&
      r.to === 65535 &&
      ruleAllows(r, grp.id, { protocol: 'tcp', port: 0, peerGroup: grp.id }),
  );
  const tcpOut = allows(grp.egress, grp.id, { protocol: 'tcp', port: 1024, peerGroup: grp.id });
  const missing: string[] = [];
  if (!tcpAll || !tcpOut) missing.push('all TCP traffic');
  if (p.EnableInterContainerTrafficEncryption === true) {
    if (!both({ protocol: 'udp', port: 500 })) missing.push('UDP 500');
    if (!both({ protocol: 'esp', port: 0 })) missing.push('ESP (protocol 50)');
  }
  if (!missing.length) return null;
  const need = `${missing.join(', ').replace(/, ([^,]*)$/, ' and $1')} in and out`;
  return { group: grp.explicit ? grp.id : `the VPC's default security group`, need, instances };
}
