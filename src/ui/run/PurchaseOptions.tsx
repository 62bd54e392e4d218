import { planCommitment, planEligible, planSizing, savingsPlanCosts, type SavingsPlanCosts } from '../../model/costs';
import { PRICES } from '../../catalog/prices';
import type { ArchNode } from '../../model/schema';
import type { LiveNode } from '../../worker/protocol';

export const usd = (x: number) => `$${x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(4)}`;
const pct = (x: number) => `${Math.round(x * 10) / 10}%`;

/** The keys of a finished run's plan figures on the `savings-plan` node (engine cost module). */
const PLAN_KEYS = [
  'commitmentUSDPerHour',
  'committedUSD',
  'eligibleOnDemandUSD',
  'coveredOnDemandUSD',
  'overflowUSD',
  'unusedUSD',
  'withPlanUSD',
  'savingUSD',
  'utilisationPercent',
  'breakEvenUSDPerHour',
  'steadyUSDPerHour',
  'suggestedCommitmentUSDPerHour',
] as const;

/**
 * The plan's figures: the run's own (hour by hour) once the run has finished and the engine wrote them on the plan
 * node; before that an estimate from the eligible on-demand cost so far, spread evenly over the elapsed hours.
 */
export function planView(
  docNodes: readonly ArchNode[],
  nodes: Readonly<Record<string, LiveNode>>,
  now: number,
): { plan: SavingsPlanCosts; final: boolean } | null {
  const planNode = docNodes.find((n) => n.kind === 'savings-plan');
  if (!planNode) return null;
  const commitment = planCommitment(docNodes);
  const extra = nodes[planNode.id]?.extra;
  const estimate = (() => {
    const eligible = docNodes
      .filter(planEligible)
      .reduce((sum, n) => sum + (Number(nodes[n.id]?.extra.onDemandUSD) || nodes[n.id]?.costUSD || 0), 0);
    const hours = now / 3600;
    const hourly = Array.from({ length: Math.ceil(hours) }, (_, i) =>
      hours > 0 ? (eligible * Math.min(1, hours - i)) / hours : 0,
    );
    return savingsPlanCosts(commitment, hourly, now);
  })();
  if (extra && typeof extra.committedUSD === 'number') {
    const plan = { ...estimate };
    for (const k of PLAN_KEYS) if (typeof extra[k] === 'number') plan[k] = extra[k];
    // the run's own steady usage, break-even and suggestion; fullUse follows from the commitment
    return { plan, final: true };
  }
  return { plan: estimate, final: false };
}

interface Row {
  id: string;
  label: string;
  onDemand: number;
  withPlan: number | null;
  spot: number | null;
  spotNote: string;
}

/**
 * Purchase options of the run (S4.2.10): per SageMaker node, its cost on demand, with the document's Savings Plan
 * and on managed spot (training only: endpoints cannot run on spot); the plan's commitment, utilisation, unused
 * commitment and break-even; and a plain sentence on how the plan is sized. `hideAnswer` (an unsolved puzzle) leaves
 * out the suggested commitment.
 */
export function PurchaseOptions({
  docNodes,
  nodes,
  now,
  hideAnswer,
  focus,
}: {
  docNodes: readonly ArchNode[];
  nodes: Readonly<Record<string, LiveNode>>;
  now: number;
  hideAnswer: boolean;
  focus: (id: string) => void;
}) {
  const view = planView(docNodes, nodes, now);
  const rate = 1 - PRICES.savingsPlanMaxDiscount;
  const coveredShare =
    view && view.plan.eligibleOnDemandUSD > 0 ? view.plan.coveredOnDemandUSD / view.plan.eligibleOnDemandUSD : 0;
  const rows: Row[] = docNodes
    .filter((n) => planEligible(n) || (n.kind === 'training-job' && n.props?.spot === true))
    .map((n) => {
      const live = nodes[n.id];
      const billed = live?.costUSD ?? 0;
      const isSpot = n.kind === 'training-job' && n.props?.spot === true;
      const onDemand = isSpot ? billed / (1 - PRICES.spotDiscount) : Number(live?.extra.onDemandUSD) || billed;
      const withPlan =
        isSpot || !view ? null : view.final ? billed : onDemand * (coveredShare * rate + 1 - coveredShare);
      const spot = n.kind === 'training-job' ? (isSpot ? billed : onDemand * (1 - PRICES.spotDiscount)) : null;
      const spotNote =
        n.kind !== 'training-job'
          ? 'no spot for endpoints and jobs other than training'
          : n.props?.checkpointS3Uri
            ? 'resumes from its S3 checkpoints after an interruption'
            : 'no checkpoints: an interruption restarts it from zero';
      return { id: n.id, label: n.label ?? n.id, onDemand, withPlan, spot, spotNote };
    })
    .filter((r) => r.onDemand > 0);
  if (!view && !rows.length) return null;
  const p = view?.plan;
  const sizing = p ? planSizing(p) : null;
  return (
    <div className="cost-options" data-testid="purchase-options">
      <p>
        <b>Purchase options</b>
        <span className="muted">
          {' '}
          Savings Plan up to {Math.round(PRICES.savingsPlanMaxDiscount * 100)}% off (upper bound) · managed spot ≈{' '}
          {Math.round(PRICES.spotDiscount * 100)}% off, training only, can be interrupted
        </span>
      </p>
      {p && (
        <div data-testid="savings-plan">
          <p>
            <b>Savings Plan {usd(p.commitmentUSDPerHour)}/h:</b> committed {usd(p.committedUSD)} · used{' '}
            {pct(p.utilisationPercent)} · unused {usd(p.unusedUSD)} · beyond it on demand {usd(p.overflowUSD)}
            {view.final ? '' : ' (estimate so far)'}
          </p>
          <p>
            Eligible usage on demand {usd(p.eligibleOnDemandUSD)} → with the plan {usd(p.withPlanUSD)} (
            {p.savingUSD >= 0 ? `saves ${usd(p.savingUSD)}` : `costs ${usd(-p.savingUSD)} more`})
          </p>
          <p data-testid="break-even">
            <b>Break-even:</b> steady usage of {usd(p.breakEvenUSDPerHour)}/h on demand (
            {pct(p.breakEvenUtilisationPercent)} of the commitment used); fully used from {usd(p.fullUseUSDPerHour)}
            /h. Steady usage in this run: {usd(p.steadyUSDPerHour)}/h
            {hideAnswer ? '' : ` → a commitment of ${usd(p.suggestedCommitmentUSDPerHour)}/h fits it`}.
          </p>
          <p data-testid="plan-sizing" className={sizing === 'sized' ? '' : 'cost-warn'}>
            {sizing === 'oversized'
              ? `Over-sized: you pay ${usd(p.unusedUSD)} for commitment nothing used (${pct(
                  100 - p.utilisationPercent,
                )} idle).`
              : sizing === 'undersized'
                ? `Under-sized: steady usage beyond the commitment is billed on demand (${usd(p.overflowUSD)}).`
                : 'Sized to the steady usage: the commitment is used and the peaks are billed on demand.'}
          </p>
        </div>
      )}
      {rows.length > 0 && (
        <table className="cost-table">
          <thead>
            <tr>
              <th>Node</th>
              <th>On demand</th>
              <th>With plan</th>
              <th>Spot</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} onClick={() => focus(r.id)}>
                <td>{r.label}</td>
                <td>{usd(r.onDemand)}</td>
                <td>{r.withPlan === null ? '—' : usd(r.withPlan)}</td>
                <td>{r.spot === null ? '—' : usd(r.spot)}</td>
                <td className="muted">{r.spotNote}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
