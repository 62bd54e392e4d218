import { createActor, fromCallback, type Actor } from 'xstate';
import { controllerMachine, type ControllerEvent } from '../engine/controller';
import { buildReport } from '../engine/report';
import { createSimulation, runDocument } from '../engine/run';
import type { ArchDoc } from '../model/schema';
import { LiveView } from './live';
import type { FromWorker, RunStatus, ToWorker } from './protocol';

/** Most log entries sent in one update; the page still gets the exact total. */
export const LOG_BATCH_MAX = 2000;

export interface Clock {
  /** Call `tick(wallMs)` regularly until the returned function is called. */
  start(tick: (wallMs: number) => void): () => void;
}

/** A wall clock ticking every `ms` (the worker's default). */
export const intervalClock = (ms = 50): Clock => ({
  start(tick) {
    let last = Date.now();
    const id = setInterval(() => { const now = Date.now(); tick(now - last); last = now; }, ms);
    return () => clearInterval(id);
  },
});

/**
 * One run session: the controller machine around a simulation of a document, driven by messages, posting
 * batched updates. The worker wraps it; tests drive it with a manual clock.
 */
export class RunSession {
  private actor: Actor<typeof controllerMachine> | null = null;
  private doc: ArchDoc | null = null;
  private opts: { seed?: number; durationSec?: number } = {};
  private live = new LiveView();
  private logSeq = 0;

  constructor(private readonly post: (m: FromWorker) => void, private readonly clock: Clock = intervalClock()) {}

  handle(msg: ToWorker): void {
    try {
      this.dispatch(msg);
    } catch (e) {
      this.post({ type: 'error', message: (e as Error).message });
    }
  }

  private dispatch(msg: ToWorker): void {
    if (msg.type === 'load') {
      this.doc = msg.doc;
      this.opts = { seed: msg.seed, durationSec: msg.durationSec };
      this.restart();
      return;
    }
    if (msg.type === 'report') {
      if (!this.doc) throw new Error('no document loaded');
      this.post({ type: 'report', report: runDocument(this.doc, this.opts).report });
      return;
    }
    const actor = this.actor;
    if (!actor) throw new Error('no document loaded');
    switch (msg.type) {
      case 'play': actor.send({ type: actor.getSnapshot().value === 'idle' ? 'START' : 'RESUME' }); break;
      case 'pause': actor.send({ type: 'PAUSE' }); break;
      case 'step': actor.send({ type: 'STEP' }); break;
      case 'speed': actor.send({ type: 'SPEED', speed: msg.speed }); break;
      case 'runToEnd': actor.send({ type: 'RUN_TO_END' }); break;
      case 'reset': this.restart(); return;
      case 'fault': {
        const sim = actor.getSnapshot().context.sim;
        sim.start();
        sim.scheduleFault({ ...msg.fault, atSec: msg.fault.atSec ?? sim.now } as never);
        break;
      }
    }
    this.publish();
  }

  private restart(): void {
    this.actor?.stop();
    const doc = this.doc!;
    const ticker = fromCallback<ControllerEvent>(({ sendBack }) => this.clock.start((wallMs) => { sendBack({ type: 'TICK', wallMs }); queueMicrotask(() => this.publish()); }));
    const machine = controllerMachine.provide({ actors: { ticker } });
    this.live = new LiveView();
    this.logSeq = 0;
    this.actor = createActor(machine, { input: { makeSim: () => createSimulation(doc, this.opts) } }).start();
    this.publish();
  }

  /** Post the current state and the log entries since the previous update. */
  publish(): void {
    if (!this.actor) return;
    const snap = this.actor.getSnapshot();
    const { sim, speed, lastStep } = snap.context;
    const fresh = sim.log.since(this.logSeq, LOG_BATCH_MAX);
    this.logSeq = sim.log.total;
    const report = sim.done ? buildReport(sim) : null;
    this.post({
      type: 'update',
      status: snap.value as RunStatus,
      now: sim.now,
      durationSec: sim.durationSec,
      speed,
      seed: sim.seed,
      nodes: this.live.nodes(sim),
      log: fresh,
      logTotal: sim.log.total,
      incidents: report ? report.incidents : sim.allIncidents().map((i) => ({ ...i })),
      costUSD: report ? report.costUSD : [...sim.allMetrics().values()].reduce((a, m) => a + m.costUSD, 0),
      lastStep,
    });
  }

  stop(): void {
    this.actor?.stop();
  }
}
