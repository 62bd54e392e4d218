import { describe, expect, it } from 'vitest';
import { clock, frames } from './frames';

describe('presenter frames', () => {
  it('shows a question alone first, then what the step says', () => {
    expect(
      frames([
        { atSec: 0, say: 'a' },
        { atSec: 590, ask: 'what next?' },
        { atSec: 600, say: 'b', fault: { kind: 'large-payloads', node: 'app' } },
        { atSec: 900, ask: 'which?', say: 'this one' },
      ]),
    ).toEqual([
      { step: 0, phase: 'say', atSec: 0 },
      { step: 1, phase: 'ask', atSec: 590 },
      { step: 2, phase: 'say', atSec: 600 },
      { step: 3, phase: 'ask', atSec: 900 },
      { step: 3, phase: 'say', atSec: 900 },
    ]);
    expect(frames(undefined)).toEqual([]);
  });
  it('formats the clock', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(590)).toBe('9:50');
    expect(clock(3723)).toBe('1:02:03');
  });
});
