import type { GNode, Graph } from '../../../model/graph';

/**
 * Feature Store timing, as pure graph questions: records of the online store that expire before the pipeline
 * writes them again (online-record-expired), and training jobs that query the offline store before the newest
 * ingestion has reached S3 (offline-store-not-synced).
 *
 * AWS facts:
 * - TTL: ExpiresAt = EventTime + TtlDuration; an expired record is hard deleted from the online store and then
 *   "immediately becomes inaccessible using Feature Store APIs" (deletion runs in the background, typically within
 *   a few days); GetRecord returns an empty result for a record it does not find.
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/feature-store-time-to-live.html
 * - Offline store: "When you call PutRecord, your data is buffered, batched, and written into Amazon S3 within
 *   15 minutes." https://docs.aws.amazon.com/sagemaker/latest/dg/feature-store-offline.html
 */
export const FEATURE_STORE = {
  /** Minutes within which PutRecord data reaches the offline store in S3 (AWS). */
  offlineSyncMin: 15,
  /**
   * Skill a served model loses when every lookup comes back empty (it scores on default feature values); a share
   * of empty lookups costs that share of it. A simulation parameter, not an AWS figure.
   */
  emptyLookupPenalty: 0.3,
  /** Skill a model loses in production when it trained without the newest ingested batch (simulation parameter). */
  unsyncedPenalty: 0.08,
} as const;

/** An online store an endpoint reads whose records expire before they are written again. */
export interface ExpiringLookups {
  store: GNode<'feature-store'>;
  /** Share of the time a record is gone (1 − TTL / interval between writes): the share of empty lookups. */
  share: number;
  ttlH: number;
  everyH: number;
}

/**
 * The online feature store an endpoint reads whose TTL (ttlHours) is shorter than the interval between two writes of
 * a record (ingestEveryHours), the one with the most empty lookups; null when none. SageSim deletes a record at its
 * ExpiresAt, so the share is the upper bound of what AWS's background deletion leaves empty.
 */
export function expiringLookups(g: Graph, endpoint: string): ExpiringLookups | null {
  let best: ExpiringLookups | null = null;
  for (const store of g.in(endpoint, 'feature-store')) {
    const ttlH = store.props.ttlHours;
    const everyH = store.props.ingestEveryHours;
    if (!store.props.online || ttlH === null || ttlH === undefined || ttlH >= everyH) continue;
    const share = 1 - ttlH / everyH;
    if (!best || share > best.share) best = { store, share, ttlH, everyH };
  }
  return best;
}

/** A training job's offline-store read that starts before the newest ingestion has landed in S3. */
export interface UnsyncedRead {
  store: GNode<'feature-store'>;
  /** The processing job or Data Wrangler flow that ingests into the store. */
  ingest: GNode;
  startMin: number;
}

/**
 * The offline stores a training job queries less than 15 minutes after the job that ingests into them (a
 * processing-job or data-wrangler → feature-store edge) finished: the newest batch is not in S3 yet.
 */
export function unsyncedReads(g: Graph, training: string): UnsyncedRead[] {
  const t = g.nodeOf(training, 'training-job');
  const startMin = t.props.startAfterIngestMin;
  if (startMin >= FEATURE_STORE.offlineSyncMin) return [];
  const out: UnsyncedRead[] = [];
  for (const store of g.in(training, 'feature-store')) {
    if (!store.props.offline) continue;
    const ingest = g.in(store.id, 'processing-job', 'data-wrangler')[0];
    if (ingest) out.push({ store, ingest, startMin });
  }
  return out;
}
