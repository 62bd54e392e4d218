/** Demo 07 (a canary that rolls back): the narration's figures are the run's. */
import { describe, expect, it } from 'vitest';
import { runDocument } from '../../src/engine/run';
import { loadDemo } from './catalog';

describe('demo 07: a canary that rolls back', () => {
  const { doc } = loadDemo('scenarios/demos/07-canary-rolls-back.json');
  const { report } = runDocument(doc);
  const inc = (rule: string, node: string) => report.incidents.find((i) => i.rule === rule && i.node === node);

  it('A rolls back within a minute of the canary taking traffic, with 10% on the new fleet', () => {
    const rb = inc('deployment-rolled-back', 'fraud-a');
    expect(rb?.firstAtSec).toBe(1080);
    expect(rb?.message).toMatch(/10% of traffic/);
    expect(inc('bad-version-shipped', 'fraud-a')).toBeUndefined();
  });

  it('about 2% of A’s requests fail during that minute, and none after', () => {
    const a = report.nodes['fraud-a'];
    const perMinute = 20 * 60;
    expect(a.failed! / perMinute).toBeGreaterThan(0.01);
    expect(a.failed! / perMinute).toBeLessThan(0.03);
    expect(inc('model-version-errors', 'fraud-a')?.count).toBe(a.failed);
  });

  it('B ships v2 at once and keeps failing one request in five', () => {
    expect(inc('bad-version-shipped', 'fraud-b')?.firstAtSec).toBe(1020);
    const b = report.nodes['fraud-b'];
    const after = 20 * (doc.durationSec! - 1020);
    expect(b.failed! / after).toBeGreaterThan(0.18);
    expect(b.failed! / after).toBeLessThan(0.22);
  });
});
