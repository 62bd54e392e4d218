/**
 * Security groups (issue 17): a distributed job's group must allow all traffic from itself (and UDP 500 + ESP with
 * inter-container traffic encryption): sg-blocks-distributed-training; an interface VPC endpoint's group must let
 * the caller's HTTPS in (and the caller's group let it out): endpoint-sg-blocks-https, with the groups on the why?
 * path; leastPrivilege fails on an ingress rule open to 0.0.0.0/0; rule lines are checked at load.
 */
import { describe, expect, it } from 'vitest';
import { loadJson } from '../../../src/model/load';
import { designChecks } from '../../../src/engine/goal';
import { networkReportOf } from '../../../src/engine';
import { arch, edge, findings, node, run, validate } from '../../harness';

/** A private subnet with VPC endpoints whose group lets HTTPS in from the whole VPC (10.0.0.0/16). */
const net = (...services: string[]) => [
  node('vpc', 'vpc'),
  node('sub', 'subnet', { access: 'private' }, 'vpc'),
  node('https-in', 'security-group', { ingress: ['tcp 443 from 10.0.0.0/16'] }, 'vpc'),
  ...services.map((s) =>
    node(`vpce-${s.replace('.', '-')}`, 'vpc-endpoint', { service: s, securityGroup: 'https-in' }, 'vpc'),
  ),
];
const sg = (id: string, ingress: string[], egress?: string[]) =>
  node(id, 'security-group', { ingress, ...(egress && { egress }) }, 'vpc');

const cluster = (group: string[] | null, job: Record<string, unknown> = {}) =>
  arch(
    ...net('s3', 'ecr.api', 'ecr.dkr', 'logs'),
    ...(group ? [sg('train-sg', group)] : []),
    node('data', 's3-bucket', { datasetGB: 5 }),
    node(
      'train',
      'training-job',
      { instanceCount: 4, trainingMinutes: 10, ...(group && { securityGroup: 'train-sg' }), ...job },
      'sub',
    ),
    edge('data', 'train'),
  );

describe('security groups: distributed training', () => {
  it('fails a 4-instance job whose group has no rule from itself, statically and in the run', () => {
    const doc = cluster(['tcp 22 from 10.0.0.0/16']);
    expect(findings(doc).map((f) => f.rule)).toContain('sg-blocks-distributed-training');
    const r = run(doc, { durationSec: 3600 });
    expect(r.state('train')).toBe('Failed');
    const i = r.incident('sg-blocks-distributed-training', 'train')!;
    expect(i.message).toContain('the 4 instances could not connect to each other');
    expect(i.message).toContain('security group train-sg does not allow all TCP traffic in and out from itself');
  });

  it('passes with a self-referencing rule, on the default group, and on one instance', () => {
    expect(run(cluster(['all all from self']), { durationSec: 3600 }).state('train')).toBe('Completed');
    expect(run(cluster(null), { durationSec: 3600 }).state('train')).toBe('Completed');
    expect(run(cluster(['tcp 22 from 10.0.0.0/16'], { instanceCount: 1 }), { durationSec: 3600 }).state('train')).toBe(
      'Completed',
    );
  });

  it('needs UDP 500 and ESP within the group for inter-container traffic encryption', () => {
    const tcpOnly = cluster(['tcp all from self'], { EnableInterContainerTrafficEncryption: true });
    const r = run(tcpOnly, { durationSec: 3600 });
    expect(r.state('train')).toBe('Failed');
    expect(r.incident('sg-blocks-distributed-training')!.message).toContain('UDP 500 and ESP (protocol 50) in and out');
    expect(run(cluster(['tcp all from self']), { durationSec: 3600 }).state('train')).toBe('Completed');
    const ipsec = cluster(['tcp all from self', 'udp 500 from self', 'esp all from self'], {
      EnableInterContainerTrafficEncryption: true,
    });
    expect(run(ipsec, { durationSec: 3600 }).state('train')).toBe('Completed');
  });
});

const pull = (epIngress: string[], jobEgress?: string[]) =>
  arch(
    ...net('s3'),
    node('vpce-ecr-api', 'vpc-endpoint', { service: 'ecr.api', securityGroup: 'vpce-sg' }, 'vpc'),
    node('vpce-ecr-dkr', 'vpc-endpoint', { service: 'ecr.dkr', securityGroup: 'vpce-sg' }, 'vpc'),
    sg('vpce-sg', epIngress),
    sg('job-sg', ['all all from self'], jobEgress),
    node('data', 's3-bucket', { datasetGB: 5 }),
    node('train', 'training-job', { trainingMinutes: 10, securityGroup: 'job-sg' }, 'sub'),
    edge('data', 'train'),
  );

describe('security groups: interface endpoints', () => {
  it("times out the image pull when the endpoint's group does not allow 443 from the job's group", () => {
    const doc = pull(['tcp 80 from job-sg']);
    expect(findings(doc).map((f) => f.rule)).toContain('endpoint-sg-blocks-https');
    const r = run(doc, { durationSec: 3600 });
    expect(r.state('train')).toBe('Failed');
    const i = r.incident('endpoint-sg-blocks-https', 'train')!;
    expect(i.message).toMatch(
      /call to ecr\.api through interface endpoint vpce-ecr-api timed out: dial tcp .*:443: i\/o timeout/,
    );
    expect(i.message).toContain('vpce-sg has no inbound rule allowing TCP 443 from job-sg');
    expect(r.incident('ecr-pull-blocked')).toBeUndefined();
    // the why? path names both groups and stops before the endpoint
    const rep = networkReportOf(doc, 'train')!.services.find((s) => s.service === 'ecr.api')!;
    expect(rep.ok).toBe(false);
    expect(rep.path).toEqual(['train', 'sub', 'job-sg', 'vpce-sg']);
  });

  it('lets it through from the group, from the VPC CIDR, and checks the caller goes out on 443', () => {
    for (const rule of ['tcp 443 from job-sg', 'tcp 443 from 10.0.0.0/16', 'all all from 0.0.0.0/0'])
      expect(run(pull([rule]), { durationSec: 3600 }).state('train')).toBe('Completed');
    const ok = networkReportOf(pull(['tcp 443 from job-sg']), 'train')!.services.find((s) => s.service === 'ecr.dkr')!;
    expect(ok.path).toEqual(['train', 'sub', 'job-sg', 'vpce-sg', 'vpce-ecr-dkr', 'Amazon ECR registry']);
    const out = run(pull(['tcp 443 from job-sg'], ['tcp 5432 to 10.0.0.0/16']), { durationSec: 3600 });
    expect(out.incident('endpoint-sg-blocks-https')!.message).toContain(
      'job-sg has no outbound rule allowing TCP 443 to vpce-sg',
    );
  });

  it('an endpoint left on the default group does not let in a job with its own group', () => {
    const doc = validate(pull(['tcp 443 from job-sg']));
    for (const n of doc.nodes) if (n.kind === 'vpc-endpoint') delete n.props!.securityGroup;
    const r = run(doc, { durationSec: 3600 });
    expect(r.incident('endpoint-sg-blocks-https')!.message).toContain(
      "the VPC's default security group has no inbound rule allowing TCP 443 from job-sg",
    );
  });
});

describe('security groups: least privilege and loading', () => {
  it('leastPrivilege fails on an inbound rule open to the internet', () => {
    const problems = (ingress: string[]) =>
      designChecks(run(pull(ingress), { durationSec: 60 }).sim.graph).leastPrivilege();
    expect(problems(['tcp 443 from 0.0.0.0/0'])).toContain(
      'security group vpce-sg allows inbound "tcp 443 from 0.0.0.0/0": open to the whole internet',
    );
    expect(problems(['tcp 443 from job-sg']).filter((p) => p.startsWith('security group'))).toEqual([]);
  });

  it('refuses a malformed rule or an unknown group with the path of the line', () => {
    const bad = (ingress: string[]) => {
      const r = loadJson({
        format: 'sagesim/architecture@1',
        nodes: [
          { id: 'vpc', kind: 'vpc' },
          { id: 'g', kind: 'security-group', parent: 'vpc', props: { ingress } },
        ],
        edges: [],
      });
      return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
    };
    expect(bad(['tcp 443 to self'])[0]).toMatch(
      /nodes\[1\]\.props\.ingress\[0\]: .*write "<protocol> <ports> from <source>"/,
    );
    expect(bad(['icmp all from self'])[0]).toContain('protocol "icmp" is not one of tcp, udp, esp, all');
    expect(bad(['tcp 70000 from self'])[0]).toContain('ports must be 0–65535');
    expect(bad(['tcp 443 from other-sg'])[0]).toContain('no security-group node with id "other-sg"');
    expect(bad(['tcp 443 from 10.0.0.300/16'])[0]).toContain('is not an IPv4 CIDR');
    expect(bad(['all all from self', 'tcp 1024-65535 from 10.0.0.0/8'])).toEqual([]);
  });
});
