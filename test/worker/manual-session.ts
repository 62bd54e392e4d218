import type { FromWorker, RunUpdate } from '../../src/worker/protocol';
import { RunSession, type Clock } from '../../src/worker/session';

/**
 * A run session on a clock the test advances by hand, with every message it posted. A run to the end
 * runs all its slices at once, unless `holdSlices`: then the test runs them one by one with `slice()`.
 */
export function manualSession(opts: { holdSlices?: boolean } = {}) {
  const out: FromWorker[] = [];
  let tick: ((ms: number) => void) | null = null;
  let held: (() => boolean) | null = null;
  let wall = 0;
  const clock: Clock = {
    now: () => wall,
    loop(slice) {
      if (!opts.holdSlices) {
        while (slice());
        return () => {};
      }
      held = slice;
      return () => {
        held = null;
      };
    },
    start(t) {
      tick = t;
      return () => {
        tick = null;
      };
    },
  };
  const s = new RunSession((m) => out.push(m), clock);
  const updates = () => out.filter((m): m is RunUpdate => m.type === 'update');
  return {
    s,
    out,
    updates,
    advance: (ms: number) => tick?.(ms),
    /** Run the next held slice as if it took `ms` of wall time; false when no more slices are due. */
    slice(ms = 60): boolean {
      const f = held;
      if (!f) return false;
      const orig = clock.now;
      let first = true;
      clock.now = () => (first ? ((first = false), wall) : (wall += ms));
      const more = f();
      clock.now = orig;
      if (!more && held === f) held = null;
      return more;
    },
    last: () => updates().at(-1)!,
    get running() {
      return tick !== null;
    },
  };
}
