import { computeLayout } from '../../src/model/autolayout';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, execute } from '../../src/model/commands';
import { absolutePosition, sizeOf } from '../../src/model/layout';
import { loadJson, loadText } from '../../src/model/load';

const dir = new URL('../../scenarios/sandbox/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('sandbox starters', () => {
  it('there are at least six', () => expect(files.length).toBeGreaterThanOrEqual(6));
  for (const f of files) {
    it(`${f} loads, and auto-layout keeps every child inside its container`, () => {
      const r = loadText(readFileSync(new URL(f, dir), 'utf8'));
      if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
      expect(r.doc.title && r.doc.description).toBeTruthy();
      const o = execute(r.doc, COMMANDS.autoLayout, { layout: computeLayout(r.doc) });
      if (!o.ok) throw new Error(o.reason);
      expect(loadJson(o.doc).ok).toBe(true);
      for (const n of o.doc.nodes) {
        if (!n.parent) continue;
        const p = o.doc.nodes.find((m) => m.id === n.parent)!;
        const a = absolutePosition(o.doc, n.id),
          pa = absolutePosition(o.doc, p.id);
        const s = sizeOf(n),
          ps = sizeOf(p);
        expect(a.x).toBeGreaterThanOrEqual(pa.x);
        expect(a.y).toBeGreaterThanOrEqual(pa.y);
        expect(a.x + s.width).toBeLessThanOrEqual(pa.x + ps.width);
        expect(a.y + s.height).toBeLessThanOrEqual(pa.y + ps.height);
      }
    });
  }
});
