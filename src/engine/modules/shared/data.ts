import { propsByName } from '../../../catalog/kinds';
import type { GNode, Graph } from '../../../model/graph';
import { round } from '../../util';

/**
 * What the design says about the data a job learns from, read by more than one module (jobs judge it
 * statically; MLOps judges a pipeline's quality gate with it). Pure graph readings, no run state.
 */

/** Accuracy misleads when the positive class ratio is below this or above 1 minus it. */
export const IMBALANCE = 0.1;

/** A rule's trigger on a node, with the placeholders of its message. */
export interface Hit {
  rule: string;
  vars: Record<string, string | number>;
}

/** One dataset a job reads: the node it comes from, its size and format. */
export interface Source {
  node: GNode<'s3-bucket' | 'data-source' | 'feature-store' | 'file-system'>;
  gb: number;
  /**
   * Format of the data read: a bucket's `format`; data sources return CSV; feature stores' offline stores are Parquet;
   * a file system holds its linked bucket's format (CSV without one).
   */
  format: string;
}

/**
 * The datasets a job reads: buckets and data sources with an edge into it; a feature store's offline
 * store (sized by what feeds the store); a Data Wrangler flow exported into it (the flow's inputs); a file system
 * it mounts (EFS or FSx for Lustre, sized by the data it holds).
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
  for (const fs of g.in(id, 'file-system')) {
    const repo = g.in(fs.id, 's3-bucket')[0];
    out.push({ node: fs, gb: Number(fs.props.datasetGB) || 0, format: repo ? String(repo.props.format) : 'csv' });
  }
  return out;
}

const sum = (l: Source[]) => l.reduce((a, s) => a + s.gb, 0);

/** GB a job reads (all its sources). */
export const datasetGB = (g: Graph, id: string): number => sum(sourcesOf(g, id));

/**
 * Columnar formats: a reader that needs a few columns reads only those columns' blocks ("Columnar storage
 * formats", https://docs.aws.amazon.com/athena/latest/ug/columnar-storage.html: compression by column, predicate
 * pushdown fetches only the blocks a query needs). Row formats (CSV, JSON Lines, LibSVM, text) are read whole.
 */
export const COLUMNAR_FORMATS: readonly string[] = ['parquet', 'orc'];

/**
 * GB a job that uses `share` of its input's columns scans: that share of a columnar source, all of a row-format
 * one; `rowGB` is the part read whole although the job needs only `share` of it.
 */
export function scannedGB(g: Graph, id: string, share: number): { scanned: number; rowGB: number } {
  let scanned = 0,
    rowGB = 0;
  for (const s of sourcesOf(g, id)) {
    if (COLUMNAR_FORMATS.includes(s.format)) scanned += s.gb * share;
    else {
      scanned += s.gb;
      rowGB += s.gb;
    }
  }
  return { scanned: round(scanned, 2), rowGB: round(rowGB, 2) };
}

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
  ratio !== null && (ratio < IMBALANCE || ratio > 1 - IMBALANCE);

/** Condition steps downstream of a training job in its pipeline (the gates that read its metric). */
export function conditionsOf(g: Graph, id: string): GNode<'condition-step'>[] {
  const seen = new Set<string>();
  const out: GNode<'condition-step'>[] = [];
  const walk = (from: string) => {
    for (const m of g.out(from)) {
      if (seen.has(m.id) || !m.parent || m.parent !== g.byId.get(id)?.parent) continue;
      seen.add(m.id);
      if (m.kind === 'condition-step') out.push(m);
      walk(m.id);
    }
  };
  walk(id);
  return out;
}

/** misleading-accuracy on a training job: it (or a condition step gating it) judges by accuracy on imbalanced data. */
export function accuracyProblem(g: Graph, n: GNode<'training-job' | 'condition-step'>): Hit | null {
  const ratio = positiveRatio(g, n.id);
  const usesAccuracy =
    propsByName(n.props).evalMetric === 'accuracy' || conditionsOf(g, n.id).some((c) => c.props.metric === 'accuracy');
  if (!usesAccuracy || !imbalanced(ratio)) return null;
  return {
    rule: 'misleading-accuracy',
    vars: {
      accuracy: round(Math.max(ratio, 1 - ratio), 3),
      positiveClassRatio: round(ratio, 3),
    },
  };
}
