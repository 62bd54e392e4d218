import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as exportMain } from '../../src/cli/export';
import { main as importMain } from '../../src/cli/import';
import { ROOT } from '../scenarios/catalog';

/** The bundled program (dist-cli/sim.mjs, built before the tests) with `args`. */
const bundled = (...args: string[]) =>
  spawnSync(process.execPath, ['dist-cli/sim.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
/** The start-up snapshot `npm run sim` starts from (scripts/sim.sh), made by the build for this very Node. */
const BLOB = `dist-cli/runner-${process.version}.blob`;
const fromSnapshot = (...args: string[]) =>
  spawnSync(process.execPath, ['--snapshot-blob', BLOB, '--', ...args], { cwd: ROOT, encoding: 'utf8' });

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

describe('started from the snapshot (npm run sim), the CloudFormation side is loaded when a run needs it', () => {
  it('the build made a snapshot for this Node', () => expect(existsSync(join(ROOT, BLOB))).toBe(true));

  it('a template runs, imports and a document exports exactly as through the bundle', () => {
    const template = join(ROOT, 'test/fixtures/cfn/pipeline.yaml');
    const doc = join(ROOT, 'scenarios/puzzles/d4/04-no-route-to-ecr.json');
    for (const args of [
      [template, '--json', '--duration', '60'],
      ['--tool', 'import', template],
      ['--tool', 'export', doc],
      ['--tool', 'import', '/no/such.yaml'],
    ]) {
      const a = fromSnapshot(...args),
        b = bundled(...args);
      expect([a.status, a.stdout, a.stderr]).toEqual([b.status, b.stdout, b.stderr]);
    }
    expect(fromSnapshot('--tool', 'export', doc).stdout).toMatch(/^AWSTemplateFormatVersion/);
  });
});
