import { loadText } from '../model/load';
import type { ArchDoc } from '../model/schema';

export interface Starter {
  file: string;
  title: string;
  description: string;
  nodes: number;
  doc: ArchDoc;
}

/** Order of the starters on the start screen (others follow alphabetically). */
const FIRST = ['private-training', 'realtime-fraud-scoring', 'full-mlops-loop'];
const rank = (f: string) => {
  const i = FIRST.findIndex((x) => f.startsWith(x));
  return i < 0 ? FIRST.length : i;
};

/** The shipped starter architectures (scenarios/sandbox/*.json), fetched together in one chunk on demand. */
export async function loadStarters(): Promise<Starter[]> {
  const { STARTER_FILES } = await import('./starterFiles');
  const out: Starter[] = [];
  for (const [path, text] of Object.entries(STARTER_FILES)) {
    const file = path.split('/').pop()!;
    const r = loadText(text);
    if (!r.ok) {
      console.warn(`starter ${file} does not load`, r.errors);
      continue;
    }
    out.push({
      file,
      title: r.doc.title ?? file,
      description: r.doc.description ?? '',
      nodes: r.doc.nodes.length,
      doc: r.doc,
    });
  }
  return out.sort((a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file));
}
