import type { GNode, Graph } from '../../../model/graph';
import { prepUpstream, transformsOf } from '../shared/prep';
import { round } from '../../util';
import type { Simulation } from '../../sim';

/**
 * SageMaker Clarify pre-training bias metrics of a dataset, for a facet split into an advantaged group a and a
 * disadvantaged group d (https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-bias-metric-class-imbalance.html,
 * https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-data-bias-metric-true-label-imbalance.html):
 * class imbalance CI = (na − nd) ÷ (na + nd), and difference in proportions of labels DPL = qa − qd, both in
 * [−1, 1] with 0 meaning no bias. SageSim's buckets declare the facet's share of rows (facetShare = nd ÷ n) and
 * the label-rate gap (labelRateGap = qa − qd). A bucket written by a processing job or Data Wrangler flow (or
 * downstream of one) that applies `facet-rebalance` — oversampling facet d to as many rows as facet a (the CI page:
 * "you might want to rebalance the sample before proceeding to train models on it") — has CI 0; oversampling both
 * facets
 * alike keeps each facet's label rate, so DPL is unchanged.
 */
export function pretrainingBias(g: Graph, bucket: GNode<'s3-bucket'>): { ci: number; dpl: number } {
  const rebalanced = prepUpstream(g, bucket.id).some((p) => transformsOf(p).includes('facet-rebalance'));
  const share = rebalanced ? 0.5 : Number(bucket.props.facetShare);
  return { ci: round(1 - 2 * share, 3), dpl: round(Number(bucket.props.labelRateGap), 3) };
}

/** Seconds a Clarify pre-training bias job takes: a processing job's start plus a scikit-learn pass over the data. */
export const clarifyJobSec = (gb: number): number => 120 + 60 * gb;

/**
 * Each s3-bucket → clarify edge runs a pre-training bias job (a SageMaker Processing job) at t = 0: the Clarify
 * node is InProgress, then Completed with the report's figures (classImbalance, dpl); a metric beyond the node's
 * limits is the incident pretraining-bias, on the Clarify node.
 */
export function startPretrainingChecks(sim: Simulation): void {
  const g = sim.graph;
  for (const c of g.ofKind('clarify')) {
    const buckets = g.in(c.id, 's3-bucket');
    if (!buckets.length) continue;
    sim.setState(c.id, 'InProgress', 'pre-training bias analysis (Clarify processing job)');
    const gb = buckets.reduce((a, b) => a + (Number(b.props.datasetGB) || 0), 0);
    sim.after(clarifyJobSec(gb), `${c.id}: bias report`, c.id, () => {
      const x = sim.metrics(c.id).extra;
      for (const b of buckets) {
        const { ci, dpl } = pretrainingBias(g, b);
        x.classImbalance = ci;
        x.dpl = dpl;
        const maxCi = Number(c.props.maxClassImbalance),
          maxDpl = Number(c.props.maxLabelGap);
        if (Math.abs(ci) > maxCi || Math.abs(dpl) > maxDpl)
          sim.incident('pretraining-bias', c.id, { bucket: b.id, ci, dpl, maxCi, maxDpl });
        else
          sim.note(
            c.id,
            'info',
            `${c.id}: pre-training bias of ${b.id}: CI ${ci}, DPL ${dpl} (within |CI| ≤ ${maxCi}, |DPL| ≤ ${maxDpl})`,
          );
      }
      sim.setState(c.id, 'Completed', 'bias report written');
    });
  }
}
