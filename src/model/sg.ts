/**
 * Security group rules (the `ingress` and `egress` props of a security-group node), as one line each:
 * "<protocol> <ports> from <source>" (inbound) or "<protocol> <ports> to <destination>" (outbound), e.g.
 * "all all from self", "tcp 443 from training-sg", "tcp 0-65535 from 10.0.0.0/16", "all all to 0.0.0.0/0".
 *
 * - protocol: tcp, udp, esp (IP protocol 50) or all (-1 in the EC2 API);
 * - ports: a port, a range "from-to", or all (ignored for esp and all, as EC2 ignores them);
 * - peer: self (the group itself: SourceSecurityGroupId = its own id), a CIDR (CidrIp) or another security group's
 *   node id (SourceSecurityGroupId / DestinationSecurityGroupId).
 *
 * Addresses: SageSim does not model IP addresses; every VPC's CIDR is taken to be VPC_CIDR (10.0.0.0/16), so a CIDR
 * rule covers the VPC's resources when it overlaps that range (0.0.0.0/0, 10.0.0.0/8, 10.0.0.0/16, a subnet's /24).
 * A resource with no security group of its own is in the VPC's default group (DEFAULT_SG_RULES: all traffic in from
 * the group itself, everything out), as in AWS.
 */
import type { ArchNode } from './schema';

export type SgProtocol = 'tcp' | 'udp' | 'esp' | 'all';

export interface SgRule {
  protocol: SgProtocol;
  /** Inclusive port range; [0, 65535] for all. */
  from: number;
  to: number;
  /** 'self', a CIDR, or a security group's node id. */
  peer: string;
  kind: 'self' | 'cidr' | 'group';
  /** The rule as written. */
  text: string;
}

/** The CIDR SageSim gives every VPC. */
export const VPC_CIDR = '10.0.0.0/16';

/** The rules of a VPC's default security group (AWS: inbound all from itself, outbound all). */
export const DEFAULT_SG_RULES = { ingress: ['all all from self'], egress: ['all all to 0.0.0.0/0'] } as const;

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** A CIDR as [network, prefix] (32-bit unsigned), or null when it is not a valid IPv4 CIDR. */
export function parseCidr(s: string): [number, number] | null {
  const m = CIDR.exec(s);
  if (!m) return null;
  const oct = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (oct.some((o) => o > 255) || prefix > 32) return null;
  const ip = ((oct[0] << 24) | (oct[1] << 16) | (oct[2] << 8) | oct[3]) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [(ip & mask) >>> 0, prefix];
}

/** Whether two CIDRs share an address. */
function overlaps(a: [number, number], b: [number, number]): boolean {
  const p = Math.min(a[1], b[1]);
  const mask = p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0;
  return (a[0] & mask) >>> 0 === (b[0] & mask) >>> 0;
}

const VPC = parseCidr(VPC_CIDR)!;

/** Whether a CIDR covers resources of the VPC (it overlaps VPC_CIDR). */
export const cidrCoversVpc = (cidr: string): boolean => {
  const c = parseCidr(cidr);
  return c !== null && overlaps(c, VPC);
};

/** Whether a CIDR is the whole internet (0.0.0.0/0 or ::/0). */
export const isAnywhere = (peer: string): boolean => peer === '0.0.0.0/0' || peer === '::/0';

/**
 * Parse one rule. `dir` is 'in' (the line says "from") or 'out' ("to"). Returns the rule or an error message that
 * says what is wrong and how the line should read.
 */
export function parseSgRule(text: string, dir: 'in' | 'out'): SgRule | string {
  const word = dir === 'in' ? 'from' : 'to';
  const example = dir === 'in' ? '"tcp 443 from training-sg"' : '"all all to 0.0.0.0/0"';
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 4 || parts[2].toLowerCase() !== word)
    return (
      `"${text}" is not a rule: write "<protocol> <ports> ${word} <${dir === 'in' ? 'source' : 'destination'}>", ` +
      `e.g. ${example}`
    );
  const protocol = (parts[0].toLowerCase() === '-1' ? 'all' : parts[0].toLowerCase()) as SgProtocol;
  if (!['tcp', 'udp', 'esp', 'all'].includes(protocol))
    return `"${text}": protocol "${parts[0]}" is not one of tcp, udp, esp, all`;
  let from = 0,
    to = 65535;
  const ports = parts[1].toLowerCase();
  if (ports !== 'all') {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(ports);
    if (!m) return `"${text}": ports "${parts[1]}" must be a port (443), a range (1024-65535) or all`;
    from = Number(m[1]);
    to = m[2] === undefined ? from : Number(m[2]);
    if (from > 65535 || to > 65535 || from > to) return `"${text}": ports must be 0–65535, the first at most the last`;
  }
  if (protocol === 'esp' || protocol === 'all') [from, to] = [0, 65535];
  const peer = parts[3];
  const kind = peer.toLowerCase() === 'self' ? 'self' : /^[\d.:]+\/\d+$/.test(peer) ? 'cidr' : 'group';
  if (kind === 'cidr' && !isAnywhere(peer) && !parseCidr(peer)) return `"${text}": "${peer}" is not an IPv4 CIDR`;
  return { protocol, from, to, peer: kind === 'self' ? 'self' : peer, kind, text };
}

/** The parsed rules of a security group node's props (invalid lines are left out: the loader has refused them). */
export function sgRules(props: Record<string, unknown> | undefined): { ingress: SgRule[]; egress: SgRule[] } {
  const list = (v: unknown, fallback: readonly string[]) => (Array.isArray(v) ? (v as string[]) : fallback);
  const parse = (lines: readonly string[], dir: 'in' | 'out') =>
    lines.map((l) => parseSgRule(l, dir)).filter((r): r is SgRule => typeof r !== 'string');
  return {
    ingress: parse(list(props?.ingress, []), 'in'),
    egress: parse(list(props?.egress, DEFAULT_SG_RULES.egress), 'out'),
  };
}

/** Load-time errors of a security group's rules: [prop, message]. `groups` are the document's security group ids. */
export function sgConstraints(n: ArchNode, groups: ReadonlySet<string>): [string, string][] {
  if (n.kind !== 'security-group') return [];
  const out: [string, string][] = [];
  for (const [prop, dir] of [
    ['ingress', 'in'],
    ['egress', 'out'],
  ] as const) {
    const lines = (n.props?.[prop] as unknown[] | undefined) ?? [];
    lines.forEach((l, i) => {
      const r = parseSgRule(String(l), dir);
      if (typeof r === 'string') out.push([`${prop}[${i}]`, r]);
      else if (r.kind === 'group' && !groups.has(r.peer))
        out.push([
          `${prop}[${i}]`,
          `"${r.text}": no security-group node with id "${r.peer}" (use self, a CIDR or a group's id)`,
        ]);
    });
  }
  return out;
}

/** A packet a rule may allow: its protocol and port, and the group (node id) it comes from or goes to. */
export interface SgPacket {
  protocol: 'tcp' | 'udp' | 'esp';
  port: number;
  /** The other side's security group id (the VPC default group is `default:<vpc>`). */
  peerGroup: string;
}

/** Whether a rule allows a packet, for the group `self` the rule belongs to. Peers are in the VPC. */
export function ruleAllows(r: SgRule, self: string, p: SgPacket): boolean {
  if (r.protocol !== 'all' && r.protocol !== p.protocol) return false;
  if (p.protocol !== 'esp' && (p.port < r.from || p.port > r.to)) return false;
  if (r.kind === 'self') return p.peerGroup === self;
  if (r.kind === 'group') return p.peerGroup === r.peer;
  return isAnywhere(r.peer) || cidrCoversVpc(r.peer);
}
