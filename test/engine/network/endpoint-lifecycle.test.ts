import { describe, expect, it } from 'vitest';
import { arch, edge, node, run } from '../../harness';
import type { ArchEdge, ArchNode } from '../../../src/model/schema';
import { IMAGE_GB } from '../../../src/engine/modules/network/cost';
import { PRICES } from '../../../src/catalog/prices';

/** A real-time endpoint serving a model from a bucket, in a subnet of `access`, with vpc-endpoints of `services`. */
const endpointIn = (access: string, services: string[], ...extra: (ArchNode | ArchEdge)[]) =>
  arch(
    node('vpc', 'vpc'),
    node('priv', 'subnet', { access }, 'vpc'),
    node('models', 's3-bucket'),
    node('ep', 'realtime-endpoint', {}, 'priv'),
    edge('models', 'ep'),
    ...services.map((s) => node(`vpce-${s.replace('.', '-')}`, 'vpc-endpoint', { service: s }, 'vpc')),
    ...extra,
  );

describe('endpoint creation in a VPC (with the endpoints module)', () => {
  it('an endpoint in a private subnet without ECR endpoints ends Failed with ecr-pull-blocked', () => {
    const r = run(endpointIn('private', []));
    expect(r.state('ep')).toBe('Failed');
    expect(r.incident('ecr-pull-blocked', 'ep')).toMatchObject({ count: 1 });
    expect(r.incident('ecr-pull-blocked', 'ep')!.firstAtSec).toBeGreaterThan(0);
    expect(r.incident('s3-unreachable')).toBeUndefined();
    expect(r.incident('logs-unreachable')).toBeUndefined();
  });

  it('with the ECR endpoints but no S3 gateway, it fails on the image layers (s3-unreachable)', () => {
    const r = run(endpointIn('private', ['ecr.api', 'ecr.dkr']));
    expect(r.state('ep')).toBe('Failed');
    expect(r.incident('ecr-pull-blocked')).toBeUndefined();
    expect(r.incident('s3-unreachable', 'ep')?.count).toBe(1);
  });

  it('fixed twin: ecr.api + ecr.dkr + s3 endpoints and it reaches InService, logs-unreachable warning once', () => {
    const r = run(endpointIn('private', ['ecr.api', 'ecr.dkr', 's3']));
    expect(r.state('ep')).toBe('InService');
    expect(r.incident('ecr-pull-blocked')).toBeUndefined();
    expect(r.incident('s3-unreachable')).toBeUndefined();
    expect(r.incident('logs-unreachable', 'ep')).toMatchObject({ count: 1 });
  });

  it('fixed twin with a logs endpoint too: no network incident or finding at all', () => {
    const r = run(endpointIn('private', ['ecr.api', 'ecr.dkr', 's3', 'logs']));
    expect(r.state('ep')).toBe('InService');
    for (const rule of ['ecr-pull-blocked', 's3-unreachable', 'logs-unreachable'])
      expect(r.rules().has(rule), rule).toBe(false);
  });
});

describe('NAT and endpoint cost', () => {
  const natShare = (id: string, r: ReturnType<typeof run>) => r.node(id)?.costUSD ?? 0;

  it('a private-with-nat subnet works and pays NAT hours plus the GB its endpoint pulls', () => {
    const r = run(endpointIn('private-with-nat', []));
    expect(r.state('ep')).toBe('InService');
    const gb = IMAGE_GB + 1; // image + a 1 GB model artifact, one instance
    expect(r.node('priv')).toMatchObject({ natGB: gb });
    expect(natShare('priv', r)).toBeCloseTo(PRICES.natGatewayPerHourUSD + gb * PRICES.natPerGBProcessedUSD, 4);
  });

  it('costs more than the same endpoint behind VPC endpoints', () => {
    const nat = run(endpointIn('private-with-nat', []));
    const endpoints = run(endpointIn('private', ['ecr.api', 'ecr.dkr', 's3', 'logs']));
    expect(endpoints.state('ep')).toBe('InService');
    // three interface endpoints for an hour; the S3 gateway endpoint is free
    expect(natShare('vpce-ecr-api', endpoints)).toBeCloseTo(PRICES.interfaceEndpointPerHourUSD, 6);
    expect(natShare('vpce-s3', endpoints)).toBe(0);
    const networkCost = (r: ReturnType<typeof run>) =>
      ['priv', 'vpce-ecr-api', 'vpce-ecr-dkr', 'vpce-s3', 'vpce-logs'].reduce((a, id) => a + natShare(id, r), 0);
    expect(networkCost(nat)).toBeGreaterThan(networkCost(endpoints));
    expect(nat.report.costUSD).toBeGreaterThan(endpoints.report.costUSD);
  });

  it('an S3 gateway endpoint takes the layers and the model off the NAT', () => {
    const r = run(endpointIn('private-with-nat', ['s3']));
    expect(r.state('ep')).toBe('InService');
    expect(r.node('priv')).toMatchObject({ natGB: 0 });
    expect(natShare('priv', r)).toBeCloseTo(PRICES.natGatewayPerHourUSD, 6);
  });

  it('a NAT subnet with no compute in it pays nothing; NAT hours follow the run length', () => {
    const empty = run(arch(node('vpc', 'vpc'), node('priv', 'subnet', { access: 'private-with-nat' }, 'vpc')));
    expect(empty.node('priv')).toBeUndefined();
    const twoHours = run(endpointIn('private-with-nat', ['s3']), { durationSec: 7200 });
    expect(natShare('priv', twoHours)).toBeCloseTo(2 * PRICES.natGatewayPerHourUSD, 6);
  });

  it('the same file and seed give the same report', () => {
    const doc = endpointIn('private-with-nat', ['ecr.api']);
    expect(JSON.stringify(run(doc).report)).toBe(JSON.stringify(run(doc).report));
  });
});
