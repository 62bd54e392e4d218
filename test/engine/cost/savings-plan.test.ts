/**
 * SageMaker Savings Plans and managed spot (issue 17, savings17; S4.2.10): the plan maths of model/costs.ts checked
 * against figures worked out by hand, and the engine's amortized restatement of a run's costs.
 */
import { describe, expect, it } from 'vitest';
import {
  planEligible,
  planSizing,
  savingsPlanCosts,
  spotSavings,
  tagCosts,
  budgetStatus,
} from '../../../src/model/costs';
import { PRICES } from '../../../src/catalog/prices';
import { arch, edge, node, run } from '../../harness';

describe('savingsPlanCosts (64% off: the plan rate is 0.36 of on-demand)', () => {
  it('applies the commitment hour by hour: covered, overflow, unused, saving, utilisation', () => {
    // $1/h commitment; eligible on-demand usage $0.50, $3.00, $0.50 in three hours.
    // hour 0: 0.50 × 0.36 = 0.18 used, 0.82 unused; hour 1: 3 × 0.36 = 1.08 > 1, 1 used, (1.08 − 1) / 0.36 = 0.2222
    // on demand; hour 2 as hour 0. Committed 3, used 1.36 (= 3.7778 on demand), unused 1.64, with plan 3.2222.
    const p = savingsPlanCosts(1, [0.5, 3, 0.5], 3 * 3600, 0.64);
    expect(p.committedUSD).toBe(3);
    expect(p.eligibleOnDemandUSD).toBe(4);
    expect(p.coveredOnDemandUSD).toBeCloseTo(3.7778, 4);
    expect(p.overflowUSD).toBeCloseTo(0.2222, 4);
    expect(p.unusedUSD).toBeCloseTo(1.64, 4);
    expect(p.withPlanUSD).toBeCloseTo(3.2222, 4);
    expect(p.savingUSD).toBeCloseTo(0.7778, 4);
    expect(p.utilisationPercent).toBe(45.3);
    expect(p.steadyUSDPerHour).toBe(0.5);
    expect(p.suggestedCommitmentUSDPerHour).toBe(0.18);
    expect(planSizing(p)).toBe('oversized');
  });

  it('breaks even when the steady on-demand usage per hour equals the commitment (36% used)', () => {
    const at = (usage: number) => savingsPlanCosts(2, [usage, usage, usage, usage], 4 * 3600, 0.64);
    expect(at(2).savingUSD).toBe(0); // pays $2/h either way
    expect(at(2).utilisationPercent).toBe(36);
    expect(at(2).breakEvenUSDPerHour).toBe(2);
    expect(at(2).breakEvenUtilisationPercent).toBe(36);
    expect(at(1.5).savingUSD).toBe(-2); // 4 × (2 − 1.5)
    expect(at(4).savingUSD).toBe(8); // 4 × (4 − 2)
    // fully used from 2 / 0.36 = $5.5556/h; above it the rest is on demand and the saving stays 4 × (5.5556 − 2)
    expect(at(4).fullUseUSDPerHour).toBeCloseTo(5.5556, 4);
    expect(at(8).unusedUSD).toBe(0);
    expect(at(8).overflowUSD).toBeCloseTo(4 * (8 - 5.5556), 3);
    expect(at(8).savingUSD).toBeCloseTo(4 * (5.5556 - 2), 3);
  });

  it('prorates a partial last hour and reads the steady usage per full hour', () => {
    // 1.5 h: the second hour is half an hour, committing $0.50; its $0.50 of usage is $1/h
    const p = savingsPlanCosts(1, [1, 0.5], 5400, 0.64);
    expect(p.hours).toBe(1.5);
    expect(p.committedUSD).toBe(1.5);
    expect(p.steadyUSDPerHour).toBe(1);
    expect(p.unusedUSD).toBeCloseTo(1.5 - 0.36 * 1.5, 4);
  });

  it('an empty run bills the commitment and uses none of it', () => {
    const p = savingsPlanCosts(0.5, [], 7200);
    expect(p.committedUSD).toBe(1);
    expect(p.unusedUSD).toBe(1);
    expect(p.utilisationPercent).toBe(0);
  });

  it('sizes a plan: over (unused > 1%), under (steady needs > 110%), or sized', () => {
    expect(planSizing(savingsPlanCosts(0.36, [1, 1], 7200, 0.64))).toBe('sized');
    expect(planSizing(savingsPlanCosts(0.37, [1, 1], 7200, 0.64))).toBe('oversized');
    expect(planSizing(savingsPlanCosts(0.3, [1, 1], 7200, 0.64))).toBe('undersized');
    expect(planSizing(savingsPlanCosts(0.34, [1, 1], 7200, 0.64))).toBe('sized');
  });

  it('uses the catalog discount, the documented upper bound', () => {
    expect(PRICES.savingsPlanMaxDiscount).toBe(0.64);
    expect(savingsPlanCosts(1, [1], 3600).discount).toBe(0.64);
  });
});

describe('what a plan covers, and spot', () => {
  it('covers SageMaker compute, not spot training, Lambda or NAT', () => {
    expect(planEligible({ kind: 'realtime-endpoint', props: {} })).toBe(true);
    expect(planEligible({ kind: 'training-job', props: {} })).toBe(true);
    expect(planEligible({ kind: 'training-job', props: { spot: true } })).toBe(false);
    expect(planEligible({ kind: 'lambda', props: {} })).toBe(false);
    expect(planEligible({ kind: 'subnet', props: {} })).toBe(false);
  });

  it("gives a spot job's saving against the same seconds on demand", () => {
    const nodes = [node('t', 'training-job', { spot: true }), node('u', 'training-job')];
    const s = spotSavings(nodes, (id) => (id === 't' ? 0.3 : 1));
    expect(s).toEqual([{ node: 't', spotUSD: 0.3, onDemandUSD: 1, savingUSD: 0.7 }]);
    expect(PRICES.spotDiscount).toBe(0.7);
  });
});

describe('a run with a savings plan', () => {
  const design = (commitment: number, extra: ReturnType<typeof node>[] = []) =>
    arch(
      node('c', 'client', { rps: 5 }),
      node('ep', 'realtime-endpoint', { instanceCount: 2 }),
      edge('c', 'ep'),
      node('fn', 'lambda'),
      node('sp', 'savings-plan', { commitmentUSDPerHour: commitment }),
      ...extra,
    );

  it('restates eligible costs at the plan rate (amortized) and bills the unused commitment on the plan', () => {
    const r = run({ ...design(1), durationSec: 7200 }).report;
    const plan = r.nodes.sp;
    const ep = r.nodes.ep;
    expect(ep.onDemandUSD).toBe(plan.eligibleOnDemandUSD);
    // all of the endpoint's usage fits in the commitment: it is billed at 0.36 of on-demand
    expect(ep.costUSD).toBeCloseTo(0.36 * (ep.onDemandUSD as number), 3);
    expect(plan.costUSD).toBe(plan.unusedUSD);
    // the bill is the commitment: 2 h × $1
    expect(r.costUSD).toBe(2);
    const sum = Object.values(r.nodes).reduce((s, n) => s + (n.costUSD ?? 0), 0);
    expect(sum).toBeCloseTo(r.costUSD, 2);
    expect(r.incidents.map((i) => i.rule)).toContain('savings-plan-oversized');
  });

  it('a plan sized to the steady usage saves and raises nothing; budgets and tags see the restated costs', () => {
    const steady = run({ ...design(1), durationSec: 7200 }).report.nodes.sp.suggestedCommitmentUSDPerHour as number;
    const doc = { ...design(steady), durationSec: 7200 };
    const r = run(doc).report;
    expect(r.nodes.sp.savingUSD as number).toBeGreaterThan(0);
    expect(r.incidents.filter((i) => i.rule.startsWith('savings-plan'))).toEqual([]);
    const costOf = (id: string) => r.nodes[id]?.costUSD ?? 0;
    expect(
      budgetStatus({ ...doc, budgets: [{ name: 'all', limitUSD: 10, thresholds: [50] }] }, costOf)[0].actualUSD,
    ).toBeCloseTo(r.costUSD, 2);
    expect(tagCosts(doc.nodes, costOf)).toBeNull();
  });

  it('spreads a training job over the hours it ran', () => {
    const { sim } = run({
      ...arch(node('t', 'training-job', { trainingMinutes: 90 }), node('sp', 'savings-plan')),
      durationSec: 3 * 3600,
    });
    const hours = sim.hourlyCost!.get('t')!;
    expect(hours.length).toBeGreaterThanOrEqual(2);
    expect(hours.filter((x) => x > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('without a plan nothing changes: no hourly record, no onDemandUSD', () => {
    const doc = { ...design(1), durationSec: 3600 };
    const { sim, report } = run({ ...doc, nodes: doc.nodes.filter((n) => n.kind !== 'savings-plan') });
    expect(sim.hourlyCost).toBeNull();
    expect(report.nodes.ep.onDemandUSD).toBeUndefined();
  });
});
