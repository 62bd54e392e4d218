import { describe, expect, it } from 'vitest';
import { arch, edge, node, run } from '../../harness';

const client = (props: Record<string, unknown> = {}) => node('c', 'client', props);
const sls = (props: Record<string, unknown> = {}) => node('sl', 'serverless-endpoint', props);
const asy = (props: Record<string, unknown> = {}) => node('as', 'async-endpoint', props);

describe('serverless endpoint', () => {
  it('serverless-cold-start: each burst after an idle gap starts cold; counted in coldStarts', () => {
    // spiky: 1 min at 4 req/s, then 3 min silent (longer than the 120 s a container stays warm)
    const r = run(arch(client({ rps: 1, pattern: 'spiky' }), sls(), edge('c', 'sl')));
    const i = r.incident('serverless-cold-start', 'sl')!;
    expect(i.count).toBe(r.node('sl').coldStarts);
    // InService at 60 s: 14 bursts (240 s … 3360 s), each opening cold
    expect(i.count).toBeGreaterThanOrEqual(14);
    expect(i.firstAtSec).toBeGreaterThanOrEqual(240);
    expect(i.message).toContain('waited 3 s');
    expect(r.node('sl').p99Ms).toBeGreaterThan(3000);
  });

  it('serverless-cold-start fixed twin: provisioned concurrency keeps capacity warm', () => {
    const r = run(arch(client({ rps: 1, pattern: 'spiky' }), sls({ provisionedConcurrency: 5 }), edge('c', 'sl')));
    expect(r.incident('serverless-cold-start')).toBeUndefined();
    expect(r.node('sl').coldStarts).toBe(0);
    expect(r.node('sl').p99Ms).toBeLessThan(200);
  });

  it('steady traffic keeps containers warm: cold starts at the start, then rarely', () => {
    const r = run(arch(client({ rps: 5 }), sls(), edge('c', 'sl')));
    const cold = r.sim.metrics('sl').s('coldStarts').values;
    const first = cold.slice(0, 8).reduce((s, x) => s + (x ?? 0), 0);
    const rest = cold.slice(8).reduce((s, x) => s + (x ?? 0), 0);
    // the first cold start (3 s) makes the requests behind it start containers too
    expect(first).toBeGreaterThan(5);
    expect(rest).toBeLessThan(first);
    expect(r.node('sl').coldStarts! / r.node('sl').requests!).toBeLessThan(0.005);
  });

  it('serverless-throttled: concurrency above maxConcurrency gets 429s', () => {
    // 20 req/s × 1 s = 20 concurrent on a limit of 5
    const r = run(arch(client({ rps: 20 }), sls({ maxConcurrency: 5, modelLatencyMs: 1000 }), edge('c', 'sl')));
    const i = r.incident('serverless-throttled', 'sl')!;
    expect(i.count).toBe(r.node('sl').failed);
    expect(i.count / r.node('sl').requests!).toBeGreaterThan(0.5);
    expect(i.message).toContain('MaxConcurrency of 5');
    expect(r.node('sl').concurrencyMax).toBe(5);
  });

  it('serverless-throttled fixed twin: a higher maxConcurrency', () => {
    const r = run(arch(client({ rps: 20 }), sls({ maxConcurrency: 100, modelLatencyMs: 1000 }), edge('c', 'sl')));
    expect(r.incident('serverless-throttled')).toBeUndefined();
    expect(r.node('sl').failed).toBe(0);
  });

  it('payload-too-large: 4 MB on serverless, as a ValidationError "oversize body" (400)', () => {
    const r = run(arch(client({ rps: 2, payloadMB: 5, payloadSpread: 'fixed' }), sls(), edge('c', 'sl')));
    const i = r.incident('payload-too-large', 'sl')!;
    expect(i.count).toBe(r.node('sl').requests);
    expect(i.message).toContain('(400)');
    expect(i.message).toContain('oversize body');
    expect(i.message).toContain('4 MB limit of serverless');
    const ok = run(arch(client({ rps: 2, payloadMB: 3.5, payloadSpread: 'fixed' }), sls(), edge('c', 'sl')));
    expect(ok.incident('payload-too-large')).toBeUndefined();
  });

  it('costs almost nothing while idle, unlike an always-on instance', () => {
    const doc = (kind: 'serverless-endpoint' | 'realtime-endpoint') =>
      arch(client({ rps: 0.02 }), node('ep', kind), edge('c', 'ep'));
    const s = run(doc('serverless-endpoint')).node('ep').costUSD ?? 0;
    const rt = run(doc('realtime-endpoint')).node('ep').costUSD!;
    expect(s).toBeLessThan(rt / 100);
  });
});

describe('async endpoint', () => {
  it('async-scale-from-zero: at minCapacity 0 it scales in, and the next request waits for scale-out', () => {
    const r = run(
      arch(
        client({ rps: 0.2, startSec: 1200, stopSec: 1300 }),
        asy({ minCapacity: 0, processingSec: 2 }),
        edge('c', 'as'),
        node('t', 'sns'),
        edge('as', 't'),
      ),
    );
    const i = r.incident('async-scale-from-zero', 'as')!;
    expect(i.count).toBe(1);
    expect(i.firstAtSec).toBeGreaterThanOrEqual(1200);
    expect(r.node('as').p50Ms).toBeGreaterThan(240_000);
    expect(r.node('as').instancesFinal).toBe(0);
    expect(r.node('as').ok).toBe(r.node('as').requests);
    // instances: 1 at start, 0 while idle, back for the burst, 0 again at the end
    const inst = r.sim.metrics('as').s('instances').values;
    expect(inst[100]).toBe(0);
    expect(Math.max(...inst.slice(130, 170))).toBeGreaterThan(0);
    expect(inst[inst.length - 1]).toBe(0);
  });

  it('async-scale-from-zero fixed twin: minCapacity 1 answers at once but pays for the idle instance', () => {
    const zero = run(
      arch(
        client({ rps: 0.2, startSec: 1200, stopSec: 1300 }),
        asy({ minCapacity: 0, processingSec: 2 }),
        edge('c', 'as'),
      ),
    );
    const r = run(
      arch(
        client({ rps: 0.2, startSec: 1200, stopSec: 1300 }),
        asy({ minCapacity: 1, processingSec: 2 }),
        edge('c', 'as'),
      ),
    );
    expect(r.incident('async-scale-from-zero')).toBeUndefined();
    expect(r.node('as').p50Ms).toBeLessThan(5000);
    expect(r.node('as').costUSD!).toBeGreaterThan(1.5 * zero.node('as').costUSD!);
  });

  it('async-no-notification: a finding, and every result written without a notice in the run', () => {
    const r = run(arch(client({ rps: 0.05 }), asy(), edge('c', 'as')));
    expect(r.finding('async-no-notification', 'as')).toBeDefined();
    const i = r.incident('async-no-notification', 'as')!;
    expect(i.count).toBe(r.node('as').ok! + r.node('as').failed!);
    expect(i.count).toBeGreaterThan(100);
  });

  it('async-no-notification fixed twin: an SNS topic', () => {
    const r = run(arch(client({ rps: 0.05 }), asy(), edge('c', 'as'), node('t', 'sns'), edge('as', 't')));
    expect(r.rules().has('async-no-notification')).toBe(false);
  });

  it('async-timeout: processing over 3600 s fails every request at the timeout', () => {
    const r = run(
      arch(
        client({ rps: 0.01 }),
        asy({ processingSec: 7200, maxCapacity: 20, invocationTimeoutSec: 3600 }),
        edge('c', 'as'),
        node('t', 'sns'),
        edge('as', 't'),
      ),
      { durationSec: 4 * 3600 },
    );
    expect(r.finding('async-timeout', 'as')?.message).toContain('processing needs 7200 s');
    const i = r.incident('async-timeout', 'as')!;
    expect(i.count).toBe(r.node('as').failed);
    expect(i.count).toBeGreaterThan(10);
    expect(r.node('as').ok).toBe(0);
    expect(i.message).toContain('timed out after 3600 s');
  });

  it('async-timeout fixed twin: processing within the limit', () => {
    const r = run(
      arch(
        client({ rps: 0.01 }),
        asy({ processingSec: 600, maxCapacity: 20, invocationTimeoutSec: 3600 }),
        edge('c', 'as'),
      ),
      {
        durationSec: 4 * 3600,
      },
    );
    expect(r.rules().has('async-timeout')).toBe(false);
    expect(r.node('as').failed).toBe(0);
  });

  it('payload-too-large: async takes up to 1 GB', () => {
    const big = run(arch(client({ rps: 0.05, payloadMB: 2000, payloadSpread: 'fixed' }), asy(), edge('c', 'as')));
    expect(big.incident('payload-too-large', 'as')!.count).toBe(big.node('as').requests);
    const ok = run(arch(client({ rps: 0.05, payloadMB: 500, payloadSpread: 'fixed' }), asy(), edge('c', 'as')));
    expect(ok.incident('payload-too-large')).toBeUndefined();
  });
});

describe('async endpoint over capacity', () => {
  it('async-request-expired (not a 503): requests still queued after RequestTTLSeconds (6 h) expire', () => {
    // 4 instances × 1 / 30 s = 0.13 req/s for 1 req/s offered
    const r = run(
      arch(client({ rps: 1 }), asy({ maxCapacity: 4 }), edge('c', 'as'), node('t', 'sns'), edge('as', 't')),
      { durationSec: 12 * 3600 },
    );
    expect(r.incident('endpoint-overloaded', 'as')).toBeUndefined();
    const i = r.incident('async-request-expired', 'as')!;
    expect(i.count).toBe(r.node('as').failed);
    expect(i.message).toContain('error topic t');
    expect(r.incident('async-backlog-growing', 'as')).toBeDefined();
    expect(i.firstAtSec).toBeGreaterThan(6 * 3600);
    expect(r.node('as').instancesMax).toBe(4);
    expect(r.node('as').p99Ms).toBeLessThanOrEqual((6 * 3600 + 200) * 1000); // TTL + processing
    const fixed = run(
      arch(client({ rps: 1 }), asy({ maxCapacity: 60 }), edge('c', 'as'), node('t', 'sns'), edge('as', 't')),
      { durationSec: 12 * 3600 },
    );
    expect(fixed.incident('async-request-expired')).toBeUndefined();
    expect(fixed.incident('async-backlog-growing')).toBeUndefined();
  });
});
