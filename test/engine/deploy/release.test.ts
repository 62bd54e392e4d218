/**
 * CI/CD for ML (issue 17): a codepipeline release (source → CodeBuild build and suites → staging → e2e → approval →
 * production) started by a code-push on a watched branch or by an EventBridge rule on a model package approval.
 * Push trigger filters: https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html; CodeBuild
 * TimeoutInMinutes (default 60) and TIMED_OUT: https://docs.aws.amazon.com/codebuild/latest/APIReference/API_BuildPhase.html
 */
import { describe, expect, it } from 'vitest';
import { arch, edge, fault, node, run } from '../../harness';
import { branchMatches, buildMinutes } from '../../../src/engine/modules/deploy/release';
import type { Fault } from '../../../src/model/schema';
import { loadJson } from '../../../src/model/load';

type Push = Partial<Extract<Fault, { kind: 'code-push' }>>;
/** A client on a production endpoint, a staging endpoint, and a release pipeline deploying to both. */
const doc = (pipe: Record<string, unknown>, push: Push = {}) =>
  arch(
    node('users', 'client', { rps: 10 }),
    node('staging', 'realtime-endpoint'),
    node('prod', 'realtime-endpoint'),
    node('release', 'codepipeline', { stagingEndpoint: 'staging', ...pipe }),
    edge('users', 'prod'),
    edge('release', 'staging'),
    edge('release', 'prod'),
    fault({ atSec: 600, kind: 'code-push', node: 'release', branch: 'main', version: 'v2', ...push }),
  );
type Stage = { name: string; status: string; startSec?: number; endSec?: number };
const stages = (r: ReturnType<typeof run>) => r.node('release').stages as unknown as Stage[];

describe('codepipeline releases', () => {
  it('a good change on the watched branch goes through every stage and reaches production', () => {
    const r = run(doc({ tests: ['unit', 'integration', 'e2e'] }), { durationSec: 7200 });
    expect(stages(r).map((s) => `${s.name}:${s.status}`)).toEqual([
      'Source:Succeeded',
      'Build:Succeeded',
      'DeployStaging:Succeeded',
      'TestStaging:Succeeded',
      'ApproveDeployment:Succeeded',
      'DeployProd:Succeeded',
    ]);
    expect(r.state('release')).toBe('Succeeded');
    expect(r.node('release').executions).toBe(1);
    // build 15 min + unit 2 + integration 10 = 27 min, e2e 20 min against staging, 10 min approval
    const build = stages(r)[1];
    expect(build.endSec! - build.startSec!).toBe(27 * 60);
    // no CI/CD or deployment rule; the staging endpoint, which serves no traffic, is idle (a cost finding)
    expect([...r.rules()]).toEqual(['endpoint-idle']);
    expect(r.incident('endpoint-idle', 'staging')).toBeDefined();
    expect(r.node('prod').failed).toBe(0);
  });

  it('a push to a branch no trigger pattern matches starts nothing: release-not-triggered', () => {
    const r = run(doc({ branches: ['main'] }, { branch: 'release/2.4' }), { durationSec: 3600 });
    expect(r.incident('release-not-triggered', 'release')?.message).toMatch(
      /^Push of v2 to release\/2\.4: no execution of pipeline release started \(its push trigger includes branches main\)/,
    );
    expect(r.node('release').executions).toBe(0);
    expect(r.node('release').stages).toBeUndefined();
    // the same push with release/* watched ships
    const ok = run(doc({ branches: ['main', 'release/*'] }, { branch: 'release/2.4' }), { durationSec: 7200 });
    expect(ok.state('release')).toBe('Succeeded');
    expect(ok.rules().has('release-not-triggered')).toBe(false);
  });

  it('a feature-branch push not meant to release starts nothing and is no incident', () => {
    const r = run(doc({}, { branch: 'feature/x', release: false }), { durationSec: 1800 });
    expect([...r.rules()].filter((x) => x !== 'endpoint-idle')).toEqual([]);
    expect(r.node('release').executions).toBe(0);
  });

  it('glob patterns: * and ? as in CodePipeline filters', () => {
    expect(branchMatches('release/*', 'release/2.4')).toBe(true);
    expect(branchMatches('release/*', 'main')).toBe(false);
    expect(branchMatches('main', 'main')).toBe(true);
    expect(branchMatches('v?', 'v2')).toBe(true);
    expect(branchMatches('*', 'feature/wip')).toBe(true);
  });

  it('an integration defect passes unit tests and reaches production: untested-defect-released, requests fail', () => {
    const r = run(doc({ tests: ['unit'] }, { defect: 'integration', errorRate: 0.4 }), { durationSec: 7200 });
    const i = r.incident('untested-defect-released', 'release');
    expect(i?.message).toMatch(
      /deployed v2 to production \(prod\), where its new fleet fails 40% of requests; the integration defect passed the suites it ran \(unit\)/,
    );
    expect(r.incident('model-version-errors', 'prod')).toBeDefined();
    expect((r.node('prod').failed as number) / (r.node('prod').requests as number)).toBeGreaterThan(0.2);
    expect(r.state('release')).toBe('Succeeded');
  });

  it('the integration suite catches it in the build: release-stopped-by-tests, nothing deployed', () => {
    const r = run(doc({ tests: ['unit', 'integration'] }, { defect: 'integration' }), { durationSec: 7200 });
    expect(r.incident('release-stopped-by-tests', 'release')?.message).toMatch(
      /execution #1 Failed at stage Build: 3 integration test\(s\) failed on v2/,
    );
    expect(r.rules().has('untested-defect-released')).toBe(false);
    expect(r.state('release')).toBe('Failed');
    expect(stages(r).map((s) => s.status)).toEqual(['Succeeded', 'Failed', 'Skipped', 'Skipped', 'Skipped']);
    expect(r.node('prod').failed).toBe(0);
  });

  it('an e2e defect is caught only by the e2e suite against a staging endpoint', () => {
    const caught = run(doc({ tests: ['unit', 'e2e'] }, { defect: 'e2e' }), { durationSec: 7200 });
    expect(caught.incident('release-stopped-by-tests')?.message).toMatch(/at stage TestStaging: 3 e2e test/);
    expect(caught.node('prod').failed).toBe(0);
    // no staging endpoint: the e2e suite has nothing to test, the defect ships
    const noStaging = run(doc({ tests: ['unit', 'e2e'], stagingEndpoint: null }, { defect: 'e2e' }), {
      durationSec: 7200,
    });
    expect(noStaging.incident('untested-defect-released')?.message).toMatch(/passed the suites it ran \(unit, e2e\)/);
  });

  it('a build past its timeout is TIMED_OUT at 60 minutes by default: build-timed-out', () => {
    const pipe = { buildMinutes: 50, tests: ['unit', 'integration'] };
    expect(buildMinutes(run(doc(pipe)).sim.graph.nodeOf('release', 'codepipeline'))).toBe(62);
    const r = run(doc(pipe), { durationSec: 7200 });
    const i = r.incident('build-timed-out', 'release');
    expect(i?.message).toMatch(
      /Failed at stage Build: CodeBuild phase BUILD TIMED_OUT after 60 minutes \(.* 62 minutes\)/,
    );
    const build = stages(r)[1];
    expect(build.endSec! - build.startSec!).toBe(3600);
    expect(r.state('release')).toBe('Failed');
    const longer = run(doc({ ...pipe, buildTimeoutMinutes: 90 }), { durationSec: 9000 });
    expect(longer.rules().has('build-timed-out')).toBe(false);
    expect(longer.state('release')).toBe('Succeeded');
  });

  it(
    'the production endpoint keeps its guardrails: a canary with an ' + 'alarm rolls the defect back, DeployProd fails',
    () => {
      const d = doc({ tests: ['unit'], manualApproval: false }, { defect: 'integration', errorRate: 0.5 });
      d.nodes.find((n) => n.id === 'prod')!.props = {
        deployment: {
          type: 'canary',
          sizePercent: 10,
          waitIntervalSec: 600,
          terminationWaitSec: 0,
          rollbackAlarms: ['errors'],
        },
      };
      d.nodes.push({ id: 'errors', kind: 'cloudwatch', props: { threshold: 5 } });
      d.edges!.push({ from: 'prod', to: 'errors' });
      const r = run(d, { durationSec: 7200 });
      expect(r.incident('untested-defect-released')).toBeDefined();
      expect(r.incident('deployment-rolled-back', 'prod')).toBeDefined();
      expect(stages(r).at(-1)).toMatchObject({ name: 'DeployProd', status: 'Failed' });
      expect(r.state('release')).toBe('Failed');
    },
  );

  it('a second push waits for the running execution (one at a time)', () => {
    const d = doc({});
    d.faults!.push({ atSec: 700, kind: 'code-push', node: 'release', branch: 'main', version: 'v3' });
    const r = run(d, { durationSec: 7200 });
    expect(r.node('release').executions).toBe(2);
    expect(r.node('release').version).toBe('v3');
    expect(r.state('release')).toBe('Succeeded');
  });
});

describe('SageMaker Projects shape: EventBridge starts the deploy pipeline on a model package approval', () => {
  const projects = (status: string) =>
    arch(
      node('users', 'client', { rps: 5 }),
      node('reg', 'model-registry'),
      node('rule', 'eventbridge'),
      node('deploy', 'codepipeline', { stagingEndpoint: 'staging', branches: ['main'] }),
      node('staging', 'realtime-endpoint'),
      node('prod', 'realtime-endpoint'),
      edge('users', 'prod'),
      edge('reg', 'rule'),
      edge('rule', 'deploy'),
      edge('deploy', 'staging'),
      edge('deploy', 'prod'),
      fault({ atSec: 600, kind: 'approve', node: 'reg', status: status as 'Approved' }),
    );

  it('Approved starts a release that deploys the package to staging then production', () => {
    const r = run(projects('Approved'), { durationSec: 7200 });
    expect(r.node('deploy').executions).toBe(1);
    expect(r.state('deploy')).toBe('Succeeded');
    expect(r.node('deploy').version).toBe('reg/0');
    expect(r.node('rule').events).toBe(1);
  });

  it('Rejected starts nothing', () => {
    const r = run(projects('Rejected'), { durationSec: 3600 });
    expect(r.node('deploy').executions).toBe(0);
  });

  it('a build stage wired to a SageMaker pipeline starts its execution', () => {
    const d = arch(
      node('build', 'codepipeline'),
      node('pipe', 'pipeline'),
      node('data', 's3-bucket'),
      node('train', 'training-job', {}, 'pipe'),
      edge('data', 'train'),
      edge('build', 'pipe'),
      fault({ atSec: 60, kind: 'code-push', node: 'build', branch: 'main' }),
    );
    const r = run(d, { durationSec: 7200 });
    expect(r.state('build')).toBe('Succeeded');
    expect(r.sim.log.entries().some((e) => /started by build execution #1/.test(e.message))).toBe(true);
  });
});

describe('codepipeline documents: bad input gets a clear message', () => {
  const base = {
    format: 'sagesim/architecture@1',
    nodes: [
      { id: 'ep', kind: 'realtime-endpoint' },
      { id: 'c', kind: 'client' },
    ],
  };
  const errors = (doc: unknown) => {
    const r = loadJson(doc);
    return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
  };

  it('a staging endpoint that is not a real-time endpoint, an unknown suite, more than 8 trigger patterns', () => {
    expect(
      errors({
        ...base,
        nodes: [...base.nodes, { id: 'rel', kind: 'codepipeline', props: { stagingEndpoint: 'c', tests: ['smoke'] } }],
      }),
    ).toEqual([
      'nodes[2].props.tests[0]: expected "unit" | "integration" | "e2e"',
      'nodes[2].props.stagingEndpoint: "c" is a client; expected realtime-endpoint',
    ]);
    const nine = Array.from({ length: 9 }, (_, i) => `b${i}`);
    expect(
      errors({ ...base, nodes: [...base.nodes, { id: 'rel', kind: 'codepipeline', props: { branches: nine } }] }),
    ).toEqual(['nodes[2].props.branches: too long (expected array to have <=8 items)']);
  });

  it('a code-push on anything but a codepipeline is refused', () => {
    expect(errors({ ...base, faults: [{ atSec: 1, kind: 'code-push', node: 'ep' }] })).toEqual([
      'faults[0].node: code-push applies to codepipeline, not a realtime-endpoint',
    ]);
  });
});
