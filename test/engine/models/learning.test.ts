import { describe, expect, it } from 'vitest';
import { LEARNING, learningPlan } from '../../../src/engine/modules/shared/learning';
import { arch, edge, node, run, type RunResult } from '../../harness';

const train = (props: Record<string, unknown> = {}, bucket: Record<string, unknown> = {}) =>
  run(arch(node('raw', 's3-bucket', bucket), node('train', 'training-job', props), edge('raw', 'train')), {
    durationSec: 7200,
  });
const fig = (r: RunResult, k: string) => r.node('train')[k] as number;

describe('learning curves of an XGBoost training job', () => {
  it('defaults (max_depth 6, eta 0.3, lambda 1, alpha 0, 100 rounds) end with a small gap and no incident', () => {
    const r = train();
    expect(r.state('train')).toBe('Completed');
    expect(fig(r, 'stepsRun')).toBe(100);
    expect(fig(r, 'gapRatio')).toBeLessThan(LEARNING.overfitRatio);
    expect(fig(r, 'trainLoss')).toBeLessThan(fig(r, 'validationLoss'));
    for (const rule of ['overfitting', 'underfitting', 'loss-not-decreasing']) expect(r.rules().has(rule)).toBe(false);
    // the curves are in the log for the run panel's chart
    const curves = r.sim.log.entries().find((e) => e.node === 'train' && e.data?.curves)?.data?.curves as unknown[];
    expect(curves.length).toBeGreaterThan(10);
  });

  it('deep trees and many rounds overfit: the gap widens, the incident shows both losses, validation AUC drops', () => {
    const base = train();
    const r = train({ maxDepth: 12, numRound: 500 });
    const i = r.incident('overfitting', 'train');
    expect(i?.message).toMatch(
      /^Training metrics of train: at round 500 of 500, train has training loss 0\.\d+ and validation loss 0\.\d+/,
    );
    expect(fig(r, 'gapRatio')).toBeGreaterThan(1);
    expect(fig(r, 'validation')).toBeLessThan(fig(base, 'validation') - 0.1);
    // the gap grows round after round once the model starts memorising
    const plan = learningPlan(r.sim.graph.nodeOf('train', 'training-job'));
    const gaps = plan.points.filter((p) => p.step > 100).map((p) => p.validation - p.train);
    for (let k = 1; k < gaps.length; k++) expect(gaps[k]).toBeGreaterThan(gaps[k - 1]);
  });

  it(
    'regularisation (lambda, alpha) narrows the gap; early stopping closes it, keeps the best round and bills ' +
      'less',
    () => {
      const over = train({ maxDepth: 12, numRound: 500 });
      const reg = train({ maxDepth: 12, numRound: 500, lambda: 10, alpha: 1 });
      const early = train({ maxDepth: 12, numRound: 500, earlyStoppingRounds: 10 });
      expect(fig(reg, 'gapRatio')).toBeLessThan(fig(over, 'gapRatio') / 4);
      expect(fig(reg, 'validation')).toBeGreaterThan(fig(over, 'validation'));
      expect(early.rules().has('overfitting')).toBe(false);
      expect(fig(early, 'stepsRun')).toBe(fig(early, 'bestStep') + 10);
      expect(fig(early, 'gapRatio')).toBeLessThan(LEARNING.overfitRatio);
      expect(fig(early, 'costUSD')).toBeLessThan(fig(over, 'costUSD') / 3);
      expect(fig(early, 'validation')).toBeGreaterThan(fig(reg, 'validation'));
    },
  );

  it('too small a step or too shallow trees underfit: both losses high and close', () => {
    for (const props of [{ eta: 0.01 }, { maxDepth: 1 }]) {
      const r = train(props);
      expect(r.incident('underfitting', 'train'), JSON.stringify(props)).toBeDefined();
      expect(fig(r, 'gapRatio')).toBeLessThan(LEARNING.overfitRatio);
      expect(fig(r, 'validationLoss')).toBeGreaterThan(0.4);
    }
    // the fix: enough rounds for the step size
    expect(train({ eta: 0.01, numRound: 1000 }).rules().has('underfitting')).toBe(false);
  });
});

describe('SageMaker Debugger built-in rules', () => {
  it('Overfit with StopTraining stops the job at the first round past ratio 0.1 and says why', () => {
    const r = train({ maxDepth: 12, numRound: 500, debuggerRules: ['Overfit'] });
    expect(r.state('train')).toBe('Stopped');
    const stop = r.sim.log.entries().find((e) => e.node === 'train' && e.type === 'state' && /Stopped/.test(e.message));
    expect(stop?.message).toMatch(/Debugger: rule Overfit reported IssuesFound at round \d+ of 500.*StopTraining/);
    expect(r.incident('overfitting', 'train')?.message).toMatch(/^Debugger rule Overfit: IssuesFound at round \d+/);
    expect(fig(r, 'stepsRun')).toBeLessThan(60);
    expect(fig(r, 'costUSD')).toBeLessThan(fig(train({ maxDepth: 12, numRound: 500 }), 'costUSD') / 3);
  });

  it('with no action the rule only reports IssuesFound and training goes on', () => {
    const r = train({ maxDepth: 12, numRound: 500, debuggerRules: ['Overfit'], debuggerAction: 'none' });
    expect(r.state('train')).toBe('Completed');
    expect(fig(r, 'stepsRun')).toBe(500);
    expect(r.node('train').debugger).toMatch(/^Overfit: IssuesFound at round \d+$/);
    expect(r.sim.log.entries().some((e) => /no action is configured, so training went on/.test(e.message))).toBe(true);
  });

  it('a learning rate too high: the loss does not decrease; LossNotDecreasing stops it within a few epochs', () => {
    const plain = train({ algorithm: 'custom', learningRate: 0.5 });
    expect(plain.state('train')).toBe('Completed');
    expect(plain.incident('loss-not-decreasing', 'train')?.message).toMatch(
      /^Training metrics of train: the training loss/,
    );
    expect(fig(plain, 'validation')).toBeLessThan(0.6);
    const watched = train({ algorithm: 'custom', learningRate: 0.5, debuggerRules: ['LossNotDecreasing'] });
    expect(watched.state('train')).toBe('Stopped');
    expect(watched.incident('loss-not-decreasing', 'train')?.message).toMatch(/^Debugger rule LossNotDecreasing/);
    expect(fig(watched, 'costUSD')).toBeLessThan(fig(plain, 'costUSD'));
    expect(train({ algorithm: 'custom', learningRate: 0.001 }).rules().has('loss-not-decreasing')).toBe(false);
  });

  it('a deep sigmoid network: a flat loss without Debugger, VanishingGradient names it; relu fixes it', () => {
    const deep = { algorithm: 'custom', activation: 'sigmoid', layers: 12 };
    const plain = train(deep);
    expect(plain.rules().has('vanishing-gradient')).toBe(false);
    expect(plain.incident('loss-not-decreasing', 'train')).toBeDefined();
    const watched = train({ ...deep, debuggerRules: ['VanishingGradient'] });
    expect(watched.state('train')).toBe('Stopped');
    expect(watched.incident('vanishing-gradient', 'train')?.message).toMatch(/below 1e-7 \(12 hidden sigmoid layers\)/);
    const relu = train({ ...deep, activation: 'relu', debuggerRules: ['VanishingGradient'] });
    expect(relu.state('train')).toBe('Completed');
    expect(relu.rules().has('vanishing-gradient') || relu.rules().has('loss-not-decreasing')).toBe(false);
    expect(
      train({ ...deep, layers: 4 })
        .rules()
        .has('loss-not-decreasing'),
    ).toBe(false);
  });

  it('VanishingGradient is not available for XGBoost: a note, no stop', () => {
    const r = train({ debuggerRules: ['VanishingGradient'] });
    expect(r.state('train')).toBe('Completed');
    expect(
      r.sim.log
        .entries()
        .some((e) => /VanishingGradient did not run — it is not available for the XGBoost/.test(e.message)),
    ).toBe(true);
  });

  it('refuses an unknown Debugger rule name on load, naming the path', () => {
    expect(() => train({ debuggerRules: ['Overfitting'] })).toThrow(/debuggerRules/);
  });
});
