/**
 * Every shipped demo (globbed from scenarios/demos): it loads, is a narrated demo, runs through the
 * runner's own code quickly and deterministically, teaches something (a rule shows), and each fault its
 * script narrates really happens in the run, at its time, on its node.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runDocument } from '../../src/engine/run';
import { checkDemo, demoFaults } from '../../src/model/puzzle';
import { ROOT, demoFiles, loadDemo } from './catalog';

const demos = demoFiles().map(loadDemo);

describe('shipped demos', () => {
  it('are at least four', () => expect(demos.length).toBeGreaterThanOrEqual(4));

  describe.each(demos.map((d) => [d.path, d] as const))('%s', (_path, { doc }) => {
    it(
      'is a narrated demo: script in order, questions for the class, focused nodes that exist, faults mirrored ' +
        'in faults',
      () => {
        expect(checkDemo(doc)).toEqual([]);
        expect(doc.goal).toBeUndefined();
      },
    );

    it('runs deterministically and shows at least one rule', () => {
      const { report } = runDocument(doc);
      expect(report.simulatedSec).toBe(doc.durationSec);
      expect(report.incidents.length + report.findings.length).toBeGreaterThan(0);
      expect(JSON.stringify(runDocument(doc).report)).toBe(JSON.stringify(report));
    });

    it('every fault its script narrates happens in the run, at its time, on its node', () => {
      const { report } = runDocument(doc);
      for (const f of demoFaults(doc)) {
        const seen = report.timeline.find(
          (e) => e.t === f.atSec && e.node === f.node && e.event.startsWith(`${f.kind} on ${f.node}`),
        );
        expect(seen, `${f.kind} on ${f.node} at ${f.atSec} s`).toBeDefined();
      }
    });
  });

  it('the real CLI runs a demo (exit 0)', () => {
    const out = execFileSync(
      process.execPath,
      ['dist-cli/sim.mjs', 'scenarios/demos/01-the-six-megabyte-wall.json', '--json'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const report = JSON.parse(out);
    expect(
      report.incidents.find((i: { rule: string }) => i.rule === 'payload-too-large')?.firstAtSec,
    ).toBeGreaterThanOrEqual(600);
  });

  it(
    'demos that tell a fix also run it: the 8 MB scans pass through an async endpoint, 128 GiB holds the 60 ' +
      'models',
    () => {
      const wall = runDocument(loadDemo(demoFiles().find((f) => f.includes('01-the-six'))!).doc).report;
      expect(wall.nodes['ep-async']).toMatchObject({ failed: 0 });
      expect(wall.nodes['ep-async'].ok).toBeGreaterThan(0);
      expect(wall.incidents.some((i) => i.node === 'ep-async')).toBe(false);
      const mme = runDocument(loadDemo(demoFiles().find((f) => f.includes('02-mme'))!).doc).report;
      expect(mme.nodes['mme-big'].coldStarts).toBe(60);
      expect(mme.incidents.some((i) => i.rule === 'mme-cache-thrash' && i.node === 'mme-big')).toBe(false);
      expect(mme.incidents.some((i) => i.rule === 'mme-cache-thrash' && i.node === 'mme-many')).toBe(true);
    },
  );

  it('the data-quality demo stops the gated pipeline before training and trains the other on the broken batch', () => {
    const r = runDocument(loadDemo(demoFiles().find((f) => f.includes('09-a-broken-batch'))!).doc).report;
    expect(r.nodes['gated'].state).toBe('Failed');
    expect(r.nodes['prep-gated'].state).toBe('Failed');
    expect(r.nodes['train-gated'].state).toBe('Pending');
    expect(r.nodes['open'].state).toBe('Succeeded');
    expect(r.incidents.map((i) => `${i.rule}@${i.node}`).sort()).toEqual([
      'data-quality-check-failed@prep-gated',
      'trained-on-bad-data@train-open',
    ]);
  });
});
