import { assign, createActor, fromCallback, sendTo, setup, type Actor, type AnyActorLogic } from 'xstate';
import type { Simulation } from './sim';

/** Speeds the controller accepts: simulated seconds per wall second. */
export const MIN_SPEED = 1;
export const MAX_SPEED = 1000;

const clampSpeed = (s: number) => (Number.isFinite(s) ? Math.min(MAX_SPEED, Math.max(MIN_SPEED, s)) : MIN_SPEED);

/** What the controller asks of the run it drives. */
export type DriverCommand =
  | { type: 'ADVANCE'; simSec: number }
  | { type: 'STEP' }
  | { type: 'RUN_UNTIL'; t: number }
  | { type: 'RUN_TO_END' }
  | { type: 'RESET' };

/**
 * The run the controller drives. It owns the current Simulation (hosts read it here, never from the
 * machine's context) and applies the controller's commands to it; `reset` replaces it with a fresh run.
 */
export class RunDriver {
  sim: Simulation;
  /** Label of the last event a STEP processed (the log shows which); null after anything else. */
  lastStep: string | null = null;

  constructor(private readonly makeSim: () => Simulation) {
    this.sim = makeSim();
  }

  apply(c: DriverCommand): void {
    const { sim } = this;
    switch (c.type) {
      case 'ADVANCE':
        sim.runUntil(sim.now + c.simSec);
        return;
      case 'STEP':
        this.lastStep = sim.step()?.label ?? null;
        return;
      case 'RUN_UNTIL':
        sim.runUntil(c.t);
        return;
      case 'RUN_TO_END':
        sim.runToEnd();
        return;
      case 'RESET':
        this.sim = this.makeSim();
        this.lastStep = null;
    }
  }
}

export interface ControllerContext {
  /** Simulated seconds per wall second. */
  speed: number;
}

export type ControllerEvent =
  | { type: 'START' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'STEP' }
  | { type: 'SPEED'; speed: number }
  | { type: 'TICK'; wallMs: number }
  | { type: 'RUN_TO_END' }
  /** While running to the end: process the events up to simulated second `t` (one slice of worker time). */
  | { type: 'SLICE'; t: number }
  | { type: 'RUN_UNTIL'; t: number }
  | { type: 'RESET' }
  /** From the driver: the run has reached its end. */
  | { type: 'DONE' };

export interface ControllerInput {
  speed?: number;
}

/**
 * The driver as an actor: applies each command to the run when it arrives (outside the controller's
 * transitions, so the run's own actors are created and moved by no action of the controller) and
 * tells the controller when the run is over.
 */
export const driverLogic = (driver: RunDriver) =>
  fromCallback<DriverCommand>(({ receive, sendBack }) => {
    receive((c) => {
      driver.apply(c);
      if (driver.sim.done && c.type !== 'RESET') sendBack({ type: 'DONE' });
    });
  });

/**
 * The run controller: idle → running ⇄ paused → finished, with single steps, speed and reset. An honest
 * actor: its context is only what it decides (the speed); the run lives in a `RunDriver` it talks to
 * through the invoked `driver` actor (commands out, DONE back). The `ticker` actor sends TICK while
 * running; hosts provide their own (a worker's interval, a test's manual clock). The default ticks
 * every 50 ms of wall time. RUN_TO_END enters `toEnd`, where the host sends SLICE events (a slice of
 * worker time each, yielding between them) until the driver says DONE; pause, step and reset work there
 * as anywhere. Create it with `createController`, which provides the driver.
 */
export const controllerMachine = setup({
  types: {
    context: {} as ControllerContext,
    events: {} as ControllerEvent,
    input: {} as ControllerInput,
  },
  actors: {
    ticker: fromCallback<ControllerEvent>(({ sendBack }) => {
      let last = Date.now();
      const id = setInterval(() => {
        const now = Date.now();
        sendBack({ type: 'TICK', wallMs: now - last });
        last = now;
      }, 50);
      return () => clearInterval(id);
    }),
    driver: fromCallback<DriverCommand>(() => {
      throw new Error('The controller has no run to drive: create it with createController(driver).');
    }) as AnyActorLogic,
  },
  actions: {
    advance: sendTo('driver', ({ context }, p: { wallMs: number }) => ({
      type: 'ADVANCE' as const,
      simSec: (p.wallMs / 1000) * context.speed,
    })),
    step: sendTo('driver', { type: 'STEP' as const }),
    runUntil: sendTo('driver', (_, p: { t: number }) => ({ type: 'RUN_UNTIL' as const, t: p.t })),
    reset: sendTo('driver', { type: 'RESET' as const }),
    setSpeed: assign({ speed: (_, p: { speed: number }) => clampSpeed(p.speed) }),
  },
}).createMachine({
  id: 'controller',
  context: ({ input }) => ({ speed: clampSpeed(input.speed ?? 10) }),
  invoke: { id: 'driver', src: 'driver' },
  initial: 'idle',
  on: {
    SPEED: { actions: { type: 'setSpeed', params: ({ event }) => ({ speed: event.speed }) } },
    RESET: { target: '.idle', actions: 'reset' },
    DONE: '.finished',
  },
  states: {
    idle: {
      on: {
        START: 'running',
        STEP: { target: 'paused', actions: 'step' },
        RUN_TO_END: 'toEnd',
        RUN_UNTIL: { target: 'paused', actions: { type: 'runUntil', params: ({ event }) => ({ t: event.t }) } },
      },
    },
    running: {
      invoke: { src: 'ticker' },
      on: {
        TICK: { actions: { type: 'advance', params: ({ event }) => ({ wallMs: event.wallMs }) } },
        PAUSE: 'paused',
        STEP: { target: 'paused', actions: 'step' },
        RUN_TO_END: 'toEnd',
      },
    },
    paused: {
      on: {
        RESUME: 'running',
        START: 'running',
        STEP: { actions: 'step' },
        RUN_TO_END: 'toEnd',
        RUN_UNTIL: { actions: { type: 'runUntil', params: ({ event }) => ({ t: event.t }) } },
      },
    },
    toEnd: {
      on: {
        SLICE: { actions: { type: 'runUntil', params: ({ event }) => ({ t: event.t }) } },
        PAUSE: 'paused',
        STEP: { target: 'paused', actions: 'step' },
      },
    },
    finished: {
      on: { DONE: {} },
    },
  },
});

/** A started controller around a driver; `ticker` replaces the wall-clock ticker (a worker's clock, a test's). */
export function createController(
  driver: RunDriver,
  o: { speed?: number; ticker?: AnyActorLogic } = {},
): Actor<typeof controllerMachine> {
  const machine = controllerMachine.provide({
    actors: { driver: driverLogic(driver), ...(o.ticker ? { ticker: o.ticker } : {}) },
  });
  return createActor(machine, { input: { speed: o.speed } }).start();
}
