import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as exportMain } from '../../src/cli/export';
import { main as importMain } from '../../src/cli/import';
import { ROOT } from '../scenarios/catalog';

/** The bundled program (dist-cli/sim.mjs, built before the tests) with `args`. */
const bundled = (...args: string[]) =>
  spawnSync(process.execPath, ['dist-cli/sim.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('the bundled program runs the other tools (npm run grade|import|export)', () => {
  it('--tool export prints what the export command prints', () => {
    const file = join(ROOT, 'scenarios/puzzles/d4/04-no-route-to-ecr.json');
    let out = '';
    expect(exportMain([file], (s) => (out += s))).toBe(0);
    const r = bundled('--tool', 'export', file);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(out);
  });

  it('--tool import gives the same document and the same exit status for a missing template', () => {
    const file = join(ROOT, 'test/fixtures/cfn/pipeline.yaml');
    let out = '';
    expect(
      importMain(
        [file],
        (s) => (out += s),
        () => 0,
      ),
    ).toBe(0);
    expect(bundled('--tool', 'import', file).stdout).toBe(out);
    let err = '';
    const status = importMain(
      ['/no/such.yaml'],
      () => 0,
      (s) => (err += s),
    );
    const r = bundled('--tool', 'import', '/no/such.yaml');
    expect([r.status, r.stderr]).toEqual([status, err]);
  });

  it('an unknown tool is refused with exit status 2, naming the tools', () => {
    const r = bundled('--tool', 'lint');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--tool takes one of grade, import, export, got "lint"/);
  });
});
