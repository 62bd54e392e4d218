/**
 * The page's reading of an Autopilot job (issue 16): the canvas line counts candidates and names the best one; the
 * details read the leaderboard and the explainability report's features from the job's report entry, as a run writes
 * them.
 */
import { describe, expect, it } from 'vitest';
import { runDocument } from '../../src/engine/run';
import { automlOf, mlopsLine } from '../../src/ui/run/mlopsView';
import type { LiveNode } from '../../src/worker/protocol';
import { liveNode } from './live-node';
import { arch, edge, node } from '../harness';

const live = (extra: Record<string, unknown>): LiveNode => liveNode(extra);

const extraOf = (job: Record<string, unknown>) => {
  const doc = arch(
    node('data', 's3-bucket', { datasetGB: 2, task: 'binary-classification', featureNames: ['tenure', 'plan'] }),
    node('auto', 'autopilot-job', { objectiveMetric: 'AUC', ...job }),
    edge('data', 'auto'),
  );
  const { sim } = runDocument(doc, { durationSec: 36_000, seed: 1 });
  return sim.metrics('auto').extra;
};

describe('Autopilot on the page', () => {
  it('a finished job: candidates of planned, the best first, the SHAP features', () => {
    const a = automlOf(live(extraOf({ maxCandidates: 8 })))!;
    expect(a.candidates).toBe(8);
    expect(a.planned).toBe(8);
    expect(a.leaderboard[0].rank).toBe(1);
    expect(a.topFeatures.map((f) => f.feature)).toEqual(['tenure', 'plan']);
    const line = mlopsLine(live(extraOf({ maxCandidates: 8 })))!;
    expect(line.title).toMatch(
      /^Autopilot \(HYPERPARAMETER_TUNING, BinaryClassification, objective AUC\): 8 of 8 candidates; best /,
    );
    expect(line.parts[0]).toEqual({ text: '8/8 candidates', tone: undefined });
  });

  it('a job cut short by its runtime: a warning chip and no explainability report', () => {
    const x = extraOf({ maxCandidates: 100, maxRuntimeSec: 7200 });
    const a = automlOf(live(x))!;
    expect(a.candidates).toBeLessThan(100);
    expect(a.topFeatures).toEqual([]);
    expect(mlopsLine(live(x))!.parts[0].tone).toBe('warn');
  });

  it('is null for nodes that are not Autopilot jobs', () => {
    expect(automlOf(live({ jobType: 'Default' }))).toBeNull();
  });
});
