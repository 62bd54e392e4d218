/**
 * Issue 14, reviewer-grade IAM and endpoint graders: a role must grant each action its job uses (else
 * AccessDenied fails the job in the run), an empty role fails, wildcards fail `leastPrivilege`, and
 * `noUnneededEndpoints` refuses "add every endpoint type".
 */
import { describe, expect, it } from 'vitest';
import { arch, edge, node, run, validate } from '../../harness';
import { designChecks, gradeGoal } from '../../../src/engine/goal';
import { Graph } from '../../../src/model/graph';
import type { ArchDoc } from '../../../src/model/schema';

const FULL = ['s3:GetObject', 's3:PutObject', 'kms:Decrypt', 'kms:GenerateDataKey'];
const RES = ['arn:aws:s3:::data/*', 'arn:aws:s3:::out/*'];

const job = (actions: string[], s3Resources = RES, extra: Record<string, unknown> = {}) =>
  arch(
    node('data', 's3-bucket', { datasetGB: 2, encryption: 'sse-kms', kmsKey: 'key' }),
    node('out', 's3-bucket', { datasetGB: 1 }),
    node('key', 'kms-key'),
    node('role', 'iam-role', { actions, s3Resources }),
    node('train', 'training-job', { inputMode: 'FastFile', role: 'role', OutputKmsKeyId: 'key', ...extra }),
    edge('data', 'train'),
    edge('train', 'out'),
  );
const failure = (r: ReturnType<typeof run>) =>
  r.report.timeline.find((t) => t.node === 'train' && t.event.startsWith('Failed'))?.event ?? '';
const least = (doc: ArchDoc) =>
  gradeGoal(
    { leastPrivilege: true },
    { findings: [], incidents: [], nodes: {}, costUSD: 0, design: designChecks(new Graph(doc)) },
  );

describe('a role must grant what its job uses', () => {
  it('a role with every action it uses completes and is least privilege', () => {
    const doc = job(FULL);
    expect(run(doc).state('train')).toBe('Completed');
    expect(least(doc)).toEqual({ met: true, failed: [] });
  });

  it('an empty role fails the job with AccessDenied on s3:GetObject at download', () => {
    const r = run(job([]));
    expect(r.state('train')).toBe('Failed');
    expect(failure(r)).toMatch(
      /AccessDenied \(403\).*not authorized to perform: s3:GetObject on resource: arn:aws:s3:::data\/\*/,
    );
    expect(least(job([])).met).toBe(false);
  });

  it('a role on the wrong bucket is denied the read', () => {
    const r = run(job(FULL, ['arn:aws:s3:::elsewhere/*', 'arn:aws:s3:::out/*']));
    expect(r.state('train')).toBe('Failed');
    expect(failure(r)).toMatch(/s3:GetObject on resource: arn:aws:s3:::data\/\*/);
  });

  it('a grant on a prefix inside the bucket, or on the bucket named by its label, covers the read', () => {
    expect(run(job(FULL, ['arn:aws:s3:::data/train/*', 'arn:aws:s3:::out/*'])).state('train')).toBe('Completed');
    const doc = job(FULL, ['arn:aws:s3:::raw-claims/*', 'arn:aws:s3:::out/*']);
    doc.nodes[0].label = 'Raw claims';
    expect(run(validate(doc)).state('train')).toBe('Completed');
  });

  it('missing s3:PutObject fails only at the upload, after the training was paid for', () => {
    const r = run(job(['s3:GetObject', 'kms:Decrypt', 'kms:GenerateDataKey']));
    expect(r.state('train')).toBe('Failed');
    expect(failure(r)).toMatch(
      /Failed to upload model artifacts: AccessDenied.*s3:PutObject on resource: arn:aws:s3:::out\/\*/,
    );
    expect(r.report.costUSD).toBeGreaterThan(0.1);
  });

  it('missing kms:GenerateDataKey for a KMS-encrypted output fails at the upload', () => {
    const r = run(job(['s3:GetObject', 's3:PutObject', 'kms:Decrypt']));
    expect(failure(r)).toMatch(/kms:GenerateDataKey/);
  });

  it('missing kms:Decrypt on an SSE-KMS input is kms-access-denied (the catalog rule)', () => {
    const r = run(job(['s3:GetObject', 's3:PutObject', 'kms:GenerateDataKey']));
    expect(r.incident('kms-access-denied', 'train')).toBeDefined();
  });

  it("an image from the team's ECR repository needs the ECR pull actions", () => {
    const doc = validate({
      ...job(FULL),
      nodes: [...job(FULL).nodes, { id: 'repo', kind: 'ecr-repository' }],
      edges: [...job(FULL).edges!, { from: 'repo', to: 'train' }],
    });
    const r = run(doc);
    expect(failure(r)).toMatch(/CannotStartContainerError: AccessDeniedException.*ecr:GetAuthorizationToken/);
    const ok = structuredClone(doc);
    ok.nodes.find((n) => n.id === 'role')!.props!.actions = [
      ...FULL,
      'ecr:GetAuthorizationToken',
      'ecr:BatchGetImage',
      'ecr:GetDownloadUrlForLayer',
    ];
    expect(run(validate(ok)).state('train')).toBe('Completed');
  });

  it('a job with no role runs with the default execution role', () => {
    expect(run(job(FULL, RES, { role: null })).state('train')).toBe('Completed');
  });
});

describe('leastPrivilege', () => {
  it.each([
    ['"*"', ['*']],
    ['"kms:*"', ['s3:GetObject', 's3:PutObject', 'kms:*']],
    ['"s3:*"', ['s3:*', 'kms:Decrypt', 'kms:GenerateDataKey']],
    ['"s3:Get*"', ['s3:Get*', 's3:PutObject', 'kms:Decrypt', 'kms:GenerateDataKey']],
  ])('fails a wildcard action %s even though the job completes', (_name, actions) => {
    const doc = job(actions);
    expect(run(doc).state('train')).toBe('Completed');
    const g = least(doc);
    expect(g.met).toBe(false);
    expect(g.failed.join('\n')).toMatch(/grants the wildcard action/);
  });

  it('fails a "*" resource, an action no job uses, and a bucket no job touches', () => {
    expect(least(job(FULL, ['*'])).failed.join('\n')).toMatch(/S3 actions on every bucket/);
    expect(least(job([...FULL, 's3:DeleteObject'])).failed).toContain(
      'not least privilege: role role grants s3:DeleteObject, which none of its jobs (train) uses',
    );
    expect(least(job(FULL, [...RES, 'arn:aws:s3:::payroll/*'])).failed).toContain(
      'not least privilege: role role grants S3 access to arn:aws:s3:::payroll/*, which none of its jobs uses',
    );
  });

  it('allows the logging and metrics actions the documented role carries', () => {
    expect(least(job([...FULL, 'logs:CreateLogStream', 'logs:PutLogEvents', 'cloudwatch:PutMetricData'])).met).toBe(
      true,
    );
  });

  it('is graded by the runner when the goal asks for it', () => {
    const doc = validate({ ...job(['*']), goal: { leastPrivilege: true, nodeStates: { train: 'Completed' } } });
    const r = run(doc);
    expect(r.report.goal?.met).toBe(false);
    expect(r.report.goal?.failed[0]).toMatch(/^not least privilege: role role grants the wildcard action "\*"/);
  });
});

describe('noUnneededEndpoints', () => {
  const privateJob = (services: string[]) =>
    validate({
      ...arch(
        node('vpc', 'vpc'),
        node('priv', 'subnet', { access: 'private' }, 'vpc'),
        node('data', 's3-bucket', { datasetGB: 2 }),
        node('train', 'training-job', { inputMode: 'FastFile' }, 'priv'),
        edge('data', 'train'),
        ...services.map((s, i) => node(`ep${i}`, 'vpc-endpoint', { service: s }, 'priv')),
      ),
      goal: { noUnneededEndpoints: true, nodeStates: { train: 'Completed' } },
    });

  it('passes the endpoints a private training job needs', () => {
    const r = run(privateJob(['s3', 'ecr.api', 'ecr.dkr', 'logs']));
    expect(r.report.goal).toEqual({ met: true, failed: [] });
  });

  it('fails "add every endpoint type", naming each endpoint nothing uses', () => {
    const r = run(
      privateJob([
        's3',
        'ecr.api',
        'ecr.dkr',
        'logs',
        'sagemaker.api',
        'sagemaker.runtime',
        'monitoring',
        'sts',
        'kms',
      ]),
    );
    expect(r.state('train')).toBe('Completed');
    expect(r.report.goal?.met).toBe(false);
    const failed = r.report.goal!.failed.join('\n');
    for (const s of ['sagemaker.api', 'sagemaker.runtime', 'monitoring', 'sts', 'kms'])
      expect(failed).toContain(`(${s}) is not needed`);
    expect(failed).not.toContain('(ecr.dkr) is not needed');
  });

  it('fails a second endpoint of the same service', () => {
    const r = run(privateJob(['s3', 'ecr.api', 'ecr.dkr', 'logs', 'ecr.dkr']));
    expect(r.report.goal!.failed).toContain('vpc-endpoint ep4 repeats the ecr.dkr endpoint already in vpc');
  });
});
