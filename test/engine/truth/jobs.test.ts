/** Issue 12 items 6 and 7: input modes per built-in algorithm; pipelines are not VPC resources. */
import { describe, expect, it } from 'vitest';
import { arch, edge, findings, node, run } from '../../harness';

describe('item 6: DeepAR and IP Insights take File input only', () => {
  const doc = (algorithm: string, format: string, inputMode: string) =>
    arch(
      node('raw', 's3-bucket', { format, datasetGB: 1 }),
      node('train', 'training-job', { algorithm, inputMode, trainingMinutes: 5 }),
      edge('raw', 'train'),
    );
  for (const [alg, format, name] of [
    ['deepar', 'jsonlines', 'DeepAR forecasting'],
    ['ip-insights', 'csv', 'IP Insights'],
  ])
    it(`${alg} with Pipe fails at start with a ClientError; File completes`, () => {
      const r = run(doc(alg, format, 'Pipe'), { durationSec: 3600 });
      expect(r.state('train')).toBe('Failed');
      expect(r.incident('input-mode-unsupported', 'train')!.message).toBe(
        `ClientError: The ${name} algorithm does not support Pipe input mode for channel train; supported ` +
          `input modes: File.`,
      );
      expect(findings(doc(alg, format, 'Pipe')).map((f) => f.rule)).toContain('input-mode-unsupported');
      expect(run(doc(alg, format, 'File'), { durationSec: 3600 }).state('train')).toBe('Completed');
    });
  it('algorithms AWS lists as "File or Pipe" are not refused', () => {
    const r = run(doc('linear-learner', 'recordio-protobuf', 'Pipe'), { durationSec: 3600 });
    expect(r.rules().has('input-mode-unsupported')).toBe(false);
    expect(r.state('train')).toBe('Completed');
  });
});

describe('item 7: a pipeline needs no sagemaker.api endpoint; its step jobs use its subnet', () => {
  const doc = (services: string[], lambda = false) =>
    arch(
      node('vpc', 'vpc'),
      node('sub', 'subnet', { access: 'private' }, 'vpc'),
      ...services.map((s) => node(`e-${s.replace('.', '-')}`, 'vpc-endpoint', { service: s }, 'vpc')),
      node('data', 's3-bucket', { datasetGB: 1 }),
      node('pipe', 'pipeline', {}, 'sub'),
      node('train', 'training-job', { trainingMinutes: 5 }, 'pipe'),
      edge('data', 'train'),
      ...(lambda ? [node('fn', 'lambda', {}, 'sub'), edge('fn', 'pipe')] : []),
    );
  it('with the step endpoints the pipeline succeeds without sagemaker.api', () => {
    const r = run(doc(['ecr.api', 'ecr.dkr', 's3', 'logs']), { durationSec: 3600 });
    expect(r.state('pipe')).toBe('Succeeded');
    expect(findings(doc(['ecr.api', 'ecr.dkr', 's3', 'logs'])).map((f) => f.rule)).not.toContain(
      'sagemaker-api-unreachable',
    );
  });
  it(
    "its step job pulls its image through the pipeline's subnet: without ECR endpoints it fails like a " +
      'standalone job',
    () => {
      const r = run(doc(['s3', 'logs']), { durationSec: 3600 });
      expect(r.incident('ecr-pull-blocked', 'train')).toBeDefined();
      expect(r.state('pipe')).toBe('Failed');
    },
  );
  it('a lambda in the subnet calling SageMaker still needs the endpoint', () => {
    expect(findings(doc(['ecr.api', 'ecr.dkr', 's3', 'logs'], true)).map((f) => `${f.rule}@${f.node}`)).toContain(
      'sagemaker-api-unreachable@fn',
    );
  });
});
