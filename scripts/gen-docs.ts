/**
 * Writes docs/rules.md and docs/kinds.md from the catalog, so the repository documents itself, and the rule index
 * (src/catalog/rule-index.json: the rules' short facts the page's first screen reads without the catalog's prose).
 * Run: npx tsx scripts/gen-docs.ts (test/docs.test.ts fails when the files are stale).
 */
import { writeFileSync } from 'node:fs';
import { renderKindsDoc, renderRuleIndex, renderRulesDoc } from '../src/catalog/docs';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc());
writeFileSync(new URL('../docs/kinds.md', import.meta.url), renderKindsDoc());
writeFileSync(new URL('../src/catalog/rule-index.json', import.meta.url), renderRuleIndex());
console.log('wrote docs/rules.md, docs/kinds.md and src/catalog/rule-index.json');
