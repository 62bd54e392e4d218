/**
 * The rules' short facts (id, domain, severity, title, display) for the page's first screen, the loader's checks and
 * the run's overlays and log, without the catalog's prose: the page loads `rules.ts` (the sheet's fact, the fix,
 * the docs note, the message) only with the panels that show it. The index is generated from the entries in
 * `rules.ts` (the one source) by `npx tsx scripts/gen-docs.ts`; test/docs.test.ts fails when it is stale.
 */
import INDEX from './rule-index.json';
import type { RuleSummary } from './types';

/** Every rule's short facts by id, in catalog order (D1, D2, D3, D4). */
export const RULE_INDEX: ReadonlyMap<string, RuleSummary> = new Map(
  (INDEX as RuleSummary[]).map((r) => [r.id, Object.freeze(r)]),
);
