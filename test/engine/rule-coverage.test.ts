/**
 * Every rule of the catalog happens in a run: for each id, a small architecture whose run (with every module)
 * reports it on the node where it happens — as an incident when the rule is something the run shows, as a
 * finding when rules.md calls it a finding. A new rule without an entry here fails the suite.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/catalog/rules';
import { run } from '../harness';
import { CASES } from './rule-cases';

describe('every rule of the catalog happens in a run', () => {
  it('has a case for every rule id and no stray ones', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  for (const rule of RULES) {
    const c = CASES[rule.id];
    if (!c) continue;
    it(`${rule.id} shows on ${c.node} as ${c.as === 'incident' ? 'an incident' : 'a finding'}`, () => {
      const r = run(c.doc(), { durationSec: c.durationSec ?? 3600 });
      if (c.as === 'incident') {
        const i = r.incident(rule.id, c.node);
        expect(i, `incidents: ${JSON.stringify(r.report.incidents.map((x) => `${x.rule}@${x.node}`))}`).toBeDefined();
        expect(i!.count).toBeGreaterThan(0);
        expect(i!.message).not.toMatch(/\{[a-zA-Z_]+\}/);
      } else {
        const f = r.finding(rule.id, c.node);
        expect(f, `findings: ${JSON.stringify(r.report.findings.map((x) => `${x.rule}@${x.node}`))}`).toBeDefined();
        expect(f!.severity).toBe(rule.severity);
      }
      // Static rules are also findings before the run, on the same node.
      if (rule.static && c.as === 'incident')
        expect(r.finding(rule.id, c.node), 'static rule without a finding').toBeDefined();
    });
  }
});
