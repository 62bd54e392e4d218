import { describe, expect, it } from 'vitest';
import { arch, edge, node, run } from '../../harness';
import { probe } from '../network/probe';

describe('kms-access-denied (gate at data-download, and a finding)', () => {
  const doc = (actions: string[] | null, encryption = 'sse-kms') =>
    arch(
      node('key', 'kms-key'),
      node('data', 's3-bucket', { encryption, kmsKey: 'key' }),
      ...(actions ? [node('role', 'iam-role', { actions, s3Resources: ['arn:aws:s3:::data/*'] })] : []),
      node('train', 'training-job', { role: actions ? 'role' : null, VolumeKmsKeyId: 'key', OutputKmsKeyId: 'key' }),
      edge('data', 'train'),
    );

  it('a role without kms:Decrypt fails the job at download with access denied', () => {
    const r = probe(doc(['s3:GetObject']), { train: ['image-pull', 'data-download'] });
    expect(r.state('train')).toBe('Failed');
    const i = r.incident('kms-access-denied', 'train')!;
    expect(i.count).toBe(1);
    expect(i.message).toContain('assumed-role/role/SageMaker is not authorized to perform: kms:Decrypt');
    expect(i.message).toContain('arn:aws:kms:us-east-1:123456789012:key/key');
    expect(r.finding('kms-access-denied', 'train')?.severity).toBe('error');
  });

  it(
    'fixed twins: kms:Decrypt, "kms:*" or "*" on the role; no role ' + '(the default execution role); an sse-s3 bucket',
    () => {
      for (const d of [
        doc(['s3:GetObject', 'kms:Decrypt']),
        doc(['s3:GetObject', 'kms:*']),
        doc(['*']),
        doc(null),
        doc(['s3:GetObject'], 'sse-s3'),
      ]) {
        const r = probe(d, { train: ['image-pull', 'data-download'] });
        expect(r.state('train')).toBe('Completed');
        expect(r.rules().has('kms-access-denied')).toBe(false);
      }
    },
  );

  it('the network answers first: an unreachable bucket is s3-unreachable, not access denied', () => {
    const d = arch(
      node('vpc', 'vpc'),
      node('priv', 'subnet', {}, 'vpc'),
      node('key', 'kms-key'),
      node('data', 's3-bucket', { encryption: 'sse-kms', kmsKey: 'key' }),
      node('role', 'iam-role', { actions: ['s3:GetObject'] }),
      node('train', 'training-job', { role: 'role' }, 'priv'),
      edge('data', 'train'),
    );
    const r = probe(d, { train: ['data-download'] });
    expect(r.incident('s3-unreachable', 'train')).toBeDefined();
    expect(r.incident('kms-access-denied')).toBeUndefined();
  });
});

describe('kms-on-nvme-instance (gate at deploy, with the endpoints module)', () => {
  const doc = (instanceType: string, KmsKeyId: string | null = 'key') =>
    arch(node('key', 'kms-key'), node('ep', 'realtime-endpoint', { instanceType, KmsKeyId }));

  it('an endpoint with KmsKeyId on an NVMe instance type fails creation', () => {
    const r = run(doc('ml.m5d.large'));
    expect(r.state('ep')).toBe('Failed');
    const i = r.incident('kms-on-nvme-instance', 'ep')!;
    expect(i).toMatchObject({ count: 1, firstAtSec: 0 });
    expect(i.message).toContain('KmsKeyId is not supported for instance type ml.m5d.large');
    expect(r.finding('kms-on-nvme-instance', 'ep')?.severity).toBe('error');
    expect(run(doc('ml.g5.xlarge')).state('ep')).toBe('Failed');
  });

  it('fixed twins: an EBS-only instance type keeps its key; an NVMe type without a key', () => {
    for (const d of [doc('ml.m5.large'), doc('ml.m5d.large', null)]) {
      const r = run(d);
      expect(r.state('ep')).toBe('InService');
      expect(r.rules().has('kms-on-nvme-instance')).toBe(false);
    }
  });
});
