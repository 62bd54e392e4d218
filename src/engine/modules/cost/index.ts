import type { SimModule } from '../../sim';
import { budgetStatus } from '../../../model/costs';
import { round } from '../../util';

/**
 * Cost governance: at the end of the run (after every other module has billed what is still running), each document
 * budget whose tracked cost exceeds its limit records `budget-exceeded` on the largest cost it tracks. The thresholds
 * below 100% are alerts in the report's `budgets` field, not incidents.
 */
export const costModule: SimModule = {
  id: 'cost',
  finish(sim) {
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
