import { describe, expect, it } from 'vitest';
import { arch, edge, fault, node, run } from '../../harness';
import { JOB_SEC, fakeGate, fakeJobs, modules } from './fakes';
import { STEP_SEC } from '../../../src/engine/modules/mlops/pipeline';
import { endpointsModule } from '../../../src/engine/modules/endpoints';
import { mlopsModule } from '../../../src/engine/modules/mlops';

/** A pipeline: raw → prep → train → gate → registry, optionally with more parts. */
const pipeline = (
  gate: Record<string, unknown> = {},
  pipe: Record<string, unknown> = {},
  ...more: Parameters<typeof arch>
) =>
  arch(
    node('raw', 's3-bucket'),
    node('pipe', 'pipeline', pipe),
    node('prep', 'processing-job', {}, 'pipe'),
    node('train', 'training-job', {}, 'pipe'),
    node('gate', 'condition-step', gate, 'pipe'),
    node('reg', 'model-registry'),
    edge('raw', 'prep'),
    edge('prep', 'train'),
    edge('train', 'gate'),
    edge('gate', 'reg'),
    ...more,
  );

const timeOf = (r: ReturnType<typeof run>, node: string, re: RegExp) =>
  r.report.timeline.find((e) => e.node === node && re.test(e.event))?.t;

describe('pipelines', () => {
  it('an untriggered pipeline starts at t=0 and runs its DAG in order; state = last execution', () => {
    const r = run(pipeline({ threshold: 0.5 }), { modules: modules(), durationSec: 3600 });
    expect(r.state('pipe')).toBe('Succeeded');
    expect(r.node('pipe')).toMatchObject({ executions: 1, steps: 3 });
    expect(timeOf(r, 'pipe', /^Executing/)).toBe(0);
    expect(timeOf(r, 'prep', /^Completed/)).toBe(JOB_SEC);
    expect(timeOf(r, 'train', /^Completed/)).toBe(2 * JOB_SEC);
    expect(timeOf(r, 'gate', /^Succeeded/)).toBe(2 * JOB_SEC + STEP_SEC.condition);
    expect(r.node('reg')).toMatchObject({ state: 'PendingManualApproval', versions: 1 });
    expect(r.rules().has('condition-gate-failed')).toBe(false);
  });

  it('condition-gate-failed: the model is not registered and the steps after the gate do not run', () => {
    const r = run(pipeline({ threshold: 0.99 }, {}, node('after', 'lambda', {}, 'pipe'), edge('gate', 'after')), {
      modules: modules(),
      durationSec: 3600,
    });
    const i = r.incident('condition-gate-failed', 'gate');
    expect(i?.count).toBe(1);
    expect(i?.firstAtSec).toBe(2 * JOB_SEC + STEP_SEC.condition);
    expect(i?.message).toMatch(/auc = 0\.\d+ does not satisfy >= 0\.99/);
    expect(r.node('gate')).toMatchObject({ outcome: false });
    expect(r.node('reg').versions).toBe(0);
    expect(r.state('after')).toBeUndefined();
    expect(r.state('pipe')).toBe('Succeeded');
    // fixed twin: a reachable threshold registers the model and runs the step after the gate
    const ok = run(pipeline({ threshold: 0.5 }, {}, node('after', 'lambda', {}, 'pipe'), edge('gate', 'after')), {
      modules: modules(),
      durationSec: 3600,
    });
    expect(ok.rules().has('condition-gate-failed')).toBe(false);
    expect(ok.state('after')).toBe('Succeeded');
    expect(ok.node('reg').versions).toBe(1);
  });

  it('a failed step fails the execution and nothing after it starts', () => {
    const jobs = fakeJobs(['prep']);
    const r = run(pipeline({ threshold: 0.5 }), { modules: [mlopsModule, endpointsModule, jobs], durationSec: 3600 });
    expect(r.state('pipe')).toBe('Failed');
    expect(jobs.starts.map((s) => s.node)).toEqual(['prep']);
    expect(r.state('train')).toBeUndefined();
  });

  it('callback-never-answered: with no consumer of its queue the step fails at timeoutSec', () => {
    const doc = (consumer: boolean) =>
      arch(
        node('pipe', 'pipeline'),
        node('cb', 'callback-step', { timeoutSec: 900 }, 'pipe'),
        node('q', 'sqs'),
        node('fn', 'lambda'),
        edge('cb', 'q'),
        ...(consumer ? [edge('q', 'fn')] : []),
      );
    const r = run(doc(false), { modules: modules(), durationSec: 3600 });
    const i = r.incident('callback-never-answered', 'cb');
    expect(i).toMatchObject({ count: 1, firstAtSec: 900 });
    expect(i?.message).toMatch(/timed out after 900 s .* from queue q/);
    expect(r.state('cb')).toBe('Failed');
    expect(r.state('pipe')).toBe('Failed');
    expect(r.finding('callback-never-answered', 'cb')).toBeDefined();
    const ok = run(doc(true), { modules: modules(), durationSec: 3600 });
    expect(ok.rules().has('callback-never-answered')).toBe(false);
    expect(ok.state('cb')).toBe('Succeeded');
    expect(ok.state('pipe')).toBe('Succeeded');
  });

  it('callback-never-answered without any queue', () => {
    const r = run(arch(node('pipe', 'pipeline'), node('cb', 'callback-step', { timeoutSec: 60 }, 'pipe')), {
      modules: modules(),
      durationSec: 600,
    });
    expect(r.incident('callback-never-answered', 'cb')?.message).toMatch(/queue \(none\)/);
  });

  it('step caching skips unchanged steps on a re-run and says so; new data re-runs them', () => {
    const doc = (caching: boolean, arrivalIn: string) =>
      arch(
        node('raw', 's3-bucket', { eventNotifications: arrivalIn === 'raw' }),
        node('manifest', 's3-bucket', { eventNotifications: true }),
        node('eb', 'eventbridge'),
        node('pipe', 'pipeline', { caching }),
        node('prep', 'processing-job', {}, 'pipe'),
        node('train', 'training-job', {}, 'pipe'),
        edge('raw', 'prep'),
        edge('prep', 'train'),
        edge('manifest', 'eb'),
        edge('eb', 'pipe'),
        ...(arrivalIn === 'raw' ? [node('eb2', 'eventbridge'), edge('raw', 'eb2'), edge('eb2', 'pipe')] : []),
        fault({ atSec: 10, kind: 'data-arrival', node: 'manifest' }),
        fault({ atSec: 2000, kind: 'data-arrival', node: arrivalIn }),
      );
    const cachedJobs = fakeJobs();
    const r = run(doc(true, 'manifest'), { modules: [mlopsModule, endpointsModule, cachedJobs], durationSec: 4000 });
    expect(r.node('pipe')).toMatchObject({ state: 'Succeeded', executions: 2, cacheHits: 2 });
    expect(cachedJobs.starts.map((s) => `${s.node}#${s.execution}`)).toEqual(['prep#1', 'train#1']);
    expect(
      r.sim.log.entries().some((e) => e.node === 'prep' && /cache hit, skipped .*execution 1/.test(e.message)),
    ).toBe(true);
    expect(r.node('train').modelVersions).toBe(1);
    // without caching both steps run again
    const plain = fakeJobs();
    run(doc(false, 'manifest'), { modules: [mlopsModule, endpointsModule, plain], durationSec: 4000 });
    expect(plain.starts.map((s) => `${s.node}#${s.execution}`)).toEqual(['prep#1', 'train#1', 'prep#2', 'train#2']);
    // with caching, new data in the input bucket is a changed input: everything downstream re-runs
    const fresh = fakeJobs();
    const f = run(doc(true, 'raw'), { modules: [mlopsModule, endpointsModule, fresh], durationSec: 4000 });
    expect(fresh.starts.map((s) => `${s.node}#${s.execution}`)).toEqual(['prep#1', 'train#1', 'prep#2', 'train#2']);
    expect(f.node('pipe').cacheHits).toBeUndefined();
  });

  it('a trigger during an execution is queued and runs after it', () => {
    const doc = arch(
      node('b', 's3-bucket', { eventNotifications: true }),
      node('eb', 'eventbridge'),
      node('pipe', 'pipeline'),
      node('train', 'training-job', {}, 'pipe'),
      edge('b', 'eb'),
      edge('eb', 'pipe'),
      fault({ atSec: 0, kind: 'data-arrival', node: 'b' }),
      fault({ atSec: 100, kind: 'data-arrival', node: 'b' }),
    );
    const jobs = fakeJobs();
    const r = run(doc, { modules: [mlopsModule, endpointsModule, jobs], durationSec: 3600 });
    expect(jobs.starts.map((s) => s.execution)).toEqual([1, 2]);
    expect(timeOf(r, 'pipe', /Executing: execution 2/)).toBe(2 + JOB_SEC);
  });

  it("a pipeline whose SageMaker API calls are blocked starts nothing (the gate's incident on the pipeline)", () => {
    const jobs = fakeJobs();
    const r = run(pipeline({ threshold: 0.5 }), {
      modules: [fakeGate('api-call', ['pipe']), mlopsModule, endpointsModule, jobs],
      durationSec: 3600,
    });
    expect(r.incident('sagemaker-api-unreachable', 'pipe')?.count).toBe(1);
    expect(r.state('pipe')).toBe('Failed');
    expect(jobs.starts).toEqual([]);
  });
});
