/**
 * Where a node's data comes from: walks edges upstream through the nodes that carry data (buckets,
 * data sources, feature stores, jobs, registries, pipeline steps) to find sensitive buckets.
 */
import type { Kind } from '../../../catalog/types';
import type { GNode, Graph } from '../../../model/graph';

/** Kinds whose incoming edges carry data or a model trained on it. */
const CARRIERS: readonly Kind[] = [
  's3-bucket',
  'data-source',
  'feature-store',
  'processing-job',
  'data-wrangler',
  'training-job',
  'model-registry',
  'ground-truth',
  'batch-transform',
  'condition-step',
];

/** Buckets with `sensitive: true` among a node's upstream data (itself included), in document order. */
export function sensitiveUpstream(g: Graph, id: string): GNode<'s3-bucket'>[] {
  const seen = new Set<string>([id]);
  const stack = [id];
  while (stack.length) {
    for (const src of g.in(stack.pop()!, ...CARRIERS)) {
      if (!seen.has(src.id)) {
        seen.add(src.id);
        stack.push(src.id);
      }
    }
  }
  return g.ofKind('s3-bucket').filter((n) => seen.has(n.id) && n.props.sensitive === true);
}

/** Why a bucket needs a customer key: "SSE-KMS encrypted", "sensitive data", or both; null = neither. */
export function protectionReason(b: GNode<'s3-bucket'>): string | null {
  const r = [
    b.props.encryption === 'sse-kms' ? 'SSE-KMS encrypted' : '',
    b.props.sensitive === true ? 'sensitive data' : '',
  ].filter(Boolean);
  return r.length ? r.join(', ') : null;
}
