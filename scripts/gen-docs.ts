/**
 * Writes docs/rules.md and docs/kinds.md from the catalog, so the repository documents itself.
 * Run: npx tsx scripts/gen-docs.ts (test/docs.test.ts fails when the files are stale).
 */
import { writeFileSync } from 'node:fs';
import { renderKindsDoc, renderRulesDoc } from '../src/catalog/docs';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc());
writeFileSync(new URL('../docs/kinds.md', import.meta.url), renderKindsDoc());
console.log('wrote docs/rules.md and docs/kinds.md');
