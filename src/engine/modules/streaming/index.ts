import type { GNode, Graph } from '../../../model/graph';
import { defineSlot, type SimModule, type Simulation } from '../../sim';

/**
 * Streaming ingestion (exam domain 1): producers → Kinesis data stream → (Lambda → Feature Store | Firehose → S3).
 *
 * AWS facts:
 * - A shard supports 1 MB/s and 1,000 records/s for writes (2 MB/s for reads), in both capacity modes; writes past
 *   that fail with ProvisionedThroughputExceededException.
 *   https://docs.aws.amazon.com/streams/latest/dev/working-with-streams.html
 * - Firehose BufferingHints: IntervalInSeconds 0–900 (default 300), SizeInMBs 1–128 (default 5); the first buffer
 *   condition met triggers delivery. https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html
 *
 * What SageSim leaves out: partition keys are taken as spread evenly over the shards (a hot key throttles one shard
 * sooner), on-demand capacity mode, Firehose Direct PUT quotas, and the client's traffic pattern (producers write at
 * their mean rps as Poisson counts per second; payloadMB is the record size).
 */
export const STREAMING = {
  /** Writes per shard and second (AWS). */
  shardRecordsPerSec: 1000,
  shardMBPerSec: 1,
} as const;

const r2 = (x: number) => Math.round(x * 100) / 100;

/** A stream's offered write load: mean records/s and MB/s of its producers. */
export function offeredLoad(g: Graph, stream: string): { rps: number; mbps: number } {
  let rps = 0,
    mbps = 0;
  for (const c of g.in(stream, 'client')) {
    const rate = Number(c.props.rps) || 0;
    rps += rate;
    mbps += rate * (Number(c.props.payloadMB) || 0);
  }
  return { rps, mbps };
}

/** One Firehose stream's buffer: what it holds and since when. */
interface Buffer {
  node: GNode<'firehose'>;
  mb: number;
  records: number;
  since: number | null;
  deliveries: number;
  maxAgeSec: number;
}

/** Each run's Firehose buffers, by node id. */
const BUFFERS = defineSlot(
  'streaming:buffers',
  (sim) =>
    new Map<string, Buffer>(
      sim.graph
        .ofKind('firehose')
        .map((h) => [h.id, { node: h, mb: 0, records: 0, since: null, deliveries: 0, maxAgeSec: 0 }]),
    ),
);

function startStreaming(sim: Simulation): void {
  const g = sim.graph;
  const streams = g.ofKind('kinesis-stream');
  const hoses = g.ofKind('firehose');
  if (!streams.length && !hoses.length) return;
  const buffers = sim.slot(BUFFERS);
  for (const n of [...streams, ...hoses]) sim.setState(n.id, 'InService', 'stream active');
  const rng = sim.rng('streaming');

  /** Records (and their MB) reaching a Firehose stream this second. */
  const feed = (hose: string, records: number, mb: number, t: number) => {
    const b = buffers.get(hose)!;
    if (!records) return;
    if (b.since === null) b.since = t;
    b.records += records;
    b.mb += mb;
    const m = sim.metrics(hose);
    m.requests += records;
    m.ok += records;
  };

  sim.every(
    1,
    'streaming: one second of records',
    null,
    (t) => {
      for (const s of streams) {
        let offered = 0,
          mb = 0;
        for (const c of g.in(s.id, 'client')) {
          const k = rng.poisson(Number(c.props.rps) || 0);
          if (!k) continue;
          offered += k;
          mb += k * (Number(c.props.payloadMB) || 0);
          sim.metrics(c.id).requests += k;
        }
        if (!offered) continue;
        const shards = s.props.shards;
        const capRps = shards * STREAMING.shardRecordsPerSec,
          capMBps = shards * STREAMING.shardMBPerSec;
        const share = Math.min(1, capRps / offered, mb > 0 ? capMBps / mb : 1);
        const accepted = Math.floor(offered * share);
        const refused = offered - accepted;
        // requests: records put; ok: accepted (CloudWatch IncomingRecords); failed: refused
        // (WriteProvisionedThroughputExceeded)
        const m = sim.metrics(s.id);
        m.requests += offered;
        m.ok += accepted;
        if (refused) {
          m.failed += refused;
          const load = offeredLoad(g, s.id);
          sim.counter('kinesis-throughput-exceeded', s.id).add(t, refused, {
            offeredRps: r2(load.rps),
            offeredMBps: r2(load.mbps),
            shards,
            capRps,
            capMBps,
          });
        }
        const acceptedMB = mb * (accepted / offered);
        for (const l of g.out(s.id, 'lambda')) {
          for (const f of g.out(l.id, 'feature-store')) {
            const x = sim.metrics(f.id).extra;
            x.streamRecords = Number(x.streamRecords ?? 0) + accepted;
          }
        }
        for (const h of g.out(s.id, 'firehose')) feed(h.id, accepted, acceptedMB, t);
      }
      for (const h of hoses) {
        for (const c of g.in(h.id, 'client')) {
          const k = rng.poisson(Number(c.props.rps) || 0);
          if (!k) continue;
          sim.metrics(c.id).requests += k;
          feed(h.id, k, k * (Number(c.props.payloadMB) || 0), t);
        }
        const b = buffers.get(h.id)!;
        if (b.since === null) continue;
        const age = t + 1 - b.since;
        if (b.mb >= h.props.bufferSizeMB || age >= h.props.bufferIntervalSec) {
          b.deliveries++;
          b.maxAgeSec = Math.max(b.maxAgeSec, age);
          for (const bucket of g.out(h.id, 's3-bucket')) {
            const x = sim.metrics(bucket.id).extra;
            x.objectsDelivered = Number(x.objectsDelivered ?? 0) + 1;
          }
          b.mb = 0;
          b.records = 0;
          b.since = null;
        }
      }
    },
    0,
  );
}

/** Report each stream's shards and each Firehose stream's deliveries and data freshness. */
function finishStreaming(sim: Simulation): void {
  for (const s of sim.graph.ofKind('kinesis-stream')) sim.metrics(s.id).extra.shards = s.props.shards;
  for (const b of sim.slot(BUFFERS).values()) {
    const x = sim.metrics(b.node.id).extra;
    x.deliveries = b.deliveries;
    // DeliveryToS3.DataFreshness: the age of the oldest record when its buffer was delivered
    if (b.deliveries) x.dataFreshnessSec = b.maxAgeSec;
  }
}

/** Kinesis data streams and Firehose streams in a run: shard write limits, buffering delay to S3. */
export const streamingModule: SimModule = { id: 'streaming', start: startStreaming, finish: finishStreaming };
