import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchDoc } from '../../src/model/schema';
import { layoutProblems } from '../../src/ui/canvas/layoutCheck';

/** Every shipped document: sandbox starters, classroom demos, puzzles. */
function shipped(dir = 'scenarios'): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...shipped(p));
    else if (f.endsWith('.json') && !p.includes('/bench/')) out.push(p);
  }
  return out.sort();
}

describe('shipped layouts: nothing overlaps as the canvas draws them', () => {
  for (const file of shipped()) {
    it(file, () => {
      const doc = JSON.parse(readFileSync(file, 'utf8')) as ArchDoc;
      expect(layoutProblems(doc)).toEqual([]);
    });
  }
});
