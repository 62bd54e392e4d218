import { loadText } from '../../model/load';
import type { ArchDoc } from '../../model/schema';

/** The shipped classroom demos (scenarios/demos/*.json), loaded on demand through the loader. */
const FILES = import.meta.glob('../../../scenarios/demos/*.json', { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>;

export interface DemoEntry {
  file: string;
  title: string;
  description: string;
  steps: number;
  doc: ArchDoc;
}

let cache: Promise<DemoEntry[]> | null = null;

export function loadDemos(): Promise<DemoEntry[]> {
  cache ??= (async () => {
    const out: DemoEntry[] = [];
    for (const [path, load] of Object.entries(FILES)) {
      const file = path.split('/').pop()!;
      const r = loadText(await load());
      if (!r.ok || r.doc.mode !== 'demo') {
        console.warn(`demo ${file} does not load`);
        continue;
      }
      out.push({
        file,
        title: r.doc.title ?? file,
        description: r.doc.description ?? '',
        steps: r.doc.script?.length ?? 0,
        doc: r.doc,
      });
    }
    return out.sort((a, b) => a.file.localeCompare(b.file));
  })();
  return cache;
}
