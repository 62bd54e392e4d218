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

/**
 * Known, not yet solved: in demo 03 (four training jobs fed by one bucket and one image) two pairs of labels
 * of edges that share their source meet, and in demo 02 (two clients into two multi-model endpoints, since the demo
 * also runs its fix) one "invoke" label meets the other client's (the canvas places each label without knowing the
 * others'). Listed so that any new overlap fails.
 */
const KNOWN: Record<string, string[]> = {
  'scenarios/demos/02-mme-cold-loads.json': ['label "invoke" of many-later→mme-big on models→mme-many\'s'],
  'scenarios/demos/03-private-subnet-to-green.json': [
    'label "input data" of data→train-2 on data→train-1\'s',
    'label "image" of image→train-4 on image→train-3\'s',
  ],
};

describe('shipped layouts: nothing overlaps as the canvas draws them', () => {
  for (const file of shipped()) {
    it(file, () => {
      const doc = JSON.parse(readFileSync(file, 'utf8')) as ArchDoc;
      expect(layoutProblems(doc)).toEqual(KNOWN[file] ?? []);
    });
  }
});
