import { describe, expect, it } from 'vitest';
import { compactTick } from './Charts';

describe('chart y-axis labels', () => {
  it('are short enough for the axis: thousands as k, millions as M, small values with decimals', () => {
    expect(compactTick(950)).toBe('950');
    expect(compactTick(1200)).toBe('1,200');
    expect(compactTick(10_000)).toBe('10k');
    expect(compactTick(12_500)).toBe('13k');
    expect(compactTick(1_500_000)).toBe('1.5M');
    expect(compactTick(0.25)).toBe('0.25');
    expect(compactTick(null)).toBe('');
  });
});
