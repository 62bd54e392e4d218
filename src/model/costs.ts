/**
 * Cost views of a run that the engine's report and cost module and the page's Cost panel share (model layer, so the
 * page computes them on live figures without the engine): cost by cost allocation tag
 * and AWS Budgets status (format.md section 11). Pure functions over the document and per-node costs.
 */
import type { Kind } from '../catalog/types';
import { defaultProps } from '../catalog/kinds';
import { PRICES } from '../catalog/prices';
import { round } from './num';
import type { ArchDoc, ArchNode } from './schema';

/** The untagged bucket of `costByTag`. */
export const UNTAGGED = '(untagged)';

/**
 * Cost by cost allocation tag (report field `costByTag`): for each tag key any node carries, every node's cost under
 * its value for that key, or under "(untagged)". As in Cost Explorer, each key splits the whole bill. Null when no
 * node has tags (the report then leaves the field out, so untagged designs report as before). The cost panel uses
 * it on live figures.
 */
export function tagCosts(
  docNodes: readonly ArchNode[],
  costOf: (id: string) => number,
): Record<string, Record<string, number>> | null {
  const tagged = docNodes.filter((n) => n.tags && Object.keys(n.tags).length);
  if (!tagged.length) return null;
  const keys = [...new Set(tagged.flatMap((n) => Object.keys(n.tags!)))].sort();
  const out: Record<string, Record<string, number>> = {};
  for (const key of keys) {
    const sums: Record<string, number> = {};
    for (const n of docNodes) {
      const usd = costOf(n.id);
      if (!usd) continue;
      const value = n.tags?.[key] ?? UNTAGGED;
      sums[value] = (sums[value] ?? 0) + usd;
    }
    out[key] = Object.fromEntries(
      Object.entries(sums)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([v, usd]) => [v, round(usd, 4)]),
    );
  }
  return out;
}

/** One budget of the report: the cost it tracks (all nodes, or those with its tag) against its limit. */
export interface BudgetStatus {
  name: string;
  limitUSD: number;
  /** The cost of the nodes the budget tracks (every node, or those carrying its tag key=value). */
  actualUSD: number;
  /** actualUSD as a percentage of limitUSD. */
  percent: number;
  /** The thresholds (percent of the limit) the actual cost passed: AWS Budgets would send these alerts. */
  alerts: number[];
}

/**
 * The document's budgets against the run's costs (report field `budgets`): AWS Budgets compares ACTUAL cost with each
 * notification's threshold (percent of the budgeted amount, "greater than"). On AWS the budget status is refreshed
 * several times a day ("Amazon Web Services updates your budget status several times a day",
 * https://docs.aws.amazon.com/cli/v1/reference/budgets), so an alert for a passed threshold can arrive hours after the spend; SageSim grades the budget at the run's
 * end.
 */
export function budgetStatus(doc: ArchDoc, costOf: (id: string) => number): BudgetStatus[] {
  return (doc.budgets ?? []).map((b) => {
    const [key, value] = b.tag ? [b.tag.slice(0, b.tag.indexOf('=')), b.tag.slice(b.tag.indexOf('=') + 1)] : [];
    const tracked = doc.nodes.filter((n) => key === undefined || n.tags?.[key] === value);
    const actual = tracked.reduce((sum, n) => sum + costOf(n.id), 0);
    const percent = (100 * actual) / b.limitUSD;
    return {
      name: b.name,
      limitUSD: b.limitUSD,
      actualUSD: round(actual, 4),
      percent: round(percent, 1),
      alerts: [...b.thresholds].sort((x, y) => x - y).filter((t) => percent > t),
    };
  });
}

/*
 * ---- SageMaker Savings Plans and managed spot (issue 17, savings17; S4.2.10) ----
 * Facts and sources: src/catalog/prices.ts (PRICES.savingsPlanMaxDiscount, SAVINGS_PLAN).
 */

/**
 * The kinds whose usage a SageMaker Savings Plan covers: SageMaker instance and serverless compute (training, tuning,
 * processing, Data Wrangler, Clarify and Model Monitor processing jobs, Autopilot, Inference Recommender's test
 * endpoints, batch transform, real-time, serverless, asynchronous and multi-model endpoints). Not NAT gateways, VPC
 * endpoints, Lambda, S3 or Ground Truth's human labelling.
 */
export const SAVINGS_PLAN_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  'data-wrangler',
  'processing-job',
  'training-job',
  'tuning-job',
  'clarify',
  'model-monitor',
  'autopilot-job',
  'inference-recommender',
  'batch-transform',
  'realtime-endpoint',
  'serverless-endpoint',
  'async-endpoint',
  'multi-model-endpoint',
]);

/** True when a Savings Plan covers the node's usage: an eligible kind, and not managed spot (SageSim's own rule). */
export const planEligible = (n: Pick<ArchNode, 'kind' | 'props'>): boolean =>
  SAVINGS_PLAN_KINDS.has(n.kind) && n.props?.spot !== true;

/** The documents's hourly commitment: the sum over its `savings-plan` nodes (0 without one). */
export function planCommitment(docNodes: readonly ArchNode[]): number {
  return docNodes
    .filter((n) => n.kind === 'savings-plan')
    .reduce(
      (sum, n) => sum + Number(n.props?.commitmentUSDPerHour ?? defaultProps('savings-plan').commitmentUSDPerHour),
      0,
    );
}

/** What a Savings Plan did over a run, hour by hour (report entry of a `savings-plan` node; the Cost panel). */
export interface SavingsPlanCosts {
  /** The hourly commitment, USD per hour (all plans of the document together). */
  commitmentUSDPerHour: number;
  /** The plan's discount off on-demand (the documented upper bound, PRICES.savingsPlanMaxDiscount). */
  discount: number;
  /** Simulated hours (the last may be partial: its commitment is prorated, SageSim's own). */
  hours: number;
  /** The commitment billed over the run: commitment × hours, used or not. */
  committedUSD: number;
  /** Eligible usage at on-demand rates: what it would cost without the plan. */
  eligibleOnDemandUSD: number;
  /** The on-demand value of the eligible usage the commitment paid for (billed at the plan rate). */
  coveredOnDemandUSD: number;
  /** Eligible usage beyond the commitment, billed at on-demand rates. */
  overflowUSD: number;
  /** Commitment that no eligible usage consumed (Cost Explorer's UnusedCommitment): paid for nothing. */
  unusedUSD: number;
  /** The eligible part of the bill with the plan: committed + overflow. */
  withPlanUSD: number;
  /** eligibleOnDemandUSD − withPlanUSD: negative when the plan costs more than on-demand. */
  savingUSD: number;
  /** Used commitment ÷ commitment, percent (Cost Explorer's UtilizationPercentage). */
  utilisationPercent: number;
  /**
   * The break-even: the steady eligible usage, in on-demand USD per hour, at which the plan costs as much as paying
   * on demand. Below it the plan loses money; it equals the commitment, because the plan rate is (1 − discount) of
   * on-demand and every committed dollar is billed.
   */
  breakEvenUSDPerHour: number;
  /** The break-even as utilisation: (1 − discount) × 100 percent of the commitment used. */
  breakEvenUtilisationPercent: number;
  /** The on-demand usage per hour that uses the whole commitment: commitment ÷ (1 − discount). */
  fullUseUSDPerHour: number;
  /** The steady part of the usage: the lowest eligible on-demand USD per hour over the run's hours. */
  steadyUSDPerHour: number;
  /** The commitment that the steady part uses in full: steadyUSDPerHour × (1 − discount). */
  suggestedCommitmentUSDPerHour: number;
}

const EPS = 1e-9;

/**
 * A Savings Plan over a run: each hour, eligible usage at the plan rate ((1 − discount) × on-demand) draws on the
 * hour's commitment; what does not fit is billed on demand; commitment left over is billed unused (AWS applies a
 * Savings Plan hour by hour; the commitment is billed every hour of the term). `hourlyOnDemand[i]` is the eligible
 * on-demand USD of simulated hour i; `seconds` the run's length.
 */
export function savingsPlanCosts(
  commitmentUSDPerHour: number,
  hourlyOnDemand: readonly number[],
  seconds: number,
  discount: number = PRICES.savingsPlanMaxDiscount,
): SavingsPlanCosts {
  const hours = Math.max(0, seconds) / 3600;
  const rate = 1 - discount;
  const n = Math.max(Math.ceil(hours - EPS), hourlyOnDemand.length);
  let committed = 0;
  let eligible = 0;
  let used = 0;
  let overflow = 0;
  let steady = Infinity;
  for (let i = 0; i < n; i++) {
    const len = Math.min(1, Math.max(0, hours - i));
    const usage = hourlyOnDemand[i] ?? 0;
    const commit = commitmentUSDPerHour * len;
    const atPlanRate = usage * rate;
    const cover = Math.min(commit, atPlanRate);
    committed += commit;
    eligible += usage;
    used += cover;
    overflow += (atPlanRate - cover) / rate;
    if (len > EPS) steady = Math.min(steady, usage / len);
  }
  if (!Number.isFinite(steady)) steady = 0;
  const withPlan = committed + overflow;
  return {
    commitmentUSDPerHour,
    discount,
    hours: round(hours, 4),
    committedUSD: round(committed, 4),
    eligibleOnDemandUSD: round(eligible, 4),
    coveredOnDemandUSD: round(used / rate, 4),
    overflowUSD: round(overflow, 4),
    unusedUSD: round(committed - used, 4),
    withPlanUSD: round(withPlan, 4),
    savingUSD: round(eligible - withPlan, 4),
    utilisationPercent: committed > 0 ? round((100 * used) / committed, 1) : 0,
    breakEvenUSDPerHour: round(commitmentUSDPerHour, 4),
    breakEvenUtilisationPercent: round(100 * rate, 1),
    fullUseUSDPerHour: round(commitmentUSDPerHour / rate, 4),
    steadyUSDPerHour: round(steady, 4),
    suggestedCommitmentUSDPerHour: round(steady * rate, 4),
  };
}

/** How a plan is sized against the run: unused commitment, steady usage left on demand, or neither. */
export type PlanSizing = 'oversized' | 'undersized' | 'sized';

/**
 * `oversized`: more than 1% of the commitment went unused (paying for idle commitment); `undersized`: the steady
 * usage needs a commitment more than 10% above the plan's, so steady usage is billed on demand; else `sized`. The
 * thresholds are SageSim's own.
 */
export function planSizing(p: SavingsPlanCosts): PlanSizing {
  if (p.unusedUSD > 0.01 * p.committedUSD + EPS) return 'oversized';
  if (p.suggestedCommitmentUSDPerHour > 1.1 * p.commitmentUSDPerHour + EPS) return 'undersized';
  return 'sized';
}

/** A managed spot training job's cost against the same job on demand (Cost panel). */
export interface SpotSaving {
  node: string;
  spotUSD: number;
  onDemandUSD: number;
  savingUSD: number;
}

/**
 * Each spot training job's saving: its billed cost at the spot price against the on-demand price of the same seconds
 * (billed ÷ (1 − PRICES.spotDiscount)). Jobs that billed nothing are left out.
 */
export function spotSavings(docNodes: readonly ArchNode[], costOf: (id: string) => number): SpotSaving[] {
  return docNodes
    .filter((n) => n.kind === 'training-job' && n.props?.spot === true && costOf(n.id) > 0)
    .map((n) => {
      const spot = costOf(n.id);
      const onDemand = spot / (1 - PRICES.spotDiscount);
      return {
        node: n.id,
        spotUSD: round(spot, 4),
        onDemandUSD: round(onDemand, 4),
        savingUSD: round(onDemand - spot, 4),
      };
    });
}
