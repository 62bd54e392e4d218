/**
 * The proof of every shipped puzzle (issue 8): globbed from scenarios/puzzles, each is run headlessly
 * through the runner's own code (loadText → applySolution → loadJson → runDocument). As shipped its goal
 * is not met and its rule shows; with its reference solution the goal is met; deleting a locked node
 * that does work does not pass. A few files also go through the real CLI for its exit codes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Domain } from '../../src/catalog/types';
import { kindDef } from '../../src/catalog/kinds';
import { runDocument } from '../../src/engine/run';
import { DOMAIN_MINIMUMS, checkPuzzle, isCapstone, lockedEdges, puzzleRules } from '../../src/model/puzzle';
import { execute, removeNodes } from '../../src/model/commands';
import { README, ROOT, changed, deleteNode, loadPuzzle, puzzleFiles, renderIndex } from './catalog';

const puzzles = puzzleFiles().map(loadPuzzle);

/**
 * Roles of kinds whose deletion no goal key can see, so that the lock alone forbids it: stores hold
 * data (a job with no input still completes, an endpoint with no feature store still answers), and
 * security nodes are configuration that props refer to (deleting a role or a key clears the props
 * that name it). The test checks that the editor refuses to delete them.
 */
const LOCK_ONLY_ROLES = new Set(['store', 'security']);

describe('shipped puzzles', () => {
  it('are at least 24, weighted like the exam, each in the folder of its domain', () => {
    expect(puzzles.length).toBeGreaterThanOrEqual(24);
    const count = (d: Domain) => puzzles.filter((p) => p.doc.domain === d).length;
    for (const [d, min] of Object.entries(DOMAIN_MINIMUMS) as [Domain, number][])
      expect(count(d), d).toBeGreaterThanOrEqual(min);
    for (const p of puzzles)
      expect(p.path, p.path).toMatch(
        new RegExp(`^scenarios/puzzles/${p.doc.domain!.toLowerCase()}/\\d{2}-[a-z0-9-]+\\.json$`),
      );
  });

  it('each teaches a different rule (capstones, which combine several, aside)', () => {
    const rules = puzzles.filter((p) => !isCapstone(p.doc)).map((p) => puzzleRules(p.doc)[0] ?? null);
    expect(rules.every((r) => r !== null)).toBe(true);
    const dup = rules.filter((r, i) => rules.indexOf(r) !== i);
    expect(dup).toEqual([]);
  });

  it('are numbered 01, 02 … without gaps within each domain', () => {
    for (const d of Object.keys(DOMAIN_MINIMUMS)) {
      const nums = puzzles
        .filter((p) => p.doc.domain === d)
        .map((p) => Number(/\/(\d{2})-/.exec(p.path)![1]))
        .sort((a, b) => a - b);
      expect(nums, d).toEqual(nums.map((_, i) => i + 1));
    }
  });

  it('the README index lists them all (regenerate: see its header)', () => {
    expect(readFileSync(README, 'utf8')).toBe(renderIndex());
  });

  describe.each(puzzles.map((p) => [p.path, p] as const))('%s', (_path, { doc }) => {
    const rules = puzzleRules(doc);

    it('is well formed: mode, domain, title, story, three hints, locked nodes, goal, solution', () => {
      expect(checkPuzzle(doc)).toEqual([]);
      for (const e of lockedEdges(doc))
        expect(doc.nodes.some((n) => n.id === e.from) && doc.nodes.some((n) => n.id === e.to)).toBe(true);
    });

    it(
      "as shipped: the goal is not met and its rule (each of a capstone's rules) shows, as a finding or an " +
        'incident',
      () => {
        const { report } = runDocument(doc);
        expect(report.goal?.met).toBe(false);
        expect(rules.length).toBeGreaterThan(0);
        for (const rule of rules) {
          const shows =
            report.incidents.some((i) => i.rule === rule && i.count > 0) ||
            report.findings.some((f) => f.rule === rule);
          expect(shows, `${rule} shows in the shipped run`).toBe(true);
        }
        // the goal fails (at least) because of the rule it teaches (a capstone's first fault)
        const rule = rules[0];
        expect(
          report.goal!.failed.some(
            (f) => f.includes(` ${rule} `) || f.endsWith(` ${rule}`) || f.includes(`rule ${rule}`),
          ),
          report.goal!.failed.join('; '),
        ).toBe(true);
      },
    );

    it('with its solution: the goal is met, the rule is gone, and the run is deterministic', () => {
      const solved = changed(doc, doc.solution!);
      expect(solved, 'the solution gives a valid architecture').not.toBeNull();
      const { report } = runDocument(solved!);
      expect(report.goal, JSON.stringify(report.goal)).toEqual({ met: true, failed: [] });
      for (const rule of rules) {
        expect(report.incidents.some((i) => i.rule === rule)).toBe(false);
        expect(report.findings.some((f) => f.rule === rule)).toBe(false);
      }
      expect(JSON.stringify(runDocument(solved!).report)).toBe(JSON.stringify(report));
    });

    it(
      'no shortcut: deleting any one node instead of fixing does not meet the goal (locked stores and security ' +
        'nodes aside)',
      () => {
        const locked = new Set(doc.locked);
        let tried = 0;
        for (const n of doc.nodes) {
          if (locked.has(n.id))
            expect(execute(doc, removeNodes, { ids: [n.id] }).ok, `the editor refuses to delete ${n.id}`).toBe(false);
          if (locked.has(n.id) && LOCK_ONLY_ROLES.has(kindDef(n.kind).role)) continue;
          const cut = deleteNode(doc, n.id)!;
          expect(cut.nodes.some((m) => m.id === n.id)).toBe(false);
          expect(
            runDocument(cut).report.goal?.met,
            `deleting ${n.id} (${n.kind}${locked.has(n.id) ? ', locked' : ''}) meets the goal`,
          ).toBe(false);
          tried++;
        }
        expect(tried).toBeGreaterThan(0);
      },
    );

    it('locks every node the goal names', () => {
      const locked = new Set(doc.locked);
      for (const id of [...Object.keys(doc.goal!.nodeStates ?? {}), ...Object.keys(doc.goal!.minServed ?? {})])
        expect(locked.has(id), id).toBe(true);
    });
  });
});

describe('the real CLI grades puzzles by exit status', () => {
  const sim = (...args: string[]) => {
    try {
      execFileSync(process.execPath, ['dist-cli/sim.mjs', ...args], { cwd: ROOT, stdio: 'pipe' });
      return 0;
    } catch (e) {
      return (e as { status: number }).status;
    }
  };
  const sample = [
    'scenarios/puzzles/d1/01-volume-too-small.json',
    'scenarios/puzzles/d3/02-the-six-megabyte-wall.json',
    'scenarios/puzzles/d4/07-fairness-blind-spot.json',
  ];
  it.each(sample)('%s: --check exits 3, --apply-solution --check exits 0', (file) => {
    expect(sim(file, '--check')).toBe(3);
    expect(sim(file, '--apply-solution', '--check')).toBe(0);
  });
});
