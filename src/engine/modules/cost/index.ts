import type { SimModule } from '../../sim';
import type { Simulation } from '../../sim';
import { budgetStatus, planCommitment, planEligible, planSizing, savingsPlanCosts } from '../../../model/costs';
import { round } from '../../util';

/**
 * Cost governance: at the end of the run (after every other module has billed what is still running), each document
 * budget whose tracked cost exceeds its limit records `budget-exceeded` on the largest cost it tracks. The thresholds
 * below 100% are alerts in the report's `budgets` field, not incidents.
 */
export const costModule: SimModule = {
  id: 'cost',
  finish(sim) {
    applySavingsPlan(sim);
    const doc = sim.graph.doc;
    if (!doc.budgets?.length) return;
    const costOf = (id: string) => sim.allMetrics().get(id)?.costUSD ?? 0;
    budgetStatus(doc, costOf).forEach((b, i) => {
      if (b.actualUSD <= b.limitUSD) return;
      const tag = doc.budgets![i].tag;
      const [key, value] = tag ? [tag.slice(0, tag.indexOf('=')), tag.slice(tag.indexOf('=') + 1)] : [];
      const tracked = doc.nodes.filter((n) => key === undefined || n.tags?.[key] === value);
      const top = tracked.reduce((a, n) => (costOf(n.id) > costOf(a.id) ? n : a), tracked[0]);
      if (!top) return;
      sim.incident('budget-exceeded', top.id, {
        budget: b.name,
        actualUSD: b.actualUSD,
        limitUSD: b.limitUSD,
        percent: b.percent,
        nodeUSD: round(costOf(top.id), 4),
      });
    });
  },
};

/**
 * SageMaker Savings Plans (issue 17, savings17): when the document has `savings-plan` nodes, their commitment is
 * applied hour by hour to the eligible usage (model/costs.ts `savingsPlanCosts`), and costs are restated as Cost
 * Explorer's amortized view: each eligible node's cost is its covered usage at the plan rate plus its overflow at
 * on-demand rates (its on-demand figure kept as `onDemandUSD`), and the unused commitment is billed on the first plan
 * node. That node's report entry carries the plan's figures; `savings-plan-oversized` and `savings-plan-undersized`
 * record how it is sized. Runs without a plan are untouched.
 */
function applySavingsPlan(sim: Simulation): void {
  const hourly = sim.hourlyCost;
  const plans = sim.graph.doc.nodes.filter((n) => n.kind === 'savings-plan');
  if (!hourly || !plans.length) return;
  const eligible = sim.graph.doc.nodes.filter(planEligible).filter((n) => hourly.has(n.id));
  const hours: number[] = [];
  for (const n of eligible)
    hourly.get(n.id)!.forEach((usd, i) => {
      hours[i] = (hours[i] ?? 0) + usd;
    });
  for (let i = 0; i < hours.length; i++) hours[i] ??= 0;
  const commitment = planCommitment(sim.graph.doc.nodes);
  const p = savingsPlanCosts(commitment, hours, sim.now);
  const rate = 1 - p.discount;
  // each hour, the share of the eligible usage the commitment covered; nodes are restated hour by hour
  const covered = hours.map((usd, i) => {
    const commit = commitment * Math.min(1, Math.max(0, sim.now / 3600 - i));
    return usd > 0 ? Math.min(1, commit / (usd * rate)) : 0;
  });
  for (const n of eligible) {
    const m = sim.metrics(n.id);
    const onDemand = m.costUSD;
    const amortized = hourly.get(n.id)!.reduce((sum, usd, i) => sum + usd * (covered[i] * rate + 1 - covered[i]), 0);
    m.costUSD = amortized;
    m.extra.onDemandUSD = round(onDemand, 4);
  }
  const plan = sim.metrics(plans[0].id);
  plan.costUSD += p.unusedUSD;
  Object.assign(plan.extra, {
    commitmentUSDPerHour: p.commitmentUSDPerHour,
    committedUSD: p.committedUSD,
    eligibleOnDemandUSD: p.eligibleOnDemandUSD,
    coveredOnDemandUSD: p.coveredOnDemandUSD,
    overflowUSD: p.overflowUSD,
    unusedUSD: p.unusedUSD,
    withPlanUSD: p.withPlanUSD,
    savingUSD: p.savingUSD,
    utilisationPercent: p.utilisationPercent,
    breakEvenUSDPerHour: p.breakEvenUSDPerHour,
    steadyUSDPerHour: p.steadyUSDPerHour,
    suggestedCommitmentUSDPerHour: p.suggestedCommitmentUSDPerHour,
  });
  const sizing = planSizing(p);
  const vars = {
    commitment: p.commitmentUSDPerHour,
    utilisation: p.utilisationPercent,
    unusedUSD: p.unusedUSD,
    committedUSD: p.committedUSD,
    steady: p.steadyUSDPerHour,
    suggested: p.suggestedCommitmentUSDPerHour,
    overflowUSD: p.overflowUSD,
    fullUse: p.fullUseUSDPerHour,
  };
  if (sizing === 'oversized') sim.incident('savings-plan-oversized', plans[0].id, vars);
  else if (sizing === 'undersized') sim.incident('savings-plan-undersized', plans[0].id, vars);
}
