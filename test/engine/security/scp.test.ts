/**
 * Service control policies (issue 17): an `scp` node's Deny refuses the create calls it covers when the request lacks
 * a condition key it requires; the job fails at creation with AWS's explicit-deny wording, costs nothing, and no IAM
 * grant lifts it.
 */
import { describe, expect, it } from 'vitest';
import { arch, findings, node, run } from '../../harness';

const scp = (props: Record<string, unknown> = {}) => node('org', 'scp', props);

describe('scp-denied', () => {
  it(
    'a training job without VolumeKmsKeyId under the default SCP fails at creation with the explicit-deny ' +
      'message, at no cost',
    () => {
      const r = run(arch(scp(), node('t', 'training-job')), { durationSec: 600 });
      expect(r.state('t')).toBe('Failed');
      const i = r.incident('scp-denied', 't')!;
      expect(i.message).toContain('is not authorized to perform: sagemaker:CreateTrainingJob');
      expect(i.message).toContain('training-job/t with an explicit deny in a service control policy');
      expect(i.message).toContain('sagemaker:VolumeKmsKey');
      expect(r.node('t').costUSD ?? 0).toBe(0);
    },
  );

  it('a volume key satisfies the condition; the job completes', () => {
    const r = run(arch(scp(), node('k', 'kms-key'), node('t', 'training-job', { VolumeKmsKeyId: 'k' })));
    expect(r.state('t')).toBe('Completed');
    expect(r.rules().has('scp-denied')).toBe(false);
  });

  it('an administrator role does not help: an SCP deny wins over any allow', () => {
    const role = node('r', 'iam-role', { actions: ['*'], s3Resources: ['*'] });
    const r = run(arch(scp(), role, node('t', 'training-job', { role: 'r' })), { durationSec: 600 });
    expect(r.incident('scp-denied', 't')).toBeDefined();
  });

  it(
    'requireVpcSubnets: a job outside any subnet is denied; in a subnet, or in a pipeline that sits in one, it ' +
      'passes the SCP',
    () => {
      const vpcOnly = scp({ requireVolumeKmsKey: false, requireVpcSubnets: true });
      const out = findings(arch(vpcOnly, node('t', 'training-job')));
      expect(out.find((f) => f.rule === 'scp-denied')?.message).toContain('sagemaker:VpcSubnets');
      const inSubnet = arch(
        vpcOnly,
        node('vpc', 'vpc'),
        node('priv', 'subnet', { access: 'private' }, 'vpc'),
        node('t', 'training-job', {}, 'priv'),
      );
      expect(findings(inSubnet).some((f) => f.rule === 'scp-denied')).toBe(false);
      const inPipeline = arch(
        vpcOnly,
        node('vpc', 'vpc'),
        node('priv', 'subnet', { access: 'private' }, 'vpc'),
        node('p', 'pipeline', {}, 'priv'),
        node('t', 'training-job', {}, 'p'),
      );
      expect(findings(inPipeline).some((f) => f.rule === 'scp-denied')).toBe(false);
    },
  );

  it('covers only the actions it lists; sagemaker:Create* covers processing and transform jobs too', () => {
    const trainingOnly = arch(scp(), node('p', 'processing-job'));
    expect(findings(trainingOnly).some((f) => f.rule === 'scp-denied')).toBe(false);
    const all = arch(
      scp({ actions: ['sagemaker:Create*'] }),
      node('p', 'processing-job'),
      node('b', 'batch-transform'),
    );
    const denied = findings(all).filter((f) => f.rule === 'scp-denied');
    expect(denied.map((f) => f.node).sort()).toEqual(['b', 'p']);
    expect(denied.find((f) => f.node === 'b')!.message).toContain('sagemaker:CreateTransformJob');
    expect(denied.find((f) => f.node === 'b')!.message).toContain('transform-job/b');
  });

  it('an SCP with no requirement denies nothing', () => {
    const none = arch(scp({ requireVolumeKmsKey: false }), node('t', 'training-job'));
    expect(findings(none).some((f) => f.rule === 'scp-denied')).toBe(false);
  });

  it(
    'is evaluated before the instance-type check: a compliant key on ' + 'an NVMe type then meets kms-on-nvme-instance',
    () => {
      const nvme = (props: Record<string, unknown>) =>
        run(arch(scp(), node('k', 'kms-key'), node('t', 'training-job', { instanceType: 'ml.g5.xlarge', ...props })), {
          durationSec: 600,
        });
      expect(nvme({}).incident('scp-denied', 't')).toBeDefined();
      const keyed = nvme({ VolumeKmsKeyId: 'k' });
      expect(keyed.incident('scp-denied', 't')).toBeUndefined();
      expect(keyed.incident('kms-on-nvme-instance', 't')).toBeDefined();
    },
  );
});
