/**
 * AWS Budgets (issue 17): document budgets compare the run's actual cost, or the cost of the nodes carrying a cost
 * allocation tag, with their limit, and list the alert thresholds passed.
 */
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../src/cli/format';
import { loadJson, formatErrors } from '../../../src/model/load';
import { arch, node, run, validate } from '../../harness';
import { execute, setBudgetLimit } from '../../../src/model/commands';
import { gradedDocument } from '../../../src/model/submission';

const design = (budgets: unknown) => {
  const doc = arch(node('fraud', 'realtime-endpoint'), node('churn', 'realtime-endpoint', { instanceCount: 3 }));
  return validate({
    ...doc,
    nodes: doc.nodes.map((n) => ({ ...n, tags: { team: n.id } })),
    budgets,
  });
};

describe('budgets', () => {
  it('reports each budget: actual cost, percent of the limit, and the thresholds passed', () => {
    const plain = run(design([])).report;
    const total = Object.values(plain.nodes).reduce((sum, n) => sum + (n.costUSD ?? 0), 0);
    const r = run(
      design([
        { name: 'all', limitUSD: total / 0.9, thresholds: [100, 50, 80] },
        { name: 'fraud', limitUSD: 100, thresholds: [80], tag: 'team=fraud' },
      ]),
    ).report;
    const [all, fraud] = r.budgets!;
    expect(all.actualUSD).toBeCloseTo(total, 2);
    expect(all.percent).toBeCloseTo(90, 0);
    expect(all.alerts).toEqual([50, 80]);
    expect(fraud.actualUSD).toBeCloseTo(r.nodes.fraud.costUSD!, 4);
    expect(fraud.alerts).toEqual([]);
    const text = formatReport('t', r);
    expect(text).toContain('Budgets');
    expect(text).toMatch(/all\s+\$[\d.]+ of \$[\d.]+ \(\d+(\.\d)?%\) · alerts at 50%, 80%/);
  });

  it('is absent from the report without budgets', () => {
    expect('budgets' in run(design([])).report).toBe(false);
  });

  it('the loader names a bad budget: a tag that is not key=value, a limit of 0, no thresholds', () => {
    const bad = (b: unknown) => {
      const r = loadJson({ ...arch(node('ep', 'realtime-endpoint')), budgets: [b] });
      return r.ok ? '' : formatErrors(r.errors);
    };
    expect(bad({ name: 'x', limitUSD: 10, thresholds: [80], tag: 'team' })).toMatch(/budgets\[0\]\.tag.*key=value/s);
    expect(bad({ name: 'x', limitUSD: 0, thresholds: [80] })).toMatch(/budgets\[0\]\.limitUSD/);
    expect(bad({ name: 'x', limitUSD: 10, thresholds: [] })).toMatch(/budgets\[0\]\.thresholds/);
  });
});

describe('editing a budget', () => {
  const doc = design([{ name: 'fraud', limitUSD: 1, thresholds: [80], tag: 'team=fraud' }]);

  it('sets the limit of the budget at an index, which the next run grades', () => {
    const out = execute(doc, setBudgetLimit, { index: 0, limitUSD: 250 });
    expect(out.ok && out.doc.budgets![0]).toEqual({
      name: 'fraud',
      limitUSD: 250,
      thresholds: [80],
      tag: 'team=fraud',
    });
    if (out.ok) expect(run(out.doc).report.budgets![0].limitUSD).toBe(250);
  });

  it('refuses a missing budget or a limit that is not a positive amount, naming the budget', () => {
    for (const limitUSD of [0, -3, Number.NaN, 2e9]) {
      const out = execute(doc, setBudgetLimit, { index: 0, limitUSD });
      expect(!out.ok && out.reason).toMatch(/Budget fraud: the limit is a positive amount/);
    }
    const none = execute(doc, setBudgetLimit, { index: 3, limitUSD: 5 });
    expect(!none.ok && none.reason).toMatch(/Budget 4: the document has 1 budget/);
  });

  it("a graded submission keeps the puzzle's budgets: raising the limit in the file changes nothing", () => {
    const raised = execute(doc, setBudgetLimit, { index: 0, limitUSD: 1e6 });
    expect(raised.ok).toBe(true);
    if (raised.ok) expect(gradedDocument(doc, raised.doc).budgets).toEqual(doc.budgets);
  });
});
