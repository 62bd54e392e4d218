/**
 * The Experiments tab's read-outs (issue 16, S2.3.3): runs compared (experimentRuns) and each model's lineage from data
 * to package (modelLineage), read from a run without changing it; and the worker forwarding them on request.
 */
import { describe, expect, it } from 'vitest';
import { experimentRuns, modelLineage } from '../../src/engine';
import { runDocument } from '../../src/engine/run';
import { changed, loadPuzzle, PUZZLES_DIR } from '../scenarios/catalog';
import { manualSession } from '../worker/manual-session';

const audit = loadPuzzle(`${PUZZLES_DIR}/d2/22-the-auditors-question.json`).doc;
const demo = loadPuzzle(
  new URL('../../scenarios/demos/06-overfitting-told-with-curves.json', import.meta.url).pathname,
).doc;

describe('experimentRuns', () => {
  it('compares the three XGBoost runs of demo 06: hyperparameters, losses, metric, time and cost', () => {
    const { sim, report } = runDocument(demo);
    const runs = experimentRuns(sim);
    expect(runs.map((r) => r.id)).toEqual(['deep', 'regularised', 'early']);
    for (const r of runs) {
      expect(r).toMatchObject({ kind: 'training-job', algorithm: 'xgboost', state: 'Completed', metric: 'auc' });
      expect(r.params.maxDepth).toBe(12);
      expect(r.validation).toBe(report.nodes[r.id].validation);
      expect(r.trainLoss).toBe(report.nodes[r.id].trainLoss);
      expect(r.minutes).toBeGreaterThan(0);
      expect(r.costUSD).toBeGreaterThan(0);
    }
    expect(runs[2].params.earlyStoppingRounds).toBe(20);
    // the early-stopped model generalises best; the deep one overfits
    expect(runs[2].validation!).toBeGreaterThan(runs[0].validation!);
    expect(runs[0].validationLoss! - runs[0].trainLoss!).toBeGreaterThan(runs[2].validationLoss! - runs[2].trainLoss!);
  });
});

describe('modelLineage', () => {
  it('links data → processing → data → training job → model → package; unversioned datasets are not pinned', () => {
    const { sim } = runDocument(audit);
    const [l] = modelLineage(sim);
    expect(l).toMatchObject({ model: 'train:v1', training: 'train', packages: ['registry/1'] });
    expect(l.chain.map((e) => `${e.role}:${e.id}`)).toEqual([
      'data:applications',
      'processing:prep',
      'data:features',
      'training:train',
      'model:train:v1',
      'package:registry/1',
    ]);
    expect(l.chain[0]).toMatchObject({ pinned: false, detail: 's3://applications/ · S3ETag only (versioning Off)' });
  });

  it('with versioning Enabled each dataset is pinned by a seeded 32-character S3Version', () => {
    const solved = changed(audit, audit.solution!)!;
    const a = modelLineage(runDocument(solved, { seed: 4 }).sim)[0].chain.filter((e) => e.role === 'data');
    const b = modelLineage(runDocument(solved, { seed: 4 }).sim)[0].chain.filter((e) => e.role === 'data');
    expect(a).toEqual(b);
    for (const e of a) expect(e.detail).toMatch(/^s3:\/\/\w+\/ · S3Version [0-9a-f]{32}$/);
    expect(a[0].detail).not.toBe(a[1].detail);
  });

  it('the endpoint serving a model closes its chain (version 0, from before the run, until an update)', () => {
    const clinic = loadPuzzle(`${PUZZLES_DIR}/d2/19-the-pilot-clinics-first-model.json`).doc;
    const lineage = modelLineage(runDocument(clinic).sim);
    expect(lineage.map((l) => l.model)).toEqual(['train:v1', 'train:v0']);
    expect(lineage[1].chain.at(-1)).toMatchObject({ role: 'endpoint', id: 'endpoint', detail: 'serving' });
    expect(lineage[0].chain.some((e) => e.role === 'endpoint')).toBe(false);
  });
});

describe('the worker', () => {
  it('answers an experiments request with the run’s read-outs', () => {
    const { s, out } = manualSession();
    s.handle({ type: 'load', doc: audit });
    s.handle({ type: 'runToEnd' });
    s.handle({ type: 'experiments' });
    const m = out.find((x) => x.type === 'experiments');
    if (m?.type !== 'experiments') throw new Error('no experiments answer');
    expect(m.runs.map((r) => r.id)).toEqual(['train']);
    expect(m.lineage[0].packages).toEqual(['registry/1']);
  });
});
