/**
 * Cost views of a run that the engine's report and cost module and the page's Cost panel share (model layer, so the
 * page computes them on live figures without the engine): cost by cost allocation tag
 * and AWS Budgets status (format.md section 11). Pure functions over the document and per-node costs.
 */
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
