/**
 * The guard for refactors: the report of every shipped scenario (as shipped and, for puzzles, with its solution) and of
 * every rule-coverage document, on its own seed, hashed and compared with the hashes recorded in `reports.json`, under
 * each rulebook (format.md section 7: the `aws` entries are named "… @aws"; same file + seed + rulebook → same report).
 * A refactor must leave every hash unchanged. A deliberate change of behaviour regenerates the file
 * (`UPDATE_GOLDEN=1 npx vitest run test/golden`) and the commit says which reports changed and why.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadText, formatErrors } from '../../src/model/load';
import { applySolution } from '../../src/model/solution';
import { loadJson } from '../../src/model/load';
import { runDocument } from '../../src/engine/run';
import type { ArchDoc, Rulebook } from '../../src/model/schema';
import { CASES } from '../engine/rule-cases';
import { ROOT } from '../scenarios/catalog';

const FILE = join(ROOT, 'test/golden/reports.json');
const DIRS = ['scenarios/sandbox', 'scenarios/puzzles', 'scenarios/demos'];

function scenarioFiles(): string[] {
  return DIRS.flatMap((d) =>
    readdirSync(join(ROOT, d), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => relative(ROOT, join(e.parentPath, e.name))),
  ).sort();
}

function load(path: string): ArchDoc {
  const r = loadText(readFileSync(join(ROOT, path), 'utf8'));
  if (!r.ok) throw new Error(`${path}: ${formatErrors(r.errors)}`);
  return r.doc;
}

const hash = (doc: ArchDoc, rulebook: Rulebook = 'sheet'): string =>
  createHash('sha256')
    .update(JSON.stringify(runDocument(doc, { seed: doc.seed, rulebook }).report))
    .digest('hex')
    .slice(0, 16);

/** Every document the guard covers, by a stable name. */
function documents(): [string, () => ArchDoc][] {
  const out: [string, () => ArchDoc][] = [];
  for (const path of scenarioFiles()) {
    out.push([path, () => load(path)]);
    out.push([
      `${path} +solution`,
      () => {
        const doc = load(path);
        if (!doc.solution) return doc;
        const r = loadJson(applySolution(doc, doc.solution));
        if (!r.ok) throw new Error(`${path} +solution: ${formatErrors(r.errors)}`);
        return r.doc;
      },
    ]);
  }
  for (const [id, c] of Object.entries(CASES)) out.push([`rule-coverage/${id}`, () => c.doc()]);
  return out.filter(([name]) => !name.endsWith('+solution') || load(name.replace(/ \+solution$/, '')).solution);
}

describe('golden reports', () => {
  it('every report is byte-identical to the recorded one', () => {
    const now: Record<string, string> = {};
    for (const [name, doc] of documents()) {
      const d = doc();
      now[name] = hash(d);
      now[`${name} @aws`] = hash(d, 'aws');
    }
    if (process.env.UPDATE_GOLDEN || !existsSync(FILE)) {
      writeFileSync(FILE, JSON.stringify(now, null, 2) + '\n');
      return;
    }
    const before = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, string>;
    const changed = Object.keys({ ...before, ...now }).filter((k) => before[k] !== now[k]);
    expect(changed, `reports changed (UPDATE_GOLDEN=1 records them after a deliberate change)`).toEqual([]);
  });

  it('the aws rulebook is deterministic too: two runs of the same document give the same report', () => {
    for (const [name, doc] of documents().slice(0, 12)) expect(hash(doc(), 'aws'), name).toBe(hash(doc(), 'aws'));
  });
});
