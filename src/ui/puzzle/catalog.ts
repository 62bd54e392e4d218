import type { Domain } from '../../catalog/types';
import { loadText } from '../../model/load';
import { puzzleOrder } from '../../model/puzzle';
import type { ArchDoc } from '../../model/schema';

/** The shipped puzzles (scenarios/puzzles/d*\/*.json), loaded on demand through the loader. */
const FILES = import.meta.glob('../../../scenarios/puzzles/*/*.json', { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>;

export interface PuzzleEntry {
  file: string;
  domain: Domain;
  order: number;
  title: string;
  doc: ArchDoc;
}

let cache: Promise<PuzzleEntry[]> | null = null;

/** Every shipped puzzle, by domain then order (easy → hard). */
export function loadPuzzles(): Promise<PuzzleEntry[]> {
  cache ??= (async () => {
    const out: PuzzleEntry[] = [];
    for (const [path, load] of Object.entries(FILES)) {
      const file = path.replace(/^.*scenarios\/puzzles\//, '');
      const r = loadText(await load());
      if (!r.ok || r.doc.mode !== 'puzzle' || !r.doc.domain) {
        console.warn(`puzzle ${file} does not load`);
        continue;
      }
      out.push({ file, domain: r.doc.domain, order: puzzleOrder(file), title: r.doc.title ?? file, doc: r.doc });
    }
    return out.sort((a, b) => a.domain.localeCompare(b.domain) || a.order - b.order);
  })();
  return cache;
}
