/** End to end with the jobs module: the network and security gates decide how real job lifecycles end. */
import { describe, expect, it } from 'vitest';
import { arch, edge, node, run } from '../../harness';
import type { ArchEdge, ArchNode } from '../../../src/model/schema';
import { PRICES } from '../../../src/catalog/prices';
import { IMAGE_GB } from '../../../src/engine/modules/network/cost';

const privateTraining = (
  access: string,
  services: string[],
  trainProps: Record<string, unknown> = {},
  ...extra: (ArchNode | ArchEdge)[]
) =>
  arch(
    node('vpc', 'vpc'),
    node('priv', 'subnet', { access }, 'vpc'),
    node('data', 's3-bucket', { datasetGB: 20, format: 'csv' }),
    node('train', 'training-job', { algorithm: 'xgboost', inputMode: 'File', ...trainProps }, 'priv'),
    edge('data', 'train'),
    ...services.map((s) => node(`vpce-${s.replace('.', '-')}`, 'vpc-endpoint', { service: s }, 'vpc')),
    ...extra,
  );
const ALL = ['ecr.api', 'ecr.dkr', 's3', 'logs'];

describe('training in a private subnet (jobs module)', () => {
  it('fails with ecr-pull-blocked without the ECR endpoints', () => {
    const r = run(privateTraining('private', []));
    expect(r.state('train')).toBe('Failed');
    expect(r.incident('ecr-pull-blocked', 'train')?.count).toBe(1);
    expect(r.incident('s3-unreachable')).toBeUndefined();
  });

  it('fails with s3-unreachable when only the S3 gateway endpoint is missing', () => {
    const r = run(privateTraining('private', ['ecr.api', 'ecr.dkr', 'logs']));
    expect(r.state('train')).toBe('Failed');
    expect(r.incident('ecr-pull-blocked')).toBeUndefined();
    expect(r.incident('s3-unreachable', 'train')?.count).toBe(1);
  });

  it('fixed twin: ecr.api + ecr.dkr + the s3 gateway endpoint and it completes', () => {
    const r = run(privateTraining('private', ['ecr.api', 'ecr.dkr', 's3']));
    expect(r.state('train')).toBe('Completed');
    expect(r.incident('ecr-pull-blocked')).toBeUndefined();
    expect(r.incident('s3-unreachable')).toBeUndefined();
    expect(r.incident('logs-unreachable', 'train')?.count).toBe(1);
    expect(run(privateTraining('private', ALL)).report.incidents.filter((i) => i.node === 'train')).toEqual([]);
  });

  it('private-with-nat completes too, at a higher cost than with endpoints', () => {
    const nat = run(privateTraining('private-with-nat', []));
    const eps = run(privateTraining('private', ALL));
    expect(nat.state('train')).toBe('Completed');
    expect(eps.state('train')).toBe('Completed');
    expect(nat.node('train').costUSD).toBe(eps.node('train').costUSD);
    // image + 20 GB of data + the 1 GB model artifact uploaded, all through the NAT
    expect(nat.node('priv')).toMatchObject({ natGB: IMAGE_GB + 20 + 1 });
    expect(nat.node('priv').costUSD).toBeCloseTo(
      PRICES.natGatewayPerHourUSD + (IMAGE_GB + 21) * PRICES.natPerGBProcessedUSD,
      4,
    );
    expect(nat.report.costUSD).toBeGreaterThan(eps.report.costUSD);
  });
});

describe('network isolation and KMS (jobs module)', () => {
  it('network-isolation-egress fails a job that calls out; its twin without isolation completes', () => {
    const doc = (isolated: boolean) =>
      arch(
        node('data', 's3-bucket'),
        node('train', 'training-job', { algorithm: 'custom', EnableNetworkIsolation: isolated }),
        node('topic', 'sns'),
        edge('data', 'train'),
        edge('train', 'topic'),
      );
    const r = run(doc(true));
    expect(r.state('train')).toBe('Failed');
    expect(r.incident('network-isolation-egress', 'train')?.count).toBe(1);
    const twin = run(doc(false));
    expect(twin.state('train')).toBe('Completed');
    expect(twin.rules().has('network-isolation-egress')).toBe(false);
  });

  it('kms-access-denied fails the job at download; kms:Decrypt on the role fixes it', () => {
    const doc = (actions: string[]) =>
      arch(
        node('key', 'kms-key'),
        node('data', 's3-bucket', { encryption: 'sse-kms', kmsKey: 'key' }),
        node('role', 'iam-role', { actions, s3Resources: ['arn:aws:s3:::data/*'] }),
        node('train', 'training-job', { role: 'role', VolumeKmsKeyId: 'key', OutputKmsKeyId: 'key' }),
        edge('data', 'train'),
      );
    const r = run(doc(['s3:GetObject']));
    expect(r.state('train')).toBe('Failed');
    expect(r.incident('kms-access-denied', 'train')?.count).toBe(1);
    const twin = run(doc(['s3:GetObject', 'kms:Decrypt']));
    expect(twin.state('train')).toBe('Completed');
    expect(twin.rules().has('kms-access-denied')).toBe(false);
  });

  it('a processing job in a private subnet needs the same endpoints', () => {
    const doc = (services: string[]) =>
      arch(
        node('vpc', 'vpc'),
        node('priv', 'subnet', {}, 'vpc'),
        node('raw', 's3-bucket'),
        node('prep', 'processing-job', {}, 'priv'),
        edge('raw', 'prep'),
        ...services.map((s) => node(`vpce-${s.replace('.', '-')}`, 'vpc-endpoint', { service: s }, 'vpc')),
      );
    expect(run(doc([])).incident('ecr-pull-blocked', 'prep')?.count).toBe(1);
    expect(run(doc([])).state('prep')).toBe('Failed');
    expect(run(doc(ALL)).state('prep')).toBe('Completed');
  });
});

describe('a pipeline in a private subnet (mlops module)', () => {
  const doc = (services: string[]) =>
    arch(
      node('vpc', 'vpc'),
      node('priv', 'subnet', {}, 'vpc'),
      node('data', 's3-bucket'),
      node('pipe', 'pipeline', {}, 'priv'),
      node('train', 'training-job', {}, 'pipe'),
      edge('data', 'train'),
      ...services.map((s) => node(`vpce-${s.replace('.', '-')}`, 'vpc-endpoint', { service: s }, 'vpc')),
    );

  it('needs no sagemaker.api endpoint: the Pipelines service starts the steps (issue 12 item 7)', () => {
    const r = run(doc(ALL));
    expect(r.rules().has('sagemaker-api-unreachable')).toBe(false);
    expect(r.state('train')).toBe('Completed');
    expect(r.state('pipe')).toBe('Succeeded');
  });

  it(
    "its step jobs run in the pipeline's subnet: without the S3 gateway their data download fails as a " +
      "standalone job's would",
    () => {
      const r = run(doc(ALL.filter((s) => s !== 's3')));
      expect(r.incident('s3-unreachable', 'train')).toBeDefined();
      expect(r.state('train')).toBe('Failed');
      expect(r.state('pipe')).toBe('Failed');
    },
  );
});
