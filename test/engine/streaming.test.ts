/**
 * Streaming ingestion (issue 16): Kinesis shard write limits (1 MB/s and 1,000 records/s per shard,
 * https://docs.aws.amazon.com/streams/latest/dev/working-with-streams.html) and Firehose buffering (the first of
 * SizeInMBs or IntervalInSeconds triggers delivery, https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html).
 */
import { describe, expect, it } from 'vitest';
import { arch, edge, node, run } from './../harness';

describe('Kinesis data stream shards', () => {
  const doc = (shards: number, rps: number, payloadMB = 0.001) =>
    arch(
      node('app', 'client', { rps, payloadMB }),
      node('clicks', 'kinesis-stream', { shards }),
      node('fn', 'lambda'),
      node('fs', 'feature-store'),
      edge('app', 'clicks'),
      edge('clicks', 'fn'),
      edge('fn', 'fs'),
    );

  it('3,000 records/s on 2 shards: a third refused with ProvisionedThroughputExceededException', () => {
    const r = run(doc(2, 3000), { durationSec: 300 });
    const i = r.incident('kinesis-throughput-exceeded', 'clicks')!;
    expect(i.message).toMatch(
      /^ProvisionedThroughputExceededException: Rate exceeded for shard .* 3000 records\/s \(3 MB\/s\) offered to 2 shard\(s\) that take 2000 records\/s and 2 MB\/s/,
    );
    const s = r.node('clicks');
    expect((s.failed as number) / (s.requests as number)).toBeCloseTo(1 / 3, 1);
    expect(i.count).toBe(s.failed);
    expect(r.node('app').requests).toBe(s.requests);
    expect(s.p99Ms).toBeUndefined();
    // the Lambda consumer writes only what the stream accepted
    expect(r.node('fs').streamRecords).toBe(s.ok);
    expect(s.shards).toBe(2);
  });

  it('the MB/s limit binds too: 500 records/s of 4 KB is 2 MB/s, over one shard', () => {
    const r = run(doc(1, 500, 0.004), { durationSec: 120 });
    expect(r.incident('kinesis-throughput-exceeded', 'clicks')?.message).toMatch(/2 MB\/s\) offered to 1 shard/);
    expect(
      run(doc(3, 500, 0.004), { durationSec: 120 })
        .rules()
        .has('kinesis-throughput-exceeded'),
    ).toBe(false);
  });

  it('enough shards for the peak (4 for 3,000 records/s, bursts included): nothing refused', () => {
    const r = run(doc(4, 3000), { durationSec: 300 });
    expect(r.rules().has('kinesis-throughput-exceeded')).toBe(false);
    expect(r.node('clicks').failed).toBe(0);
    expect(r.node('fs').streamRecords).toBe(r.node('app').requests);
  });
});

describe('Firehose buffering to S3', () => {
  const doc = (hose: Record<string, unknown>, rps: number) =>
    arch(
      node('app', 'client', { rps, payloadMB: 0.001 }),
      node('clicks', 'kinesis-stream', { shards: 2 }),
      node('hose', 'firehose', hose),
      node('lake', 's3-bucket'),
      edge('app', 'clicks'),
      edge('clicks', 'hose'),
      edge('hose', 'lake'),
    );

  it('a trickle waits for the interval: 300 s with the defaults, 60 s with IntervalInSeconds 60', () => {
    const slow = run(doc({}, 2), { durationSec: 1200 });
    expect(slow.node('hose').dataFreshnessSec).toBe(300);
    // one object per 300 s of the 1,200 s run (the last buffer may still be open at the end)
    expect([3, 4]).toContain(slow.node('hose').deliveries);
    expect(slow.node('lake').objectsDelivered).toBe(slow.node('hose').deliveries);
    expect(run(doc({ bufferIntervalSec: 60 }, 2), { durationSec: 1200 }).node('hose').dataFreshnessSec).toBe(60);
  });

  it('a heavy flow fills the size first: 1.5 MB/s into a 5 MB buffer delivers every 4 s', () => {
    const r = run(doc({}, 1500), { durationSec: 600 });
    expect(r.node('hose').dataFreshnessSec).toBeLessThanOrEqual(5);
    expect(r.node('hose').deliveries as number).toBeGreaterThan(100);
  });
});
