/**
 * AutoML and pretrained models (issue 16, skills S2.1.2, S2.1.3, S2.3.1, S2.3.5): an Autopilot job picks its mode by
 * dataset size, trains and ranks candidates by its objective, explains the best with SHAP; AWS's constraints (500
 * rows, the objective metrics of each problem type, the maximum runtime) fail or cut it. A JumpStart model deployed
 * to a real-time endpoint needs its EULA accepted and an instance whose GPU memory holds it.
 */
import { describe, expect, it } from 'vitest';
import { arch, edge, findings, node, run } from '../../harness';

const auto = (data: Record<string, unknown>, job: Record<string, unknown> = {}) =>
  arch(
    node('data', 's3-bucket', { task: 'binary-classification', rows: 50_000, ...data }),
    node('auto', 'autopilot-job', job),
    edge('data', 'auto'),
  );
const DAY = 86_400;

describe('Autopilot job', () => {
  it('AUTO mode ensembles under 100 MB (10 trials) and tunes hyperparameters from 100 MB (100 trials)', () => {
    const small = run(auto({ datasetGB: 0.08 }), { durationSec: DAY });
    expect(small.node('auto').mode).toBe('ENSEMBLING');
    expect(small.node('auto').planned).toBe(10);
    expect(small.node('auto').candidates).toBe(10);
    const large = run(auto({ datasetGB: 0.1 }), { durationSec: DAY });
    expect(large.node('auto').mode).toBe('HYPERPARAMETER_TUNING');
    expect(large.node('auto').planned).toBe(100);
    expect(large.state('auto')).toBe('Completed');
    expect(large.rules().size).toBe(0);
  });

  it('ranks the candidates best first by the objective (higher scores, lower errors) on a leaderboard', () => {
    const r = run(auto({ datasetGB: 0.05 }, { objectiveMetric: 'AUC' }), { durationSec: DAY });
    const board = r.node('auto').leaderboard as { rank: number; value: number; algorithm: string }[];
    expect(board.length).toBe(10);
    expect(board.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (let i = 1; i < board.length; i++) expect(board[i].value).toBeLessThanOrEqual(board[i - 1].value);
    expect(r.node('auto').bestValue).toBe(board[0].value);
    expect(r.node('auto').objective).toBe('AUC');
    const reg = run(auto({ datasetGB: 0.05, task: 'regression' }, { objectiveMetric: 'RMSE' }), { durationSec: DAY });
    const errs = (reg.node('auto').leaderboard as { value: number }[]).map((c) => c.value);
    expect(errs).toEqual([...errs].sort((a, b) => a - b));
    expect(reg.node('auto').problemType).toBe('Regression');
  });

  it('defaults the objective by problem type (binary F1, multiclass Accuracy, regression MSE)', () => {
    for (const [task, metric] of [
      ['binary-classification', 'F1'],
      ['multiclass-classification', 'Accuracy'],
      ['regression', 'MSE'],
    ])
      expect(run(auto({ datasetGB: 0.05, task }), { durationSec: DAY }).node('auto').objective, task).toBe(metric);
  });

  it("explains the best candidate with SHAP: the dataset's features ranked, a leaked column on top", () => {
    const r = run(auto({ datasetGB: 0.05, featureNames: ['tenure', 'plan', 'calls'] }), { durationSec: DAY });
    const top = r.node('auto').topFeatures as { feature: string; share: number }[];
    expect(top.map((t) => t.feature)).toEqual(['tenure', 'plan', 'calls']);
    const leak = run(auto({ datasetGB: 0.05, featureNames: ['tenure', 'plan'], leakyFeature: 'cancel_reason' }), {
      durationSec: DAY,
    });
    const lt = leak.node('auto').topFeatures as { feature: string; share: number }[];
    expect(lt[0].feature).toBe('cancel_reason');
    expect(lt[0].share).toBeGreaterThan(0.5);
  });

  it(
    'more time is more candidates: MaxAutoMLJobRuntimeInSeconds ' + 'stops it gracefully with the best finished one',
    () => {
      const doc = (maxRuntimeSec: number | null) => auto({ datasetGB: 2 }, { maxRuntimeSec });
      const cut = run(doc(7200), { durationSec: DAY });
      const i = cut.incident('autopilot-runtime-exhausted', 'auto')!;
      expect(i.message).toMatch(/MaxAutoMLJobRuntimeReached after 7200 s — \d+ of 100 candidates trained/);
      expect(i.message).toContain('the explainability report');
      expect(cut.state('auto')).toBe('Completed');
      expect(cut.node('auto').candidates).toBeLessThan(100);
      expect(cut.node('auto').candidates).toBeGreaterThan(0);
      expect(cut.node('auto').topFeatures).toBeUndefined();
      const full = run(doc(null), { durationSec: 2 * DAY });
      expect(full.rules().size).toBe(0);
      expect(full.node('auto').candidates).toBe(100);
      expect(Number(full.node('auto').bestValue)).toBeGreaterThanOrEqual(Number(cut.node('auto').bestValue));
      expect(full.node('auto').costUSD).toBeGreaterThan(cut.node('auto').costUSD ?? 0);
      // too short for a single candidate: no best model
      const none = run(doc(600), { durationSec: DAY });
      expect(none.state('auto')).toBe('Failed');
      expect(none.node('auto').candidates).toBe(0);
    },
  );

  it('fewer candidates or ensembling fit the same runtime', () => {
    for (const job of [{ maxCandidates: 8 }, { mode: 'ENSEMBLING' }]) {
      const r = run(auto({ datasetGB: 2 }, { maxRuntimeSec: 10_800, ...job }), { durationSec: DAY });
      expect(r.rules().size, JSON.stringify(job)).toBe(0);
      expect(r.state('auto')).toBe('Completed');
    }
  });

  it('refuses a training dataset under 500 rows', () => {
    const r = run(auto({ datasetGB: 0.001, rows: 499 }), { durationSec: 600 });
    expect(r.state('auto')).toBe('Failed');
    expect(r.incident('autopilot-too-few-rows', 'auto')!.message).toContain(
      'A minimum of 500 rows is required for the training dataset; data has 499.',
    );
    expect(findings(auto({ datasetGB: 0.001, rows: 499 })).map((f) => f.rule)).toEqual(['autopilot-too-few-rows']);
    expect(run(auto({ datasetGB: 0.001, rows: 500 }), { durationSec: DAY }).state('auto')).toBe('Completed');
  });

  it.each([
    ['binary-classification', 'RMSE', 'BinaryClassification'],
    ['regression', 'AUC', 'Regression'],
    ['multiclass-classification', 'F1', 'MulticlassClassification'],
  ])('refuses objective %s → %s (problem type %s)', (task, objectiveMetric, problemType) => {
    const d = auto({ datasetGB: 0.05, task }, { objectiveMetric });
    const r = run(d, { durationSec: 600 });
    expect(r.state('auto')).toBe('Failed');
    expect(r.incident('autopilot-objective-mismatch', 'auto')!.message).toContain(
      `objective metric ${objectiveMetric} is not supported for problem type ${problemType}`,
    );
    expect(findings(d).map((f) => f.rule)).toEqual(['autopilot-objective-mismatch']);
  });

  it('a declared problem type wins over the inferred one', () => {
    const r = run(auto({ datasetGB: 0.05 }, { problemType: 'Regression', objectiveMetric: 'RMSE' }), {
      durationSec: DAY,
    });
    expect(r.node('auto').problemType).toBe('Regression');
    expect(r.rules().size).toBe(0);
  });

  it('is seeded: the same seed gives the same leaderboard, another seed another', () => {
    const a = run(auto({ datasetGB: 0.05 }), { durationSec: DAY, seed: 3 }).node('auto').leaderboard;
    const b = run(auto({ datasetGB: 0.05 }), { durationSec: DAY, seed: 3 }).node('auto').leaderboard;
    const c = run(auto({ datasetGB: 0.05 }), { durationSec: DAY, seed: 4 }).node('auto').leaderboard;
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
});

const js = (model: Record<string, unknown>, instanceType: string) =>
  arch(
    node('llm', 'jumpstart-model', model),
    node('ep', 'realtime-endpoint', { instanceType }),
    node('c', 'client', { rps: 2 }),
    edge('llm', 'ep'),
    edge('c', 'ep'),
  );

describe('JumpStart model on a real-time endpoint', () => {
  it('an 8B model with its EULA accepted serves on one A10G (24 GiB)', () => {
    const r = run(js({ parametersB: 8, gated: true, acceptEula: true }, 'ml.g5.2xlarge'), { durationSec: 600 });
    expect(r.state('ep')).toBe('InService');
    expect(r.node('ep').failed).toBe(0);
    expect(r.node('llm').weightsGB).toBe(16);
    expect(r.rules().size).toBe(0);
  });

  it('a gated model without AcceptEula fails the endpoint before the model downloads', () => {
    const d = js({ gated: true, acceptEula: false }, 'ml.g5.2xlarge');
    const r = run(d, { durationSec: 600 });
    expect(r.state('ep')).toBe('Failed');
    expect(r.node('ep').ok).toBe(0);
    expect(r.incident('jumpstart-eula-not-accepted', 'ep')!.message).toContain(
      'the AcceptEula value must be explicitly defined as True',
    );
    expect(findings(d).map((f) => f.rule)).toEqual(['jumpstart-eula-not-accepted']);
    // a model that requires no EULA needs no acceptance
    expect(run(js({ gated: false }, 'ml.g5.2xlarge'), { durationSec: 600 }).state('ep')).toBe('InService');
  });

  it.each([
    [70, 'ml.g5.12xlarge', false],
    [70, 'ml.g5.48xlarge', true],
    [70, 'ml.p4d.24xlarge', true],
    [8, 'ml.m5.xlarge', false],
    [8, 'ml.g4dn.xlarge', false],
    [8, 'ml.g5.xlarge', true],
  ])('%sB parameters on %s: serves = %s', (parametersB, instanceType, serves) => {
    const r = run(js({ parametersB, gated: false }, instanceType), { durationSec: 600 });
    expect(r.state('ep')).toBe(serves ? 'InService' : 'Failed');
    expect(!!r.incident('jumpstart-model-exceeds-gpu-memory', 'ep')).toBe(!serves);
    if (!serves)
      expect(r.incident('jumpstart-model-exceeds-gpu-memory', 'ep')!.message).toContain(
        'did not pass the ping health check',
      );
  });
});
