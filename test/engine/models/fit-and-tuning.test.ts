import { describe, expect, it } from 'vitest';
import { ALGORITHM_TASKS } from '../../../src/engine/modules/shared/fit';
import { arch, edge, findings, node, run } from '../../harness';

const trainOn = (task: string | null, props: Record<string, unknown> = {}, bucket: Record<string, unknown> = {}) =>
  arch(node('raw', 's3-bucket', { task, ...bucket }), node('train', 'training-job', props), edge('raw', 'train'));

describe('the algorithm fits the task', () => {
  it('a clustering algorithm on labelled classification data trains, but its model is no better than guessing', () => {
    const r = run(trainOn('binary-classification', { algorithm: 'kmeans' }), { durationSec: 7200 });
    expect(r.state('train')).toBe('Completed');
    expect(r.finding('algorithm-task-mismatch', 'train')?.message).toMatch(/kmeans, which solves clustering/);
    const i = r.incident('algorithm-task-mismatch', 'train');
    expect(i?.message).toMatch(
      /scores validation auc 0\.5\d* on binary-classification data from raw; kmeans solves: clustering/,
    );
    expect(r.node('train').validation as number).toBeLessThan(0.6);
  });

  it('each task has an algorithm that fits it, and a fitting one raises nothing', () => {
    const pairs: [string, string][] = [
      ['binary-classification', 'xgboost'],
      ['regression', 'linear-learner'],
      ['forecasting', 'deepar'],
      ['anomaly-detection', 'random-cut-forest'],
      ['clustering', 'kmeans'],
      ['recommendation', 'factorization-machines'],
      ['text-classification', 'blazingtext'],
      ['image-classification', 'custom'],
    ];
    for (const [task, algorithm] of pairs) {
      const fit = ALGORITHM_TASKS[algorithm];
      expect(fit === 'any' || fit.includes(task as never), `${algorithm} fits ${task}`).toBe(true);
      const f = findings(trainOn(task, { algorithm, evalMetric: task === 'regression' ? 'rmse' : 'auc' }));
      expect(f.map((x) => x.rule)).not.toContain('algorithm-task-mismatch');
    }
  });

  it('a dataset that does not state its task is not judged', () => {
    expect(findings(trainOn(null, { algorithm: 'kmeans' })).map((x) => x.rule)).not.toContain(
      'algorithm-task-mismatch',
    );
  });

  it('the metric follows the task: AUC on regression and RMSE on classification are findings', () => {
    expect(
      findings(trainOn('regression', { evalMetric: 'auc' })).find((f) => f.rule === 'metric-task-mismatch')?.message,
    ).toMatch(/judged by auc, which does not measure regression .* use rmse, mae or r2/);
    expect(findings(trainOn('binary-classification', { evalMetric: 'rmse' })).map((f) => f.rule)).toContain(
      'metric-task-mismatch',
    );
    expect(findings(trainOn('regression', { evalMetric: 'rmse' })).map((f) => f.rule)).not.toContain(
      'metric-task-mismatch',
    );
    expect(findings(trainOn('binary-classification', { evalMetric: 'f1' })).map((f) => f.rule)).not.toContain(
      'metric-task-mismatch',
    );
  });

  it('scale_pos_weight near negatives ÷ positives turns the majority-class model into a real one', () => {
    const doc = (w: number) =>
      trainOn('binary-classification', { evalMetric: 'accuracy', scalePosWeight: w }, { positiveClassRatio: 0.02 });
    const plain = run(doc(1), { durationSec: 7200 });
    const weighted = run(doc(49), { durationSec: 7200 });
    expect(plain.node('train').production as number).toBeLessThan(0.55);
    expect(weighted.node('train').production as number).toBeGreaterThan(0.8);
  });
});

const tuned = (strategy: string, extra: Record<string, unknown> = {}, seed = 1) =>
  run(
    arch(
      node('raw', 's3-bucket'),
      node('tune', 'tuning-job', { strategy, ...extra }),
      node('train', 'training-job', { trainingMinutes: 10 }),
      edge('raw', 'train'),
      edge('tune', 'train'),
    ),
    { durationSec: 86_400, seed },
  );
const firstGood = (r: ReturnType<typeof tuned>) => {
  const v = r.node('tune').firstGoodJob;
  return typeof v === 'number' ? v : 99;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe('tuning strategies', () => {
  it('Bayesian search reaches a good model in fewer jobs than random search (seeds 1–20)', () => {
    const bayes = SEEDS.map((s) => firstGood(tuned('bayesian', {}, s)));
    const random = SEEDS.map((s) => firstGood(tuned('random', {}, s)));
    expect(mean(bayes)).toBeLessThan(mean(random) * 0.6);
    const r = tuned('bayesian');
    expect(r.node('tune').bestTrainingJob).toMatch(/^tune-\d{3}$/);
    expect(r.sim.log.entries().some((e) => /a good model first appeared at job \d+ of 20/.test(e.message))).toBe(true);
  });

  it('more parallel jobs make Bayesian search learn less per job', () => {
    const serial = mean(SEEDS.map((s) => firstGood(tuned('bayesian', { maxParallelJobs: 1 }, s))));
    const wide = mean(SEEDS.map((s) => firstGood(tuned('bayesian', { maxParallelJobs: 10 }, s))));
    expect(serial).toBeLessThan(wide);
  });

  it('Hyperband gives the full budget only to promising jobs: less compute for as good a best job as random', () => {
    const hb = SEEDS.map((s) => tuned('hyperband', {}, s));
    const rnd = SEEDS.map((s) => tuned('random', {}, s));
    expect(mean(hb.map((r) => r.node('tune').costUSD as number))).toBeLessThan(
      0.7 * mean(rnd.map((r) => r.node('tune').costUSD as number)),
    );
    expect(mean(hb.map((r) => r.node('tune').bestValidationLoss as number))).toBeLessThan(
      mean(rnd.map((r) => r.node('tune').bestValidationLoss as number)) + 0.01,
    );
    expect(hb[0].node('tune').jobsStopped as number).toBeGreaterThan(0);
  });

  it('early stopping Auto stops jobs worse than the median of earlier ones, saving compute', () => {
    const off = tuned('bayesian');
    const auto = tuned('bayesian', { earlyStopping: 'Auto' });
    expect(auto.node('tune').jobsStopped as number).toBeGreaterThan(0);
    expect(auto.node('tune').costUSD as number).toBeLessThan(off.node('tune').costUSD as number);
    expect(auto.sim.log.entries().some((e) => /early stopping Auto: worse than the median/.test(e.message))).toBe(true);
  });

  it('warm start reuses the parents: identical data and algorithm helps most, transfer learning less', () => {
    const cold = mean(SEEDS.map((s) => firstGood(tuned('bayesian', {}, s))));
    const transfer = mean(
      SEEDS.map((s) => firstGood(tuned('bayesian', { warmStart: 'TRANSFER_LEARNING', parentTrainingJobs: 20 }, s))),
    );
    const identical = mean(
      SEEDS.map((s) =>
        firstGood(tuned('bayesian', { warmStart: 'IDENTICAL_DATA_AND_ALGORITHM', parentTrainingJobs: 20 }, s)),
      ),
    );
    expect(identical).toBeLessThan(transfer);
    expect(transfer).toBeLessThan(cold);
  });

  it('refuses Hyperband with early stopping Auto, a warm start without parents, and more than 500 jobs', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ strategy: 'hyperband', earlyStopping: 'Auto' }, /must be OFF to use the Hyperband/],
      [{ warmStart: 'TRANSFER_LEARNING' }, /needs at least one parent/],
      [{ warmStart: 'IDENTICAL_DATA_AND_ALGORITHM', parentTrainingJobs: 490, maxJobs: 20 }, /exceed the limit of 500/],
    ];
    for (const [props, re] of cases) {
      const r = tuned(String(props.strategy ?? 'bayesian'), props);
      expect(r.state('tune'), JSON.stringify(props)).toBe('Failed');
      expect(r.incident('tuning-config-invalid', 'tune')?.message).toMatch(re);
      expect(r.finding('tuning-config-invalid', 'tune')).toBeDefined();
    }
  });
});
