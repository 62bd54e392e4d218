/**
 * Feature Store timing (issue 16): online records deleted by TTL before the pipeline writes them again
 * (online-record-expired), and a training job that queries the offline store before the newest batch reached S3
 * (offline-store-not-synced). AWS: https://docs.aws.amazon.com/sagemaker/latest/dg/feature-store-time-to-live.html,
 * https://docs.aws.amazon.com/sagemaker/latest/dg/feature-store-offline.html ("within 15 minutes").
 */
import { describe, expect, it } from 'vitest';
import { arch, edge, node, run } from '../../harness';
import { modules } from './fakes';

const IN_SERVICE = 105;

describe('online store TTL against the ingestion interval', () => {
  const doc = (store: Record<string, unknown>) =>
    arch(
      node('fs', 'feature-store', store),
      node('train', 'training-job'),
      node('ep', 'realtime-endpoint'),
      edge('fs', 'train'),
      edge('train', 'ep'),
      edge('fs', 'ep'),
    );

  it('a 24 h TTL on records written weekly leaves up to 86% of lookups empty and production below validation', () => {
    const r = run(doc({ ttlHours: 24, ingestEveryHours: 168 }), { modules: modules(), durationSec: 1200 });
    expect(r.finding('online-record-expired', 'ep')?.message).toMatch(/up to 86% of ep's lookups/);
    const i = r.incident('online-record-expired', 'ep');
    expect(i).toMatchObject({ count: 1, firstAtSec: IN_SERVICE });
    expect(i?.message).toMatch(/written every 168 h but expire 24 h after their event time/);
    const ep = r.node('ep');
    expect(ep.emptyLookupPct).toBe(86);
    // 0.3 × 6/7 of skill lost in production; AUC is the skill itself
    expect((ep.validation as number) - (ep.production as number)).toBeCloseTo(0.3 * (1 - 24 / 168), 2);
  });

  it(
    'no TTL, a TTL as long as the interval, or ingestion more often ' + 'than the TTL: every lookup finds its record',
    () => {
      for (const store of [
        { ingestEveryHours: 168 },
        { ttlHours: 168, ingestEveryHours: 168 },
        { ttlHours: 24, ingestEveryHours: 12 },
      ]) {
        const r = run(doc(store), { modules: modules(), durationSec: 1200 });
        expect(r.rules().has('online-record-expired'), JSON.stringify(store)).toBe(false);
        expect(r.node('ep').validation).toBe(r.node('ep').production);
        expect(r.node('ep').emptyLookupPct).toBeUndefined();
      }
    },
  );

  it('a TTL on a store without an online store is not a lookup problem', () => {
    const r = run(doc({ online: false, ttlHours: 1, ingestEveryHours: 168 }), { modules: modules(), durationSec: 600 });
    expect(r.rules().has('online-record-expired')).toBe(false);
  });
});

describe('offline store read right after ingestion', () => {
  const doc = (train: Record<string, unknown>, ingested = true) =>
    arch(
      node('raw', 's3-bucket'),
      node('prep', 'processing-job'),
      node('fs', 'feature-store'),
      node('train', 'training-job', train),
      node('ep', 'realtime-endpoint'),
      edge('raw', 'prep'),
      ...(ingested ? [edge('prep', 'fs')] : []),
      edge('fs', 'train'),
      edge('train', 'ep'),
      edge('fs', 'ep'),
    );

  it('5 minutes after ingestion: training misses the batch; validation looks normal, production is 0.08 lower', () => {
    const r = run(doc({ startAfterIngestMin: 5 }), { modules: modules(), durationSec: 1200 });
    expect(r.finding('offline-store-not-synced', 'train')?.message).toMatch(
      /queried the offline store of feature group fs 5 min after prep finished ingesting/,
    );
    expect(r.incident('offline-store-not-synced', 'train')).toMatchObject({ count: 1, firstAtSec: IN_SERVICE });
    const ep = r.node('ep');
    expect((ep.validation as number) - (ep.production as number)).toBeCloseTo(0.08, 2);
  });

  it('15 minutes or more after ingestion, or a store nothing ingests into in the design: no gap', () => {
    for (const [train, ingested] of [
      [{ startAfterIngestMin: 15 }, true],
      [{}, true],
      [{ startAfterIngestMin: 0 }, false],
    ] as const) {
      const r = run(doc(train, ingested), { modules: modules(), durationSec: 1200 });
      expect(r.rules().has('offline-store-not-synced'), JSON.stringify(train)).toBe(false);
      expect(r.node('ep').validation).toBe(r.node('ep').production);
    }
  });

  it('an offline-only read of a store whose offline store is off does not count', () => {
    const d = doc({ startAfterIngestMin: 0 });
    const fs = d.nodes.find((n) => n.id === 'fs')!;
    fs.props = { ...fs.props, offline: false };
    const r = run(d, { modules: modules(), durationSec: 600 });
    expect(r.rules().has('offline-store-not-synced')).toBe(false);
  });
});
