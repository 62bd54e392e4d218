import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/sim';
import { runDocument } from '../../../src/engine/run';
import { loadText } from '../../../src/model/load';
import { capture } from '../../cli/capture';

const FILE = 'scenarios/sandbox/full-mlops-loop.json';

/** The runner's report, as `npm run --silent sim -- FILE --json` prints it (every real module). */
function report() {
  const { code, out } = capture(main, [FILE, '--json']);
  expect(code).toBe(0);
  return JSON.parse(out);
}

describe('scenario: the full MLOps loop', () => {
  const r = report();
  const timeline: { t: number; node: string | null; event: string }[] = r.timeline;
  /** Index of the first timeline entry on `node` matching `re`, after index `from`. */
  const find = (node: string, re: RegExp, from = -1) =>
    timeline.findIndex((e, i) => i > from && e.node === node && re.test(e.event));

  it('runs green: no findings, only the drift the loop is about, nothing failed', () => {
    expect(r.findings).toEqual([]);
    expect(r.incidents.map((i: { rule: string; node: string }) => `${i.rule}@${i.node}`)).toEqual([
      'data-drift-detected@drift-monitor',
    ]);
    for (const [id, n] of Object.entries(r.nodes as Record<string, { state?: string; failed?: number }>)) {
      expect(n.state, id).not.toBe('Failed');
      if (n.failed !== undefined) expect(n.failed, id).toBe(0);
    }
    expect(r.nodes.endpoint).toMatchObject({ state: 'InService', model: 'train:v2' });
    expect(r.nodes['drift-monitor'].violations).toBeGreaterThanOrEqual(1);
    expect(r.nodes['training-pipeline'].executions).toBeGreaterThanOrEqual(2);
  });

  it('shows each step of the loop in order', () => {
    const steps: [string, RegExp][] = [
      ['raw-data', /^data-arrival/],
      ['on-upload', /Object Created from raw-data matched rule on-upload/],
      ['training-pipeline', /^Executing: execution 1/],
      ['prepare', /^Completed/],
      ['train', /^Completed/],
      ['quality-gate', /auc = 0\.\d+ >= 0\.8: true/],
      ['registry', /registered model package registry\/1 \(train:v1/],
      ['training-pipeline', /^Succeeded: execution 1/],
      ['registry', /registry\/1 \(train:v1\) is now Approved/],
      ['on-approval', /Model Package State Change from registry matched rule on-approval → deployer/],
      ['deployer', /deployer updates endpoint endpoint to registry\/1/],
      ['endpoint', /^Updating: deploying registry\/1/],
      ['endpoint', /^InService: now serving registry\/1/],
      ['drift-monitor', /Completed, no drift/],
      ['endpoint', /^data-drift/],
      ['drift-monitor', /CompletedWithViolations/],
      ['drift-alarm', /alarm on drift-monitor's CloudWatch metrics went to ALARM/],
      ['on-violation', /CloudWatch Alarm State Change from drift-alarm matched rule on-violation → training-pipeline/],
      ['training-pipeline', /^Executing: execution 2 \(CloudWatch Alarm State Change/],
      ['train', /^Completed/],
      ['registry', /registered model package registry\/2 \(train:v2/],
      ['registry', /registry\/2 \(train:v2\) is now Approved/],
      ['endpoint', /^InService: now serving registry\/2/],
      ['endpoint', /now serves train:v2, trained after the drift began/],
      ['drift-monitor', /Completed, no drift/],
    ];
    let at = -1;
    for (const [node, re] of steps) {
      const i = find(node, re, at);
      expect(i, `${node} ${re} after ${JSON.stringify(timeline[at])}`).toBeGreaterThan(at);
      at = i;
    }
  });

  it('is deterministic: the same file and seed give a byte-identical report', () => {
    expect(JSON.stringify(report())).toBe(JSON.stringify(r));
    const loaded = loadText(readFileSync(FILE, 'utf8'));
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(runDocument(loaded.doc).report.timeline).toEqual(r.timeline);
  });
});
