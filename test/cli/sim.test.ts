import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/catalog/rules';
import { main } from '../../src/cli/sim';
import { EXIT, batchStatus, runFiles } from '../../src/cli/run-files';
import { capture } from './capture';

const dir = mkdtempSync(join(tmpdir(), 'sagesim-cli-'));
const file = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};
const cli = (...args: string[]) => capture(main, args);
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
    for (const id of ['mme-model-not-ready', 'input-mode-unsupported', 'async-stuck-at-zero'])
      expect(ids).toContain(id);
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

  it(
    '--rulebook overrides the file field, the report echoes it, and ' + 'each rulebook is byte-identical run to run',
    () => {
      const aws = cli(everyKind, '--json', '--rulebook', 'aws', '--duration', '900').out;
      expect(JSON.parse(aws).rulebook).toBe('aws');
      expect(cli(everyKind, '--json', '--rulebook', 'aws', '--duration', '900').out).toBe(aws);
      const inFile = file('aws-field.json', { format: 'sagesim/architecture@1', rulebook: 'aws', nodes: [] });
      expect(JSON.parse(cli(inFile, '--json').out).rulebook).toBe('aws');
      expect(JSON.parse(cli(inFile, '--json', '--rulebook', 'sheet').out).rulebook).toBe('sheet');
      const badField = file('bad-rulebook.json', { format: 'sagesim/architecture@1', rulebook: 'exam', nodes: [] });
      expect(cli(badField).code).toBe(2);
      expect(cli(badField).err).toContain('rulebook');
    },
  );

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

  it('checks many files in one process: one report per file, in order, the worst status wins', () => {
    const goal = (id: string, met: boolean) =>
      file(`${id}.json`, {
        format: 'sagesim/architecture@1',
        title: `Puzzle ${id}`,
        durationSec: 60,
        nodes: [{ id: 'ep', kind: 'serverless-endpoint' }],
        goal: { nodeStates: { ep: met ? 'InService' : 'Failed' } },
      });
    const [met, unmet] = [goal('met', true), goal('unmet', false)];
    const missing = join(dir, 'absent.json');

    const both = cli('--check', met, unmet, '--json');
    expect(both.code).toBe(EXIT.goal);
    const rows = JSON.parse(both.out);
    expect(rows.map((r: { file: string; status: number }) => [r.file, r.status])).toEqual([
      [met, 0],
      [unmet, 3],
    ]);
    // each element carries exactly the report the file alone prints
    expect(rows[0].report).toEqual(JSON.parse(cli(met, '--check', '--json').out));
    expect(rows[1].report.goal.failed).toEqual(['node ep is InService, not Failed']);

    const withMissing = cli('--check', met, missing, unmet, '--json');
    expect(withMissing.code).toBe(EXIT.load);
    expect(JSON.parse(withMissing.out)[1]).toEqual({
      file: missing,
      status: 2,
      error: `cannot read ${missing}: no such file`,
    });
    expect(withMissing.err).toBe(`sim: cannot read ${missing}: no such file\n`);

    const text = cli('--check', met, unmet);
    expect(text.code).toBe(EXIT.goal);
    expect(text.out.indexOf('Puzzle met')).toBe(0);
    expect(text.out).toContain('\n\nPuzzle unmet — seed');
    expect(text.out).toContain('Goal: not met\n  ✗ node ep is InService, not Failed');
    expect(cli('--check', met, met, '--json').code).toBe(EXIT.ok);
    // a plain run still takes one file
    expect(cli(met, unmet).err).toContain(`only one FILE, got ${met} and ${unmet}`);
  });

  it('runFiles runs a list of files in one call and reports each as it finishes', () => {
    const seen: number[] = [];
    const results = runFiles([everyKind, join(dir, 'nope.json'), everyKind], { durationSec: 30 }, (_, i) =>
      seen.push(i),
    );
    expect(seen).toEqual([0, 1, 2]);
    expect(results.map((r) => r.status)).toEqual([0, 2, 0]);
    expect(batchStatus(results)).toBe(EXIT.load);
    expect(batchStatus(results.filter((r) => r.status === EXIT.ok))).toBe(EXIT.ok);
    const first = results[0];
    expect(first.status === EXIT.ok && first.report.simulatedSec).toBe(30);
  });

  it('ships as plain JavaScript: the package bin runs without npm and answers like npm run sim', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const bin = fileURLToPath(new URL(`../../${pkg.bin['sagesim-sim']}`, import.meta.url));
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const direct = spawnSync(bin, [everyKind, '--json', '--duration', '60'], { encoding: 'utf8' });
    expect(direct.status).toBe(0);
    expect(direct.stdout).toBe(cli(everyKind, '--json', '--duration', '60').out);
    const batch = spawnSync(bin, ['--check', everyKind, everyKind], { encoding: 'utf8' });
    expect(batch.status).toBe(2);
    expect(batch.stderr).toBe(`sim: ${everyKind} has no "goal" to check\n`.repeat(2));
  });

  it('npm run sim starts from the snapshot built for this Node, else from the bundle, with the same answers', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    // the build made a snapshot for the Node running the tests
    expect(existsSync(join(root, `dist-cli/runner-${process.version}.blob`))).toBe(true);
    const agent = (node: string) => ({ ...process.env, npm_config_user_agent: `npm/10.0.0 node/${node} linux x64` });
    const viaScript = (node: string, ...args: string[]) =>
      spawnSync('sh', ['scripts/sim.sh', ...args], { cwd: root, encoding: 'utf8', env: agent(node) });
    const want = cli(everyKind, '--json', '--seed', '3', '--duration', '120');
    for (const node of [process.version, 'v0.0.0-no-such-blob']) {
      const run = viaScript(node, everyKind, '--json', '--seed', '3', '--duration', '120');
      expect([run.status, run.stdout, run.stderr], node).toEqual([0, want.out, '']);
      // options the runner shares with node itself (--check) reach the runner
      const bad = viaScript(node, '--check', everyKind);
      expect([bad.status, bad.stderr], node).toEqual([2, `sim: ${everyKind} has no "goal" to check\n`]);
      expect(viaScript(node, '--rules').stdout).toBe(cli('--rules').out);
    }
  });
});
