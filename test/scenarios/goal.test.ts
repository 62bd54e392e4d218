import { describe, expect, it } from 'vitest';
import { gradeGoal } from '../../src/engine/goal';

/** The goal key puzzles add to format.md's (docs/format.md): deleting the client or the endpoint must not pass. */
describe('goal minServed', () => {
  const run = (nodes: Record<string, { state?: string; requests?: number; ok?: number; failed?: number }>) =>
    gradeGoal({ minServed: { ep: 100 }, maxFailedRatio: 0 }, { findings: [], incidents: [], nodes, costUSD: 0 });
  it('holds when the endpoint served enough requests OK', () =>
    expect(run({ ep: { state: 'InService', requests: 150, ok: 150, failed: 0 } }).met).toBe(true));
  it('fails when the client is gone (no requests), or the endpoint is', () => {
    expect(run({ ep: { state: 'InService', requests: 0, ok: 0, failed: 0 } })).toEqual({
      met: false,
      failed: ['node ep served 0 requests, fewer than 100'],
    });
    expect(run({}).met).toBe(false);
  });
});
