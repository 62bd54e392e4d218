/**
 * Seeded puzzle variants (format.md section 7, `variables`; like Packet Tracer's variable manager).
 *
 * A puzzle declares `variables`: each a name, the values a variant may pick, and the `node.prop`s the
 * picked value is written to. Variant N picks one value per variable in mixed radix (the first variable
 * varies fastest), so variants 0 … variantCount−1 are every combination once; larger N wrap around.
 * `{name}` in the title, story and hints becomes the picked value, and a solution value that is exactly
 * `"$name"` becomes it too, so a reference fix can follow the variant. Pure functions, no I/O.
 */
import type { ArchDoc, ArchNode, Solution, Variables } from './schema';

type Value = string | number | boolean | null;

/** How many distinct variants a puzzle has (1 when it declares no variables). */
export function variantCount(doc: Pick<ArchDoc, 'variables'>): number {
  return Object.values(doc.variables ?? {}).reduce((n, v) => n * v.values.length, 1);
}

/** The value each variable takes in variant `n` (a non-negative integer). */
export function variantValues(vars: Variables | undefined, n: number): Record<string, Value> {
  const out: Record<string, Value> = {};
  let rest = Math.max(0, Math.floor(n));
  for (const [name, v] of Object.entries(vars ?? {})) {
    out[name] = v.values[rest % v.values.length] as Value;
    rest = Math.floor(rest / v.values.length);
  }
  return out;
}

/** `{name}` placeholders replaced by the variant's values (unknown names are left as written). */
export function fillText(text: string, values: Record<string, Value>): string {
  return text.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

const fillValue = (v: unknown, values: Record<string, Value>): unknown => {
  if (typeof v === 'string' && /^\$[a-zA-Z][a-zA-Z0-9]*$/.test(v) && v.slice(1) in values) return values[v.slice(1)];
  if (Array.isArray(v)) return v.map((x) => fillValue(x, values));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fillValue(x, values)]));
  return v;
};

/**
 * Problems with a document's `variables` (a target that names no node), as `[path, message]` pairs. Checked for
 * shipped puzzles (checkPuzzle), not on load: deleting a node in the editor may leave a variable naming it.
 */
export function variableErrors(doc: ArchDoc): [string, string][] {
  const ids = new Set(doc.nodes.map((n) => n.id));
  const out: [string, string][] = [];
  for (const [name, v] of Object.entries(doc.variables ?? {})) {
    v.set.forEach((target, i) => {
      const node = target.slice(0, target.indexOf('.'));
      if (!ids.has(node)) out.push([`variables.${name}.set[${i}]`, `no node with id "${node}"`]);
    });
  }
  return out;
}

/**
 * The document of variant `n`: every variable's `set` targets written with its picked value, text
 * placeholders filled, `$name` values in the solution replaced. The result records the variant number
 * (n modulo the variant count) in its top-level `variant`. It is not validated here: load it again (`loadJson`), as the
 * runner does, to check the values against the props.
 */
export function applyVariant(doc: ArchDoc, n: number): ArchDoc {
  if (!doc.variables || !Object.keys(doc.variables).length) return doc;
  const values = variantValues(doc.variables, n);
  const sets = new Map<string, Record<string, Value>>();
  for (const [name, v] of Object.entries(doc.variables)) {
    for (const target of v.set) {
      const dot = target.indexOf('.');
      const node = target.slice(0, dot);
      sets.set(node, { ...(sets.get(node) ?? {}), [target.slice(dot + 1)]: values[name] });
    }
  }
  const nodes: ArchNode[] = doc.nodes.map((node) =>
    sets.has(node.id) ? { ...node, props: { ...(node.props ?? {}), ...sets.get(node.id)! } } : node,
  );
  const out: ArchDoc = { ...doc, nodes, variant: n % variantCount(doc) };
  if (doc.title) out.title = fillText(doc.title, values);
  if (doc.story) out.story = fillText(doc.story, values);
  if (doc.hints) out.hints = doc.hints.map((h) => fillText(h, values));
  if (doc.solution) out.solution = fillValue(doc.solution, values) as Solution;
  if (doc.alternatives)
    out.alternatives = doc.alternatives.map((a) => ({
      label: fillText(a.label, values),
      solution: fillValue(a.solution, values) as Solution,
    }));
  return out;
}

/**
 * A puzzle text with its `{name}` placeholders filled from the document as it stands: each variable takes the
 * value of its first `set` target (so a puzzle opened as written reads like its variant 0, and a variant that
 * was already filled is left as it is).
 */
export function textNow(doc: ArchDoc, text: string): string {
  if (!doc.variables) return text;
  const values: Record<string, Value> = {};
  for (const [name, v] of Object.entries(doc.variables)) {
    const target = v.set[0];
    if (!target) continue;
    const dot = target.indexOf('.');
    const node = doc.nodes.find((n) => n.id === target.slice(0, dot));
    const prop = target.slice(dot + 1);
    if (node?.props && prop in node.props) values[name] = node.props[prop] as Value;
    else values[name] = v.values[0] as Value;
  }
  return fillText(text, values);
}

/**
 * The variant a learner's name picks (the page asks for a name so that each learner in a class gets
 * their own variant, and the same name always gets the same one): FNV-1a of the trimmed, lower-cased
 * name, modulo the puzzle's variant count.
 */
export function variantFromName(name: string, count: number): number {
  let h = 0x811c9dc5;
  for (const ch of name.trim().toLowerCase()) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return count > 1 ? h % count : 0;
}
