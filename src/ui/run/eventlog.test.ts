import { describe, expect, it } from 'vitest';
import { groupRepeats, inTimeOrder } from './EventLog';
import type { LogRow } from './store';

const row = (seq: number, t: number, rule?: string, node = 'ep', severity: LogRow['severity'] = 'warning') =>
  ({ seq, t, rule, node, severity, type: rule ? 'incident' : 'state', message: `${rule ?? 'state'} ${t}` }) as LogRow;

describe('event log rows', () => {
  it('are shown in simulated-time order, stable for equal times', () => {
    const out = inTimeOrder([row(1, 694), row(2, 685), row(3, 710), row(4, 685)]);
    expect(out.map((r) => r.seq)).toEqual([2, 4, 1, 3]);
  });
  it('group a rule repeated on one node into the first row, with a count and the last time', () => {
    const rows = [row(1, 10, 'async-no-notification'), row(2, 11), row(3, 20, 'async-no-notification')];
    const g = groupRepeats(rows, true);
    expect(g.map((r) => [r.seq, r.count])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(g[0].lastT).toBe(20);
    // another node or severity is another row; grouping off keeps every row
    expect(groupRepeats([...rows, row(4, 30, 'async-no-notification', 'other')], true)).toHaveLength(3);
    expect(groupRepeats(rows, false)).toHaveLength(3);
  });
});
