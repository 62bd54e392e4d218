import { describe, expect, it } from 'vitest';
import { arch, edge, node } from '../../harness';
import type { ArchNode, ArchEdge } from '../../../src/model/schema';
import { JOB_PHASES, probe } from './probe';

/** A training job reading a 20 GB bucket in a subnet of `access`, with vpc-endpoints of `services`. */
const trainingIn = (access: string, services: string[], ...extra: (ArchNode | ArchEdge)[]) =>
  arch(
    node('vpc', 'vpc'),
    node('priv', 'subnet', { access }, 'vpc'),
    node('data', 's3-bucket', { datasetGB: 20 }),
    node('train', 'training-job', {}, 'priv'),
    edge('data', 'train'),
    ...services.map((s) => node(`vpce-${s.replace('.', '-')}`, 'vpc-endpoint', { service: s }, 'vpc')),
    ...extra,
  );

describe('image-pull gate', () => {
  it('a job in a private subnet without ECR endpoints fails with ecr-pull-blocked, the path in its data', () => {
    const r = probe(trainingIn('private', []), { train: JOB_PHASES });
    expect(r.state('train')).toBe('Failed');
    expect(r.incident('ecr-pull-blocked', 'train')).toMatchObject({ count: 1, firstAtSec: 1 });
    expect(r.incident('ecr-pull-blocked')!.message).toContain('CannotPullContainerError');
    expect(r.incident('ecr-pull-blocked')!.message).toContain('sagemaker-xgboost');
    expect(r.blockers['train:image-pull'].data).toEqual({
      path: ['train', 'priv', 'vpc'],
      missing: 'ecr.api and ecr.dkr interface endpoints in vpc',
      service: 'ecr.api',
    });
    expect(r.rules().has('s3-unreachable') && r.incident('s3-unreachable')).toBeFalsy();
  });

  it('one ECR endpoint is not enough: both ecr.api and ecr.dkr are needed', () => {
    const r = probe(trainingIn('private', ['ecr.api', 's3']), { train: JOB_PHASES });
    expect(r.incident('ecr-pull-blocked', 'train')?.count).toBe(1);
    expect(r.blockers['train:image-pull'].data).toMatchObject({
      missing: 'an ecr.dkr interface endpoint in vpc',
      service: 'ecr.dkr',
    });
  });

  it('with both ECR endpoints but no S3 gateway, the image layers fail as s3-unreachable', () => {
    const r = probe(trainingIn('private', ['ecr.api', 'ecr.dkr']), { train: JOB_PHASES });
    expect(r.state('train')).toBe('Failed');
    expect(r.incident('ecr-pull-blocked')).toBeUndefined();
    const i = r.incident('s3-unreachable', 'train')!;
    expect(i.count).toBe(1);
    expect(i.message).toContain('Image layer download failed');
    expect(i.message).toContain('prod-us-east-1-starport-layer-bucket');
  });

  it('fixed twin: ecr.api + ecr.dkr + s3 endpoints and the job completes (logs still warn)', () => {
    const r = probe(trainingIn('private', ['ecr.api', 'ecr.dkr', 's3']), { train: JOB_PHASES });
    expect(r.state('train')).toBe('Completed');
    expect(r.incident('ecr-pull-blocked')).toBeUndefined();
    expect(r.incident('s3-unreachable')).toBeUndefined();
    expect(r.incident('logs-unreachable', 'train')?.count).toBe(1);
  });

  it('fixed twins: a NAT subnet, a public subnet or no subnet at all', () => {
    for (const access of ['private-with-nat', 'public']) {
      const r = probe(trainingIn(access, []), { train: JOB_PHASES });
      expect(r.state('train'), access).toBe('Completed');
      expect(r.report.incidents, access).toEqual([]);
    }
    const r = probe(arch(node('train', 'training-job')), { train: JOB_PHASES });
    expect(r.state('train')).toBe('Completed');
  });
});

describe('data-download and model-download gates', () => {
  it('data-download without an S3 gateway endpoint fails with s3-unreachable naming the bucket', () => {
    const r = probe(trainingIn('private', []), { train: ['data-download'] });
    expect(r.state('train')).toBe('Failed');
    expect(r.incident('s3-unreachable', 'train')!.message).toBe(
      'ClientError: Data download failed for train: Could not connect to the endpoint URL: ' +
        '"https://data.s3.amazonaws.com/" (connect timeout)',
    );
    expect(r.blockers['train:data-download'].data).toEqual({
      path: ['train', 'priv', 'vpc'],
      missing: 'an s3 gateway endpoint in vpc',
      service: 's3',
    });
    expect(probe(trainingIn('private', ['s3']), { train: ['data-download'] }).state('train')).toBe('Completed');
  });

  it('a job that reads no S3 input downloads nothing and is not blocked', () => {
    const r = probe(
      arch(node('vpc', 'vpc'), node('priv', 'subnet', {}, 'vpc'), node('train', 'training-job', {}, 'priv')),
      { train: ['data-download'] },
    );
    expect(r.state('train')).toBe('Completed');
  });

  it('model-download of an endpoint names its artifact bucket', () => {
    const doc = arch(
      node('vpc', 'vpc'),
      node('priv', 'subnet', {}, 'vpc'),
      node('models', 's3-bucket'),
      node('ep', 'realtime-endpoint', {}, 'priv'),
      edge('models', 'ep'),
    );
    const r = probe(doc, { ep: ['model-download'] });
    expect(r.state('ep')).toBe('Failed');
    expect(r.incident('s3-unreachable', 'ep')!.message).toContain('Model download failed for ep');
    expect(r.incident('s3-unreachable', 'ep')!.message).toContain('https://models.s3.amazonaws.com/');
  });
});

describe('api-call gate', () => {
  const lambdaDoc = (services: string[], inVpc = true) =>
    arch(
      node('vpc', 'vpc'),
      node('priv', 'subnet', {}, 'vpc'),
      node('fn', 'lambda', {}, inVpc ? 'priv' : undefined),
      node('pipe', 'pipeline'),
      edge('fn', 'pipe'),
      ...services.map((s) => node(`vpce-${s.replace('.', '-')}`, 'vpc-endpoint', { service: s }, 'vpc')),
    );

  it('a lambda in a private subnet calling SageMaker without sagemaker.api times out', () => {
    const r = probe(lambdaDoc([]), { fn: ['api-call'] });
    expect(r.incident('sagemaker-api-unreachable', 'fn')!.message).toContain('fn calling StartPipelineExecution');
    expect(r.blockers['fn:api-call'].data).toMatchObject({
      missing: 'a sagemaker.api interface endpoint in vpc',
      service: 'sagemaker.api',
    });
    expect(r.finding('sagemaker-api-unreachable', 'fn')).toBeDefined();
  });

  it('fixed twins: a sagemaker.api endpoint, or the lambda outside the VPC', () => {
    for (const doc of [lambdaDoc(['sagemaker.api']), lambdaDoc([], false)]) {
      const r = probe(doc, { fn: ['api-call'] });
      expect(r.state('fn')).toBe('Completed');
      expect(r.rules().has('sagemaker-api-unreachable')).toBe(false);
    }
  });

  it('never blocks a pipeline: the Pipelines service makes its own API calls (issue 12 item 7)', () => {
    const doc = arch(
      node('vpc', 'vpc'),
      node('priv', 'subnet', {}, 'vpc'),
      node('pipe', 'pipeline', {}, 'priv'),
      node('t', 'training-job', {}, 'pipe'),
    );
    const r = probe(doc, { pipe: ['api-call'] });
    expect(r.rules().has('sagemaker-api-unreachable')).toBe(false);
  });
});

describe('outbound-call gate', () => {
  const doc = (isolated: boolean, withEdge = true) =>
    arch(
      node('train', 'training-job', { algorithm: 'custom', EnableNetworkIsolation: isolated }),
      node('topic', 'sns'),
      ...(withEdge ? [edge('train', 'topic')] : []),
    );

  it("network isolation blocks a job's outbound call", () => {
    const r = probe(doc(true), { train: JOB_PHASES });
    expect(r.state('train')).toBe('Failed');
    expect(r.incident('network-isolation-egress', 'train')).toMatchObject({ count: 1 });
    expect(r.incident('network-isolation-egress')!.message).toContain('outbound connection to topic failed');
    expect(r.finding('network-isolation-egress', 'train')?.severity).toBe('error');
  });

  it('fixed twins: isolation off, or no outbound dependency', () => {
    for (const d of [doc(false), doc(true, false)]) {
      const r = probe(d, { train: JOB_PHASES });
      expect(r.state('train')).toBe('Completed');
      expect(r.rules().has('network-isolation-egress')).toBe(false);
    }
  });
});

describe('logs gate', () => {
  it('returns a warning the owner records while the node goes on', () => {
    const r = probe(trainingIn('private', ['ecr.api', 'ecr.dkr', 's3']), { train: ['logs', 'data-download'] });
    expect(r.state('train')).toBe('Completed');
    expect(r.incident('logs-unreachable', 'train')?.count).toBe(1);
    expect(r.blockers['train:logs'].data).toMatchObject({
      missing: 'a logs interface endpoint in vpc',
      service: 'logs',
    });
  });

  it('fixed twin: a logs endpoint', () => {
    const r = probe(trainingIn('private', ['ecr.api', 'ecr.dkr', 's3', 'logs']), { train: JOB_PHASES });
    expect(r.state('train')).toBe('Completed');
    expect(r.report.incidents).toEqual([]);
    expect(r.report.findings).toEqual([]);
  });
});

describe('static findings', () => {
  it('a job in a private subnet without endpoints: ecr-pull-blocked, s3-unreachable, logs-unreachable', () => {
    const r = probe(trainingIn('private', []), {});
    expect(r.report.findings.map((f) => [f.rule, f.node, f.severity])).toEqual([
      ['ecr-pull-blocked', 'train', 'error'],
      ['logs-unreachable', 'train', 'warning'],
      ['s3-unreachable', 'train', 'error'],
    ]);
    expect(r.finding('ecr-pull-blocked')!.message).toContain(
      '(missing: ecr.api and ecr.dkr interface endpoints in vpc)',
    );
    expect(r.finding('s3-unreachable')!.message).toContain('https://data.s3.amazonaws.com/');
  });

  it('pipeline steps in a private subnet are flagged; the same pipeline outside the VPC is not', () => {
    const steps = (parent?: string) => [
      node('pipe', 'pipeline', {}, parent),
      node('prep', 'processing-job', {}, 'pipe'),
      node('fit', 'training-job', {}, 'pipe'),
      edge('prep', 'fit'),
    ];
    const inside = probe(arch(node('vpc', 'vpc'), node('priv', 'subnet', {}, 'vpc'), ...steps('priv')), {});
    expect(inside.finding('ecr-pull-blocked', 'prep')).toBeDefined();
    expect(inside.finding('ecr-pull-blocked', 'fit')).toBeDefined();
    expect(probe(arch(...steps()), {}).report.findings).toEqual([]);
  });

  it('fixed twin: every endpoint the job needs', () => {
    expect(probe(trainingIn('private', ['ecr.api', 'ecr.dkr', 's3', 'logs']), {}).report.findings).toEqual([]);
    expect(probe(trainingIn('private-with-nat', []), {}).report.findings).toEqual([]);
  });
});

describe('ecr-pull-blocked message', () => {
  it('names the call that times out: the ECR API first, then the registry', () => {
    const noneMsg = probe(trainingIn('private', []), { train: ['image-pull'] }).incident('ecr-pull-blocked')!.message;
    expect(noneMsg).toContain('Get "https://api.ecr.us-east-1.amazonaws.com/": dial tcp: i/o timeout');
    const withRepo = trainingIn('private', ['ecr.api'], node('repo', 'ecr-repository'), edge('repo', 'train'));
    const dkrMsg = probe(withRepo, { train: ['image-pull'] }).incident('ecr-pull-blocked')!.message;
    expect(dkrMsg).toBe(
      'CannotStartContainerError: CannotPullContainerError: failed to pull image ' +
        '123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:latest for train: ' +
        'Get "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/": dial tcp: i/o timeout',
    );
  });
});
