import { ENDPOINT_KINDS, STEP_KINDS, propsByName } from '../../../catalog/kinds';
import type { GNode, Graph } from '../../../model/graph';

/**
 * Pure graph questions of MLOps: a pipeline's DAG, what data a training job learned from, and which
 * training job's model an endpoint serves. Everything here reads the resolved Graph only.
 */

/** Steps of a pipeline (its children of step kinds), in document order. */
export const stepsOf = (g: Graph, pipeline: string): GNode[] => g.children(pipeline, ...STEP_KINDS);

const inPipeline = (g: Graph, n: GNode): boolean => !!n.parent && g.byId.get(n.parent)?.kind === 'pipeline';

/** DAG predecessors of a step: step → step edges from siblings in the same pipeline. */
export function stepPreds(g: Graph, id: string): GNode[] {
  const n = g.node(id);
  if (!inPipeline(g, n)) return [];
  return g.in(id, ...STEP_KINDS).filter((p) => p.parent === n.parent);
}

/** DAG successors of a step. */
export function stepSuccs(g: Graph, id: string): GNode[] {
  const n = g.node(id);
  if (!inPipeline(g, n)) return [];
  return g.out(id, ...STEP_KINDS).filter((s) => s.parent === n.parent);
}

/** The nearest training steps upstream of a step in its pipeline (a condition step's model). */
export function upstreamTraining(g: Graph, id: string): GNode<'training-job'>[] {
  const out: GNode<'training-job'>[] = [];
  const seen = new Set<string>([id]);
  let frontier = stepPreds(g, id);
  while (frontier.length) {
    const next: GNode[] = [];
    for (const p of frontier) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      if (p.kind === 'training-job') out.push(p);
      else next.push(...stepPreds(g, p.id));
    }
    frontier = next;
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Condition steps after a training step in its pipeline (the gates that judge its model). */
export function gatingConditions(g: Graph, training: string): GNode<'condition-step'>[] {
  const out: GNode<'condition-step'>[] = [];
  const seen = new Set<string>([training]);
  const stack = [training];
  while (stack.length) {
    for (const s of stepSuccs(g, stack.pop()!)) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      if (s.kind === 'condition-step') out.push(s);
      stack.push(s.id);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

const DATA_KINDS = ['s3-bucket', 'data-source', 'feature-store', 'processing-job', 'data-wrangler'] as const;

/**
 * Everything upstream of a training job in its data lineage: its input buckets, data sources and
 * feature stores, the processing jobs and Data Wrangler flows that wrote them, and the pipeline steps
 * before it — walking back until another training job (a different model) is reached.
 */
export function dataLineage(g: Graph, training: string): GNode[] {
  const seen = new Set<string>([training]);
  const out: GNode[] = [];
  const stack = [training];
  while (stack.length) {
    const id = stack.pop()!;
    const preds = [...g.in(id, ...DATA_KINDS), ...stepPreds(g, id).filter((p) => p.kind !== 'training-job')];
    for (const p of preds) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      out.push(p);
      stack.push(p.id);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Processing jobs upstream of a training job that fit their scaler on the full dataset. */
export const scalerLeaks = (g: Graph, training: string): GNode[] =>
  dataLineage(g, training).filter((n) => n.kind === 'processing-job' && n.props.scalerFit === 'full-dataset');

/** Feature stores the training job reads its offline features from. */
export const trainingFeatureStores = (g: Graph, training: string): GNode<'feature-store'>[] =>
  g.in(training, 'feature-store');

/**
 * Feature stores the training job reads without a point-in-time query (`featureQuery: "latest"`): every
 * feature group has an event time (CreateFeatureGroup requires EventTimeFeatureName), so leakage comes
 * from how the training set is built, not from the feature group.
 */
export const pointInTimeLeaks = (g: Graph, training: string): GNode<'feature-store'>[] =>
  propsByName(g.node(training).props).featureQuery === 'latest' ? trainingFeatureStores(g, training) : [];

/** The most imbalanced bucket the training job learned from (its positiveClassRatio sets the class mix), or null. */
export function labelSource(g: Graph, training: string): GNode<'s3-bucket'> | null {
  let best: GNode<'s3-bucket'> | null = null;
  const minority = (n: GNode<'s3-bucket'>) => Math.min(n.props.positiveClassRatio, 1 - n.props.positiveClassRatio);
  for (const n of dataLineage(g, training))
    if (n.kind === 's3-bucket' && (!best || minority(n) < minority(best))) best = n;
  return best;
}

/** Training jobs whose models a registry holds: direct registrations and those gated by condition steps. */
export function registryTraining(g: Graph, registry: string): GNode[] {
  const out = new Map<string, GNode>();
  for (const t of g.in(registry, 'training-job')) out.set(t.id, t);
  for (const c of g.in(registry, 'condition-step')) for (const t of upstreamTraining(g, c.id)) out.set(t.id, t);
  return [...out.values()].sort((a, b) => a.index - b.index);
}

/** Registries whose approvals reach an endpoint through eventbridge → lambda → endpoint. */
export function approvalRegistries(g: Graph, endpoint: string): GNode[] {
  const out = new Map<string, GNode>();
  for (const l of g.in(endpoint, 'lambda'))
    for (const eb of g.in(l.id, 'eventbridge')) for (const r of g.in(eb.id, 'model-registry')) out.set(r.id, r);
  return [...out.values()];
}

/**
 * The training jobs whose models an endpoint serves, by design: training-job → endpoint, model-registry →
 * endpoint, and registries whose approvals a lambda turns into updates of this endpoint.
 */
export function servedTraining(g: Graph, endpoint: string): GNode[] {
  const out = new Map<string, GNode>();
  for (const t of g.in(endpoint, 'training-job')) out.set(t.id, t);
  for (const r of [...g.in(endpoint, 'model-registry'), ...approvalRegistries(g, endpoint)])
    for (const t of registryTraining(g, r.id)) out.set(t.id, t);
  return [...out.values()].sort((a, b) => a.index - b.index);
}

/**
 * The feature store that fed a training job but does not feed the endpoint serving its model
 * (training-serving skew), or null. Skew needs training to have read from a feature store.
 */
export function skewStore(g: Graph, training: string, endpoint: string): GNode | null {
  const fed = trainingFeatureStores(g, training);
  if (!fed.length) return null;
  const serving = new Set(g.in(endpoint, 'feature-store').map((f) => f.id));
  return fed.some((f) => serving.has(f.id)) ? null : fed[0];
}

/** Endpoint nodes of the graph. */
export const endpointsOf = (g: Graph): GNode[] => g.ofKind(...ENDPOINT_KINDS);
