/**
 * The joints between layers, checked on the import graph of src/:
 * - hosts (src/ui, src/worker, src/cli) reach the engine only through its front door, src/engine/index.ts
 *   (type imports and dynamic imports included); the page (src/ui) imports it as types only;
 * - the engine has no import cycle, its modules never import each other (only `modules/shared`), and
 *   nothing in the engine imports report.ts but the front door and run.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return walk(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Relative specifiers of every static, type-only, re-export and dynamic import of a file. */
export function specifiers(text: string): string[] {
  const out: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of text.matchAll(re)) if (m[1].startsWith('.')) out.push(m[1]);
  return out;
}

/** The file a relative specifier names (x.ts, x.tsx or x/index.ts), or null. */
function resolveSpec(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      /* not this candidate */
    }
  }
  return null;
}

const rel = (p: string) => relative(root, p);
const imports = new Map(
  walk(src).map((f) => [
    f,
    specifiers(readFileSync(f, 'utf8'))
      .map((s) => resolveSpec(f, s))
      .filter((x): x is string => !!x),
  ]),
);
const engine = join(src, 'engine');
const frontDoor = join(engine, 'index.ts');
const inEngine = (p: string) => p.startsWith(engine + '/');

describe('layer boundaries', () => {
  it('finds imports of every form (the checker itself)', () => {
    expect(
      specifiers(
        `import a from './a';\nimport type { B } from "../b";\nexport { c } from './c';\nconst d = await ` +
          `import('./d');\nimport x from 'react';`,
      ),
    ).toEqual(['./a', '../b', './c', './d']);
  });

  it.each(['ui', 'worker', 'cli'])('src/%s reaches the engine only through src/engine/index.ts', (host) => {
    const deep: string[] = [];
    for (const [file, deps] of imports) {
      if (!file.startsWith(join(src, host) + '/')) continue;
      for (const d of deps) if (inEngine(d) && d !== frontDoor) deep.push(`${rel(file)} → ${rel(d)}`);
    }
    expect(deep, 'deep imports into src/engine (import from src/engine instead)').toEqual([]);
  });

  it('the page thread never loads the engine: src/ui imports it as types only (the worker runs it)', () => {
    const loads: string[] = [];
    for (const file of imports.keys()) {
      if (!file.startsWith(join(src, 'ui') + '/')) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bimport\s+(type\s+)?[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g)) {
        const d = m[2].startsWith('.') ? resolveSpec(file, m[2]) : null;
        if (d && inEngine(d) && !m[1]) loads.push(rel(file));
      }
    }
    expect(loads, 'value imports of the engine in the page (it would ship the engine in the first screen)').toEqual([]);
  });

  it('the engine has no import cycle', () => {
    const state = new Map<string, 1 | 2>();
    const stack: string[] = [];
    const cycles: string[] = [];
    const visit = (n: string) => {
      state.set(n, 1);
      stack.push(n);
      for (const d of imports.get(n) ?? []) {
        if (!inEngine(d)) continue;
        if (state.get(d) === 1) cycles.push([...stack.slice(stack.indexOf(d)), d].map(rel).join(' → '));
        else if (!state.has(d)) visit(d);
      }
      stack.pop();
      state.set(n, 2);
    };
    for (const f of imports.keys()) if (inEngine(f) && !state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('engine modules import no other module (only modules/shared) and no report.ts', () => {
    const modules = join(engine, 'modules');
    const bad: string[] = [];
    for (const [file, deps] of imports) {
      // modules/index.ts is the registry of every module, not a module
      if (!file.startsWith(modules + '/') || relative(modules, file).split('/').length < 2) continue;
      const own = relative(modules, file).split('/')[0];
      for (const d of deps) {
        if (d === join(engine, 'report.ts')) bad.push(`${rel(file)} → ${rel(d)}`);
        if (!d.startsWith(modules + '/') || relative(modules, d).split('/').length < 2) continue;
        const other = relative(modules, d).split('/')[0];
        if (other !== own && other !== 'shared') bad.push(`${rel(file)} → ${rel(d)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no engine code reacts to an observation topic (they are for hosts: listening changes nothing)', () => {
    const observation = ['flow', 'pipelineExecution', 'packageStatus', 'monitorRun', 'scaling'];
    const re = new RegExp(`\\.on\\(\\s*TOPICS\\.(${observation.join('|')})\\b`);
    const bad = [...imports.keys()].filter((f) => inEngine(f) && re.test(readFileSync(f, 'utf8'))).map(rel);
    expect(bad).toEqual([]);
  });

  it('no module-level WeakMap in the engine (per-run state lives in the simulation, derived data on the graph)', () => {
    const re = /^(?:export\s+)?(?:const|let)\s+\w+\s*(?::[^=]+)?=\s*new\s+WeakMap\b/m;
    const bad = [...imports.keys()].filter((f) => inEngine(f) && re.test(readFileSync(f, 'utf8'))).map(rel);
    expect(bad).toEqual([]);
  });
});
