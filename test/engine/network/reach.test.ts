import { describe, expect, it } from 'vitest';
import { arch, node } from '../../harness';
import { Graph } from '../../../src/model/graph';
import { networkReport, reach, SERVICES } from '../../../src/engine/modules/network';
import type { ArchNode } from '../../../src/model/schema';

const graph = (...nodes: ArchNode[]) => new Graph(arch(...nodes));
const inSubnet = (access: string, ...extra: ArchNode[]) =>
  graph(
    node('vpc-1', 'vpc'),
    node('sub', 'subnet', { access }, 'vpc-1'),
    node('train', 'training-job', {}, 'sub'),
    ...extra,
  );

describe('reach()', () => {
  it('a node with no subnet uses the AWS-managed network and reaches everything', () => {
    const g = graph(node('train', 'training-job'));
    for (const s of SERVICES) {
      expect(reach(g, 'train', s)).toEqual({
        ok: true,
        via: 'aws-managed',
        path: ['train', 'AWS-managed network', expect.any(String)],
        missing: null,
      });
    }
    expect(reach(g, 'train', 's3').path[2]).toBe('Amazon S3');
  });

  it('a public subnet reaches services and the internet through the internet gateway', () => {
    const g = inSubnet('public');
    expect(reach(g, 'train', 'ecr.dkr')).toEqual({
      ok: true,
      via: 'public-subnet',
      path: ['train', 'sub', 'internet gateway', 'Amazon ECR registry'],
      missing: null,
    });
    expect(reach(g, 'train', 'internet').ok).toBe(true);
  });

  it('a private-with-nat subnet reaches everything through its NAT gateway', () => {
    const g = inSubnet('private-with-nat');
    expect(reach(g, 'train', 'internet')).toEqual({
      ok: true,
      via: 'nat',
      path: ['train', 'sub', 'NAT gateway', 'internet gateway', 'the internet'],
      missing: null,
    });
    expect(reach(g, 'train', 's3').via).toBe('nat');
  });

  it('a private subnet reaches nothing and says which endpoint is missing', () => {
    const g = inSubnet('private');
    expect(reach(g, 'train', 'ecr.dkr')).toEqual({
      ok: false,
      via: null,
      path: ['train', 'sub', 'vpc-1'],
      missing: 'an ecr.dkr interface endpoint in vpc-1',
    });
    expect(reach(g, 'train', 's3').missing).toBe('an s3 gateway endpoint in vpc-1');
    expect(reach(g, 'train', 'logs').missing).toBe('a logs interface endpoint in vpc-1');
    expect(reach(g, 'train', 'internet').missing).toMatch(/NAT gateway/);
  });

  it('a private subnet reaches a service through a vpc-endpoint of it anywhere in its VPC', () => {
    const g = inSubnet(
      'private',
      node('other', 'subnet', { access: 'private' }, 'vpc-1'),
      node('vpce-s3', 'vpc-endpoint', { service: 's3' }, 'vpc-1'),
      node('vpce-dkr', 'vpc-endpoint', { service: 'ecr.dkr' }, 'other'),
    );
    expect(reach(g, 'train', 's3')).toEqual({
      ok: true,
      via: 'vpc-endpoint',
      path: ['train', 'sub', 'vpce-s3', 'Amazon S3'],
      missing: null,
    });
    expect(reach(g, 'train', 'ecr.dkr').path).toEqual(['train', 'sub', 'vpce-dkr', 'Amazon ECR registry']);
    expect(reach(g, 'train', 'ecr.api').ok).toBe(false);
    // no endpoint reaches the internet
    expect(reach(g, 'train', 'internet').ok).toBe(false);
  });

  it('an endpoint in another VPC does not count', () => {
    const g = inSubnet('private', node('vpc-2', 'vpc'), node('vpce-s3', 'vpc-endpoint', { service: 's3' }, 'vpc-2'));
    expect(reach(g, 'train', 's3')).toMatchObject({ ok: false, missing: 'an s3 gateway endpoint in vpc-1' });
  });

  it('an endpoint takes the traffic even where a NAT could (the S3 gateway keeps data off the NAT)', () => {
    const g = inSubnet('private-with-nat', node('vpce-s3', 'vpc-endpoint', { service: 's3' }, 'vpc-1'));
    expect(reach(g, 'train', 's3').via).toBe('vpc-endpoint');
    expect(reach(g, 'train', 'ecr.api').via).toBe('nat');
  });

  it('pipeline steps run where their pipeline sits', () => {
    const g = graph(
      node('vpc-1', 'vpc'),
      node('sub', 'subnet', { access: 'private' }, 'vpc-1'),
      node('pipe', 'pipeline', {}, 'sub'),
      node('step', 'training-job', {}, 'pipe'),
      node('free', 'pipeline'),
      node('step2', 'processing-job', {}, 'free'),
    );
    expect(reach(g, 'step', 'ecr.api')).toMatchObject({ ok: false, path: ['step', 'pipe', 'sub', 'vpc-1'] });
    expect(reach(g, 'step2', 'ecr.api')).toMatchObject({ ok: true, via: 'aws-managed' });
  });
});

describe('networkReport()', () => {
  it("lists every service with its answer, and the node's network", () => {
    const g = inSubnet('private', node('vpce-s3', 'vpc-endpoint', { service: 's3' }, 'vpc-1'));
    const r = networkReport(g, 'train');
    expect(r).toMatchObject({ node: 'train', subnet: 'sub', access: 'private', vpc: 'vpc-1' });
    expect(r.services.map((s) => s.service)).toEqual([...SERVICES]);
    expect(r.services.filter((s) => s.ok).map((s) => s.service)).toEqual(['s3']);
    expect(networkReport(graph(node('ep', 'serverless-endpoint')), 'ep')).toMatchObject({
      subnet: null,
      access: null,
      vpc: null,
    });
  });
});
