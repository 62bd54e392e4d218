/**
 * The rulebook switch (issue 12, format.md section 7): `sheet` behaves as the exam sheet says, `aws` as AWS
 * documentation says where they differ — ECR pulls over the platform path unless repositoryAccessMode is "Vpc",
 * no logs endpoint for containers, a monitor without a baseline runs. Same file + seed + rulebook → same report.
 */
import { describe, expect, it } from 'vitest';
import { runDocument } from '../../../src/engine/run';
import { arch, edge, fault, findings, node, run } from '../../harness';
import { checkDocument } from '../../../src/engine/run';

const privateJob = (repo?: 'Platform' | 'Vpc') =>
  arch(
    node('vpc', 'vpc'),
    node('sub', 'subnet', { access: 'private' }, 'vpc'),
    node('s3gw', 'vpc-endpoint', { service: 's3' }, 'vpc'),
    node('data', 's3-bucket', { datasetGB: 1 }),
    ...(repo ? [node('repo', 'ecr-repository', { repositoryAccessMode: repo }), edge('repo', 'train')] : []),
    node('train', 'training-job', { algorithm: 'custom', trainingMinutes: 5 }, 'sub'),
    edge('data', 'train'),
  );

describe('rulebook: ECR pulls and logs in a private subnet', () => {
  it('sheet: the job needs ecr.api/ecr.dkr and a logs endpoint', () => {
    const r = run(privateJob(), { durationSec: 3600 });
    expect(r.report.rulebook).toBe('sheet');
    expect(r.state('train')).toBe('Failed');
    expect(r.incident('ecr-pull-blocked', 'train')).toBeDefined();
    expect(r.incident('logs-unreachable', 'train')).toBeDefined();
  });
  it('aws: SageMaker pulls the image itself and ships the logs; the job completes', () => {
    const r = run(privateJob(), { durationSec: 3600, rulebook: 'aws' });
    expect(r.report.rulebook).toBe('aws');
    expect(r.state('train')).toBe('Completed');
    expect(r.rules().has('ecr-pull-blocked')).toBe(false);
    expect(r.rules().has('logs-unreachable')).toBe(false);
    expect(checkDocument(privateJob(), undefined, 'aws').map((f) => f.rule)).not.toContain('ecr-pull-blocked');
  });
  it('aws with repositoryAccessMode "Vpc": the pull goes through the VPC and needs the endpoints again', () => {
    const r = run(privateJob('Vpc'), { durationSec: 3600, rulebook: 'aws' });
    expect(r.state('train')).toBe('Failed');
    expect(r.incident('ecr-pull-blocked', 'train')).toBeDefined();
    expect(run(privateJob('Platform'), { durationSec: 3600, rulebook: 'aws' }).state('train')).toBe('Completed');
  });
  it('the file field selects the rulebook, and the option overrides it', () => {
    const doc = { ...privateJob(), rulebook: 'aws' as const };
    expect(run(doc, { durationSec: 3600 }).state('train')).toBe('Completed');
    expect(run(doc, { durationSec: 3600, rulebook: 'sheet' }).state('train')).toBe('Failed');
    expect(findings(doc).map((f) => f.rule)).not.toContain('ecr-pull-blocked');
  });
});

describe('rulebook: a monitor without a baseline', () => {
  const doc = () =>
    arch(
      node('c', 'client', { rps: 5 }),
      node('ep', 'realtime-endpoint', { dataCapture: true }),
      node('mon', 'model-monitor', { baseline: false, scheduleMinutes: 60 }),
      edge('c', 'ep'),
      edge('ep', 'mon'),
      fault({ atSec: 100, kind: 'data-drift', node: 'ep' }),
    );
  it('sheet: every run fails (monitor-needs-baseline)', () => {
    const r = run(doc(), { durationSec: 7500 });
    expect(r.incident('monitor-needs-baseline', 'mon')?.count).toBe(2);
  });
  it('aws: runs complete with no violations to report, so the drift goes unnoticed', () => {
    const r = run(doc(), { durationSec: 7500, rulebook: 'aws' });
    expect(r.rules().has('monitor-needs-baseline')).toBe(false);
    expect(r.node('mon')).toMatchObject({ runs: 2, failedRuns: 0, violations: 0 });
    expect(r.rules().has('data-drift-detected')).toBe(false);
  });
});

describe('rulebook determinism', () => {
  it('same file + seed + rulebook gives a byte-identical report; the rulebook is part of the report', () => {
    for (const rulebook of ['sheet', 'aws'] as const) {
      const a = JSON.stringify(runDocument(privateJob(), { seed: 9, rulebook }).report);
      expect(JSON.stringify(runDocument(privateJob(), { seed: 9, rulebook }).report)).toBe(a);
      expect(JSON.parse(a).rulebook).toBe(rulebook);
    }
  });
});
