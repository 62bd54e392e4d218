import { createActor } from 'xstate';
import { formatMessage, ruleById } from '../../../catalog/rules';
import { round } from '../../util';
import { clockOf } from '../../clock';
import { defineSlot, type Simulation } from '../../sim';
import type { Phase } from '../../types';
import { jobMachine, phaseOf, statusOf, type JobEvent } from './machine';

/** How one run of a job is shown and billed. */
export interface JobRunOptions {
  /** Node the job's rules and gates apply to (a tuner's child applies to the training job it copies). */
  node: string;
  /** Node whose state follows this run; null for a tuner's child (it has no node of its own). */
  stateNode: string | null;
  /** Node its cost goes on. */
  costNode: string;
  /** Name in the log: the node id, or a tuner child's name. */
  name: string;
  /** What the Running phase is called for this kind: Training, Processing, Transforming, Labeling. */
  runningName: string;
  /** Instance cost while a billed phase runs, USD per second. */
  usdPerSec: number;
  /** Machine phases that are billed (Starting is not, for SageMaker jobs). */
  billed: readonly string[];
  /** Phase changes go to the timeline (true) or only to the log (a tuner's many children). */
  verbose: boolean;
  /** The pipeline execution that started it, if any. */
  execution?: number;
}

/** Per run: billable seconds per node over all its runs (a step may run once per pipeline execution) and
 * the latest run of each job node (for the UI's progress bars; not in the report). */
const JOB_RUNS = defineSlot('jobs.runs', () => ({
  billedByNode: new Map<string, number>(),
  runsByNode: new Map<string, JobRun>(),
}));

/**
 * Progress of a node's current phase, 0…1, from the phase start to its latest scheduled callback; null when not
 * running.
 */
export function jobProgress(sim: Simulation, node: string): { phase: string; progress: number } | null {
  const r = sim.peekSlot(JOB_RUNS)?.runsByNode.get(node);
  if (!r || r.ended) return null;
  const span = r.phaseUntil - r.phaseFrom;
  return { phase: r.shownPhase, progress: span > 0 ? Math.min(1, Math.max(0, (sim.now - r.phaseFrom) / span)) : 0 };
}

/**
 * One run of a job through the job machine on the simulated clock: it moves the machine, keeps the
 * node's state and `extra.phase`, writes each phase change to the log with an AWS-style status
 * message, bills billed phases to the cost node, and drops callbacks scheduled before an
 * interruption or the end (an epoch counter: the queue has no cancel).
 */
export class JobRun {
  private readonly actor;
  private epoch = 0;
  private meterFrom: number | null = null;
  /** Instance-seconds billed by this run. */
  billedSec = 0;
  readonly startedAt: number;
  /** The last InProgress phase (where a failed or stopped job was). */
  lastPhase = 'Pending';
  /** Rule of the failure, when it failed on one. */
  failedRule: string | null = null;
  /** When the current phase began and its latest scheduled callback (progress bars). */
  phaseFrom = 0;
  phaseUntil = 0;

  constructor(
    readonly sim: Simulation,
    readonly o: JobRunOptions,
  ) {
    // delays in the job machine (if any) run on simulated time
    this.actor = createActor(jobMachine, { clock: clockOf(sim) }).start();
    this.startedAt = sim.now;
    this.phaseFrom = this.phaseUntil = sim.now;
    if (o.stateNode) {
      sim.slot(JOB_RUNS).runsByNode.set(o.stateNode, this);
    }
  }

  get status(): string {
    return statusOf(this.actor.getSnapshot().value);
  }
  /** Machine phase: Starting, Downloading, Running, Uploading, Interrupted, or the final status. */
  get phase(): string {
    return phaseOf(this.actor.getSnapshot().value);
  }
  get ended(): boolean {
    return this.actor.getSnapshot().status === 'done';
  }
  /** The phase as AWS shows it for this kind. */
  get shownPhase(): string {
    return this.phase === 'Running' ? this.o.runningName : this.phase;
  }

  /** Move the machine and log the new phase with its status message. */
  go(type: JobEvent['type'], message: string): void {
    if (this.ended) return;
    this.actor.send({ type } as JobEvent);
    this.sync(message);
  }

  /** Run `fn` after `dt` seconds, unless the run ended or was interrupted meanwhile. */
  after(dt: number, label: string, fn: () => void): void {
    const epoch = this.epoch;
    this.phaseUntil = Math.max(this.phaseUntil, this.sim.now + Math.max(0, dt));
    this.sim.after(Math.max(0, dt), `${this.o.name}: ${label}`, this.o.node, () => {
      if (epoch === this.epoch && !this.ended) fn();
    });
  }

  /**
   * Ask another module's gate at a phase. A blocker fails the run with its rule (true = go on).
   * 'logs' only warns: logs-unreachable is recorded once on the node and the run goes on.
   */
  gate(phase: Phase): boolean {
    const b = this.sim.gate(this.o.node, phase);
    if (!b) return true;
    if (b.failure) {
      this.failWith(b.failure);
      return false;
    }
    if (phase === 'logs') {
      if (!this.sim.hasIncident(b.rule, this.o.node)) this.sim.incident(b.rule, this.o.node, b.vars);
      return true;
    }
    this.fail(b.rule, b.vars);
    return false;
  }

  /** Fail with a rule (its incident is recorded on the node, its message becomes the FailureReason). */
  fail(rule: string, vars: Record<string, string | number> = {}): void {
    if (this.ended) return;
    this.sim.incident(rule, this.o.node, vars);
    this.failedRule = rule;
    this.actor.send({ type: 'FAIL' });
    this.sync(formatMessage(ruleById(rule), { node: this.o.node, ...vars }));
  }

  /** Fail with a message of its own (the caller records any incident; `rule` is reported with the failure). */
  failWith(message: string, rule?: string): void {
    if (this.ended) return;
    this.failedRule = rule ?? null;
    this.actor.send({ type: 'FAIL' });
    this.sync(message);
  }

  stop(message: string): void {
    this.go('STOP', message);
  }

  /** A Spot interruption: billing stops, pending callbacks are dropped. */
  interrupt(message: string): void {
    this.epoch++;
    this.go('INTERRUPT', message);
  }

  /** Bill the open billed interval up to now (at the end of the run for jobs still running). */
  settle(): void {
    if (this.meterFrom === null) return;
    const sec = this.sim.now - this.meterFrom;
    this.meterFrom = this.ended || !this.o.billed.includes(this.phase) ? null : this.sim.now;
    if (sec <= 0) return;
    this.billedSec += sec;
    this.sim.addCost(this.o.costNode, sec * this.o.usdPerSec, this.sim.now - sec);
    if (this.o.stateNode && this.o.usdPerSec > 0) {
      const m = this.sim.slot(JOB_RUNS).billedByNode;
      const total = (m.get(this.o.stateNode) ?? 0) + sec;
      m.set(this.o.stateNode, total);
      this.sim.metrics(this.o.stateNode).extra.billableSec = round(total, 1);
    }
  }

  private sync(message: string): void {
    const { sim, o } = this;
    const billed = !this.ended && o.billed.includes(this.phase);
    if (this.meterFrom !== null) this.settle();
    if (billed && this.meterFrom === null) this.meterFrom = sim.now;
    const shown = this.shownPhase;
    this.phaseFrom = this.phaseUntil = sim.now;
    if (!this.ended) this.lastPhase = shown;
    const data = { phase: shown, ...(o.execution !== undefined ? { execution: o.execution } : {}) };
    if (o.stateNode) {
      const extra = sim.metrics(o.stateNode).extra;
      // while it runs: the phase; once Failed or Stopped: the phase it was in; once Completed: none
      if (!this.ended) extra.phase = shown;
      else if (this.status === 'Completed') delete extra.phase;
      if (this.ended) {
        sim.setState(o.stateNode, this.status, message, { ...data, phase: this.lastPhase });
        return;
      }
      sim.setState(o.stateNode, this.status);
    }
    const failed = this.status === 'Failed';
    sim.note(o.node, o.verbose ? 'event' : 'info', `${o.name}: ${shown} · ${message}`, failed ? 'error' : 'info', data);
  }
}
