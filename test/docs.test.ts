import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderKindsDoc, renderRulesDoc } from '../src/catalog/docs';
import { LIMITS, LIMIT_WORDS } from '../src/catalog/limits';

describe('generated reference docs', () => {
  it('docs/rules.md and docs/kinds.md match the catalog (run npx tsx scripts/gen-docs.ts)', () => {
    expect(readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8')).toBe(renderRulesDoc());
    expect(readFileSync(new URL('../docs/kinds.md', import.meta.url), 'utf8')).toBe(renderKindsDoc());
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
