/**
 * Buy vs build (issue 16, skills S2.1.3, S2.1.5): a managed AI service answers a client's calls; customised on data
 * whose task it does not learn, its customisation fails and every call fails; a customised Bedrock model answers
 * only through Provisioned Throughput or a custom model deployment.
 */
import { describe, expect, it } from 'vitest';
import { arch, edge, findings, node, run } from '../../harness';

const doc = (service: string, task: string | null, p: Record<string, unknown> = {}) =>
  arch(
    node('data', 's3-bucket', { datasetGB: 1, task }),
    node('ai', 'ai-service', { service, customModel: true, modelLatencyMs: 250, ...p }),
    node('c', 'client', { rps: 2 }),
    edge('data', 'ai'),
    edge('c', 'ai'),
  );

describe('managed AI services', () => {
  it.each([
    ['comprehend', 'text-classification'],
    ['rekognition', 'image-classification'],
    ['personalize', 'recommendation'],
  ])('%s customised on %s serves every call at its latency', (service, task) => {
    const r = run(doc(service, task), { durationSec: 600 });
    expect(r.state('ai')).toBe('InService');
    const n = r.node('ai');
    expect(n.requests).toBeGreaterThan(1000);
    expect(n.failed).toBe(0);
    expect(n.ok).toBe(n.requests);
    expect(n.p99Ms).toBe(250);
    expect(r.node('c').requests).toBe(n.requests);
    expect(findings(doc(service, task))).toEqual([]);
  });

  it.each([
    ['comprehend', 'image-classification', 'custom classification of documents'],
    ['textract', 'text-classification', 'text, forms and tables extracted from documents'],
    ['rekognition', 'binary-classification', 'Custom Labels for objects and scenes in images'],
  ])('%s customised on %s fails to customise and fails every call', (service, task, how) => {
    const r = run(doc(service, task), { durationSec: 600 });
    expect(r.state('ai')).toBe('Failed');
    expect(r.node('ai').ok).toBe(0);
    expect(r.node('ai').failed).toBe(r.node('ai').requests);
    expect(r.incident('ai-service-task-mismatch', 'ai')!.message).toContain(`offers ${how}; it does not learn ${task}`);
    expect(findings(doc(service, task)).map((f) => f.rule)).toEqual(['ai-service-task-mismatch']);
  });

  it('a service used as is (no custom model) is not judged against the data task', () => {
    const r = run(doc('comprehend', 'image-classification', { customModel: false }), { durationSec: 600 });
    expect(r.rules().size).toBe(0);
    expect(r.state('ai')).toBe('InService');
  });

  it(
    'a customised Bedrock model fails every call on demand; Provisioned Throughput or a custom model deployment ' +
      'serves it',
    () => {
      const onDemand = run(doc('bedrock', 'text-classification'), { durationSec: 600 });
      const i = onDemand.incident('bedrock-custom-model-on-demand', 'ai')!;
      expect(i.count).toBe(onDemand.node('ai').requests);
      expect(onDemand.node('ai').ok).toBe(0);
      for (const bedrockInference of ['provisioned-throughput', 'custom-model-deployment']) {
        const r = run(doc('bedrock', 'text-classification', { bedrockInference }), { durationSec: 600 });
        expect(r.rules().size, bedrockInference).toBe(0);
        expect(r.node('ai').failed).toBe(0);
      }
      // a base model (not customised) is served on demand
      expect(run(doc('bedrock', null, { customModel: false }), { durationSec: 600 }).node('ai').failed).toBe(0);
    },
  );

  it('calls are seeded: the same seed gives the same counts', () => {
    const a = run(doc('comprehend', 'text-classification'), { durationSec: 300, seed: 4 }).node('ai').requests;
    const b = run(doc('comprehend', 'text-classification'), { durationSec: 300, seed: 4 }).node('ai').requests;
    expect(a).toBe(b);
  });
});
