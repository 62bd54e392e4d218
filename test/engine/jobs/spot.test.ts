import { describe, expect, it } from 'vitest';
import { instanceCostUSD } from '../../../src/catalog/prices';
import { arch, edge, fault, node, run } from '../../harness';
import { cost, when } from './helpers';

/** 10 GB, 60 training minutes: Starting 0–120, Downloading 120–230, Training 230–3830, Uploading to 3850. */
const job = (train: Record<string, unknown>, faults: number[] = []) =>
  arch(
    node('data', 's3-bucket', { datasetGB: 10 }),
    node('train', 'training-job', { trainingMinutes: 60, ...train }),
    edge('data', 'train'),
    ...faults.map((atSec) => fault({ atSec, kind: 'spot-interruption', node: 'train' })),
  );
const opts = { durationSec: 10_000 };

describe('spot-without-checkpoint', () => {
  it('an interruption restarts a job without checkpoints from zero: billed and wall time grow', () => {
    const r = run(job({ spot: true }, [1500]), opts);
    expect(r.finding('spot-without-checkpoint', 'train')?.severity).toBe('warning');
    const i = r.incident('spot-without-checkpoint', 'train')!;
    expect(i).toMatchObject({ count: 1, firstAtSec: 1500 });
    expect(i.message).toContain('23 billable minutes lost (1 restarts)'); // 110 s download + 1270 s training
    expect(r.state('train')).toBe('Completed');
    // back at 1680, Starting 120, Downloading 110, then the whole hour again, Uploading 20
    expect(when(r, 'train', 'Completed')).toBe(1680 + 120 + 110 + 3600 + 20);
    expect(r.node('train').billableSec).toBe(1380 + 3730);
  });

  it('with a checkpoint the job resumes where it stopped: no incident, less time and cost', () => {
    const none = run(job({ spot: true }, [1500]), opts);
    const ckpt = run(job({ spot: true, checkpointS3Uri: 's3://ckpt/train' }, [1500]), opts);
    expect(ckpt.rules().has('spot-without-checkpoint')).toBe(false);
    expect(ckpt.state('train')).toBe('Completed');
    expect(when(ckpt, 'train', 'Completed')).toBe(1680 + 120 + 110 + (3600 - 1270) + 20);
    expect(ckpt.node('train').billableSec).toBe(1380 + 110 + 2330 + 20);
    expect(cost(ckpt, 'train')).toBeLessThan(cost(none, 'train'));
  });

  it('spot bills at the discount: cheaper than on-demand even after an interruption', () => {
    const onDemand = run(job({}), opts);
    const spot = run(job({ spot: true }), opts);
    const interrupted = run(job({ spot: true, checkpointS3Uri: 's3://ckpt/train' }, [1500]), opts);
    expect(cost(onDemand, 'train')).toBeCloseTo(instanceCostUSD('ml.m5.xlarge', 3730), 4);
    expect(cost(spot, 'train')).toBeCloseTo(cost(onDemand, 'train') * 0.3, 4);
    expect(cost(interrupted, 'train')).toBeLessThan(cost(onDemand, 'train'));
    // an on-demand job is not interrupted
    const od = run(job({}, [1500]), opts);
    expect(od.state('train')).toBe('Completed');
    expect(when(od, 'train', 'Completed')).toBe(3850);
  });

  it('MaxWaitTimeInSeconds shorter than the runtime stops the job; long enough, it completes', () => {
    const short = run(job({ spot: true, maxWaitSec: 3000 }), opts);
    expect(short.state('train')).toBe('Stopped');
    expect(when(short, 'train', 'Stopped')).toBe(3000);
    expect(short.report.timeline.find((e) => e.node === 'train' && e.event.startsWith('Stopped'))!.event).toContain(
      'MaxWaitTimeExceeded',
    );
    const enough = run(job({ spot: true, maxWaitSec: 7200 }, [1500]), opts);
    expect(enough.state('train')).toBe('Completed');
  });

  it('long spot jobs see seeded random interruptions; short ones do not', () => {
    const long = job({ spot: true, trainingMinutes: 600 });
    const hits = [1, 2, 3, 4, 5, 6].map(
      (seed) => run(long, { durationSec: 100_000, seed }).incident('spot-without-checkpoint', 'train')?.count ?? 0,
    );
    expect(hits.some((n) => n > 0)).toBe(true);
    expect(run(long, { durationSec: 100_000, seed: 3 }).report).toEqual(
      run(long, { durationSec: 100_000, seed: 3 }).report,
    );
    const short = job({ spot: true, trainingMinutes: 110 });
    for (const seed of [1, 2, 3, 4, 5, 6])
      expect(run(short, { durationSec: 100_000, seed }).incident('spot-without-checkpoint')).toBeUndefined();
  });

  it('an interruption on a tuning job hits one of its running training jobs', () => {
    const r = run(
      arch(
        node('data', 's3-bucket'),
        node('train', 'training-job', { spot: true, trainingMinutes: 20 }),
        edge('data', 'train'),
        node('tuner', 'tuning-job', { maxJobs: 4, maxParallelJobs: 2 }),
        edge('tuner', 'train'),
        fault({ atSec: 600, kind: 'spot-interruption', node: 'tuner' }),
      ),
      opts,
    );
    expect(r.incident('spot-without-checkpoint', 'train')?.count).toBe(1);
    expect(r.state('tuner')).toBe('Completed');
    expect(r.node('tuner').jobsCompleted).toBe(4);
  });
});
