import { assign, fromCallback, setup } from 'xstate';
import type { Simulation } from './sim';

/** Speeds the controller accepts: simulated seconds per wall second. */
export const MIN_SPEED = 1;
export const MAX_SPEED = 1000;

export interface ControllerContext {
  sim: Simulation;
  /** Simulated seconds per wall second. */
  speed: number;
  /** Builds a fresh run for RESET. */
  makeSim: () => Simulation;
  /** Label of the last event processed by STEP (the log shows which). */
  lastStep: string | null;
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
  | { type: 'RESET' };

/** Advance the run by wall time × speed. */
const advance = (c: ControllerContext, wallMs: number) => c.sim.runUntil(c.sim.now + (wallMs / 1000) * c.speed);
const clampSpeed = (s: number) => (Number.isFinite(s) ? Math.min(MAX_SPEED, Math.max(MIN_SPEED, s)) : MIN_SPEED);

/**
 * The run controller: idle → running ⇄ paused → finished, with single steps, speed and reset. The
 * `ticker` actor sends TICK while running; hosts provide their own (a worker's interval, a test's
 * manual clock). The default ticks every 50 ms of wall time. RUN_TO_END enters `toEnd`, where the host
 * sends SLICE events (a slice of worker time each, yielding between them) until the run is done; pause,
 * step and reset work there as anywhere.
 */
export const controllerMachine = setup({
  types: {
    context: {} as ControllerContext,
    events: {} as ControllerEvent,
    input: {} as { makeSim: () => Simulation; speed?: number },
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
  },
  guards: {
    isDone: ({ context }) => context.sim.done,
  },
  actions: {
    tick: ({ context }, p: { wallMs: number }) => advance(context, p.wallMs),
    stepOnce: assign({ lastStep: ({ context }) => context.sim.step()?.label ?? null }),
    runUntil: ({ context }, p: { t: number }) => context.sim.runUntil(p.t),
    setSpeed: assign({ speed: (_, p: { speed: number }) => clampSpeed(p.speed) }),
    reset: assign({ sim: ({ context }) => context.makeSim(), lastStep: null }),
  },
}).createMachine({
  id: 'controller',
  context: ({ input }) => ({
    sim: input.makeSim(),
    makeSim: input.makeSim,
    speed: clampSpeed(input.speed ?? 10),
    lastStep: null,
  }),
  initial: 'idle',
  on: {
    SPEED: { actions: { type: 'setSpeed', params: ({ event }) => ({ speed: event.speed }) } },
    RESET: { target: '.idle', actions: 'reset' },
  },
  states: {
    idle: {
      on: {
        START: 'running',
        STEP: { target: 'paused', actions: 'stepOnce' },
        RUN_TO_END: 'toEnd',
        RUN_UNTIL: { target: 'paused', actions: { type: 'runUntil', params: ({ event }) => ({ t: event.t }) } },
      },
    },
    running: {
      invoke: { src: 'ticker' },
      always: { guard: 'isDone', target: 'finished' },
      on: {
        TICK: { actions: { type: 'tick', params: ({ event }) => ({ wallMs: event.wallMs }) } },
        PAUSE: 'paused',
        STEP: { target: 'paused', actions: 'stepOnce' },
        RUN_TO_END: 'toEnd',
      },
    },
    paused: {
      always: { guard: 'isDone', target: 'finished' },
      on: {
        RESUME: 'running',
        START: 'running',
        STEP: { actions: 'stepOnce' },
        RUN_TO_END: 'toEnd',
        RUN_UNTIL: { actions: { type: 'runUntil', params: ({ event }) => ({ t: event.t }) } },
      },
    },
    toEnd: {
      always: { guard: 'isDone', target: 'finished' },
      on: {
        SLICE: { actions: { type: 'runUntil', params: ({ event }) => ({ t: event.t }) } },
        PAUSE: 'paused',
        STEP: { target: 'paused', actions: 'stepOnce' },
      },
    },
    finished: {},
  },
});
