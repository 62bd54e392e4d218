import type { ActorOptions, AnyActorLogic } from 'xstate';
import { defineSlot, type Simulation } from './sim';

/** XState's clock interface (setTimeout / clearTimeout), as `createActor` takes it. */
export type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

/**
 * XState's clock on simulated time: a machine's delays (`after`) fire on the simulation's clock, in the
 * run's event order, so a machine that waits does so in simulated seconds. Modules give it to
 * `createActor(machine, { clock })` for the actors they create (see `clockOf`).
 */
export function simClock(sim: Simulation): Clock {
  let seq = 0;
  const live = new Set<number>();
  return {
    setTimeout(fn: (...args: unknown[]) => void, ms: number) {
      const id = ++seq;
      live.add(id);
      sim.after(ms / 1000, 'xstate delay', null, () => {
        if (live.delete(id)) fn();
      });
      return id;
    },
    clearTimeout(id: unknown) {
      live.delete(id as number);
    },
  };
}

const CLOCK = defineSlot('xstate.clock', simClock);

/** The run's simulated clock for XState actors (one per run). */
export const clockOf = (sim: Simulation): Clock => sim.slot(CLOCK);
