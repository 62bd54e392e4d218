import type { GNode } from '../../../model/graph';
import type { Fault } from '../../../model/schema';
import { defineSlot, type Simulation } from '../../sim';
import { TOPICS, type DeployTraffic, type ReleaseStart, type StateChange } from '../../topics';
import { round } from '../../util';
import { startUpdate } from './rollout';

/**
 * CI/CD for ML (issue 17): a `codepipeline` node is a CodePipeline (V2) release with a CodeBuild build/test action,
 * as the SageMaker Projects MLOps template for model building, training and deployment lays it out:
 *
 *   Source → Build (CodeBuild: build, unit and integration suites, then StartPipelineExecution of a wired SageMaker
 *   pipeline) → DeployStaging (the `stagingEndpoint`) → TestStaging (the e2e suite invokes the staging endpoint) →
 *   ApproveDeployment (manual approval) → DeployProd (every other endpoint it is wired to).
 *
 * A `code-push` starts it when its branch matches a trigger pattern (push filter Branches.Includes, glob); an
 * EventBridge rule starts it on a model package approval (TOPICS.releaseStart from the mlops module's event chains).
 * A pushed change deploys through the endpoint's own deployment guardrails (rollout.ts, the same blue/green update as
 * the model-update fault); an approved package deploys as the Lambda glue does (TOPICS.endpointUpdate), so the
 * endpoint then serves that package's model.
 *
 * AWS facts: push trigger filters https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html;
 * CodeBuild TimeoutInMinutes 5–2160 (default 60) and phase status TIMED_OUT
 * https://docs.aws.amazon.com/codebuild/latest/APIReference/API_BuildPhase.html; a manual approval fails after
 * seven days https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals-approve-or-reject.html.
 *
 * Left out: Git tag and file path filters, pull request triggers, SUPERSEDED/PARALLEL execution modes (SageSim runs
 * one execution at a time, later ones wait: QUEUED mode), CloudFormation deploy actions (a deploy stage updates the
 * endpoint directly).
 */
export const RELEASE = {
  /** Seconds the source action takes to fetch the commit (simulator figure). */
  sourceSec: 60,
  /** Minutes each suite adds to its CodeBuild action (simulator figures). */
  suiteMin: { unit: 2, integration: 10, e2e: 20 } as Record<Suite, number>,
  /** Seconds a reviewer takes to approve (simulator figure; CodePipeline fails an approval after 7 days). */
  approvalSec: 600,
} as const;

export type Suite = 'unit' | 'integration' | 'e2e';
const SUITES: readonly Suite[] = ['unit', 'integration', 'e2e'];
type CodePush = Extract<Fault, { kind: 'code-push' }>;

/** One stage of an execution, as the pipeline's console shows it. */
export interface ReleaseStage {
  name: string;
  status: 'NotStarted' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped';
  startSec?: number;
  endSec?: number;
  detail?: string;
}

/** What a release carries: the change pushed (with its defect, if any) or the approved model package. */
interface Change {
  version: string;
  reason: string;
  defect: Suite | null;
  errorRate: number;
  /** A model package from the registry (deployed with TOPICS.endpointUpdate) rather than a code change. */
  fromPackage: boolean;
}

interface PipelineRun {
  executions: number;
  busy: boolean;
  queue: Change[];
}
const RUNS = defineSlot('deploy:releases', () => new Map<string, PipelineRun>());

/** Glob match of a branch filter pattern: `*` any characters, `?` one character. */
export function branchMatches(pattern: string, branch: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(branch);
}

/** The suites a codepipeline runs, in order. */
export const suitesOf = (p: GNode<'codepipeline'>): Suite[] =>
  SUITES.filter((s) => (p.props.tests as readonly string[]).includes(s));

/** Minutes the CodeBuild build action takes: the build plus the unit and integration suites it runs. */
export function buildMinutes(p: GNode<'codepipeline'>): number {
  return p.props.buildMinutes + suitesOf(p).reduce((m, s) => (s === 'e2e' ? m : m + RELEASE.suiteMin[s]), 0);
}

/** The staging endpoint (if any) and the production endpoints a codepipeline deploys to. */
export function targetsOf(sim: Simulation, p: GNode<'codepipeline'>): { staging: GNode | null; prod: GNode[] } {
  const staging = p.props.stagingEndpoint ? (sim.graph.byId.get(p.props.stagingEndpoint) ?? null) : null;
  return { staging, prod: sim.graph.out(p.id, 'realtime-endpoint').filter((e) => e.id !== staging?.id) };
}

const runOf = (sim: Simulation, id: string): PipelineRun => {
  const runs = sim.slot(RUNS);
  let r = runs.get(id);
  if (!r) runs.set(id, (r = { executions: 0, busy: false, queue: [] }));
  return r;
};

/** Start the release module: EventBridge-started releases, and each pipeline's figures at the start. */
export function startReleases(sim: Simulation): void {
  for (const p of sim.graph.ofKind('codepipeline')) {
    const x = sim.metrics(p.id).extra;
    x.executions = 0;
    x.branches = (p.props.branches as readonly string[]).join(', ');
    sim.setState(p.id, 'Pending', 'no execution yet');
  }
  sim.on(TOPICS.releaseStart, (e: ReleaseStart) => {
    const p = sim.graph.nodeOf(e.node, 'codepipeline');
    enqueue(sim, p, {
      version: e.version ?? 'latest approved package',
      reason: e.reason,
      defect: null,
      errorRate: 0,
      fromPackage: true,
    });
  });
}

/** A `code-push`: starts the pipeline when a trigger pattern matches the branch. */
export function codePush(sim: Simulation, f: CodePush): void {
  const p = sim.graph.nodeOf(f.node, 'codepipeline');
  const branch = f.branch ?? 'main';
  const patterns = p.props.branches as readonly string[];
  const version = f.version ?? `${branch}@${Math.round(f.atSec)}`;
  const x = sim.metrics(p.id).extra;
  x.pushes = Number(x.pushes ?? 0) + 1;
  if (!patterns.some((pat) => branchMatches(pat, branch))) {
    const trigger = patterns.length ? patterns.join(', ') : '(none)';
    if (f.release ?? true) sim.incident('release-not-triggered', p.id, { version, branch, branches: trigger });
    sim.note(p.id, 'event', `push of ${version} to ${branch}: no trigger of ${p.id} matches (branches ${trigger})`);
    return;
  }
  enqueue(sim, p, {
    version,
    reason: `push of ${version} to ${branch}`,
    defect: f.defect ?? null,
    errorRate: f.defect ? (f.errorRate ?? 0.5) : 0,
    fromPackage: false,
  });
}

function enqueue(sim: Simulation, p: GNode<'codepipeline'>, c: Change): void {
  const r = runOf(sim, p.id);
  if (r.busy) {
    r.queue.push(c);
    sim.note(p.id, 'event', `${p.id}: ${c.reason} waits for the running execution (queued)`);
    return;
  }
  execute(sim, p, c);
}

/** One pipeline execution, stage by stage. */
function execute(sim: Simulation, p: GNode<'codepipeline'>, c: Change): void {
  const r = runOf(sim, p.id);
  r.busy = true;
  const n = ++r.executions;
  const execution = `#${n}`;
  const x = sim.metrics(p.id).extra;
  x.executions = n;
  x.version = c.version;
  const suites = suitesOf(p);
  const { staging, prod } = targetsOf(sim, p);
  const e2e = suites.includes('e2e');
  const stages: ReleaseStage[] = [
    { name: 'Source', status: 'NotStarted' },
    { name: 'Build', status: 'NotStarted' },
    ...(staging ? [{ name: 'DeployStaging', status: 'NotStarted' } as ReleaseStage] : []),
    ...(staging && e2e ? [{ name: 'TestStaging', status: 'NotStarted' } as ReleaseStage] : []),
    ...(p.props.manualApproval && prod.length
      ? [{ name: 'ApproveDeployment', status: 'NotStarted' } as ReleaseStage]
      : []),
    ...(prod.length ? [{ name: 'DeployProd', status: 'NotStarted' } as ReleaseStage] : []),
  ];
  x.stages = stages;
  x.stage = 'Source';
  const stage = (name: string) => stages.find((s) => s.name === name)!;
  const begin = (name: string, detail?: string) => {
    const s = stage(name);
    s.status = 'InProgress';
    s.startSec = sim.now;
    if (detail) s.detail = detail;
    x.stage = name;
    sim.setState(p.id, 'InProgress', `execution ${execution}: ${name}`);
  };
  const end = (name: string, ok: boolean, detail?: string) => {
    const s = stage(name);
    s.status = ok ? 'Succeeded' : 'Failed';
    s.endSec = sim.now;
    if (detail) s.detail = detail;
  };
  const done = (ok: boolean, why: string) => {
    x.stage = null;
    x.lastExecution = ok ? 'Succeeded' : 'Failed';
    x[ok ? 'succeeded' : 'failed'] = Number(x[ok ? 'succeeded' : 'failed'] ?? 0) + 1;
    for (const s of stages) if (s.status === 'NotStarted') s.status = 'Skipped';
    sim.setState(p.id, ok ? 'Succeeded' : 'Failed', `execution ${execution} ${ok ? 'Succeeded' : 'Failed'}: ${why}`);
    sim.note(
      p.id,
      'event',
      `${p.id}: execution ${execution} (${c.version}) ${ok ? 'Succeeded' : 'Failed'}: ${why}`,
      ok ? 'info' : 'error',
    );
    r.busy = false;
    const next = r.queue.shift();
    if (next) execute(sim, p, next);
  };
  const stoppedByTests = (stageName: string, suite: Suite) => {
    sim.incident('release-stopped-by-tests', p.id, {
      execution,
      stage: stageName,
      suite,
      failed: 3,
      version: c.version,
    });
    end(stageName, false, `${suite} suite FAILED`);
    done(false, `${suite} tests failed at ${stageName}`);
  };
  const timedOut = (stageName: string, phase: string, minutes: number) => {
    sim.incident('build-timed-out', p.id, {
      execution,
      stage: stageName,
      phase,
      timeout: p.props.buildTimeoutMinutes,
      minutes,
    });
    end(stageName, false, `TIMED_OUT after ${p.props.buildTimeoutMinutes} min`);
    done(false, `CodeBuild TIMED_OUT at ${stageName}`);
  };

  sim.note(p.id, 'event', `${p.id}: execution ${execution} started (${c.reason})`);
  begin('Source', c.fromPackage ? `model package ${c.version}` : c.version);
  sim.after(RELEASE.sourceSec, `${p.id}: source`, p.id, () => {
    end('Source', true);
    // Build: CodeBuild runs the build and the unit/integration suites; a wired SageMaker pipeline starts here
    const inBuild = suites.filter((s) => s !== 'e2e');
    begin('Build', inBuild.length ? `build + ${inBuild.join(', ')} tests` : 'build, no tests');
    const need = c.fromPackage ? p.props.buildMinutes : buildMinutes(p);
    const timeout = p.props.buildTimeoutMinutes;
    if (need > timeout) {
      sim.after(timeout * 60, `${p.id}: build timed out`, p.id, () => timedOut('Build', 'BUILD', need));
      return;
    }
    sim.after(need * 60, `${p.id}: build`, p.id, () => {
      if (c.defect && c.defect !== 'e2e' && inBuild.includes(c.defect)) return stoppedByTests('Build', c.defect);
      end('Build', true, inBuild.length ? `${inBuild.join(', ')} passed` : undefined);
      // the tested code runs: the build's last command starts the SageMaker pipeline (model build)
      for (const sm of sim.graph.out(p.id, 'pipeline')) {
        sim.emit(TOPICS.flow, { from: p.id, to: sm.id, kind: 'event', label: 'StartPipelineExecution' });
        sim.emit(TOPICS.pipelineStart, { node: sm.id, reason: `started by ${p.id} execution ${execution}` });
      }
      afterBuild();
    });
  });

  const afterBuild = () => {
    if (!staging) {
      if (e2e) sim.note(p.id, 'event', `${p.id}: e2e suite not run: no staging endpoint to test against`, 'warning');
      return approve();
    }
    begin('DeployStaging', staging.id);
    deploy(sim, [staging], c, (ok, why) => {
      end('DeployStaging', ok, why);
      if (!ok) return done(false, `DeployStaging: ${why}`);
      if (!e2e) return approve();
      begin('TestStaging', `e2e suite against ${staging.id}`);
      const minutes = RELEASE.suiteMin.e2e;
      if (minutes > p.props.buildTimeoutMinutes) {
        sim.after(p.props.buildTimeoutMinutes * 60, `${p.id}: e2e timed out`, p.id, () =>
          timedOut('TestStaging', 'BUILD', minutes),
        );
        return;
      }
      sim.after(minutes * 60, `${p.id}: e2e tests`, p.id, () => {
        if (c.defect === 'e2e') return stoppedByTests('TestStaging', 'e2e');
        end('TestStaging', true, 'e2e passed');
        approve();
      });
    });
  };

  const approve = () => {
    if (!prod.length) return done(true, staging ? 'staging deployed; no production stage' : 'built');
    if (!p.props.manualApproval) return deployProd();
    begin('ApproveDeployment', 'waiting for a reviewer');
    sim.after(RELEASE.approvalSec, `${p.id}: approved`, p.id, () => {
      end('ApproveDeployment', true, 'approved');
      deployProd();
    });
  };

  const deployProd = () => {
    begin('DeployProd', prod.map((e) => e.id).join(', '));
    if (c.defect)
      sim.incident('untested-defect-released', p.id, {
        execution,
        version: c.version,
        endpoints: prod.map((e) => e.id).join(', '),
        percent: round(c.errorRate * 100, 1),
        defect: c.defect,
        suites: suites.length ? suites.join(', ') : 'none',
      });
    deploy(sim, prod, c, (ok, why) => {
      end('DeployProd', ok, why);
      done(ok, ok ? `${c.version} in production` : `DeployProd: ${why}`);
    });
  };
}

/**
 * Update endpoints with the release and call back once every one settles: InService on the new version (ok), or
 * rolled back by its guardrails, refused, or failed (not ok).
 */
function deploy(sim: Simulation, endpoints: GNode[], c: Change, cb: (ok: boolean, why: string) => void): void {
  let pending = endpoints.length;
  const problems: string[] = [];
  const settle = (id: string, problem: string | null) => {
    if (problem) problems.push(`${id} ${problem}`);
    if (--pending === 0) cb(problems.length === 0, problems.length ? problems.join('; ') : 'deployed');
  };
  for (const ep of endpoints) {
    if (sim.state(ep.id) !== 'InService') {
      sim.note(
        ep.id,
        'event',
        `${ep.id}: not updated: the endpoint is ${sim.state(ep.id) ?? 'not created'}`,
        'warning',
      );
      settle(ep.id, `is ${sim.state(ep.id) ?? 'not created'}`);
      continue;
    }
    let rolledBack = false,
      settled = false;
    sim.on(TOPICS.deployTraffic, (t: DeployTraffic) => {
      if (t.node === ep.id && t.share === 0 && !settled) rolledBack = true;
    });
    sim.on(TOPICS.state, (s: StateChange) => {
      if (s.node !== ep.id || settled || s.from !== 'Updating') return;
      settled = true;
      settle(ep.id, s.to !== 'InService' ? `is ${s.to}` : rolledBack ? 'rolled back' : null);
    });
    if (c.fromPackage) sim.emit(TOPICS.endpointUpdate, { node: ep.id, version: c.version });
    else
      startUpdate(sim, {
        kind: 'model-update',
        atSec: sim.now,
        node: ep.id,
        errorRate: c.errorRate,
        version: c.version,
      });
  }
}
