export interface Starter {
  file: string;
  title: string;
  description: string;
  nodes: number;
  /** The file's text: validated by the loader when the starter is opened (`getLoader().loadText`). */
  text: string;
}

/** Order of the starters on the start screen (others follow alphabetically). */
const FIRST = ['private-training', 'realtime-fraud-scoring', 'full-mlops-loop'];
const rank = (f: string) => {
  const i = FIRST.findIndex((x) => f.startsWith(x));
  return i < 0 ? FIRST.length : i;
};

/**
 * The shipped starter architectures (scenarios/sandbox/*.json), fetched together in one chunk on demand. The
 * start screen lists them from the files as written (title, description, node count), without the validating
 * loader (zod: not on the first screen of a fresh visit, issue 19); opening one validates it
 * (test/model/commands.starters.test.ts loads every shipped starter).
 */
export async function loadStarters(): Promise<Starter[]> {
  const { STARTER_FILES } = await import('./starterFiles');
  const out: Starter[] = [];
  for (const [path, text] of Object.entries(STARTER_FILES)) {
    const file = path.split('/').pop()!;
    let doc: { title?: unknown; description?: unknown; nodes?: unknown };
    try {
      doc = JSON.parse(text) as typeof doc;
    } catch (e) {
      console.warn(`starter ${file} is not JSON`, e);
      continue;
    }
    out.push({
      file,
      title: typeof doc.title === 'string' ? doc.title : file,
      description: typeof doc.description === 'string' ? doc.description : '',
      nodes: Array.isArray(doc.nodes) ? doc.nodes.length : 0,
      text,
    });
  }
  return out.sort((a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file));
}
