/** The domain-2 classroom demo tells the truth: the figures its narration quotes are what the run shows. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runDocument } from '../../src/engine/run';
import { DEMOS_DIR, loadDemo } from './catalog';

describe('demo 06: overfitting, told with the curves', () => {
  const { doc } = loadDemo(join(DEMOS_DIR, '06-overfitting-told-with-curves.json'));
  const { report } = runDocument(doc);
  const n = (id: string) => report.nodes[id] as Record<string, number>;
  const overfit = (id: string) => report.incidents.some((i) => i.rule === 'overfitting' && i.node === id);

  it('deep trees for 600 rounds: training loss ~0.07, validation ~0.46, best round 36, AUC ~0.67', () => {
    expect(overfit('deep')).toBe(true);
    expect(n('deep').trainLoss).toBeCloseTo(0.07, 2);
    expect(n('deep').validationLoss).toBeCloseTo(0.46, 2);
    expect(n('deep').bestStep).toBe(36);
    expect(n('deep').gapRatio).toBeGreaterThan(5);
    expect(n('deep').validation).toBeCloseTo(0.67, 2);
  });

  it('regularisation narrows the gap (ratio ~0.46, AUC ~0.83) but it still widens', () => {
    expect(overfit('regularised')).toBe(true);
    expect(n('regularised').gapRatio).toBeCloseTo(0.46, 1);
    expect(n('regularised').validation).toBeCloseTo(0.83, 2);
  });

  it('early stopping runs 65 rounds, keeps round 45, closes the gap, costs about an eighth', () => {
    expect(overfit('early')).toBe(false);
    expect(n('early').stepsRun).toBe(65);
    expect(n('early').bestStep).toBe(45);
    expect(n('early').gapRatio).toBeLessThan(0.1);
    expect(n('early').validation).toBeCloseTo(0.87, 2);
    expect(n('early').costUSD).toBeLessThan(n('deep').costUSD / 7);
  });
});
