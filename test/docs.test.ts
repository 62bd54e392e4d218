import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderKindsDoc, renderRulesDoc } from '../src/catalog/docs';

describe('generated reference docs', () => {
  it('docs/rules.md and docs/kinds.md match the catalog (run npx tsx scripts/gen-docs.ts)', () => {
    expect(readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8')).toBe(renderRulesDoc());
    expect(readFileSync(new URL('../docs/kinds.md', import.meta.url), 'utf8')).toBe(renderKindsDoc());
  });
});
