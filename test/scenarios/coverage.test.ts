/**
 * Every rule of the catalog happens in shipped content (issue 17): in the run (an incident) or the static findings of
 * at least one shipped puzzle (as shipped), demo or sandbox starter. A rule that only the rule-coverage cases show is
 * dormant: a learner never meets it. DORMANT lists the rules still waiting for content; the test fails when a rule is
 * dormant and not listed (new content is owed) and when a listed rule is no longer dormant (strike it from the list).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/catalog/rules';
import { runDocument } from '../../src/engine/run';
import { formatErrors, loadText } from '../../src/model/load';
import { ROOT } from './catalog';

const DIRS = ['scenarios/puzzles', 'scenarios/demos', 'scenarios/sandbox'];

/** Rules no shipped content shows yet (issues 16 and 17 owe each a puzzle or demo). Keep sorted. */
const DORMANT: string[] = [];

function shippedRules(): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  for (const dir of DIRS)
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
      if (!e.isFile() || !e.name.endsWith('.json')) continue;
      const path = join(e.parentPath, e.name);
      const r = loadText(readFileSync(path, 'utf8'));
      if (!r.ok) throw new Error(`${path}: ${formatErrors(r.errors)}`);
      const { report } = runDocument(r.doc, { seed: r.doc.seed });
      for (const x of [...report.incidents, ...report.findings]) {
        const list = seen.get(x.rule) ?? [];
        if (!list.includes(path)) list.push(path.slice(ROOT.length));
        seen.set(x.rule, list);
      }
    }
  return seen;
}

describe('every catalog rule happens in shipped content', () => {
  const seen = shippedRules();
  const dormant = RULES.map((r) => r.id)
    .filter((id) => !seen.has(id))
    .sort();

  it('no rule is dormant except those listed as owed', () => {
    expect(
      dormant.filter((id) => !DORMANT.includes(id)),
      'dormant rules with no content',
    ).toEqual([]);
  });

  it('the owed list holds only rules that are still dormant', () => {
    expect(
      DORMANT.filter((id) => !dormant.includes(id)),
      'rules shipped content now shows',
    ).toEqual([]);
  });
});
