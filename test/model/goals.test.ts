import { describe, expect, it } from 'vitest';
import {
  GOAL_KEYS,
  GOALS,
  checkGoal,
  criterionWords,
  goalCriteria,
  goalSchema,
  gradeGoal,
} from '../../src/model/goals';
import { validate } from '../harness';

const run = {
  findings: [{ rule: 'iam-wildcard' }],
  incidents: [{ rule: 'payload-too-large', node: 'ep', count: 2 }],
  nodes: {
    ep: { state: 'InService', requests: 100, ok: 90, failed: 10, p99Ms: 500, model: 'job:v0' },
    job: { state: 'Failed' },
  },
  costUSD: 12.5,
  design: {
    leastPrivilege: () => ['role r grants the wildcard action "*"'],
    unneededEndpoints: () => ['vpc-endpoint e (sts) is not needed: nothing in vpc calls sts'],
  },
};
const goal = {
  noIncidents: ['payload-too-large'],
  incidents: ['data-drift-detected'],
  nodeStates: { job: 'Completed' },
  modelFrom: { ep: 'job' },
  minServed: { ep: 95 },
  maxFailedRatio: 0.05,
  maxP99Ms: 300,
  maxCostUSD: 10,
  noFindings: ['iam-wildcard'],
  leastPrivilege: true,
  noUnneededEndpoints: true,
};

describe('the GOALS table', () => {
  it('is the schema: every key of the table and nothing else', () => {
    expect(Object.keys(goalSchema.shape)).toEqual(GOAL_KEYS);
    expect(goalSchema.safeParse(goal).success).toBe(true);
    expect(goalSchema.safeParse({ maxCostUSD: -1 }).success).toBe(false);
    expect(goalSchema.safeParse({ noSuchKey: true }).success).toBe(false);
    for (const k of GOAL_KEYS) expect(GOALS[k].schema.safeParse(goal[k]).success, k).toBe(true);
  });

  it('grades every key in table order, one failure per unmet piece', () => {
    expect(gradeGoal(goal, run).failed).toEqual([
      'incident of rule payload-too-large occurred (ep)',
      'no incident of rule data-drift-detected',
      'node job is Failed, not Completed',
      'endpoint ep serves job:v0, not a version job trained in this run',
      'node ep served 90 requests, fewer than 95',
      'endpoint ep failed 10.0% of requests (max 5.0%)',
      'endpoint ep p99 500 ms is above 300 ms',
      'cost $12.5 is above $10',
      'finding of rule iam-wildcard remains',
      'not least privilege: role r grants the wildcard action "*"',
      'vpc-endpoint e (sts) is not needed: nothing in vpc calls sts',
    ]);
    expect(gradeGoal({}, run)).toEqual({ met: true, failed: [] });
    expect(() => gradeGoal({ leastPrivilege: true }, { ...run, design: undefined })).toThrow(/judges the design/);
  });

  it('puts each criterion in words, hiding a forbidden rule until revealed; forbidding keys come first', () => {
    const words = { title: (r: string) => r.toUpperCase(), name: (n: string) => `<${n}>`, reveal: true };
    const cs = goalCriteria(goal);
    expect(cs.map((c) => c.type)).toEqual([
      'noIncidents',
      'noFindings',
      'incidents',
      'nodeStates',
      'modelFrom',
      'minServed',
      'maxFailedRatio',
      'maxP99Ms',
      'maxCostUSD',
      'leastPrivilege',
      'noUnneededEndpoints',
    ]);
    expect(cs.map((c) => criterionWords(c, words))).toEqual([
      'No “PAYLOAD-TOO-LARGE” during the run',
      'No “IAM-WILDCARD” left in the design',
      'The run shows “DATA-DRIFT-DETECTED”',
      '<job> ends Completed',
      '<ep> serves a new model from <job>',
      '<ep> serves at least 95 requests',
      'No endpoint fails more than 5% of its requests',
      'p99 latency at most 300 ms',
      'The run costs at most $10',
      'Every role grants exactly what its jobs use (no wildcards)',
      'Only the VPC endpoints the design needs',
    ]);
    expect(criterionWords(cs[0], { ...words, reveal: false })).toBe('The failure in the story no longer happens');
  });

  it('checks on load that rules and states exist, naming the path', () => {
    const errs: string[] = [];
    checkGoal({ noIncidents: ['no-such-rule'], nodeStates: { job: 'Done' } }, (p, m) => errs.push(`${p}: ${m}`));
    expect(errs[0]).toBe('goal.noIncidents[0]: "no-such-rule" is not a rule id (npm run sim -- --rules lists them)');
    expect(errs[1]).toMatch(/^goal\.nodeStates\.job: "Done" is not a state; expected "Pending" \| /);
    expect(() => validate({ format: 'sagesim/architecture@1', nodes: [], goal: { incidents: ['nope'] } })).toThrow(
      /goal\.incidents\[0\]/,
    );
  });
});
