/**
 * AWS Budgets (issue 17): document budgets compare the run's actual cost, or the cost of the nodes carrying a cost
 * allocation tag, with their limit, and list the alert thresholds passed.
 */
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../src/cli/format';
import { loadJson, formatErrors } from '../../../src/model/load';
import { arch, node, run, validate } from '../../harness';

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
