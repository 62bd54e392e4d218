import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as exportMain } from '../../src/cli/export';
import { main as importMain } from '../../src/cli/import';
import { main as simMain } from '../../src/cli/sim';
import { loadJson } from '../../src/model/load';
import { capture, type CliMain } from './capture';

const dir = mkdtempSync(join(tmpdir(), 'sagesim-cfn-'));
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const fixture = (name: string) => new URL(`../fixtures/cfn/${name}`, import.meta.url).pathname;
const run = (main: CliMain, ...args: string[]) => capture(main, args);

describe('npm run import', () => {
  it('prints a valid architecture document; notes go to stderr', () => {
    const r = run(importMain, fixture('private-vpc-endpoints.yaml'));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.format).toBe('sagesim/architecture@1');
    expect(loadJson(doc).ok).toBe(true);
    // its security group is imported as a node (issue 17): nothing left to note
    expect(r.err).toBe('');
  });
  it('--param gives parameters; a missing one that decides a condition exits 2 naming it and where', () => {
    const missing = run(importMain, fixture('conditions.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.out).toBe('');
    expect(missing.err).toMatch(
      /conditions\.yaml:12:3: parameter Stage has no default and decides condition IsProduction: give it with --param Stage=VALUE \(at Conditions\.IsProduction\)/,
    );
    const given = run(importMain, fixture('conditions.yaml'), '--param', 'Stage=staging');
    expect(given.code).toBe(0);
    expect(JSON.parse(given.out).nodes.map((n: { kind: string }) => n.kind)).toEqual(['serverless-endpoint']);
    expect(run(importMain, fixture('conditions.yaml'), '--param', 'Stage').err).toMatch(/--param needs KEY=VALUE/);
  });
  it('bad templates exit 2 with FILE:LINE:COL', () => {
    const bad = run(
      importMain,
      file('bad.yaml', 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      X: !Nope y\n'),
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/bad\.yaml:5:10: unknown intrinsic function tag !Nope \(at Resources\.A\.Properties\.X\)/);
    const cyc = run(
      importMain,
      file(
        'cyc.json',
        '{"Resources":{"A":{"Type":"AWS::SNS::Topic","DependsOn":"B"},"B":{"Type":"AWS::SNS::Topic","DependsOn":"A"}}}',
      ),
    );
    expect(cyc.code).toBe(2);
    expect(cyc.err).toMatch(/circular reference between resources/);
    expect(run(importMain, file('x.yaml', 'just: text\n')).err).toMatch(/no "Resources" section/);
    expect(run(importMain, join(dir, 'absent.yaml')).err).toMatch(/no such file/);
    expect(run(importMain).code).toBe(2);
  });
});

describe('npm run export', () => {
  it('prints YAML with short tags that imports back to the same design', () => {
    const scenario = new URL('../../scenarios/sandbox/private-training.json', import.meta.url).pathname;
    const r = run(exportMain, scenario);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^AWSTemplateFormatVersion: '2010-09-09'/);
    expect(r.out).toContain('!Ref ');
    expect(r.out).toContain('!GetAtt ');
    const back = run(importMain, file('exported.yaml', r.out));
    expect(back.code).toBe(0);
    expect(back.err).toBe('');
    const doc = JSON.parse(back.out);
    expect(doc.nodes.find((n: { id: string }) => n.id === 'ep-ecr-dkr')).toMatchObject({
      parent: 'priv',
      props: { service: 'ecr.dkr' },
    });
  });
  it('a file that does not load exits 2 with its JSON path', () => {
    const r = run(
      exportMain,
      file('bad.json', '{"format":"sagesim/architecture@1","nodes":[{"id":"a","kind":"nope"}]}'),
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nodes\[0\]\.kind/);
  });
});

describe('npm run sim with a template', () => {
  it('runs it: the endpoint in a private subnet without ECR endpoints fails with ecr-pull-blocked', () => {
    const r = run(simMain, fixture('private-vpc-endpoints.yaml'), '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.format).toBe('sagesim/report@1');
    expect(report.incidents).toContainEqual(expect.objectContaining({ rule: 'ecr-pull-blocked', node: 'endpoint' }));
    expect(report.nodes.endpoint.state).toBe('Failed');
    expect(r.err).toBe('');
  });
  it('runs JSON as cdk synth emits it (a .json file that is a template, not a SageSim document)', () => {
    const r = run(simMain, fixture('cdk-synth.json'), '--json', '--duration', '300');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.format).toBe('sagesim/report@1');
    expect(Object.keys(report.nodes)).toEqual(expect.arrayContaining(['extract-endpoint', 'classify-endpoint']));
    expect(r.err).toMatch(/AWS::CDK::Metadata/);
  });
  it('passes --param on, and exits 2 when a deciding parameter is missing', () => {
    expect(run(simMain, fixture('conditions.yaml'), '--json').code).toBe(2);
    const r = run(simMain, fixture('conditions.yaml'), '--param', 'Stage=production', '--json', '--duration', '600');
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.out).nodes)).toContain('endpoint');
    const doc = new URL('../fixtures/every-kind.json', import.meta.url).pathname;
    expect(run(simMain, doc, '--param', 'A=b').err).toMatch(/--param applies to CloudFormation templates/);
  });
});
