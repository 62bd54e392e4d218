/** Demo 08 (a challenger in the shadows): the narration's figures are the run's. */
import { describe, expect, it } from 'vitest';
import { runDocument } from '../../src/engine/run';
import { loadDemo } from './catalog';

describe('demo 08: a challenger in the shadows', () => {
  const { doc } = loadDemo('scenarios/demos/08-a-challenger-in-the-shadows.json');
  const { report } = runDocument(doc);
  const v = (report.nodes.ranker as unknown as { variants: unknown }).variants as Record<
    string,
    { requests: number; ok: number; p99Ms: number }
  >;

  it('every request is copied to the shadow, and callers get only the champion’s answers', () => {
    expect(v.challenger.requests).toBe(v.champion.requests);
    expect(report.nodes.ranker.ok).toBe(v.champion.ok);
    expect(report.incidents.find((i) => i.rule === 'shadow-variant-response')?.count).toBeGreaterThan(0);
  });

  it('the challenger’s p99 is more than twice the champion’s, and callers’ p99 is the champion’s', () => {
    expect(v.challenger.p99Ms).toBeGreaterThan(2 * v.champion.p99Ms);
    expect(report.nodes.ranker.p99Ms).toBe(v.champion.p99Ms);
  });
});
