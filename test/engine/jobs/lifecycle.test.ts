import { describe, expect, it } from 'vitest';
import { instanceCostUSD } from '../../../src/catalog/prices';
import { jobsModule } from '../../../src/engine/modules/jobs';
import { JOB_TIMING as T } from '../../../src/engine/modules/jobs/constants';
import { TOPICS, type JobCompleted, type JobFailed } from '../../../src/engine/topics';
import type { SimModule } from '../../../src/engine/sim';
import { arch, edge, node, run } from '../../harness';
import { cost, when } from './helpers';

const data = (gb = 10, props: Record<string, unknown> = {}) => node('data', 's3-bucket', { datasetGB: gb, ...props });

describe('training job lifecycle', () => {
  it('goes Starting → Downloading → Training → Uploading → Completed with phase lengths from its props', () => {
    const r = run(arch(data(10), node('train', 'training-job'), edge('data', 'train')));
    const download = T.transferOverheadSec + 10 / T.fileDownloadGBps; // 110 s
    const upload = T.transferOverheadSec + 1 / T.uploadGBps; // 20 s
    expect(when(r, 'train', 'Downloading')).toBe(T.startingSec);
    expect(when(r, 'train', 'Training')).toBe(T.startingSec + download);
    expect(when(r, 'train', 'Uploading')).toBe(T.startingSec + download + 30 * 60);
    expect(when(r, 'train', 'Completed')).toBe(T.startingSec + download + 30 * 60 + upload);
    expect(r.state('train')).toBe('Completed');
    // Downloading, Training and Uploading are billed; Starting is not
    expect(r.node('train').billableSec).toBe(download + 1800 + upload);
    expect(cost(r, 'train')).toBeCloseTo(instanceCostUSD('ml.m5.xlarge', download + 1800 + upload), 4);
    const phases = r.sim.log
      .entries()
      .filter((e) => e.node === 'train')
      .map((e) => e.data?.phase)
      .filter(Boolean);
    expect(phases).toEqual(['Starting', 'Downloading', 'Training', 'Uploading', 'Uploading']);
  });

  it('Pipe and FastFile start at once; more instances train faster', () => {
    const r = run(
      arch(
        data(50, { format: 'recordio-protobuf' }),
        node('file', 'training-job', { algorithm: 'linear-learner', volumeGB: 100 }),
        node('pipe', 'training-job', { algorithm: 'linear-learner', inputMode: 'Pipe' }),
        node('fast', 'training-job', { algorithm: 'linear-learner', inputMode: 'FastFile', instanceCount: 3 }),
        edge('data', 'file'),
        edge('data', 'pipe'),
        edge('data', 'fast'),
      ),
      { durationSec: 7200 },
    );
    expect(when(r, 'pipe', 'Training')! - when(r, 'pipe', 'Downloading')!).toBe(T.streamSetupSec);
    expect(when(r, 'file', 'Training')! - when(r, 'file', 'Downloading')!).toBe(
      T.transferOverheadSec + 50 / T.fileDownloadGBps,
    );
    expect(when(r, 'fast', 'Uploading')! - when(r, 'fast', 'Training')!).toBeCloseTo(
      1800 / (1 + 2 * T.scalingEfficiency),
      2,
    );
    expect(when(r, 'pipe', 'Completed')!).toBeLessThan(when(r, 'file', 'Completed')!);
    expect(r.rules().has('pipe-mode-format')).toBe(false);
  });

  it('a job still running at the end stays InProgress and is billed up to the end', () => {
    const r = run(arch(data(10), node('train', 'training-job', { trainingMinutes: 120 }), edge('data', 'train')), {
      durationSec: 1000,
    });
    expect(r.state('train')).toBe('InProgress');
    expect(r.node('train').phase).toBe('Training');
    expect(r.node('train').billableSec).toBe(1000 - T.startingSec);
  });

  it('processing, batch transform, Data Wrangler and Ground Truth complete', () => {
    const r = run(
      arch(
        data(10),
        node('pj', 'processing-job', { framework: 'pyspark', instanceCount: 2 }),
        node('bt', 'batch-transform', { SplitType: 'Line' }),
        node('dw', 'data-wrangler'),
        node('gt', 'ground-truth', { activeLearning: true }),
        edge('data', 'pj'),
        edge('data', 'bt'),
        edge('data', 'dw'),
        edge('data', 'gt'),
      ),
      { durationSec: 7200 },
    );
    for (const id of ['pj', 'bt', 'dw', 'gt']) expect(r.state(id), id).toBe('Completed');
    // batch transform: 10 GB in 6 MB mini-batches (SplitType Line)
    expect(r.node('bt').requests).toBe(Math.ceil((10 * 1024) / 6));
    expect(r.node('bt').failed).toBe(0);
    expect(r.node('gt')).toMatchObject({ objects: 10_000, labeled: 10_000, autoLabeled: 7000 });
    expect(cost(r, 'gt')).toBeCloseTo(3000 * 0.08, 6);
    expect(cost(r, 'dw')).toBeGreaterThan(0);
    expect(r.rules().size).toBe(0);
  });

  it('the same file and seed give the same report', () => {
    const doc = arch(
      data(10),
      node('train', 'training-job', { spot: true, trainingMinutes: 600 }),
      edge('data', 'train'),
      node('tuner', 'tuning-job', { strategy: 'hyperband', maxJobs: 6 }),
      node('t2', 'training-job'),
      edge('tuner', 't2'),
      edge('data', 't2'),
    );
    expect(JSON.stringify(run(doc, { durationSec: 40_000 }).report)).toBe(
      JSON.stringify(run(doc, { durationSec: 40_000 }).report),
    );
  });
});

describe('tuning job', () => {
  it('runs maxJobs training jobs, at most maxParallelJobs at a time', () => {
    const doc = arch(
      data(10),
      node('train', 'training-job', { trainingMinutes: 10 }),
      edge('data', 'train'),
      node('tuner', 'tuning-job', { maxJobs: 7, maxParallelJobs: 3 }),
      edge('tuner', 'train'),
    );
    const r = run(doc, { durationSec: 7200 });
    expect(r.state('tuner')).toBe('Completed');
    expect(r.node('tuner')).toMatchObject({ jobsCompleted: 7, jobsFailed: 0, peakParallelJobs: 3 });
    expect(r.state('train')).toBe('Completed');
    // each child: 120 + 110 + 600 + 20 = 850 s; 7 jobs 3 at a time = 3 waves
    expect(when(r, 'tuner', 'Completed')).toBe(3 * 850);
    expect(cost(r, 'tuner')).toBeCloseTo(7 * instanceCostUSD('ml.m5.xlarge', 730), 4);
    // the training job itself does not run on its own
    expect(cost(r, 'train')).toBe(0);
    const one = run(
      arch(
        data(10),
        node('train', 'training-job', { trainingMinutes: 10 }),
        edge('data', 'train'),
        node('tuner', 'tuning-job', { maxJobs: 7, maxParallelJobs: 1 }),
        edge('tuner', 'train'),
      ),
      { durationSec: 7200 },
    );
    expect(one.node('tuner').peakParallelJobs).toBe(1);
    expect(when(one, 'tuner', 'Completed')).toBe(7 * 850);
  });

  it('hyperband stops most training jobs early (cheaper than bayesian)', () => {
    const mk = (strategy: string) =>
      run(
        arch(
          data(10),
          node('train', 'training-job'),
          edge('data', 'train'),
          node('tuner', 'tuning-job', { strategy, maxJobs: 20, maxParallelJobs: 4 }),
          edge('tuner', 'train'),
        ),
        { durationSec: 40_000 },
      );
    const hb = mk('hyperband'),
      bayes = mk('bayesian');
    expect(hb.node('tuner').jobsStopped).toBeGreaterThan(0);
    expect(Number(hb.node('tuner').jobsStopped) + Number(hb.node('tuner').jobsCompleted)).toBe(20);
    expect(bayes.node('tuner').jobsStopped).toBe(0);
    expect(cost(hb, 'tuner')).toBeLessThan(cost(bayes, 'tuner'));
  });

  it('a configuration error fails its training jobs and the tuning job', () => {
    const r = run(
      arch(
        data(10, { format: 'csv' }),
        node('train', 'training-job', { algorithm: 'factorization-machines' }),
        edge('data', 'train'),
        node('tuner', 'tuning-job', { maxJobs: 10, maxParallelJobs: 2 }),
        edge('tuner', 'train'),
      ),
    );
    expect(r.state('tuner')).toBe('Failed');
    expect(r.node('tuner')).toMatchObject({ jobsFailed: 2, jobsCompleted: 0 });
    expect(r.incident('algorithm-input-format', 'train')?.count).toBe(2);
  });
});

describe('pipeline steps', () => {
  /** Starts the step at 100 s (execution 1) and again at 5000 s (execution 2); records the answers. */
  const seen: { t: number; topic: string; p: JobCompleted | JobFailed }[] = [];
  const driver: SimModule = {
    id: 'test-pipeline',
    start(sim) {
      seen.length = 0;
      sim.on(TOPICS.jobCompleted, (p: JobCompleted) => seen.push({ t: sim.now, topic: 'completed', p }));
      sim.on(TOPICS.jobFailed, (p: JobFailed) => seen.push({ t: sim.now, topic: 'failed', p }));
      sim.at(100, 'start step', 'train', () => sim.emit(TOPICS.jobStart, { node: 'train', by: 'pipe', execution: 1 }));
      sim.at(5000, 'start step', 'train', () => sim.emit(TOPICS.jobStart, { node: 'train', by: 'pipe', execution: 2 }));
      sim.at(200, 'start step', 'bad', () => sim.emit(TOPICS.jobStart, { node: 'bad', by: 'pipe', execution: 1 }));
    },
  };
  const doc = arch(
    node('pipe', 'pipeline'),
    data(10),
    node('train', 'training-job', {}, 'pipe'),
    node('bad', 'training-job', { algorithm: 'blazingtext' }, 'pipe'),
    edge('data', 'train'),
    edge('data', 'bad'),
  );

  it('wait as Pending for TOPICS.jobStart and answer with the same execution', () => {
    const quiet = run(doc, { modules: [jobsModule] });
    expect(quiet.state('train')).toBe('Pending');
    expect(quiet.state('bad')).toBe('Pending');
    const r = run(doc, { modules: [jobsModule, driver], durationSec: 9000 });
    expect(seen.map((s) => [s.t, s.topic, s.p.node, s.p.execution])).toEqual([
      [200 + 120 + 110, 'failed', 'bad', 1],
      [100 + 2050, 'completed', 'train', 1],
      [5000 + 2050, 'completed', 'train', 2],
    ]);
    expect((seen[0].p as JobFailed).rule).toBe('algorithm-input-format');
    expect((seen[1].p as JobCompleted).durationSec).toBe(2050);
    expect(r.state('train')).toBe('Completed');
    expect(r.node('train').billableSec).toBe(2 * 1930);
  });
});
