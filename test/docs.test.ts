import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderKindsDoc, renderRuleIndex, renderRulesDoc } from '../src/catalog/docs';
import { RULE_INDEX } from '../src/catalog/rule-index';
import { RULES } from '../src/catalog/rules';
import { LIMITS, LIMIT_WORDS } from '../src/catalog/limits';

describe('generated reference docs', () => {
  it('docs/rules.md and docs/kinds.md match the catalog (run npx tsx scripts/gen-docs.ts)', () => {
    expect(readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8')).toBe(renderRulesDoc());
    expect(readFileSync(new URL('../docs/kinds.md', import.meta.url), 'utf8')).toBe(renderKindsDoc());
  });

  it('src/catalog/rule-index.json is generated from the catalog (run npx tsx scripts/gen-docs.ts)', () => {
    expect(readFileSync(new URL('../src/catalog/rule-index.json', import.meta.url), 'utf8')).toBe(renderRuleIndex());
    // the index carries each entry's short facts, the same values, in the catalog's order
    expect([...RULE_INDEX.keys()]).toEqual(RULES.map((r) => r.id));
    for (const r of RULES) {
      const { id, domain, severity, title, display } = r;
      expect(RULE_INDEX.get(r.id)).toEqual(
        display ? { id, domain, severity, title, display } : { id, domain, severity, title },
      );
    }
  });

  it('docs/format.md states the limits the code enforces (src/catalog/limits.ts)', () => {
    const doc = readFileSync(new URL('../docs/format.md', import.meta.url), 'utf8');
    const n = (x: number) => x.toLocaleString('en-US');
    expect(doc).toContain(
      `Files over ${LIMIT_WORDS.bytes}, more than ${n(LIMITS.nodes)} nodes or ${n(LIMITS.edges)} edges are refused`,
    );
    expect(doc).toContain(`\`--duration\` over ${LIMITS.durationSec / 86_400} days`);
  });
});
