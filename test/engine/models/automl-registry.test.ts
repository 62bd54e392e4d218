/**
 * An Autopilot job's best candidate in the model registry (issue 16, skills S2.2.9, S2.3.3): when the job completes,
 * an autopilot-job → model-registry edge registers its BestCandidate as a model package version at the registry's
 * approval status, through the registry's own registration path; the approval event chain deploys it like any
 * registered model, and the lineage reads dataset → Autopilot job → best candidate → package → endpoint.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, modelLineage, registryPackages, TOPICS, type PackageStatus } from '../../../src/engine';
import type { ArchEdge, ArchNode } from '../../../src/model/schema';
import { arch, edge, fault, findings, node, run } from '../../harness';

const APPROVE_AT = 3600;

interface Options {
  registry?: Record<string, unknown>;
  job?: Record<string, unknown>;
  data?: Record<string, unknown>;
  wired?: boolean;
}

/** Data → Autopilot (ensembling: done in about 40 minutes) → registry → rule → Lambda → endpoint; approved at 1 h. */
const design = (o: Options = {}) =>
  arch(
    ...([
      node('data', 's3-bucket', {
        datasetGB: 0.05,
        task: 'binary-classification',
        rows: 50_000,
        versioning: 'Enabled',
        ...o.data,
      }),
      node('auto', 'autopilot-job', { objectiveMetric: 'F1', ...o.job }),
      node('registry', 'model-registry', { approval: 'PendingManualApproval', ...o.registry }),
      node('rule', 'eventbridge'),
      node('deployer', 'lambda'),
      node('ep', 'realtime-endpoint'),
      node('app', 'client', { rps: 2 }),
      edge('data', 'auto'),
      ...(o.wired === false ? [] : [edge('auto', 'registry')]),
      edge('registry', 'rule'),
      edge('rule', 'deployer'),
      edge('deployer', 'ep'),
      edge('app', 'ep'),
    ] as (ArchNode | ArchEdge)[]),
    fault({ atSec: APPROVE_AT, kind: 'approve', node: 'registry', status: 'Approved' }),
  );

describe('Autopilot best candidate → model registry', () => {
  it("registers the best candidate as a new package version at the registry's approval status", () => {
    for (const approval of ['PendingManualApproval', 'Approved', 'Rejected']) {
      const r = run(design({ registry: { approval } }), { durationSec: 3000 });
      expect(r.state('auto')).toBe('Completed');
      expect(r.node('registry').versions).toBe(1);
      expect(registryPackages(r.sim, 'registry')).toEqual([
        { n: 0, id: 'registry/0', model: null, status: approval },
        { n: 1, id: 'registry/1', model: 'auto:v1', status: approval },
      ]);
      expect(r.state('registry')).toBe(approval);
    }
  });

  it('registers it the moment the job completes, naming the candidate and its objective metric and value', () => {
    const sim = createSimulation(design(), { durationSec: 3000 });
    const seen: { t: number; p: PackageStatus }[] = [];
    sim.on(TOPICS.packageStatus, (p) => seen.push({ t: sim.now, p }));
    sim.runToEnd();
    const x = sim.metrics('auto').extra;
    expect(seen).toHaveLength(1);
    expect(seen[0].p).toEqual({
      registry: 'registry',
      package: 'registry/1',
      model: 'auto:v1',
      status: 'PendingManualApproval',
      registered: true,
    });
    const completed = sim.log.entries().find((e) => e.node === 'auto' && /best candidate/.test(e.message))!;
    expect(seen[0].t).toBe(completed.t);
    const line = sim.log.entries().find((e) => e.message.startsWith('registered model package registry/1'))!;
    expect(line.message).toContain(`best candidate ${String(x.bestCandidate)} of auto, F1 ${String(x.bestValue)}`);
  });

  it('without the edge nothing is registered: the approval deploys empty version 0; the endpoint has no model', () => {
    const r = run(design({ wired: false }), { durationSec: 7200 });
    expect(r.state('auto')).toBe('Completed');
    expect(r.node('registry').versions).toBe(0);
    expect(r.node('ep').model).toBeUndefined();
    expect(r.state('ep')).toBe('InService');
  });

  it('the approval event chain deploys it like any registered model: the endpoint serves auto:v1 at its F1', () => {
    const r = run(design(), { durationSec: 7200 });
    expect(r.node('ep')).toMatchObject({ model: 'auto:v1', metric: 'F1', validation: r.node('auto').bestValue });
    // Autopilot validated on a split of the same data: production scores what the leaderboard said (3 places)
    expect(r.node('ep').production).toBeCloseTo(Number(r.node('auto').bestValue), 3);
    expect(r.rules().size).toBe(0);
  });

  it('an error objective keeps its scale: RMSE on a regression is the leaderboard value, lower is better', () => {
    const r = run(design({ data: { task: 'regression' }, job: { objectiveMetric: 'RMSE' } }), { durationSec: 7200 });
    const board = r.node('auto').leaderboard as { value: number }[];
    expect(r.node('ep')).toMatchObject({ model: 'auto:v1', metric: 'RMSE', validation: board[0].value });
    expect(board[0].value).toBe(Math.min(...board.map((c) => c.value)));
  });

  it('a job stopped by its maximum runtime registers the best candidate it finished; a refused job nothing', () => {
    const cut = run(design({ job: { mode: 'HYPERPARAMETER_TUNING', maxCandidates: 40, maxRuntimeSec: 1800 } }), {
      durationSec: 3000,
    });
    expect(cut.incident('autopilot-runtime-exhausted', 'auto')).toBeDefined();
    expect(registryPackages(cut.sim, 'registry')!.map((p) => p.model)).toEqual([null, 'auto:v1']);
    const refused = run(design({ data: { rows: 300 } }), { durationSec: 3000 });
    expect(refused.state('auto')).toBe('Failed');
    expect(refused.node('registry').versions).toBe(0);
    const none = run(design({ job: { mode: 'HYPERPARAMETER_TUNING', maxRuntimeSec: 600 } }), { durationSec: 3000 });
    expect(none.state('auto')).toBe('Failed');
    expect(none.node('registry').versions).toBe(0);
  });

  it("the package's dataset must be pinned: an unversioned bucket is flagged at registration", () => {
    const r = run(design({ data: { versioning: 'Off' } }), { durationSec: 3000 });
    expect(r.incident('training-data-not-versioned', 'data')?.count).toBe(1);
  });

  it('registers into every registry it is wired to', () => {
    const d = design();
    d.nodes.push({ id: 'audit', kind: 'model-registry', props: { approval: 'Approved' } });
    d.edges!.push({ from: 'auto', to: 'audit' });
    const r = run(d, { durationSec: 3000 });
    expect(registryPackages(r.sim, 'audit')!.at(-1)).toEqual({
      n: 1,
      id: 'audit/1',
      model: 'auto:v1',
      status: 'Approved',
    });
    expect(registryPackages(r.sim, 'registry')!.at(-1)!.status).toBe('PendingManualApproval');
  });
});

describe('lineage of an Autopilot model', () => {
  it('reads dataset → Autopilot job → best candidate → model package → endpoint', () => {
    const r = run(design(), { durationSec: 7200 });
    const x = r.node('auto');
    const [l] = modelLineage(r.sim);
    expect(l).toMatchObject({ model: 'auto:v1', training: 'auto', packages: ['registry/1'] });
    expect(l.chain.map((e) => `${e.role}:${e.id}`)).toEqual([
      'data:data',
      'automl:auto',
      `candidate:${String(x.bestCandidate)}`,
      'package:registry/1',
      'endpoint:ep',
    ]);
    expect(l.chain[0]).toMatchObject({ pinned: true });
    expect(l.chain[1].detail).toBe('BinaryClassification, ENSEMBLING mode, 10 candidates');
    expect(l.chain[2].detail).toBe(
      `best candidate (${String(x.bestAlgorithm)}): F1 ${String(x.bestValue)}; model auto:v1`,
    );
    expect(l.chain[3].detail).toBe(`Approved · F1 ${String(x.bestValue)}`);
  });

  it('before the approval the package waits, no endpoint ends the chain; unregistered, the candidate is alone', () => {
    const waiting = modelLineage(run(design(), { durationSec: 3000 }).sim)[0];
    expect(waiting.chain.map((e) => e.role)).toEqual(['data', 'automl', 'candidate', 'package']);
    expect(waiting.chain[3].detail).toMatch(/^PendingManualApproval · F1 /);
    const alone = modelLineage(run(design({ wired: false }), { durationSec: 7200 }).sim)[0];
    expect(alone.packages).toEqual([]);
    expect(alone.chain.map((e) => e.role)).toEqual(['data', 'automl', 'candidate']);
  });
});

describe('autopilot-candidate-unregistered', () => {
  it('a registry that deploys and nothing feeds: a finding, and an incident naming the candidate at the end', () => {
    const d = design({ wired: false });
    expect(findings(d).find((f) => f.rule === 'autopilot-candidate-unregistered')).toMatchObject({
      node: 'auto',
      message:
        'AutoML job auto: best candidate (named when the job completes) is not registered in any model registry; ' +
        'registry deploys to ep, and nothing registers models in it.',
    });
    const r = run(d, { durationSec: 3000 });
    const x = r.node('auto');
    expect(r.incident('autopilot-candidate-unregistered', 'auto')).toMatchObject({ count: 1 });
    const line = r.sim.log.entries().find((e) => e.rule === 'autopilot-candidate-unregistered')!;
    expect(line.message).toBe(
      `AutoML job auto: best candidate ${String(x.bestCandidate)} (F1 ${String(x.bestValue)}) is not registered ` +
        'in any model registry; registry deploys to ep, and nothing registers models in it.',
    );
  });

  it('not raised when the job is wired, when training feeds the registry, or when no registry deploys', () => {
    expect(run(design(), { durationSec: 3000 }).rules().has('autopilot-candidate-unregistered')).toBe(false);
    const trained = design({ wired: false });
    trained.nodes.push({ id: 'train', kind: 'training-job' });
    trained.edges!.push({ from: 'data', to: 'train' }, { from: 'train', to: 'registry' });
    expect(findings(trained).some((f) => f.rule === 'autopilot-candidate-unregistered')).toBe(false);
    expect(run(trained, { durationSec: 3000 }).rules().has('autopilot-candidate-unregistered')).toBe(false);
    const experiment = arch(
      node('data', 's3-bucket', { datasetGB: 0.05, task: 'binary-classification' }),
      node('auto', 'autopilot-job'),
      node('registry', 'model-registry'),
      edge('data', 'auto'),
    );
    expect(run(experiment, { durationSec: 3000 }).rules().has('autopilot-candidate-unregistered')).toBe(false);
  });

  it('a job that fails registers nothing and is not blamed for it', () => {
    const r = run(design({ wired: false, data: { rows: 300 } }), { durationSec: 3000 });
    expect(r.incident('autopilot-candidate-unregistered')).toBeUndefined();
  });
});
