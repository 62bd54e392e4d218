import type { FromWorker, RunUpdate } from '../../src/worker/protocol';
import { RunSession, type Clock } from '../../src/worker/session';

/** A run session on a clock the test advances by hand, with every message it posted. */
export function manualSession() {
  const out: FromWorker[] = [];
  let tick: ((ms: number) => void) | null = null;
  const clock: Clock = {
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
    last: () => updates().at(-1)!,
    get running() {
      return tick !== null;
    },
  };
}
