// @vitest-environment jsdom
/**
 * Issue 15: "~50 identical async-no-notification warnings filled the log". The event log groups a rule's repeated
 * entries on one node into one row that counts them (the "group repeats" switch, on by default): proven here on
 * the log of a real run.
 */
import { describe, expect, it } from 'vitest';
import { groupRepeats, inTimeOrder } from '../../src/ui/run/EventLog';
import { arch, edge, node, run } from '../harness';

describe('repeated identical warnings are one log row', () => {
  const r = run(
    arch(node('c', 'client', { rps: 0.05 }), node('as', 'async-endpoint', { processingSec: 5 }), edge('c', 'as')),
    { durationSec: 3600 },
  );
  const rows = r.sim.log.entries();
  const same = rows.filter((e) => e.rule === 'async-no-notification');

  it('the run logs the warning many times', () => {
    expect(same.length).toBeGreaterThan(20);
  });
  it("grouped, they are one row at the first one's place, counting them all, with the last one's time", () => {
    const shown = groupRepeats(inTimeOrder(rows), true).filter((e) => e.rule === 'async-no-notification');
    expect(shown).toHaveLength(1);
    expect(shown[0].count).toBe(same.length);
    expect(shown[0].t).toBe(Math.min(...same.map((e) => e.t)));
    expect(shown[0].lastT).toBe(Math.max(...same.map((e) => e.t)));
  });
  it('ungrouped, every entry keeps its own row', () => {
    expect(groupRepeats(rows, false).filter((e) => e.rule === 'async-no-notification')).toHaveLength(same.length);
  });
});
