/**
 * The proof a puzzle case owes (issue 14): it names exam skills and carries 2–3 questions; the shipped design fails
 * its goal on seeds 1–20 while the reference solution and every hint's alternative meet it; the tempting wrong fixes
 * do not. Shared by the per-domain puzzle suites, which list only their cases.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDocument } from '../../src/engine/run';
import type { ArchDoc, Solution } from '../../src/model/schema';
import { changed, loadPuzzle, PUZZLES_DIR } from './catalog';

export interface PuzzleCase {
  file: string;
  alternatives: Solution[];
  wrong: Solution[];
}

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const met = (doc: ArchDoc, seed: number) => runDocument(doc, { seed }).report.goal?.met;

/** A change that sets props of one node. */
export const props = (node: string, p: Record<string, unknown>): Solution => ({ setProps: { [node]: p } });

/** Register the proof of each case; `skill` is the pattern its skill ids must match. */
export function provePuzzles(cases: PuzzleCase[], skill: RegExp): void {
  describe.each(cases)('$file', ({ file, alternatives, wrong }) => {
    const doc = loadPuzzle(join(PUZZLES_DIR, file)).doc;

    it('names its exam skills and carries 2–3 exam-style questions', () => {
      const d = doc as ArchDoc & { skills?: string[]; questions?: { options: string[]; answer: number }[] };
      expect(d.skills?.length).toBeGreaterThan(0);
      for (const s of d.skills ?? []) expect(s).toMatch(skill);
      expect(d.questions?.length).toBeGreaterThanOrEqual(2);
      for (const q of d.questions ?? []) expect(q.answer).toBeLessThan(q.options.length);
    });

    it('as shipped fails its goal on seeds 1–20; the solution meets it on seeds 1–20', () => {
      const solved = changed(doc, doc.solution!)!;
      for (const seed of SEEDS) {
        expect(met(doc, seed), `shipped, seed ${seed}`).toBe(false);
        expect(met(solved, seed), `solution, seed ${seed}`).toBe(true);
      }
    });

    it("every hint's alternative is listed in the file's alternatives, so the page shows it after solving", () => {
      const listed = (doc.alternatives ?? []).map((a) => a.solution);
      for (const alt of alternatives) expect(listed, JSON.stringify(alt)).toContainEqual(alt);
      for (const a of doc.alternatives ?? []) expect(a.label.length, JSON.stringify(a.solution)).toBeGreaterThan(10);
    });

    it("every hint's alternative meets the goal on seeds 1–20", () => {
      for (const alt of alternatives) {
        const d = changed(doc, alt)!;
        for (const seed of SEEDS) expect(met(d, seed), `${JSON.stringify(alt)}, seed ${seed}`).toBe(true);
      }
    });

    it('the tempting wrong fixes do not', () => {
      for (const w of wrong) expect(met(changed(doc, w)!, doc.seed ?? 1), JSON.stringify(w)).toBe(false);
    });
  });
}
