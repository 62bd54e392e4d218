import { fromCallback, type Actor } from 'xstate';
import {
  buildReport,
  checkDocument,
  createController,
  createSimulation,
  experimentRuns,
  modelLineage,
  networkReportOf,
  requestTraces,
  runDocument,
  RunDriver,
  type controllerMachine,
  type ControllerEvent,
  type Simulation,
} from '../engine';
import { gradeCriteria } from './checklist';
import type { ArchDoc, Fault } from '../model/schema';
import { estimateWork, overBudget } from '../model/budget';
import { LiveView } from './live';
import { MlopsWatch } from './mlops';
import type { FaultInput, FromWorker, RunStatus, RunUpdate, ToWorker } from './protocol';

/**
 * Most log entries sent in one update (the page keeps as many): entries are streamed oldest first
 * from where the previous update stopped, so nothing is skipped unless more than this many arrive at
 * once (a run to the end sends its rows when it stops); then the newest are sent and the page still
 * gets the exact totals.
 */
export const LOG_BATCH_MAX = 20_000;
/** Chart series go with every this-many ticking updates (and with every update on demand). */
const SERIES_EVERY = 5;

/** Worker time one slice of a run to the end aims at (ms): long enough to cost little, short enough to answer pause. */
export const SLICE_MS = 60;
/**
 * During a run to the end, the clock and figures are posted after the first slice, then at most once per this many ms
 * of wall time (and when it stops): each update costs the worker its figures and the page a render, on the same cores
 * the run needs.
 */
export const TO_END_POST_MS = 250;

export interface Clock {
  /** Call `tick(wallMs)` regularly until the returned function is called. */
  start(tick: (wallMs: number) => void): () => void;
  /**
   * Call `slice()` again and again, letting messages in between, until it returns false or the returned
   * function is called (a run to the end).
   */
  loop(slice: () => boolean): () => void;
  /** Wall time in ms (slices are sized with it). */
  now(): number;
}

/** Run `fn` after pending messages: a MessageChannel where there is one (no 4-ms clamp of nested timers). */
function deferrer(): (fn: () => void) => void {
  if (typeof MessageChannel === 'undefined') return (fn) => setTimeout(fn, 0);
  const ch = new MessageChannel();
  let next: (() => void) | null = null;
  ch.port1.onmessage = () => {
    const f = next;
    next = null;
    f?.();
  };
  return (fn) => {
    next = fn;
    ch.port2.postMessage(0);
  };
}

/** A wall clock ticking every `ms` (the worker's default). */
export const intervalClock = (ms = 50): Clock => ({
  now: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
  loop(slice) {
    const defer = deferrer();
    let on = true;
    const go = () => {
      if (on && slice()) defer(go);
    };
    defer(go);
    return () => {
      on = false;
    };
  },
  start(tick) {
    let last = Date.now();
    const id = setInterval(() => {
      const now = Date.now();
      tick(now - last);
      last = now;
    }, ms);
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
  /** The run the controller drives (the controller's context holds only its speed). */
  private driver: RunDriver | null = null;
  private watch: MlopsWatch | null = null;
  private logSeq = 0;
  private selected: string | null = null;
  private ticks = 0;
  /** Stops the slices of a run to the end. */
  private stopSlices: (() => void) | null = null;
  /** Simulated seconds one slice covers (adapted to SLICE_MS of worker time after each slice). */
  private sliceSec = 1;
  /** A run to the end so far: wall ms spent and simulated seconds covered (for the estimate). */
  private toEnd = { wallMs: 0, simSec: 0 };
  /** Report requests that wait for the run to the end to finish (the report is that run's). */
  private reportsDue = 0;

  constructor(
    private readonly post: (m: FromWorker) => void,
    private readonly clock: Clock = intervalClock(),
  ) {}

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
      this.withinBudget(this.doc);
      // A finished live run is the runner's run of the same document and seed (same events, same
      // order): its report is the runner's, so a check grades the run on the canvas, not a second one.
      const snap = this.actor?.getSnapshot();
      if (snap?.value === 'toEnd') {
        this.reportsDue++;
        return;
      }
      const sim = this.driver?.sim;
      this.post({
        type: 'report',
        report: sim?.done ? buildReport(sim, this.doc.goal) : runDocument(this.doc, this.opts).report,
      });
      return;
    }
    if (msg.type === 'check') {
      // A check failing must not read as a run error: its caller gets no findings, the console the cause.
      let findings: ReturnType<typeof checkDocument> = [];
      try {
        findings = checkDocument(msg.doc);
      } catch (e) {
        console.error('static checks failed', e);
      }
      this.post({ type: 'findings', id: msg.id, findings });
      return;
    }
    if (msg.type === 'network') {
      this.post({ type: 'network', id: msg.id, report: networkReportOf(msg.doc, msg.node) });
      return;
    }
    if (msg.type === 'grade') {
      this.post({ type: 'graded', id: msg.id, items: gradeCriteria(msg.doc, msg.report) });
      return;
    }
    if (msg.type === 'select') {
      this.selected = msg.node;
      this.publish();
      return;
    }
    const actor = this.actor;
    if (!actor) throw new Error('no document loaded');
    if (msg.type === 'play' || msg.type === 'step' || msg.type === 'runToEnd') this.withinBudget(this.doc!);
    switch (msg.type) {
      case 'traces': {
        this.post({ type: 'traces', node: msg.node, traces: [...requestTraces(this.driver!.sim, msg.node)] });
        return;
      }
      case 'experiments': {
        const sim = this.driver!.sim;
        this.post({ type: 'experiments', runs: experimentRuns(sim), lineage: modelLineage(sim) });
        return;
      }
      case 'play':
        actor.send({ type: actor.getSnapshot().value === 'idle' ? 'START' : 'RESUME' });
        break;
      case 'pause':
        actor.send({ type: 'PAUSE' });
        break;
      case 'step':
        actor.send({ type: 'STEP' });
        break;
      case 'speed':
        actor.send({ type: 'SPEED', speed: msg.speed });
        break;
      case 'runToEnd':
        actor.send({ type: 'RUN_TO_END' });
        this.slices();
        break;
      case 'reset':
        this.restart();
        return;
      case 'fault':
        this.inject(msg.fault);
        break;
    }
    this.publish();
    if (this.reportsDue && actor === this.actor && actor.getSnapshot().value !== 'toEnd') this.answerReports();
  }

  /**
   * Inject a fault "now" so that replaying the document gives the same run: the fault is added to the
   * document at the next whole simulated second (after every event already processed), and the run
   * is rebuilt from the document and fast-forwarded to the current time — the same events, in the
   * same order, as a run of the file that has the fault from the start.
   */
  private inject(partial: FaultInput): void {
    const snap = this.actor!.getSnapshot();
    const { speed } = snap.context;
    const sim = this.driver!.sim;
    const status = snap.value as RunStatus;
    if (status === 'finished') throw new Error('The run has ended: reset it, then inject the fault.');
    const atSec = partial.atSec ?? (sim.started ? Math.floor(sim.now) + 1 : 0);
    if (atSec >= sim.durationSec)
      throw new Error(`The run ends at ${sim.durationSec} s: no time left to inject a fault.`);
    const fault = { ...partial, atSec } as Fault;
    const now = sim.now,
      started = sim.started;
    const next = { ...this.doc!, faults: [...(this.doc!.faults ?? []), fault] };
    this.withinBudget(next);
    this.doc = next;
    this.restart(true);
    const a = this.actor!;
    a.send({ type: 'SPEED', speed });
    if (started) a.send({ type: 'RUN_UNTIL', t: now });
    this.watch?.takeFlows(); // the replay's flows were drawn already
    this.watch?.takeScaling();
    if (status === 'running') a.send({ type: 'START' });
    if (status === 'toEnd') {
      a.send({ type: 'RUN_TO_END' });
      this.slices();
    }
    this.post({ type: 'fault', fault });
  }

  /**
   * Run to the end in slices of about SLICE_MS of worker time, posting the clock and figures after the first and then
   * every TO_END_POST_MS (see there), so pause, reset, edits and faults are read between slices. The slices cut
   * simulated time only where the live ticks do (runUntil): the events, their order and the report are those of one
   * call.
   */
  private slices(): void {
    this.stopSlices?.();
    this.stopSlices = null;
    const actor = this.actor!;
    if (actor.getSnapshot().value !== 'toEnd') return this.answerReports();
    this.toEnd = { wallMs: 0, simSec: 0 };
    let posted = -Infinity;
    this.stopSlices = this.clock.loop(() => {
      if (this.actor !== actor) return false;
      if (actor.getSnapshot().value !== 'toEnd') {
        this.answerReports(); // paused or stepped meanwhile: the reports of the run as it stands
        return false;
      }
      const sim = this.driver!.sim;
      const t0 = this.clock.now(),
        from = sim.now;
      actor.send({ type: 'SLICE', t: from + this.sliceSec });
      const ms = this.clock.now() - t0;
      const covered = sim.now - from;
      this.toEnd.wallMs += ms;
      this.toEnd.simSec += covered;
      // Aim the next slice at SLICE_MS from this one's pace (at most 4× longer in simulated time at once).
      this.sliceSec =
        ms > 1 ? Math.max(0.5, Math.min(this.sliceSec * 4, (covered * SLICE_MS) / ms)) : this.sliceSec * 4;
      const more = actor.getSnapshot().value === 'toEnd';
      const now = t0 + ms;
      if (!more || now - posted >= TO_END_POST_MS) {
        posted = now;
        this.publish(true);
      }
      if (!more) this.answerReports();
      return more;
    });
  }

  /** Answer the report requests that waited for a run to the end. */
  private answerReports(): void {
    const n = this.reportsDue;
    this.reportsDue = 0;
    for (let i = 0; i < n; i++) this.handle({ type: 'report' });
  }

  /** Refuse (throw, posted as an error) a run over the work budget, naming the client or fault and the figure. */
  private withinBudget(doc: ArchDoc): void {
    const why = overBudget(estimateWork(doc, this.opts.durationSec ?? doc.durationSec ?? 3600));
    if (why) throw new Error(`This run would not end in reasonable time: ${why}`);
  }

  /**
   * A fresh run of the document (idle); `keepStream` keeps the log position and rates (a rebuild of the same history).
   */
  private restart(keepStream = false): void {
    this.stopSlices?.();
    this.stopSlices = null;
    this.actor?.stop();
    const doc = this.doc!;
    const ticker = fromCallback<ControllerEvent>(({ sendBack }) =>
      this.clock.start((wallMs) => {
        sendBack({ type: 'TICK', wallMs });
        queueMicrotask(() => this.publish(true));
      }),
    );
    if (!keepStream) {
      this.live = new LiveView();
      this.logSeq = 0;
    }
    const makeSim = () => {
      const sim = createSimulation(doc, this.opts);
      this.watch = new MlopsWatch(sim);
      return sim;
    };
    this.driver = new RunDriver(makeSim);
    this.actor = createController(this.driver, { ticker });
    this.sliceSec = 1;
    if (!keepStream) this.publish();
    if (!keepStream) this.answerReports();
  }

  /** Post the current state and the log entries since the previous update. */
  publish(fromTick = false): void {
    if (!this.actor || !this.driver) return;
    const snap = this.actor.getSnapshot();
    const { speed } = snap.context;
    const { sim, lastStep } = this.driver;
    const total = sim.log.total;
    // While running to the end the log rows wait (the counts stay exact): the page gets the newest
    // LOG_BATCH_MAX of them once it stops, instead of every row of every slice on its main thread.
    const holdLog = snap.value === 'toEnd';
    const from = Math.max(this.logSeq, total - LOG_BATCH_MAX);
    const fresh = holdLog ? [] : sim.log.since(from);
    if (!holdLog) this.logSeq = total;
    const report = sim.done ? buildReport(sim) : null;
    const flows = this.watch?.takeFlows() ?? [];
    const scaling = this.watch?.takeScaling() ?? [];
    const withSeries = this.selected && (!fromTick || ++this.ticks % SERIES_EVERY === 0);
    this.post({
      type: 'update',
      status: snap.value as RunStatus,
      now: sim.now,
      durationSec: sim.durationSec,
      speed,
      seed: sim.seed,
      nodes: this.live.nodes(sim, this.watch ?? undefined),
      log: fresh,
      logTotal: total,
      logCounts: { ...sim.log.bySeverity },
      incidents: report ? report.incidents : sim.allIncidents().map((i) => ({ ...i })),
      costUSD: report ? report.costUSD : [...sim.allMetrics().values()].reduce((a, m) => a + m.costUSD, 0),
      lastStep,
      ...(snap.value === 'toEnd' ? { etaSec: this.eta(sim) } : {}),
      ...(withSeries ? { selected: seriesOf(sim, this.selected!) } : {}),
      ...(flows.length ? { flows } : {}),
      ...(scaling.length ? { scaling } : {}),
    });
  }

  /** Wall seconds left in a run to the end, at the pace of its slices so far (null until one slice ran). */
  private eta(sim: Simulation): number | null {
    const { wallMs, simSec } = this.toEnd;
    if (simSec <= 0 || wallMs <= 0) return null;
    return ((sim.durationSec - sim.now) * wallMs) / simSec / 1000;
  }

  stop(): void {
    this.stopSlices?.();
    this.actor?.stop();
  }
}

/** The chart series of a node, on one time axis (the widest bucket of its series). */
function seriesOf(sim: Simulation, node: string): NonNullable<RunUpdate['selected']> {
  const m = sim.allMetrics().get(node);
  const series: Record<string, [number, number][]> = {};
  let bucketSec = 10;
  for (const [name, s] of m?.series ?? []) {
    series[name] = s.points();
    bucketSec = Math.max(bucketSec, s.bucketSec);
  }
  return { node, bucketSec, series };
}
