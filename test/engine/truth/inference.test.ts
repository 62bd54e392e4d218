/**
 * Issue 12 items 4, 8, 12, 13: multi-model ModelNotReadyException with client retries, AWS's error names and
 * statuses, the async invocation timeout, and an async endpoint stuck at zero without a backlog policy.
 */
import { describe, expect, it } from 'vitest';
import { httpStatus, ruleById } from '../../../src/catalog/rules';
import { PAYLOAD_ERRORS } from '../../../src/engine/modules/inference/constants';
import { arch, edge, node, run } from '../../harness';

describe('item 4: a multi-model load longer than the invocation answers ModelNotReadyException (429)', () => {
  const doc = (retries: number, coldLoadSec = 70) =>
    arch(
      node('c', 'client', { rps: 1, models: 3, retries }),
      node('mme', 'multi-model-endpoint', { coldLoadSec }),
      edge('c', 'mme'),
    );
  it('without retries the first requests per model fail with 429, not a timeout', () => {
    const r = run(doc(0), { durationSec: 600 });
    const i = r.incident('mme-model-not-ready', 'mme')!;
    expect(i.message).toMatch(/^ModelNotReadyException: Model model-\d is not yet loaded .* \(HTTP 429\)$/);
    expect(r.node('mme').failed).toBe(i.count);
    expect(r.rules().has('realtime-timeout')).toBe(false);
    expect(ruleById('mme-model-not-ready').http).toBe(429);
  });
  it('retries with back-off absorb the cold loads: every request is served', () => {
    const r = run(doc(5), { durationSec: 600 });
    expect(r.node('mme').failed).toBe(0);
    expect(r.node('mme').servedAfterRetry).toBeGreaterThan(0);
    // each first request still got a 429 before its retry succeeded
    expect(r.incident('mme-model-not-ready', 'mme')!.count).toBeGreaterThan(0);
  });
  it('a load within the invocation time is only a cold start', () => {
    const r = run(doc(0, 4), { durationSec: 600 });
    expect(r.rules().has('mme-model-not-ready')).toBe(false);
    expect(r.incident('mme-cold-load', 'mme')).toBeDefined();
  });
});

describe('item 8: error names and statuses as InvokeEndpoint returns them, in one catalog table', () => {
  it('ModelError 424 for a model timeout, ThrottlingException 400 for serverless, 413 / 400 for payloads', () => {
    expect(ruleById('realtime-timeout').http).toBe(424);
    expect(ruleById('realtime-timeout').message).toMatch(/^ModelError: Received server error \(0\) from \{variant\}/);
    expect(ruleById('serverless-throttled').http).toBe(400);
    expect(ruleById('serverless-throttled').message).toMatch(/^ThrottlingException/);
    for (const [kind, e] of Object.entries(PAYLOAD_ERRORS))
      expect(e.status, kind).toBe(httpStatus('payload-too-large', kind as keyof typeof PAYLOAD_ERRORS));
    expect(PAYLOAD_ERRORS['realtime-endpoint'].status).toBe(413);
    expect(PAYLOAD_ERRORS['serverless-endpoint'].status).toBe(400);
  });
  it('a payload over 6 MB is refused by the front end, not "from the variant"', () => {
    const r = run(
      arch(
        node('c', 'client', { rps: 2, payloadMB: 8, payloadSpread: 'fixed' }),
        node('ep', 'realtime-endpoint'),
        edge('c', 'ep'),
      ),
      { durationSec: 300 },
    );
    const m = r.incident('payload-too-large', 'ep')!.message;
    expect(m).toMatch(/^Received client error \(413\)/);
    expect(m).toMatch(/front end/);
    expect(m).not.toMatch(/from primary|from AllTraffic/);
  });
  it('the serverless throttle trace and the rule agree on 400', () => {
    const r = run(
      arch(node('c', 'client', { rps: 50 }), node('sl', 'serverless-endpoint', { maxConcurrency: 1 }), edge('c', 'sl')),
      { durationSec: 120 },
    );
    expect(r.incident('serverless-throttled', 'sl')!.message).toMatch(/^ThrottlingException/);
  });
});

describe('item 12: async invocationTimeoutSec (default 900, at most 3600)', () => {
  const doc = (props: Record<string, unknown>) =>
    arch(
      node('c', 'client', { rps: 0.01 }),
      node('as', 'async-endpoint', { processingSec: 1200, maxCapacity: 10, ...props }),
      node('t', 'sns'),
      edge('c', 'as'),
      edge('as', 't'),
    );
  it('1200 s of processing fails at the 900 s default and succeeds with 3600', () => {
    const short = run(doc({}), { durationSec: 4 * 3600 });
    expect(short.incident('async-timeout', 'as')!.message).toContain('timed out after 900 s');
    expect(short.finding('async-timeout', 'as')).toBeDefined();
    const long = run(doc({ invocationTimeoutSec: 3600 }), { durationSec: 4 * 3600 });
    expect(long.rules().has('async-timeout')).toBe(false);
    expect(long.node('as').failed).toBe(0);
  });
});

describe('item 13: async scale-out from zero needs a HasBacklogWithoutCapacity step-scaling policy', () => {
  const doc = (backlogScaling: boolean, rps = 0.01) =>
    arch(
      // a trickle: a few requests, never more queued than the backlog target (5 per instance)
      node('c', 'client', { rps, startSec: 1200, stopSec: rps < 1 ? 1500 : null }),
      node('as', 'async-endpoint', { minCapacity: 0, processingSec: 5, backlogScaling }),
      node('t', 'sns'),
      edge('c', 'as'),
      edge('as', 't'),
    );
  it('without the policy a trickle of requests waits at zero instances: async-stuck-at-zero', () => {
    const r = run(doc(false), { durationSec: 3600 });
    expect(r.incident('async-stuck-at-zero', 'as')).toBeDefined();
    expect(r.finding('async-stuck-at-zero', 'as')).toBeDefined();
    expect(r.node('as').ok).toBe(0);
    expect(r.node('as').instancesFinal).toBe(0);
  });
  it('queued requests expire after RequestTTLSeconds (6 h) and count as failed', () => {
    const r = run(doc(false), { durationSec: 8 * 3600 });
    expect(r.node('as').failed).toBe(r.node('as').requests);
    expect(r.node('as').requests).toBeGreaterThan(0);
  });
  it('a backlog above the target wakes it even without the policy (AWS: target tracking on the backlog)', () => {
    const r = run(doc(false, 1), { durationSec: 3600 });
    expect(r.node('as').ok).toBeGreaterThan(0);
  });
  it('with backlogScaling the first request wakes it: async-scale-from-zero', () => {
    const r = run(doc(true), { durationSec: 3600 });
    expect(r.rules().has('async-stuck-at-zero')).toBe(false);
    expect(r.incident('async-scale-from-zero', 'as')).toBeDefined();
    expect(r.node('as').ok).toBeGreaterThan(0);
  });
});
