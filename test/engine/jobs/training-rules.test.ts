import { describe, expect, it } from 'vitest';
import { ACCEPTED_FORMATS } from '../../../src/engine/modules/jobs';
import { JOB_TIMING as T } from '../../../src/engine/modules/jobs/constants';
import { arch, edge, findings, node, run } from '../../harness';
import { when } from './helpers';

const job = (bucket: Record<string, unknown>, train: Record<string, unknown>, extra: Parameters<typeof arch> = []) =>
  arch(node('data', 's3-bucket', bucket), node('train', 'training-job', train), edge('data', 'train'), ...extra);

describe('algorithm-input-format', () => {
  it('fails the job at Training start with the content type named', () => {
    const r = run(job({ format: 'csv' }, { algorithm: 'factorization-machines' }));
    expect(r.state('train')).toBe('Failed');
    expect(r.node('train').phase).toBe('Training');
    const i = r.incident('algorithm-input-format', 'train')!;
    expect(i.count).toBe(1);
    expect(i.firstAtSec).toBe(T.startingSec + T.transferOverheadSec + 10 / T.fileDownloadGBps);
    expect(i.message).toContain("'text/csv'");
    expect(i.message).toContain('application/x-recordio-protobuf');
    expect(findings(job({ format: 'csv' }, { algorithm: 'factorization-machines' })).map((f) => f.rule)).toContain(
      'algorithm-input-format',
    );
  });

  it('follows the whole table: every accepted pair trains, every other fails', () => {
    const formats = ['csv', 'parquet', 'jsonlines', 'recordio-protobuf', 'libsvm', 'text', 'image'];
    for (const [alg, ok] of Object.entries(ACCEPTED_FORMATS)) {
      for (const format of formats) {
        const r = run(job({ format, datasetGB: 1 }, { algorithm: alg, inputMode: 'FastFile', trainingMinutes: 1 }));
        expect(r.state('train'), `${alg} on ${format}`).toBe(ok.includes(format) ? 'Completed' : 'Failed');
        expect(!!r.incident('algorithm-input-format', 'train'), `${alg} on ${format}`).toBe(!ok.includes(format));
      }
    }
    expect(run(job({ format: 'image' }, { algorithm: 'custom' })).state('train')).toBe('Completed');
  });
});

describe('pipe-mode-format', () => {
  it('Pipe on CSV for a RecordIO algorithm warns and gains nothing over File mode', () => {
    const mk = (format: string, inputMode: string) =>
      run(job({ format, datasetGB: 20 }, { algorithm: 'linear-learner', inputMode }));
    const slow = mk('csv', 'Pipe'),
      file = mk('csv', 'File'),
      fast = mk('recordio-protobuf', 'Pipe');
    expect(slow.incident('pipe-mode-format', 'train')?.count).toBe(1);
    expect(slow.finding('pipe-mode-format', 'train')?.severity).toBe('warning');
    expect(slow.state('train')).toBe('Completed');
    expect(when(slow, 'train', 'Completed')!).toBeGreaterThanOrEqual(when(file, 'train', 'Completed')!);
    expect(fast.rules().has('pipe-mode-format')).toBe(false);
    expect(when(fast, 'train', 'Completed')!).toBeLessThan(when(file, 'train', 'Completed')!);
  });
});

describe('file-mode-disk-full', () => {
  it('File mode with a dataset larger than the volume fails in Downloading when the volume fills', () => {
    const r = run(job({ datasetGB: 50 }, { volumeGB: 30 }));
    expect(r.state('train')).toBe('Failed');
    expect(r.node('train').phase).toBe('Downloading');
    const i = r.incident('file-mode-disk-full', 'train')!;
    expect(i.message).toContain('No space left on device');
    expect(i.firstAtSec).toBe(T.startingSec + T.transferOverheadSec + 30 / T.fileDownloadGBps);
    expect(r.finding('file-mode-disk-full', 'train')).toBeDefined();
  });
  it('fixed twins: FastFile, or a bigger volume', () => {
    for (const fix of [{ volumeGB: 30, inputMode: 'FastFile' }, { volumeGB: 60 }]) {
      const r = run(job({ datasetGB: 50 }, fix));
      expect(r.state('train')).toBe('Completed');
      expect(r.rules().has('file-mode-disk-full')).toBe(false);
    }
  });
});

describe('slow-start-file-mode', () => {
  it('File mode over 100 GB spends long in Downloading (info), FastFile does not', () => {
    const r = run(job({ datasetGB: 200 }, { volumeGB: 300 }), { durationSec: 7200 });
    const i = r.incident('slow-start-file-mode', 'train')!;
    expect(i.count).toBe(1);
    expect(i.message).toContain(`${(T.transferOverheadSec + 2000) / 60} min`);
    expect(r.finding('slow-start-file-mode', 'train')?.severity).toBe('info');
    expect(when(r, 'train', 'Training')! - when(r, 'train', 'Downloading')!).toBe(2010);
    const fixed = run(job({ datasetGB: 200 }, { volumeGB: 300, inputMode: 'FastFile' }), { durationSec: 7200 });
    expect(fixed.rules().has('slow-start-file-mode')).toBe(false);
    expect(when(fixed, 'train', 'Training')! - when(fixed, 'train', 'Downloading')!).toBe(T.streamSetupSec);
  });
});

describe('GPU memory and distribution', () => {
  it('a 30 GB model on one 24 GB A10G fails with CUDA out of memory at Training start', () => {
    for (const distribution of ['none', 'data-parallel']) {
      const r = run(job({}, { instanceType: 'ml.g5.2xlarge', modelSizeGB: 30, distribution }));
      expect(r.state('train')).toBe('Failed');
      const i = r.incident('model-exceeds-gpu-memory', 'train')!;
      expect(i.message).toContain('CUDA out of memory');
      expect(i.message).toContain('24 GiB');
      expect(r.finding('model-exceeds-gpu-memory', 'train')).toBeDefined();
    }
  });
  it('fixed twins: model-parallel, or an instance whose GPU holds it; CPU instances are not judged', () => {
    for (const fix of [
      { instanceType: 'ml.g5.2xlarge', distribution: 'model-parallel' },
      { instanceType: 'ml.p4d.24xlarge' },
      { instanceType: 'ml.m5.xlarge' },
    ]) {
      const r = run(job({}, { modelSizeGB: 30, ...fix }));
      expect(r.state('train'), fix.instanceType).toBe('Completed');
      expect(r.rules().has('model-exceeds-gpu-memory')).toBe(false);
      expect(r.rules().has('model-parallel-unneeded')).toBe(false);
    }
  });
  it('model-parallel on a model that fits one GPU warns and trains slower', () => {
    const mp = run(job({}, { instanceType: 'ml.g5.2xlarge', modelSizeGB: 10, distribution: 'model-parallel' }));
    const dp = run(job({}, { instanceType: 'ml.g5.2xlarge', modelSizeGB: 10, distribution: 'data-parallel' }));
    expect(mp.incident('model-parallel-unneeded', 'train')?.count).toBe(1);
    expect(mp.finding('model-parallel-unneeded', 'train')?.severity).toBe('warning');
    expect(dp.rules().has('model-parallel-unneeded')).toBe(false);
    expect(when(mp, 'train', 'Completed')! - when(dp, 'train', 'Completed')!).toBeCloseTo(
      1800 * (T.modelParallelOverhead - 1),
      2,
    );
  });
});

describe('grid-search-continuous', () => {
  it('grid over continuous or mixed ranges is rejected at creation; discrete grid and bayesian run', () => {
    for (const space of ['continuous', 'mixed']) {
      const r = run(
        job({}, {}, [node('tuner', 'tuning-job', { strategy: 'grid', space, maxJobs: 2 }), edge('tuner', 'train')]),
      );
      expect(r.state('tuner')).toBe('Failed');
      expect(r.incident('grid-search-continuous', 'tuner')).toMatchObject({ count: 1, firstAtSec: 0 });
      expect(r.incident('grid-search-continuous', 'tuner')!.message).toContain(space);
      expect(r.finding('grid-search-continuous', 'tuner')?.severity).toBe('error');
      expect(r.state('train')).toBe('Pending');
    }
    for (const fix of [
      { strategy: 'grid', space: 'discrete' },
      { strategy: 'bayesian', space: 'continuous' },
    ]) {
      const r = run(
        job({}, { trainingMinutes: 5 }, [node('tuner', 'tuning-job', { ...fix, maxJobs: 2 }), edge('tuner', 'train')]),
      );
      expect(r.state('tuner')).toBe('Completed');
      expect(r.rules().has('grid-search-continuous')).toBe(false);
    }
  });
});

describe('misleading-accuracy', () => {
  it('accuracy on 5% positives: finding, and on completion an incident with the majority-class accuracy', () => {
    const r = run(job({ positiveClassRatio: 0.05 }, { evalMetric: 'accuracy' }));
    expect(r.finding('misleading-accuracy', 'train')).toBeDefined();
    const i = r.incident('misleading-accuracy', 'train')!;
    expect(i.count).toBe(1);
    // the majority-class figure (0.95), or the validation accuracy the MLOps module reports for the model
    expect(i.message).toMatch(/reports accuracy 0\.9[5-9]\d* on data whose positive class ratio is 0\.05/);
    expect(i.firstAtSec).toBe(2050);
    expect(r.state('train')).toBe('Completed');
  });
  it('a condition step gating on accuracy is flagged too', () => {
    const doc = arch(
      node('pipe', 'pipeline'),
      node('data', 's3-bucket', { positiveClassRatio: 0.97 }),
      node('train', 'training-job', {}, 'pipe'),
      node('gate', 'condition-step', { metric: 'accuracy' }, 'pipe'),
      edge('data', 'train'),
      edge('train', 'gate'),
    );
    expect(findings(doc).find((f) => f.rule === 'misleading-accuracy')?.node).toBe('gate');
  });
  const gated = (trainMetric: string, gateMetric: string) =>
    arch(
      node('pipe', 'pipeline'),
      node('data', 's3-bucket', { positiveClassRatio: 0.05 }),
      node('reg', 'model-registry'),
      node('train', 'training-job', { evalMetric: trainMetric }, 'pipe'),
      node('gate', 'condition-step', { metric: gateMetric, threshold: 0.9 }, 'pipe'),
      edge('data', 'train'),
      edge('train', 'gate'),
      edge('gate', 'reg'),
    );
  it('run placement follows the metric: a gate judging by accuracy records it, not the auc training job', () => {
    const r = run(gated('auc', 'accuracy'));
    expect(r.report.findings.filter((f) => f.rule === 'misleading-accuracy').map((f) => f.node)).toEqual(['gate']);
    const inc = r.report.incidents.filter((i) => i.rule === 'misleading-accuracy');
    expect(inc.map((i) => i.node)).toEqual(['gate']);
    expect(inc[0].count).toBe(1);
    // the figure is the validation accuracy the gate compared
    expect(inc[0].message).toContain(
      `gate reports accuracy ${r.node('gate').value} on data whose positive class ratio is 0.05`,
    );
    expect(r.node('gate').outcome).toBe(true);
  });
  it('run placement: both the training job and the gate when both judge by accuracy; neither when both use auc', () => {
    const both = run(gated('accuracy', 'accuracy'));
    expect(
      both.report.findings
        .filter((f) => f.rule === 'misleading-accuracy')
        .map((f) => f.node)
        .sort(),
    ).toEqual(['gate', 'train']);
    expect(
      both.report.incidents
        .filter((i) => i.rule === 'misleading-accuracy')
        .map((i) => i.node)
        .sort(),
    ).toEqual(['gate', 'train']);
    const none = run(gated('auc', 'auc'));
    expect(none.rules().has('misleading-accuracy')).toBe(false);
  });
  it('fixed twins: F1 on the same data, or accuracy on balanced data', () => {
    expect(
      run(job({ positiveClassRatio: 0.05 }, { evalMetric: 'f1' }))
        .rules()
        .has('misleading-accuracy'),
    ).toBe(false);
    expect(
      run(job({ positiveClassRatio: 0.4 }, { evalMetric: 'accuracy' }))
        .rules()
        .has('misleading-accuracy'),
    ).toBe(false);
  });
});
