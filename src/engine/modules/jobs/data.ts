import { instanceType, type InstanceType } from '../../../catalog/instances';
import { propsByName } from '../../../catalog/kinds';
import type { GNode, Graph } from '../../../model/graph';
import { DATA_SIZES } from './constants';

/** One dataset a job reads: the node it comes from, its size and format. */
export interface Source {
  node: GNode<'s3-bucket' | 'data-source' | 'feature-store'>;
  gb: number;
  /** Format of the data read: a bucket's `format`; data sources return CSV; feature stores' offline stores are Parquet. */
  format: string;
}

/**
 * The datasets a job reads: buckets and data sources with an edge into it; a feature store's offline
 * store (sized by what feeds the store); a Data Wrangler flow exported into it (the flow's inputs).
 * A tuning job reads what the training job it tunes reads.
 */
export function sourcesOf(g: Graph, id: string): Source[] {
  const n = g.byId.get(id);
  if (n?.kind === 'tuning-job') return g.out(id, 'training-job').flatMap((t) => sourcesOf(g, t.id));
  const out: Source[] = [];
  for (const s of g.inputsOf(id))
    out.push({
      node: s,
      gb: Number(s.props.datasetGB) || 0,
      format: s.kind === 's3-bucket' ? String(s.props.format) : 'csv',
    });
  for (const fs of g.in(id, 'feature-store')) {
    const feeders = g.in(fs.id, 'processing-job', 'data-wrangler');
    out.push({ node: fs, gb: sum(feeders.flatMap((f) => sourcesOf(g, f.id))), format: 'parquet' });
  }
  for (const w of g.in(id, 'data-wrangler')) out.push(...sourcesOf(g, w.id));
  return out;
}

const sum = (l: Source[]) => l.reduce((a, s) => a + s.gb, 0);

/** GB a job reads (all its sources). */
export const datasetGB = (g: Graph, id: string): number => sum(sourcesOf(g, id));

/** The label balance of a job's training data (weighted by size over its buckets), or null with no bucket. */
export function positiveRatio(g: Graph, id: string): number | null {
  const buckets = sourcesOf(g, id).flatMap((s) =>
    s.node.kind === 's3-bucket' ? [{ gb: s.gb, ratio: s.node.props.positiveClassRatio }] : [],
  );
  if (!buckets.length) return null;
  const total = buckets.reduce((a, b) => a + b.gb, 0);
  if (total <= 0) return buckets[0].ratio;
  return buckets.reduce((a, b) => a + b.ratio * b.gb, 0) / total;
}

/** True when accuracy misleads on this label balance. */
export const imbalanced = (ratio: number | null): ratio is number =>
  ratio !== null && (ratio < DATA_SIZES.imbalance || ratio > 1 - DATA_SIZES.imbalance);

/** The instance type of a job, or undefined when the name is unknown. */
export const instanceOf = (n: GNode): InstanceType | undefined => {
  const type = propsByName(n.props).instanceType;
  return typeof type === 'string' ? instanceType(type) : undefined;
};

/** Number of objects a labelling job sends to workers (1,000 per GB, see DATA_SIZES.objectsPerGB). */
export const objectsOf = (gb: number): number => Math.ceil(gb * DATA_SIZES.objectsPerGB);

/**
 * Size of one record a batch transform sends, MB. SplitType "None" sends each file whole: images are
 * one 0.5 MB file each, other formats part files of 64 MB (or the whole dataset when it is smaller).
 * "Line" and "RecordIO" split files into 1 KB records packed into mini-batches.
 */
export function recordMB(splitType: string, format: string, gb: number): number {
  if (splitType !== 'None') return DATA_SIZES.recordMB;
  if (format === 'image') return DATA_SIZES.imageFileMB;
  return Math.min(DATA_SIZES.partFileMB, gb * 1024);
}

/**
 * Size of one mini-batch request, MB: one file with SplitType "None"; with "Line"/"RecordIO" records are
 * packed up to MaxPayloadInMB (0 = no limit, chunked: 64 MB batches) with BatchStrategy MultiRecord, or
 * sent one per request with SingleRecord (BatchStrategy needs a SplitType other than None).
 */
export function miniBatchMB(
  splitType: string,
  maxPayloadMB: number,
  format: string,
  gb: number,
  batchStrategy = 'MultiRecord',
): number {
  const rec = recordMB(splitType, format, gb);
  if (splitType === 'None' || batchStrategy === 'SingleRecord') return rec;
  const cap = maxPayloadMB > 0 ? maxPayloadMB : DATA_SIZES.unlimitedBatchMB;
  return Math.max(rec, Math.floor(cap / rec) * rec);
}
