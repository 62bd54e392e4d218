import { describe, expect, it } from 'vitest';
import { arch, edge, findings, node } from '../../harness';
import type { ArchEdge, ArchNode } from '../../../src/model/schema';

type Part = ArchNode | ArchEdge;
const rulesOn = (parts: Part[], rule: string) => findings(arch(...parts)).filter((f) => f.rule === rule);

describe('unencrypted-volume / unencrypted-output', () => {
  const job = (
    kind: 'training-job' | 'processing-job',
    bucket: Record<string, unknown>,
    props: Record<string, unknown> = {},
  ): Part[] => [
    node('key', 'kms-key'),
    node('data', 's3-bucket', bucket),
    node('job', kind, props),
    edge('data', 'job'),
  ];

  it('a training job reading an sse-kms bucket without keys: both findings, naming the API parameters', () => {
    const parts = job('training-job', { encryption: 'sse-kms' });
    const [vol] = rulesOn(parts, 'unencrypted-volume'),
      [out] = rulesOn(parts, 'unencrypted-output');
    expect(vol).toMatchObject({ node: 'job', severity: 'error' });
    expect(vol.message).toContain('ResourceConfig.VolumeKmsKeyId');
    expect(vol.message).toContain('s3://data (SSE-KMS encrypted)');
    expect(out).toMatchObject({ node: 'job', severity: 'error' });
    expect(out.message).toContain('OutputDataConfig.KmsKeyId');
  });

  it('a processing job reading sensitive data names the processing parameters', () => {
    const parts = job('processing-job', { sensitive: true });
    expect(rulesOn(parts, 'unencrypted-volume')[0].message).toContain(
      'ProcessingResources.ClusterConfig.VolumeKmsKeyId',
    );
    expect(rulesOn(parts, 'unencrypted-output')[0].message).toContain('ProcessingOutputConfig.KmsKeyId');
    expect(rulesOn(parts, 'unencrypted-volume')[0].message).toContain('(sensitive data)');
  });

  it('each key fixes its own finding; plain sse-s3 data needs neither', () => {
    const volOnly = job('training-job', { encryption: 'sse-kms' }, { VolumeKmsKeyId: 'key' });
    expect(rulesOn(volOnly, 'unencrypted-volume')).toEqual([]);
    expect(rulesOn(volOnly, 'unencrypted-output')).toHaveLength(1);
    const both = job(
      'training-job',
      { encryption: 'sse-kms', sensitive: true },
      { VolumeKmsKeyId: 'key', OutputKmsKeyId: 'key' },
    );
    expect(rulesOn(both, 'unencrypted-volume')).toEqual([]);
    expect(rulesOn(both, 'unencrypted-output')).toEqual([]);
    expect(findings(arch(...job('training-job', {})))).toEqual([]);
  });
});

describe('inter-container-unencrypted', () => {
  const parts = (props: Record<string, unknown>, sensitive = true): Part[] => [
    node('data', 's3-bucket', { sensitive }),
    node('train', 'training-job', props),
    edge('data', 'train'),
  ];

  it('distributed training on sensitive data without EnableInterContainerTrafficEncryption', () => {
    const [f] = rulesOn(parts({ instanceCount: 4 }), 'inter-container-unencrypted');
    expect(f).toMatchObject({ node: 'train', severity: 'warning' });
    expect(f.message).toContain('4 instances');
    expect(f.message).toContain('EnableInterContainerTrafficEncryption');
  });

  it('sensitive data reached through a feature store counts too', () => {
    const viaStore: Part[] = [
      node('raw', 's3-bucket', { sensitive: true }),
      node('prep', 'processing-job'),
      node('fs', 'feature-store'),
      node('train', 'training-job', { instanceCount: 2 }),
      edge('raw', 'prep'),
      edge('prep', 'fs'),
      edge('fs', 'train'),
    ];
    expect(rulesOn(viaStore, 'inter-container-unencrypted').map((f) => f.node)).toEqual(['train']);
  });

  it('fixed twins: encryption on, one instance, or data that is not sensitive', () => {
    expect(
      rulesOn(parts({ instanceCount: 4, EnableInterContainerTrafficEncryption: true }), 'inter-container-unencrypted'),
    ).toEqual([]);
    expect(rulesOn(parts({ instanceCount: 1 }), 'inter-container-unencrypted')).toEqual([]);
    expect(rulesOn(parts({ instanceCount: 4 }, false), 'inter-container-unencrypted')).toEqual([]);
  });
});

describe('feature-store-one-key', () => {
  const store = (props: Record<string, unknown>): Part[] => [
    node('key', 'kms-key'),
    node('fs', 'feature-store', props),
  ];

  it("online and offline stores with only one key: an error naming the missing store's parameter", () => {
    const [f] = rulesOn(store({ OnlineStoreKmsKeyId: 'key' }), 'feature-store-one-key');
    expect(f).toMatchObject({ node: 'fs', severity: 'error' });
    expect(f.message).toContain('the online store is encrypted with a KMS key but the offline store is not');
    expect(f.message).toContain('OfflineStoreConfig.S3StorageConfig.KmsKeyId');
    expect(rulesOn(store({ OfflineStoreKmsKeyId: 'key' }), 'feature-store-one-key')[0].message).toContain(
      'OnlineStoreConfig.SecurityConfig.KmsKeyId',
    );
  });

  it('fixed twins: both keys, no keys, or a single store', () => {
    expect(
      rulesOn(store({ OnlineStoreKmsKeyId: 'key', OfflineStoreKmsKeyId: 'key' }), 'feature-store-one-key'),
    ).toEqual([]);
    expect(rulesOn(store({}), 'feature-store-one-key')).toEqual([]);
    expect(rulesOn(store({ OnlineStoreKmsKeyId: 'key', offline: false }), 'feature-store-one-key')).toEqual([]);
  });
});

describe('iam-wildcard', () => {
  const role = (props: Record<string, unknown>) => rulesOn([node('role', 'iam-role', props)], 'iam-wildcard');

  it('"s3:*" or "*" actions, or "*" resources for an S3 action, are flagged on the role', () => {
    expect(role({ actions: ['s3:*'], s3Resources: ['arn:aws:s3:::data/*'] })[0]).toMatchObject({
      node: 'role',
      severity: 'warning',
    });
    expect(role({ actions: ['s3:*'], s3Resources: ['arn:aws:s3:::data/*'] })[0].message).toContain(
      '"s3:*" on "arn:aws:s3:::data/*"',
    );
    expect(role({ actions: ['*'], s3Resources: ['arn:aws:s3:::data/*'] })).toHaveLength(1);
    expect(role({ actions: ['s3:GetObject'] })[0].message).toContain('"s3:GetObject" on "*"');
  });

  it('fixed twins: specific actions and prefixes; a role with no actions grants nothing', () => {
    expect(role({ actions: ['s3:GetObject', 's3:PutObject'], s3Resources: ['arn:aws:s3:::data/train/*'] })).toEqual([]);
    expect(role({})).toEqual([]);
    expect(role({ actions: ['kms:Decrypt', 'ecr:BatchGetImage'] })).toEqual([]);
  });
});

describe('pii-without-macie', () => {
  const deployed = (sensitive: boolean, dataCapture: boolean, ...extra: Part[]): Part[] => [
    node('data', 's3-bucket', { sensitive }),
    node('train', 'training-job'),
    node('reg', 'model-registry', { approval: 'Approved' }),
    node('ep', 'realtime-endpoint', { dataCapture }),
    edge('data', 'train'),
    edge('train', 'reg'),
    edge('reg', 'ep'),
    ...extra,
  ];

  it('data capture on an endpoint whose model was trained on sensitive data, with no Macie', () => {
    const f = rulesOn(deployed(true, true), 'pii-without-macie');
    expect(f.map((x) => [x.node, x.severity])).toEqual([['ep', 'warning']]);
  });

  it('an online feature store fed from sensitive data counts too', () => {
    const parts: Part[] = [
      node('raw', 's3-bucket', { sensitive: true }),
      node('prep', 'processing-job'),
      node('fs', 'feature-store'),
      node('ep', 'realtime-endpoint', { dataCapture: true }),
      edge('raw', 'prep'),
      edge('prep', 'fs'),
      edge('fs', 'ep'),
    ];
    expect(rulesOn(parts, 'pii-without-macie').map((x) => x.node)).toEqual(['ep']);
  });

  it('fixed twins: a macie node, no data capture, or data that is not sensitive', () => {
    expect(rulesOn(deployed(true, true, node('macie', 'macie')), 'pii-without-macie')).toEqual([]);
    expect(rulesOn(deployed(true, false), 'pii-without-macie')).toEqual([]);
    expect(rulesOn(deployed(false, true), 'pii-without-macie')).toEqual([]);
  });
});

describe('no-cloudtrail-data-events', () => {
  it('info on each sensitive bucket while no trail records S3 data events', () => {
    const parts: Part[] = [
      node('pii', 's3-bucket', { sensitive: true }),
      node('plain', 's3-bucket'),
      node('trail', 'cloudtrail'),
    ];
    const f = rulesOn(parts, 'no-cloudtrail-data-events');
    expect(f.map((x) => [x.node, x.severity])).toEqual([['pii', 'info']]);
    expect(f[0].message).toContain('Sensitive bucket pii');
    expect(rulesOn([node('pii', 's3-bucket', { sensitive: true })], 'no-cloudtrail-data-events')).toHaveLength(1);
  });

  it('fixed twins: a trail with s3DataEvents, or no sensitive bucket', () => {
    expect(
      rulesOn(
        [node('pii', 's3-bucket', { sensitive: true }), node('trail', 'cloudtrail', { s3DataEvents: true })],
        'no-cloudtrail-data-events',
      ),
    ).toEqual([]);
    expect(rulesOn([node('plain', 's3-bucket')], 'no-cloudtrail-data-events')).toEqual([]);
  });
});
