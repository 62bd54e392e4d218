/**
 * Issue 14: every puzzle teaches diagnosis and is graded like a reviewer would. For each shipped puzzle:
 * the reference meets its goal on seeds 1–20 and the shipped design fails on all of them; every variant
 * keeps that; every alternative fix a hint names passes; locks fix the scenario, never only the answer;
 * it names exam skills and carries 2–3 exam-style questions.
 */
import { describe, expect, it } from 'vitest';
import { kindDef } from '../../src/catalog/kinds';
import { runDocument } from '../../src/engine/run';
import { formatErrors, loadJson } from '../../src/model/load';
import type { ArchDoc } from '../../src/model/schema';
import { isSkillId } from '../../src/model/skills';
import { applyVariant, variantCount } from '../../src/model/variants';
import { isLockedProp } from '../../src/model/puzzle';
import { changed, loadPuzzle, puzzleFiles } from './catalog';

const puzzles = puzzleFiles().map(loadPuzzle);
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

function variant(doc: ArchDoc, n: number): ArchDoc {
  const r = loadJson(applyVariant(doc, n));
  if (!r.ok) throw new Error(`variant ${n} does not load:\n${formatErrors(r.errors)}`);
  return r.doc;
}

describe('puzzle teaching contract', () => {
  it('at least a third of the puzzles declare variables', () => {
    const withVars = puzzles.filter((p) => variantCount(p.doc) > 1).length;
    expect(withVars).toBeGreaterThanOrEqual(Math.ceil(puzzles.length / 3));
  });

  describe.each(puzzles.map((p) => [p.path, p.doc] as const))('%s', (_path, doc) => {
    it('reference meets the goal on seeds 1–20; the shipped design fails on every one', () => {
      const solved = changed(doc, doc.solution!)!;
      const bad = SEEDS.filter((s) => !runDocument(solved, { seed: s }).report.goal!.met);
      const passes = SEEDS.filter((s) => runDocument(doc, { seed: s }).report.goal!.met);
      expect({ referenceFailsOn: bad, shippedPassesOn: passes }).toEqual({ referenceFailsOn: [], shippedPassesOn: [] });
    });

    it('every variant: shipped fails, the reference (filled for the variant) passes', () => {
      const n = variantCount(doc);
      for (let v = 0; v < n; v++) {
        const d = n > 1 ? variant(doc, v) : doc;
        expect(d.variant ?? 0).toBe(v);
        expect(runDocument(d).report.goal!.met, `variant ${v} as shipped`).toBe(false);
        const g = runDocument(changed(d, d.solution!)!).report.goal!;
        expect(g, `variant ${v} with its reference`).toEqual({ met: true, failed: [] });
      }
    });

    it("each hint's alternative fix also passes (seed of the file and 1–3)", () => {
      for (const alt of doc.alternatives ?? []) {
        const d = changed(doc, alt.solution);
        expect(d, alt.label).not.toBeNull();
        for (const s of [doc.seed!, 1, 2, 3])
          expect(runDocument(d!, { seed: s }).report.goal, `${alt.label} seed ${s}`).toEqual({ met: true, failed: [] });
      }
    });

    it(
      'locks fix the scenario: every locked node lists its scenario props, and a node the fix changes keeps ' +
        'another editable prop',
      () => {
        for (const id of doc.locked ?? []) expect(doc.lockedProps?.[id], `lockedProps.${id}`).toBeDefined();
        for (const [id, props] of Object.entries(doc.solution?.setProps ?? {})) {
          const node = doc.nodes.find((n) => n.id === id)!;
          const locked = new Set(doc.lockedProps?.[id] ?? []);
          for (const p of Object.keys(props))
            expect(locked.has(p), `${id}.${p} is the fix, so it cannot be locked`).toBe(false);
          const editable = Object.keys(kindDef(node.kind).props).filter((p) => !locked.has(p) && !(p in props));
          // a kind whose every prop is the fix (a registry's approval, a role's grants) has nothing else to offer
          if (Object.keys(kindDef(node.kind).props).every((p) => p in props)) continue;
          expect(editable.length, `${id}: besides the fix, some prop stays editable`).toBeGreaterThan(0);
        }
      },
    );

    it("locks the client's traffic (rate, pattern, payload, models, start and stop) on every client it ships", () => {
      const TRAFFIC = ['rps', 'pattern', 'payloadMB', 'payloadSpread', 'models', 'startSec', 'stopSec'];
      for (const n of doc.nodes.filter((x) => x.kind === 'client')) {
        expect(doc.locked, n.id).toContain(n.id);
        const open = TRAFFIC.filter((p) => !isLockedProp(doc, n.id, p));
        expect(open, `${n.id}: traffic props left editable`).toEqual([]);
      }
    });

    it('names exam skills and carries 2–3 exam-style questions whose explanation gives the reason', () => {
      expect(doc.skills?.length ?? 0).toBeGreaterThan(0);
      for (const s of doc.skills!) expect(isSkillId(s), s).toBe(true);
      const qs = doc.questions ?? [];
      expect(qs.length).toBeGreaterThanOrEqual(2);
      expect(qs.length).toBeLessThanOrEqual(3);
      for (const q of qs) {
        expect(q.options.length).toBeGreaterThanOrEqual(3);
        expect(q.options.length).toBeLessThanOrEqual(5);
        expect(q.answer).toBeLessThan(q.options.length);
        expect(new Set(q.options).size, q.q).toBe(q.options.length);
        expect(q.why.length, q.q).toBeGreaterThan(60);
      }
    });

    it('its title does not name the fix', () => {
      const fixWords = Object.values(doc.solution?.setProps ?? {}).flatMap((p) => Object.keys(p));
      for (const w of fixWords) expect(doc.title!.toLowerCase()).not.toContain(w.toLowerCase());
    });
  });
});
