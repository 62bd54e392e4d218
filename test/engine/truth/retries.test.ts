/**
 * Issue 12 item 4 (the rest): a client's `retries` applies to every error the AWS SDKs retry (throttling and 429,
 * transient 5xx), with the SDK's capped exponential back-off, visible in the report's counts and in request traces;
 * errors the SDKs do not retry (a payload over the limit, a model error) fail at once.
 */
import { describe, expect, it } from 'vitest';
import { requestTraces } from '../../../src/engine';
import { backoffSec, backoffTotalSec } from '../../../src/engine/modules/inference/retry';
import { arch, edge, node, run } from '../../harness';

type Run = ReturnType<typeof run>;
/** A node's report figures as numbers (retries and servedAfterRetry are extras). */
const fig = (r: Run, id: string) => r.node(id) as unknown as Record<string, number>;

describe('the SDK back-off', () => {
  it('doubles from 1 s and is capped at 20 s (standard mode)', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(backoffSec)).toEqual([1, 2, 4, 8, 16, 20, 20]);
    expect(backoffTotalSec(3)).toBe(7);
  });
});

describe('serverless ThrottlingException (400) is retried', () => {
  // 1 concurrent invocation of ~1.5 s at 0.5 rps: requests often find the one slot busy
  const doc = (retries: number) =>
    arch(
      node('c', 'client', { rps: 0.5, retries }),
      node('sl', 'serverless-endpoint', { maxConcurrency: 1, provisionedConcurrency: 1, modelLatencyMs: 1500 }),
      edge('c', 'sl'),
    );
  it('without retries each throttle is a failed request', () => {
    const r = run(doc(0), { durationSec: 1800 });
    const i = r.incident('serverless-throttled', 'sl')!;
    expect(r.node('sl').failed).toBe(i.count);
    expect(r.node('sl').retries).toBeUndefined();
  });
  it('with retries the client backs off and most throttled requests are served; every throttle still counts', () => {
    const none = run(doc(0), { durationSec: 1800 });
    const r = run(doc(4), { durationSec: 1800 });
    const ep = fig(r, 'sl');
    expect(ep.requests).toBe(fig(none, 'sl').requests);
    expect(ep.failed).toBeLessThan(fig(none, 'sl').failed / 2);
    expect(ep.retries).toBeGreaterThan(0);
    expect(ep.servedAfterRetry).toBeGreaterThan(0);
    // each ThrottlingException answered counts, the retried ones included
    expect(r.incident('serverless-throttled', 'sl')!.count).toBe(ep.retries + ep.failed);
    // a served retry's trace shows the back-off hop before the model
    const t = requestTraces(r.sim, 'sl').find((x) => x.outcome === 'ok' && x.hops[0].kind === 'retry')!;
    expect(t).toBeDefined();
    expect(t.hops[0].durMs).toBeGreaterThanOrEqual(1000);
    expect(t.totalMs).toBeGreaterThan(t.hops[0].durMs);
  });
});

describe('real-time 503 (a full worker queue) is retried', () => {
  // one ml.m5.large: 2 workers of ~50 ms serve ~40 rps and queue 2.5 s of work each; a spiky client sends 60 rps
  // for one minute in four, so the queues overflow (503) and the client's retries land in the quiet minutes
  const doc = (retries: number) =>
    arch(
      node('c', 'client', { rps: 15, pattern: 'spiky', retries }),
      node('ep', 'realtime-endpoint', { instanceType: 'ml.m5.large', modelLatencyMs: 50 }),
      edge('c', 'ep'),
    );
  it('retries turn some 503s into served requests, and the figures say so', () => {
    const none = run(doc(0), { durationSec: 1800 });
    expect(none.incident('endpoint-overloaded', 'ep')!.count).toBe(fig(none, 'ep').failed - timeouts(none));
    const r = run(doc(6), { durationSec: 1800 });
    const ep = fig(r, 'ep'),
      before = fig(none, 'ep');
    expect(ep.retries).toBeGreaterThan(0);
    expect(ep.servedAfterRetry).toBeGreaterThan(0);
    expect(ep.ok).toBeGreaterThan(before.ok);
    expect(ep.failed).toBeLessThan(before.failed);
    expect(ep.requests).toBe(before.requests);
  });
});

describe('errors the SDKs do not retry fail at once', () => {
  it('a payload over 6 MB (413) is not retried', () => {
    const r = run(
      arch(
        node('c', 'client', { rps: 1, payloadMB: 8, payloadSpread: 'fixed', retries: 5 }),
        node('ep', 'realtime-endpoint'),
        edge('c', 'ep'),
      ),
      { durationSec: 300 },
    );
    expect(r.node('ep').retries).toBeUndefined();
    expect(r.incident('payload-too-large', 'ep')!.count).toBe(r.node('ep').requests);
  });
  it('a model timeout (ModelError 424) is not retried', () => {
    const r = run(
      arch(
        node('c', 'client', { rps: 0.2, retries: 5 }),
        node('ep', 'realtime-endpoint', { modelLatencyMs: 90_000 }),
        edge('c', 'ep'),
      ),
      { durationSec: 600 },
    );
    expect(r.incident('realtime-timeout', 'ep')).toBeDefined();
    expect(r.node('ep').retries).toBeUndefined();
  });
});

const timeouts = (r: Run) => r.incident('realtime-timeout', 'ep')?.count ?? 0;
