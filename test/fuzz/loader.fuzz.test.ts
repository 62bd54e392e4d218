/**
 * Fuzz: hostile documents thrown at the loader (issue 13). Thousands per run, each property in a few seconds.
 * Whatever comes in, the loader answers — a document or errors that each name a path and a reason — never
 * throws, never hangs (the test's timeout; `npm run bench:robust` measures the worst inputs), and what it accepts saves and loads back to itself, passes the static checks and
 * has a finite work estimate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadJson, loadText, saveText, type LoadResult } from '../../src/model/load';
import { checkDocument } from '../../src/engine/run';
import { estimateWork } from '../../src/model/budget';
import { computeLayout } from '../../src/model/autolayout';
import { baseDocs, damagedText, hostileValue, mutatedDoc } from './hostile';

const bases = baseDocs();
const texts = bases.map((d) => JSON.stringify(d, null, 2));
const RUN = { numRuns: 1500 } as const;

/** The loader's contract for any input. */
function wellFormed(r: LoadResult): void {
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  expect(r.errors.length).toBeLessThanOrEqual(50);
  for (const e of r.errors) {
    expect(typeof e.path).toBe('string');
    expect(e.path.length).toBeGreaterThan(0);
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.message).not.toMatch(/undefined|\[object Object\]|NaN/);
  }
}

/** What an accepted document must also survive. */
function accepted(r: LoadResult): void {
  if (!r.ok) return;
  const again = loadText(saveText(r.doc));
  expect(again).toEqual(r);
  expect(() => checkDocument(r.doc)).not.toThrow();
  expect(Number.isNaN(estimateWork(r.doc, r.doc.durationSec ?? 3600).requests)).toBe(false);
}

describe('fuzz: the loader', () => {
  it('arbitrary JSON values', () => {
    fc.assert(
      fc.property(hostileValue, (v) => {
        const r = loadJson(v);
        wellFormed(r);
        accepted(r);
      }),
      RUN,
    );
  });

  it('mutated real documents (prototype ids, deep nesting, extreme numbers, dropped keys)', () => {
    let ok = 0;
    fc.assert(
      fc.property(mutatedDoc(bases), (v) => {
        const r = loadJson(v);
        wellFormed(r);
        accepted(r);
        if (r.ok) ok++;
      }),
      RUN,
    );
    // the mutations are not all fatal: the suite also exercises accepted documents
    expect(ok).toBeGreaterThan(50);
  });

  it('damaged text (cut, stray characters, a BOM)', () => {
    fc.assert(
      fc.property(damagedText(texts), (t) => {
        const r = loadText(t);
        wellFormed(r);
        accepted(r);
      }),
      RUN,
    );
  });

  it('accepted mutated documents lay out into valid positions', () => {
    fc.assert(
      fc.property(mutatedDoc(bases), (v) => {
        const r = loadJson(v);
        if (!r.ok) return;
        const l = computeLayout(r.doc);
        for (const p of l.positions.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
