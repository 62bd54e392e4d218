/**
 * Hostile documents for the fuzz suite: arbitrary JSON built from the words a document uses and the words that
 * break JavaScript objects, mutations of real documents (a value replaced, a key dropped, an id renamed to
 * `constructor`, deep nesting, extreme numbers), and text-level damage (truncation, stray bytes, a BOM).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ROOT } from '../scenarios/catalog';

/** Keys a document uses, and keys that are special to JavaScript objects. */
export const KEYS = [
  'format',
  'nodes',
  'edges',
  'faults',
  'id',
  'kind',
  'parent',
  'props',
  'position',
  'size',
  'x',
  'y',
  'from',
  'to',
  'goal',
  'solution',
  'setParent',
  'setProps',
  'nodeStates',
  'minServed',
  'script',
  'fault',
  'atSec',
  'node',
  'rps',
  'durationSec',
  'seed',
  'locked',
  'palette',
  'title',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'length',
];
export const STRINGS = [
  'sagesim/architecture@1',
  'sagesim/architecture@2',
  'constructor',
  '__proto__',
  'toString',
  'client',
  'realtime-endpoint',
  'pipeline',
  'training-job',
  'vpc',
  'subnet',
  's3-bucket',
  'traffic-spike',
  '',
  ' ',
  'é',
  '\u0000',
  '\ud800',
  '<script>alert(1)</script>',
  'a'.repeat(300),
];
export const NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  1e308,
  -1e308,
  2 ** 32,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  1e-320,
  100000,
  1000,
];

const leaf = fc.oneof(
  fc.constantFrom(...STRINGS),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(...NUMBERS),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

/** Arbitrary JSON values shaped like (and unlike) documents. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('v'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), tie('v'), { maxKeys: 6 }),
  ),
})).v;

/** The shipped documents (and the every-kind fixture) as parsed JSON: the seeds of the mutations. */
export function baseDocs(): unknown[] {
  const files = ['scenarios/sandbox', 'scenarios/puzzles', 'scenarios/demos'].flatMap((d) =>
    readdirSync(join(ROOT, d), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => join(e.parentPath, e.name)),
  );
  files.push(join(ROOT, 'test/fixtures/every-kind.json'));
  return files.sort().map((f) => JSON.parse(readFileSync(f, 'utf8')));
}

/** Every path to a value inside `v` (arrays and objects), the root first. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object')
    for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...at, k], out);
  return out;
}

const nest = (depth: number, inner: unknown = 0): unknown => {
  let v = inner;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

type Mutation =
  | { t: 'set'; pick: number; value: unknown }
  | { t: 'drop'; pick: number }
  | { t: 'rename'; pick: number; to: string }
  | { t: 'nest'; pick: number; depth: number }
  | { t: 'dupe'; pick: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ t: fc.constant('set' as const), pick: fc.nat(), value: hostileValue }),
  fc.record({ t: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({
    t: fc.constant('rename' as const),
    pick: fc.nat(),
    to: fc.constantFrom('constructor', 'tostring', 'valueof', 'a', 'x'.repeat(65)),
  }),
  fc.record({ t: fc.constant('nest' as const), pick: fc.nat(), depth: fc.integer({ min: 25, max: 200 }) }),
  fc.record({ t: fc.constant('dupe' as const), pick: fc.nat() }),
);

/** Apply mutations to a deep copy of a document. */
export function mutate(doc: unknown, ms: readonly Mutation[]): unknown {
  let root = structuredClone(doc);
  for (const m of ms) {
    const all = paths(root);
    const p = all[m.pick % all.length];
    if (m.t === 'rename') {
      // rename one node id everywhere it appears (ids are strings in many places)
      const nodes = (root as { nodes?: unknown } | null)?.nodes;
      const ids = (Array.isArray(nodes) ? nodes : [])
        .map((n) => (n as { id?: unknown } | null)?.id)
        .filter((x) => typeof x === 'string');
      if (!ids.length) continue;
      const from = ids[m.pick % ids.length] as string;
      root = JSON.parse(JSON.stringify(root).split(`"${from}"`).join(JSON.stringify(m.to)));
      continue;
    }
    if (!p.length) {
      if (m.t === 'set') root = m.value;
      continue;
    }
    let parent: unknown = root;
    for (const k of p.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[k];
    const last = p[p.length - 1];
    const obj = parent as Record<string | number, unknown>;
    const put = (v: unknown) =>
      Object.defineProperty(obj, last, { value: v, writable: true, enumerable: true, configurable: true });
    if (m.t === 'set') put(m.value);
    else if (m.t === 'drop') {
      if (Array.isArray(obj)) obj.splice(Number(last), 1);
      else delete obj[last];
    } else if (m.t === 'nest') put(nest(m.depth, obj[last]));
    else if (m.t === 'dupe' && Array.isArray(obj)) obj.push(structuredClone(obj[Number(last)]));
  }
  return root;
}

/** A mutated real document. */
export const mutatedDoc = (bases: unknown[]) =>
  fc
    .tuple(fc.nat(bases.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([i, ms]) => mutate(bases[i], ms));

/** Text-level damage to a JSON text. */
export const damagedText = (texts: string[]) =>
  fc
    .tuple(
      fc.nat(texts.length - 1),
      fc.oneof(
        fc.record({ t: fc.constant('cut' as const), at: fc.nat() }),
        fc.record({
          t: fc.constant('insert' as const),
          at: fc.nat(),
          s: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('\ufeff', '\u0000', '{', ']', '"', '\\')),
        }),
        fc.record({ t: fc.constant('bom' as const) }),
      ),
    )
    .map(([i, d]) => {
      const s = texts[i];
      if (d.t === 'bom') return `\ufeff${s}`;
      const at = d.at % (s.length + 1);
      return d.t === 'cut' ? s.slice(0, at) : s.slice(0, at) + d.s + s.slice(at);
    });
