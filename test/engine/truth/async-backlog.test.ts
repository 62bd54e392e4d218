/**
 * Issue 12 item 8 (the rest) and issue 15's async item: a request that expires in an overloaded backlog goes down
 * AWS's failure path (S3 failure path, error topic), not a 503; a backlog that only grows at maxCapacity is an
 * incident, with ApproximateBacklogSize in the node's series.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requestTraces } from '../../../src/engine';
import { loadText } from '../../../src/model/load';
import { arch, edge, findings, node, run } from '../../harness';

// one instance, 60 s per request, 0.05 rps (one every 20 s): the queue grows by ~2 requests a minute
const overloaded = (props: Record<string, unknown>, wired = true) =>
  arch(
    node('c', 'client', { rps: 0.05 }),
    node('as', 'async-endpoint', { maxCapacity: 1, processingSec: 60, ...props }),
    ...(wired ? [node('out', 's3-bucket'), node('errors', 'sns'), edge('as', 'out'), edge('as', 'errors')] : []),
    edge('c', 'as'),
  );

describe(
  'item 8: an async request that outlives RequestTTLSeconds in ' + 'the queue fails to S3 and the error topic',
  () => {
    it('expires as async-request-expired (never endpoint-overloaded), naming the failure path and the topic', () => {
      const r = run(overloaded({ requestTtlSec: 600 }), { durationSec: 3600 });
      expect(r.rules().has('endpoint-overloaded')).toBe(false);
      const i = r.incident('async-request-expired', 'as')!;
      expect(i.message).toContain('waited RequestTTLSeconds (600 s)');
      expect(i.message).toContain('s3://out/async-failures/');
      expect(i.message).toContain('published to the error topic errors');
      const ep = r.node('as') as unknown as Record<string, number>;
      expect(ep.expired).toBe(i.count);
      expect(ep.failed).toBe(i.count);
      // the first expiry happens once the oldest waiting request is 600 s old
      expect(i.firstAtSec).toBeGreaterThanOrEqual(600);
      const t = requestTraces(r.sim, 'as').find((x) => x.rule === 'async-request-expired')!;
      expect(t.outcome).toBe('timedOut');
      expect(t.status).toBeUndefined(); // the call had returned 202: no HTTP error
      expect(t.note).toMatch(/error written to s3:\/\/out\/async-failures\/, notice to errors/);
    });
    it('without an ErrorTopic the failure still goes to S3 but no one is notified', () => {
      const r = run(overloaded({ requestTtlSec: 600 }, false), { durationSec: 3600 });
      expect(r.incident('async-request-expired', 'as')!.message).toContain('no ErrorTopic is configured');
    });
    it("the stuck-at-zero finding states the endpoint's own RequestTTLSeconds", () => {
      const f = findings(overloaded({ minCapacity: 0, requestTtlSec: 900 })).find(
        (x) => x.rule === 'async-stuck-at-zero',
      )!;
      expect(f.message).toContain('RequestTTLSeconds (900 s)');
    });
    it('the default RequestTTLSeconds (6 h) lets the same backlog wait within an hour', () => {
      const r = run(overloaded({}), { durationSec: 3600 });
      expect(r.rules().has('async-request-expired')).toBe(false);
      expect(r.node('as').failed).toBe(0);
    });
  },
);

describe('issue 15: a backlog that grows at maxCapacity is an incident, with ApproximateBacklogSize charted', () => {
  it('flags the growing backlog with its size, per-instance figure and the oldest wait', () => {
    const r = run(overloaded({}), { durationSec: 3600 });
    const i = r.incident('async-backlog-growing', 'as')!;
    expect(i.message).toMatch(
      /at its maximum of 1 instance\(s\) and its backlog keeps growing: ApproximateBacklogSize \d+/,
    );
    expect(i.count).toBeGreaterThan(30); // most minutes of the hour
    const backlog = r.sim.metrics('as').s('backlog', 'max');
    expect(Math.max(...backlog.points().map((p) => p[1]))).toBe(r.node('as').backlogMax);
  });
  it('a backlog the endpoint keeps up with raises nothing', () => {
    const r = run(overloaded({ maxCapacity: 4, processingSec: 10 }), { durationSec: 3600 });
    expect(r.rules().has('async-backlog-growing')).toBe(false);
  });
  it('the shipped async starter that grew p99 past half an hour at 4 instances now says so', () => {
    const f = loadText(readFileSync('scenarios/sandbox/async-document-processing.json', 'utf8'));
    if (!f.ok) throw new Error('starter does not load');
    const r = run(f.doc, { seed: f.doc.seed, durationSec: f.doc.durationSec });
    expect(r.node('docs-ep').instancesMax).toBe(4);
    expect(r.incident('async-backlog-growing', 'docs-ep')).toBeDefined();
  });
});
