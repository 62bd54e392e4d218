import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/catalog/rules';
import { main } from '../../src/cli/sim';

const dir = mkdtempSync(join(tmpdir(), 'sagesim-cli-'));
const file = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};
function cli(...args: string[]) {
  let out = '',
    err = '';
  const code = main(
    args,
    (s) => {
      out += s;
    },
    (s) => {
      err += s;
    },
  );
  return { code, out, err };
}
const everyKind = new URL('../fixtures/every-kind.json', import.meta.url).pathname;

describe('npm run sim', () => {
  it('prints the rule catalog with id, domain, severity, sheet and fix for every rule', () => {
    const { code, out } = cli('--rules');
    expect(code).toBe(0);
    const rules = JSON.parse(out);
    expect(rules).toHaveLength(RULES.length);
    for (const r of rules) {
      expect(Object.keys(r).slice(0, 5)).toEqual(['id', 'domain', 'severity', 'sheet', 'fix']);
      expect(r.sheet.length).toBeGreaterThan(10);
      expect(r.fix.length).toBeGreaterThan(10);
      expect(r.aws === null || typeof r.aws === 'string').toBe(true);
    }
    const ids = rules.map((r: { id: string }) => r.id);
    for (const id of ['mme-model-not-ready', 'input-mode-unsupported', 'async-stuck-at-zero']) expect(ids).toContain(id);
    expect(rules.find((r: { id: string }) => r.id === 'logs-unreachable').aws).toMatch(/never happens/);
  });

  it('runs a file that uses every kind and prints exactly one JSON report', () => {
    const { code, out } = cli(everyKind, '--json', '--duration', '900');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.format).toBe('sagesim/report@1');
    expect(r.seed).toBe(7);
    expect(r.simulatedSec).toBe(900);
    expect(r.rulebook).toBe('sheet');
    expect(Object.keys(r).slice(0, 8)).toEqual([
      'format',
      'seed',
      'rulebook',
      'simulatedSec',
      'findings',
      'incidents',
      'nodes',
      'costUSD',
    ]);
  });

  it('gives a byte-identical report for the same file and seed, and --seed changes the seed', () => {
    const a = cli(everyKind, '--json', '--seed', '11').out;
    expect(cli(everyKind, '--json', '--seed', '11').out).toBe(a);
    expect(JSON.parse(a).seed).toBe(11);
  });

  it('exits 2 naming the JSON path when a file is malformed, and on unreadable files', () => {
    const bad = file('bad.json', {
      format: 'sagesim/architecture@1',
      nodes: [{ id: 't', kind: 'training-job', props: { inputMode: 'Stream' } }],
    });
    const r = cli(bad, '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('nodes[0].props.inputMode: expected "File" | "Pipe" | "FastFile"');
    expect(cli(file('notjson.json', '{ nope')).code).toBe(2);
    expect(cli(join(dir, 'missing.json')).code).toBe(2);
  });

  it('applies a solution and checks a goal (exit 3 when not met)', () => {
    const puzzle = {
      format: 'sagesim/architecture@1',
      mode: 'puzzle',
      durationSec: 600,
      nodes: [
        { id: 'vpc', kind: 'vpc' },
        { id: 'priv', kind: 'subnet', parent: 'vpc' },
        { id: 'ep', kind: 'realtime-endpoint', parent: 'priv' },
      ],
      goal: { nodeStates: { ep: 'InService' } },
      solution: { setProps: { priv: { access: 'private-with-nat' } } },
    };
    const p = file('puzzle.json', puzzle);
    const shipped = cli(p, '--json', '--check');
    const solved = cli(p, '--json', '--check', '--apply-solution');
    expect(JSON.parse(solved.out).goal).toEqual({ met: true, failed: [] });
    expect(solved.code).toBe(0);
    expect(shipped.code).toBe(3);
    expect(JSON.parse(shipped.out).goal.met).toBe(false);
    expect(JSON.parse(shipped.out).goal.failed).toEqual(['node ep is Failed, not InService']);
    expect(cli(file('nogoal.json', { format: 'sagesim/architecture@1', nodes: [] }), '--check').code).toBe(2);
    const ghost = cli(
      file('ghost.json', { ...puzzle, solution: { setProps: { ghost: { access: 'public' } } } }),
      '--apply-solution',
      '--check',
    );
    expect(ghost.code).toBe(2);
    expect(ghost.err).toContain('solution.setProps.ghost: no node with id "ghost"');
    expect(cli(everyKind, '--duration', '99999999').code).toBe(2);
  });

  it('refuses bad options with usage', () => {
    expect(cli(everyKind, '--seed', 'abc').code).toBe(2);
    expect(cli(everyKind, '--wat').err).toMatch(/unknown option --wat/);
    expect(cli().err).toMatch(/missing FILE/);
    expect(cli(everyKind, '--rulebook', 'exam').code).toBe(2);
    expect(cli(everyKind, '--rulebook', 'exam').err).toMatch(/--rulebook needs sheet or aws, got exam/);
  });

  it('--rulebook overrides the file field, the report echoes it, and each rulebook is byte-identical run to run', () => {
    const aws = cli(everyKind, '--json', '--rulebook', 'aws', '--duration', '900').out;
    expect(JSON.parse(aws).rulebook).toBe('aws');
    expect(cli(everyKind, '--json', '--rulebook', 'aws', '--duration', '900').out).toBe(aws);
    const inFile = file('aws-field.json', { format: 'sagesim/architecture@1', rulebook: 'aws', nodes: [] });
    expect(JSON.parse(cli(inFile, '--json').out).rulebook).toBe('aws');
    expect(JSON.parse(cli(inFile, '--json', '--rulebook', 'sheet').out).rulebook).toBe('sheet');
    const badField = file('bad-rulebook.json', { format: 'sagesim/architecture@1', rulebook: 'exam', nodes: [] });
    expect(cli(badField).code).toBe(2);
    expect(cli(badField).err).toContain('rulebook');
  });

  it('works as a real process through npm with the exit codes of the contract', () => {
    const out = execFileSync('npm', ['run', '--silent', 'sim', '--', everyKind, '--json', '--duration', '60'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out).simulatedSec).toBe(60);
    const bad = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        'sim',
        '--',
        file('bad2.json', {
          format: 'sagesim/architecture@1',
          nodes: [{ id: 'x', kind: 'client', props: { rps: -1 } }],
        }),
      ],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('nodes[0].props.rps: must be at least 0');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
