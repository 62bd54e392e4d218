/**
 * JumpStart fine-tuning (issue 16, finetune16): a jumpstart-model with a fineTune method runs a fine-tuning job on
 * the s3-bucket feeding it, billed on its instance, and fails on data its method cannot read (fine-tuning-data-format);
 * Bedrock customisation reads JSON Lines only; a deep network timed on a GPU trains 10× longer on a CPU instance.
 */
import { describe, expect, it } from 'vitest';
import { CPU_DEEP_NETWORK_SLOWDOWN } from '../../../src/catalog/feasibility';
import { instanceType } from '../../../src/catalog/instances';
import { arch, edge, findings, node, run } from '../../harness';

const tuned = (data: Record<string, unknown>, model: Record<string, unknown> = {}) =>
  arch(
    node('docs', 's3-bucket', { datasetGB: 0.5, ...data }),
    node('llama', 'jumpstart-model', {
      acceptEula: true,
      fineTune: 'instruction-tuning',
      fineTuneMinutes: 30,
      ...model,
    }),
    edge('docs', 'llama'),
  );

describe('JumpStart fine-tuning job', () => {
  it('instruction tuning on JSON Lines prompt/completion: Completed, billed download + training + upload', () => {
    const r = run(tuned({ dataFormat: 'jsonl-prompt-completion' }), { durationSec: 7200 });
    expect(r.state('llama')).toBe('Completed');
    expect(r.rules().has('fine-tuning-data-format')).toBe(false);
    // 60 s download + 1,800 s training + 16 GB at 0.5 GB/s (32 s) on ml.g5.12xlarge
    const usd = (instanceType('ml.g5.12xlarge')!.pricePerHourUSD * (60 + 1800 + 32)) / 3600;
    expect(r.report.costUSD).toBeCloseTo(usd, 2);
    expect(r.node('llama').fineTunedModel).toBe('meta-textgeneration-llama-3-8b-instruct-ft');
  });

  it('is still training before its time is up (the run ends mid-job: InProgress, not Completed)', () => {
    expect(run(tuned({ dataFormat: 'jsonl-prompt-completion' }), { durationSec: 900 }).state('llama')).toBe(
      'InProgress',
    );
  });

  it('instruction tuning on a CSV export fails when its data is read, with the rule and only the download billed', () => {
    const r = run(tuned({ dataFormat: 'csv' }), { durationSec: 7200 });
    expect(r.state('llama')).toBe('Failed');
    const i = r.incident('fine-tuning-data-format', 'llama');
    expect(i?.message).toBe(
      'Training job llama-fine-tune Failed. Reason: ClientError: instruction-based fine-tuning of llama reads a JSON ' +
        'Lines (.jsonl) file of "prompt"/"completion" records and a template.json; docs holds CSV.',
    );
    expect(i?.firstAtSec).toBe(180);
    expect(r.report.costUSD).toBeCloseTo((instanceType('ml.g5.12xlarge')!.pricePerHourUSD * 60) / 3600, 2);
    expect(findings(tuned({ dataFormat: 'csv' })).some((f) => f.rule === 'fine-tuning-data-format')).toBe(true);
  });

  it('chat-style messages are not the prompt/completion layout instruction tuning reads', () => {
    expect(run(tuned({ dataFormat: 'jsonl-messages' }), { durationSec: 7200 }).state('llama')).toBe('Failed');
  });

  it('domain adaptation reads unlabelled text (CSV, JSON, TXT) and refuses JSON Lines pairs', () => {
    for (const f of ['csv', 'json', 'txt'])
      expect(
        run(tuned({ dataFormat: f }, { fineTune: 'domain-adaptation' }), { durationSec: 7200 }).state('llama'),
        f,
      ).toBe('Completed');
    const r = run(tuned({ dataFormat: 'jsonl-prompt-completion' }, { fineTune: 'domain-adaptation' }));
    expect(r.incident('fine-tuning-data-format')?.message).toMatch(/domain adaptation of llama reads unlabelled text/);
  });

  it('waits without data, and fails before downloading when a gated model has no accepted EULA', () => {
    const alone = run(arch(node('llama', 'jumpstart-model', { acceptEula: true, fineTune: 'instruction-tuning' })));
    expect(alone.state('llama')).toBe('Pending');
    const r = run(tuned({ dataFormat: 'jsonl-prompt-completion' }, { acceptEula: false }));
    expect(r.state('llama')).toBe('Failed');
    expect(r.report.costUSD).toBe(0);
    expect(r.sim.log.entries().some((e) => /requires explicit acceptance/.test(e.message))).toBe(true);
  });

  it('fineTune none runs no job (the model has no state of its own, as before)', () => {
    const r = run(tuned({ dataFormat: 'csv' }, { fineTune: 'none' }));
    expect(r.state('llama')).toBeUndefined();
    expect(r.rules().has('fine-tuning-data-format')).toBe(false);
  });

  it('an endpoint deploying a model whose fine-tuning cannot read its data fails at model download', () => {
    const d = tuned({ dataFormat: 'txt' });
    d.nodes.push(node('ep', 'realtime-endpoint', { instanceType: 'ml.g5.2xlarge' }));
    d.edges.push(edge('llama', 'ep'));
    const r = run(d);
    expect(r.state('ep')).toBe('Failed');
    expect(r.incident('fine-tuning-data-format', 'ep')).toBeDefined();
    d.nodes[0].props = { ...d.nodes[0].props, dataFormat: 'jsonl-prompt-completion' };
    expect(run(d).state('ep')).toBe('InService');
  });
});

describe('Bedrock customisation reads JSON Lines', () => {
  const bedrock = (dataFormat?: string) =>
    arch(
      node('tickets', 's3-bucket', { task: 'text-classification', ...(dataFormat ? { dataFormat } : {}) }),
      node('router', 'ai-service', { service: 'bedrock', customModel: true, bedrockInference: 'provisioned-throughput' }),
      node('desk', 'client', { rps: 2 }),
      edge('tickets', 'router'),
      edge('desk', 'router'),
    );

  it('a CSV dataset fails the customisation and every call; JSON Lines (the default) and messages serve', () => {
    const bad = run(bedrock('csv'), { durationSec: 600 });
    expect(bad.state('router')).toBe('Failed');
    expect(bad.incident('fine-tuning-data-format', 'router')?.message).toMatch(
      /^Model customization job for router Failed\. Reason: ClientError: Bedrock fine-tuning of router reads a \.jsonl/,
    );
    expect(bad.node('router').ok).toBe(0);
    for (const f of [undefined, 'jsonl-messages']) {
      const ok = run(bedrock(f), { durationSec: 600 });
      expect(ok.state('router'), String(f)).toBe('InService');
      expect(ok.node('router').failed, String(f)).toBe(0);
    }
  });

  it('other services ignore the fine-tuning data format', () => {
    const d = bedrock('csv');
    d.nodes[1].props = { service: 'comprehend', customModel: true };
    expect(run(d, { durationSec: 600 }).rules().has('fine-tuning-data-format')).toBe(false);
  });
});

describe('a deep network timed on a GPU, on a CPU instance', () => {
  const job = (props: Record<string, unknown>) =>
    arch(
      node('raw', 's3-bucket', { datasetGB: 1 }),
      node('train', 'training-job', { algorithm: 'custom', gpuNetwork: true, trainingMinutes: 10, ...props }),
      edge('raw', 'train'),
    );
  const trainingSec = (props: Record<string, unknown>) => {
    const r = run(job(props), { durationSec: 40_000 });
    expect(r.state('train')).toBe('Completed');
    return Number(r.node('train').durationSec);
  };

  it(`trains ${CPU_DEEP_NETWORK_SLOWDOWN}× longer on ml.m5.xlarge than on a GPU instance, and says so`, () => {
    const gpu = trainingSec({ instanceType: 'ml.g4dn.xlarge' });
    const cpu = trainingSec({ instanceType: 'ml.m5.xlarge' });
    expect(cpu - gpu).toBeCloseTo(600 * (CPU_DEEP_NETWORK_SLOWDOWN - 1), 0);
    const r = run(job({ instanceType: 'ml.m5.xlarge' }), { durationSec: 40_000 });
    expect(r.sim.log.entries().some((e) => /no GPU\): about 10× longer, 100 min of Training/.test(e.message))).toBe(true);
  });

  it('is not slowed when the script is not a GPU network, or a built-in algorithm runs', () => {
    const base = trainingSec({ instanceType: 'ml.m5.xlarge', gpuNetwork: false });
    expect(trainingSec({ instanceType: 'ml.m5.xlarge', algorithm: 'xgboost' })).toBe(base);
    expect(trainingSec({ instanceType: 'ml.g4dn.xlarge' })).toBe(base);
  });
});
