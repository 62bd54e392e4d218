/**
 * Tooling (issue 11 item 7): the ESLint layer rules enforce what each src/ folder's README allows it to import,
 * and no `eslint-disable` comment is left without its reason.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const eslint = new ESLint({ cwd: root });

/** The layer rules' messages for one import written in a (virtual) file. */
async function restricted(file: string, spec: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${spec}';\nexport const y = x;\n`, { filePath: file });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// Each folder's README "May import" line, as imports from a file in that folder (relative to src/<folder>/z.ts).
const allowed: [string, string[]][] = [
  ['catalog', []],
  ['model', ['../catalog/kinds', 'zod', 'immer', '@dagrejs/dagre', 'lz-string']],
  ['engine', ['../catalog/kinds', '../model/graph', 'xstate']],
  ['cfn', ['../catalog/kinds', '../model/graph', 'yaml']],
  ['worker', ['../engine', '../engine/index', '../catalog/kinds', '../model/graph', 'xstate']],
  ['cli', ['../engine', '../catalog/kinds', '../model/graph', '../cfn/index', 'node:fs']],
  ['ui', ['../engine', '../catalog/kinds', '../model/graph', '../cfn/detect', '../worker/client', 'react']],
  ['security', []],
];
const layers = ['catalog', 'model', 'engine', 'cfn', 'worker', 'cli', 'ui', 'security'];
const forbidden: [string, string][] = allowed.flatMap(([layer, ok]) =>
  layers
    .filter((other) => other !== layer && !ok.some((s) => s.startsWith(`../${other}/`) || s === `../${other}`))
    .map((other): [string, string] => [
      layer,
      `../${other}/${{ engine: 'sim', security: 'headers' }[other] ?? 'index'}`,
    ])
    .concat(layer === 'ui' || ok.includes('react') ? [] : [[layer, 'react']]),
);

describe('ESLint layer boundaries (each folder README, enforced)', () => {
  it.each(forbidden)('src/%s may not import %s', async (layer, spec) => {
    expect(await restricted(`src/${layer}/z.ts`, spec)).not.toEqual([]);
  });

  it.each(['worker', 'cli', 'ui'])('src/%s reaches the engine only through its front door', async (host) => {
    for (const deep of ['../engine/sim', '../engine/report', '../engine/modules/inference/realtime'])
      expect(await restricted(`src/${host}/z.ts`, deep), deep).not.toEqual([]);
  });

  it.each(allowed.filter(([, ok]) => ok.length > 0))('src/%s may import what its README lists', async (layer, ok) => {
    for (const spec of ok) expect(await restricted(`src/${layer}/z.ts`, spec), spec).toEqual([]);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    if (['node_modules', 'dist', 'dist-cli', '.git'].includes(f)) return [];
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return walk(p);
    return /\.(ts|tsx|js|mjs)$/.test(f) ? [p] : [];
  });
}

describe('line width: Prettier’s 120, also where Prettier cannot break a line (comments, long expressions)', () => {
  const long = 'x'.repeat(100);
  const lint = async (code: string) =>
    (await eslint.lintText(code, { filePath: 'src/model/z.ts' }))[0].messages.map((m) => m.ruleId);

  it('a code line or a comment over 120 characters fails lint', async () => {
    expect(
      await lint(`export const y = [${long}, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].length;\nconst ${long} = 1;\n`),
    ).toContain('max-len');
    expect(await lint(`// ${long} ${long}\nexport const y = 1;\n`)).toContain('max-len');
  });

  it('a string over the width fails too (split it into pieces joined by +); a URL is never broken', async () => {
    expect(await lint(`export const y = '${long} ${long}';\n`)).toContain('max-len');
    expect(await lint(`export const y = \`${long} ${long}\`;\n`)).toContain('max-len');
    expect(await lint(`export const y =\n  '${long.slice(0, 50)} ' +\n  '${long.slice(0, 50)}';\n`)).not.toContain(
      'max-len',
    );
    expect(await lint(`// https://docs.aws.amazon.com/${long}\nexport const y = 1;\n`)).not.toContain('max-len');
  });
});

describe('the format check covers all code', () => {
  it('.prettierignore skips no TypeScript or JavaScript file of the project', async () => {
    const skipped: string[] = [];
    for (const dir of ['src', 'test', 'scripts', 'bench', 'e2e'])
      for (const file of walk(join(root, dir))) {
        const info = await prettier.getFileInfo(file, { ignorePath: join(root, '.prettierignore') });
        if (info.ignored) skipped.push(relative(root, file));
      }
    expect(skipped).toEqual([]);
  });
});

describe('eslint-disable comments', () => {
  it('every one gives its reason after " -- "', () => {
    const bare: string[] = [];
    for (const dir of ['src', 'test', 'scripts', 'bench', 'e2e'])
      for (const file of walk(join(root, dir))) {
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            const m = /(?:\/\/|\/\*)\s*eslint-disable(?:-next-line|-line)?\b(.*)$/.exec(line);
            if (m && !/ -- \S/.test(m[1])) bare.push(`${relative(root, file)}:${i + 1}`);
          });
      }
    expect(bare, 'eslint-disable without a reason (write "-- why" after the rule)').toEqual([]);
  });
});
