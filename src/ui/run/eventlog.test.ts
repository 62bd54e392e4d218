import { describe, expect, it } from 'vitest';
import { groupRepeats, inTimeOrder } from './EventLog';
import { ShownLog } from './logRows';
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

describe('the shown log, updated in batches', () => {
  const sev = { error: true, warning: true, info: true };
  const filter = { sev, domain: '', rule: '', node: '', text: '', group: true };
  const fromScratch = (log: LogRow[], f = filter) => groupRepeats(inTimeOrder(log), f.group);
  it('matches a full recomputation after every batch, in and out of time order', () => {
    const view = new ShownLog();
    const log: LogRow[] = [];
    const batches = [
      [row(1, 10, 'async-no-notification'), row(2, 11)],
      [row(3, 12, 'async-no-notification'), row(4, 13, 'x', 'other')],
      [row(5, 9, 'async-no-notification')], // older than the rows shown: recomputed
      [row(6, 20), row(7, 21, 'x', 'other')],
    ];
    for (const b of batches) {
      log.push(...b);
      const v = view.update(log, filter);
      expect(v.rows.map((r) => [r.seq, r.count, r.lastT])).toEqual(
        fromScratch(log).map((r) => [r.seq, r.count, r.lastT]),
      );
      expect(v.entries).toBe(log.length);
    }
    expect([...view.rules].sort()).toEqual(['async-no-notification', 'x']);
    expect([...view.nodes].sort()).toEqual(['ep', 'other']);
  });
  it('recomputes on a new buffer or another filter, and counts step markers', () => {
    const view = new ShownLog();
    const log = [row(1, 1, 'x'), { ...row(2, 2), step: true }, row(3, 3, 'x', 'other')];
    expect(view.update(log, filter).steps).toBe(1);
    const onlyOther = view.update(log, { ...filter, node: 'other' });
    expect(onlyOther.rows.map((r) => r.seq)).toEqual([3]);
    expect(onlyOther.entries).toBe(1);
    const fresh = view.update([row(9, 5)], filter);
    expect(fresh.rows.map((r) => r.seq)).toEqual([9]);
    expect(fresh.steps).toBe(0);
  });
});
