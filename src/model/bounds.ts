import { formatPath } from './path';

/**
 * Bounds checked on a parsed document before anything walks it recursively (the schema, the -0 pass, the
 * editor's freeze, structured clone): nesting depth, number of values, and keys that JavaScript treats
 * specially. Iterative, so a hostile file cannot overflow the stack here either.
 */
export const SHAPE_LIMITS = {
  /** Deepest nesting of arrays and objects (the shipped documents reach 6). */
  depth: 32,
  /** Most arrays, objects and values in one document (a 5 MB file holds fewer than this). */
  values: 1_000_000,
} as const;

/** Keys refused anywhere in a document: `__proto__` would be dropped silently by the schema or set a prototype. */
const FORBIDDEN_KEYS = new Set(['__proto__']);

export interface ShapeError {
  path: string;
  message: string;
}

interface Frame {
  v: unknown;
  depth: number;
  parent: Frame | null;
  key: PropertyKey;
}

/** The path of a frame, built only when it is reported. */
function pathOf(f: Frame): PropertyKey[] {
  const out: PropertyKey[] = [];
  for (let cur: Frame | null = f; cur && cur.parent; cur = cur.parent) out.push(cur.key);
  return out.reverse();
}

/** The first problems with the shape of a parsed JSON value (at most `max`), or none. */
export function shapeErrors(root: unknown, max = 10): ShapeError[] {
  const errors: ShapeError[] = [];
  const stack: Frame[] = [{ v: root, depth: 0, parent: null, key: '' }];
  let count = 0;
  while (stack.length && errors.length < max) {
    const f = stack.pop()!;
    if (++count > SHAPE_LIMITS.values) {
      errors.push({
        path: '(root)',
        message: `more than ${SHAPE_LIMITS.values.toLocaleString('en')} values; a document is much smaller`,
      });
      break;
    }
    const v = f.v;
    if (v === null || typeof v !== 'object') continue;
    if (f.depth >= SHAPE_LIMITS.depth) {
      errors.push({
        path: shortPath(pathOf(f)),
        message:
          `nested more than ${SHAPE_LIMITS.depth} levels deep; documents ` + `are at most ${SHAPE_LIMITS.depth} levels`,
      });
      continue;
    }
    const depth = f.depth + 1;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], depth, parent: f, key: i });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i];
      if (FORBIDDEN_KEYS.has(k)) {
        errors.push({ path: formatPath([...pathOf(f), k]), message: `"${k}" is not allowed as a key` });
        continue;
      }
      stack.push({ v: (v as Record<string, unknown>)[k], depth, parent: f, key: k });
    }
  }
  return errors;
}

/** A path cut after its first eight steps (a deeply nested one would fill the screen). */
function shortPath(path: readonly PropertyKey[]): string {
  return path.length > 8 ? `${formatPath(path.slice(0, 8))}…` : formatPath(path);
}
