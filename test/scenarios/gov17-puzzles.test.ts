/**
 * Governance and dashboard puzzles (issue 17, gov17), proven like every puzzle (test/scenarios/prove.ts): each fails as
 * shipped and passes with its solution and alternatives on seeds 1–20; the tempting wrong fixes fail.
 * - d4/26 makes an on-call CloudWatch dashboard show what callers get (S4.2.3): ModelLatency p99 rather than the
 *   Average, the 4XX errors, CPUUtilization under /aws/sagemaker/Endpoints
 *   (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html,
 *   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html).
 * - d4/27 narrows a training role made from Role Manager's Data Scientist persona to the compute persona and the job's
 *   buckets (leastPrivilege; https://docs.aws.amazon.com/sagemaker/latest/dg/role-manager.html).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDocument } from '../../src/engine/run';
import { lockViolations } from '../../src/model/submission';
import { loadPuzzle, PUZZLES_DIR } from './catalog';
import { props, provePuzzles, type PuzzleCase } from './prove';

const D426 = 'd4/26-the-dashboard-that-stayed-green.json';
const D427 = 'd4/27-the-role-from-the-wizard.json';
const BUCKETS = ['arn:aws:s3:::sales-history/*', 'arn:aws:s3:::model-artifacts/*'];
const widgets = (...w: string[]) => props('oncall', { widgets: w });
const NS = 'AWS/SageMaker';
const CPU = '/aws/sagemaker/Endpoints CPUUtilization Average';

const CASES: PuzzleCase[] = [
  {
    file: D426,
    alternatives: [
      widgets(`${NS} Invocations Sum`, `${NS} ModelLatency Maximum`, `${NS} Invocation4XXErrors Sum`, CPU),
      widgets(`${NS} Invocations Sum`, `${NS} ModelLatency p99`, `${NS} Invocation4XXErrors Sum`),
      widgets(`${NS} ModelLatency Average`, `${NS} ModelLatency p99`, `${NS} Invocation4XXErrors Average`, CPU),
    ],
    wrong: [
      // p90 is not the slowest 1%
      widgets(`${NS} Invocations Sum`, `${NS} ModelLatency p90`, `${NS} Invocation4XXErrors Sum`, CPU),
      // the refused uploads are client errors (413), not 5XX
      widgets(`${NS} Invocations Sum`, `${NS} ModelLatency p99`, `${NS} Invocation5XXErrors Sum`, CPU),
      // the errors' median stays at 0
      widgets(`${NS} Invocations Sum`, `${NS} ModelLatency p99`, `${NS} Invocation4XXErrors p50`, CPU),
      // latency and errors right, the CPU panel still empty
      widgets(`${NS} ModelLatency p99`, `${NS} Invocation4XXErrors Sum`, `${NS} CPUUtilization Average`),
      // every metric with every statistic, under the wrong namespace too: the empty panels stay empty
      widgets(
        ...['Invocations', 'Invocation4XXErrors', 'Invocation5XXErrors', 'ModelLatency', 'CPUUtilization'].flatMap(
          (m) => ['Sum', 'Average', 'p99'].map((s) => `${NS} ${m} ${s}`),
        ),
      ),
      // a second, correct dashboard beside the blind one
      {
        addNodes: [
          {
            id: 'oncall2',
            kind: 'cloudwatch-dashboard',
            props: { widgets: [`${NS} ModelLatency p99`, `${NS} Invocation4XXErrors Sum`, CPU] },
          },
        ],
        addEdges: [{ from: 'fraud', to: 'oncall2' }],
      },
    ],
  },
  {
    file: D427,
    alternatives: [
      props('role', { persona: 'custom', actions: ['s3:GetObject', 's3:PutObject'], s3Resources: BUCKETS }),
    ],
    wrong: [
      // the right persona on every bucket
      props('role', { persona: 'compute-role' }),
      // the other persona for people
      props('role', { persona: 'mlops', s3Resources: BUCKETS }),
      // the Data Scientist persona scoped to the buckets still grants s3:* and Studio, jobs and experiments
      props('role', { s3Resources: BUCKETS }),
      // a wildcard role
      props('role', { persona: 'custom', actions: ['*'], s3Resources: BUCKETS }),
      // nothing at all: the job cannot read its data
      props('role', { persona: 'custom', actions: [], s3Resources: BUCKETS }),
      // only the input bucket: the model cannot be written
      props('role', { persona: 'compute-role', s3Resources: [BUCKETS[0]] }),
    ],
  },
];

provePuzzles(CASES, /^[SK]4\.[123]\.\d{1,2}$/);

describe('gov17 puzzles: what the learner sees', () => {
  const doc = (file: string) => loadPuzzle(join(PUZZLES_DIR, file)).doc;

  it('d4/26: as shipped the dashboard misses the tail, the 413s and draws no CPU line', () => {
    const r = runDocument(doc(D426)).report;
    const msg = r.incidents.find((i) => i.rule === 'dashboard-blind-spot')!.message;
    expect(msg).toMatch(/p99 latency \d+ ms against a mean of \d+ ms/);
    expect(msg).toMatch(/answered 4xx/);
    expect(msg).toContain('CPUUtilization is published in /aws/sagemaker/Endpoints');
    expect(r.incidents.map((i) => i.rule)).toContain('payload-too-large');
    // the Average's highest point stays far below what the slowest callers got
    const peaks = r.nodes.oncall.widgets as { widget: string; peak: number | null }[];
    expect(peaks.find((w) => w.widget.endsWith('ModelLatency Average'))!.peak!).toBeLessThan(r.nodes.fraud.p99Ms!);
  });

  it(
    'd4/26: deleting the dashboard fails its goal and its lock; unwiring it or resizing the endpoint breaks a ' +
      'lock',
    () => {
      const d = doc(D426);
      const gone = {
        ...d,
        nodes: d.nodes.filter((n) => n.id !== 'oncall'),
        edges: d.edges!.filter((e) => e.to !== 'oncall'),
      };
      expect(runDocument(gone).report.goal!.failed).toEqual(['node oncall is absent, not Active']);
      expect(lockViolations(d, gone)).toContain('locked node oncall (cloudwatch-dashboard) was deleted');
      const unwired = { ...d, edges: d.edges!.filter((e) => e.to !== 'oncall') };
      expect(lockViolations(d, unwired)).toEqual(['locked connection fraud → oncall was removed']);
      // the endpoint's capacity is the scenario, not the answer
      const bigger = {
        ...d,
        nodes: d.nodes.map((n) => (n.id === 'fraud' ? { ...n, props: { ...n.props, instanceCount: 3 } } : n)),
      };
      expect(lockViolations(d, bigger)).toEqual(['locked scenario prop fraud.instanceCount was changed from 1 to 3']);
    },
  );

  it(
    "d4/27: the persona's grants count like the role's own: it completes as shipped; an empty custom role fails " +
      'it',
    () => {
      const d = doc(D427);
      expect(runDocument(d).report.nodes.train.state).toBe('Completed');
      const empty = {
        ...d,
        nodes: d.nodes.map((n) => (n.id === 'role' ? { ...n, props: { ...n.props, persona: 'custom' } } : n)),
      };
      const r = runDocument(empty).report;
      expect(r.nodes.train.state).toBe('Failed');
      expect(r.timeline.map((e) => e.event).join(' ')).toMatch(/AccessDenied \(403\).*s3:GetObject/);
    },
  );
});
