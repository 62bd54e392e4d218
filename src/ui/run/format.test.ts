import { describe, expect, it } from 'vitest';
import { fmtRate } from './RunOverlay';

describe('fmtRate', () => {
  it('shows two significant digits below 1 rps', () => {
    expect(fmtRate(0.05)).toBe('0.05');
    expect(fmtRate(0.123)).toBe('0.12');
    expect(fmtRate(0.5)).toBe('0.5');
  });
  it('keeps one decimal from 1 to 10, none from 10, thousands separators from 100', () => {
    expect(fmtRate(0)).toBe('0.0');
    expect(fmtRate(2.25)).toBe('2.3');
    expect(fmtRate(42.4)).toBe('42');
    expect(fmtRate(1234.4)).toBe('1,234');
  });
});
