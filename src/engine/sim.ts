import { formatMessage, ruleById } from '../catalog/rules';
import type { Severity } from '../catalog/types';
import { Graph, type GNode } from '../model/graph';
import type { ArchDoc, Fault } from '../model/schema';
import { runFaults } from '../model/faults';
import { EventLog } from './log';
import { NodeMetrics } from './metrics';
import { EventQueue, type Scheduled } from './queue';
import { Rng } from './rng';
import { TOPICS, type Topic, type TopicHandler, type TopicMap } from './topics';
import type { Blocker, Finding, Incident, LogEvent, NodeState, Phase } from './types';

/**
 * An engine module: one area of behaviour (inference, jobs, network, security, MLOps, monitoring).
 * The core knows nothing about any area; modules read the graph, schedule events and report through
 * the simulation's API.
 */
export interface SimModule {
  id: string;
  /** Static findings for the rules this module owns (pure; no run). */
  check?(g: Graph): Finding[];
  /** Once, before the first event: set initial states, schedule the first events, subscribe to topics. */
  start?(sim: Simulation): void;
  /** Once, at the end: bill what is still running, close open measurements. */
  finish?(sim: Simulation): void;
  /** Faults and timed actions this module handles, by kind. */
  faults?: Partial<Record<Fault['kind'], (sim: Simulation, fault: Fault) => void>>;
}

/** A check that may block a node at a phase (see `Simulation.addGate`). */
export type Gate = (node: GNode, phase: Phase, sim: Simulation) => Blocker | null;

/**
 * A typed slot of per-run state: a module keeps what one run needs in the simulation (modules are shared
 * between runs; their state is not). `create` builds it on first use.
 */
export interface Slot<T> {
  readonly name: string;
  readonly create: (sim: Simulation) => T;
}

/** Declare a module's per-run state slot (once, at module level). */
export const defineSlot = <T>(name: string, create: (sim: Simulation) => T): Slot<T> => ({ name, create });

export interface SimOptions {
  /** RNG seed; defaults to the document's seed, then 1. */
  seed?: number;
  /** Simulated seconds to run; defaults to the document's durationSec, then 3600. */
  durationSec?: number;
  /** Behaviour modules (see engine/modules). */
  modules: readonly SimModule[];
  /** Log entries kept in memory (counts stay exact beyond it). */
  logCapacity?: number;
}

/** Occurrences of one incident logged one by one before the log switches to milestones. */
const LOGGED_PER_INCIDENT = 50;

/** A counter for a rule on a node, cheap enough for a hot loop. */
export class IncidentCounter {
  constructor(
    private readonly sim: Simulation,
    readonly rec: Incident,
    private readonly severity: Severity,
  ) {}

  /** Count `n` occurrences at simulated second `t`; `vars` fill the message the first time. */
  add(t: number, n = 1, vars?: Record<string, string | number>): void {
    const r = this.rec;
    const before = r.count;
    if (before === 0) {
      r.firstAtSec = t;
      if (vars) r.message = formatMessage(ruleById(r.rule), { node: r.node, ...vars });
    }
    r.count += n;
    if (before < LOGGED_PER_INCIDENT || isMilestone(before, r.count)) {
      this.sim.log.add({
        t,
        node: r.node,
        type: 'incident',
        severity: this.severity,
        rule: r.rule,
        message:
          before < LOGGED_PER_INCIDENT
            ? vars
              ? formatMessage(ruleById(r.rule), { node: r.node, ...vars })
              : r.message
            : `${r.message} (${r.count} so far)`,
      });
    }
  }
}

const isMilestone = (a: number, b: number) =>
  Math.floor(Math.log10(Math.max(1, a))) !== Math.floor(Math.log10(b)) || Math.floor(a / 1000) !== Math.floor(b / 1000);

/**
 * One run of a document: the simulated clock, the event queue, node states, metrics, incidents and the
 * log. Pure TypeScript: no timers, no DOM. Modules drive all behaviour; stepping, running to a time and
 * running to the end process the same events in the same order, so results never depend on how a host
 * slices the run.
 */
export class Simulation {
  readonly graph: Graph;
  readonly seed: number;
  readonly durationSec: number;
  readonly log: EventLog;
  readonly findings: Finding[];
  now = 0;
  started = false;
  done = false;

  private readonly queue = new EventQueue();
  private readonly states = new Map<string, NodeState>();
  private readonly metricsById = new Map<string, NodeMetrics>();
  private readonly incidents = new Map<string, IncidentCounter>();
  private readonly topics = new Map<Topic, TopicHandler<never>[]>();
  private readonly slots = new Map<Slot<unknown>, unknown>();
  private readonly gates: Gate[] = [];
  /** Significant events (state changes, faults, pipeline steps) kept for the report's timeline. */
  readonly timeline: { t: number; node: string | null; event: string }[] = [];
  /**
   * Each node's cost per simulated hour (index = hour), kept only when the document has a `savings-plan` node: a
   * Savings Plan applies hour by hour (src/engine/modules/cost). Null otherwise, so other runs keep nothing more.
   */
  readonly hourlyCost: Map<string, number[]> | null;

  constructor(
    doc: ArchDoc,
    readonly options: SimOptions,
  ) {
    this.graph = new Graph(doc);
    this.seed = (options.seed ?? doc.seed ?? 1) >>> 0;
    this.durationSec = options.durationSec ?? doc.durationSec ?? 3600;
    this.log = new EventLog(options.logCapacity);
    this.findings = collectFindings(this.graph, options.modules);
    this.hourlyCost = doc.nodes.some((n) => n.kind === 'savings-plan') ? new Map() : null;
  }

  /* ---------- randomness ---------- */

  /** An independent random stream for a module and a node. */
  rng(label: string): Rng {
    return Rng.derive(this.seed, label);
  }

  /* ---------- time ---------- */

  /** Schedule `fire` at simulated second `t` (not before now). */
  at(t: number, label: string, node: string | null, fire: () => void): Scheduled {
    return this.queue.push(Math.max(t, this.now), label, node, fire);
  }

  after(dt: number, label: string, node: string | null, fire: () => void): Scheduled {
    return this.at(this.now + dt, label, node, fire);
  }

  /** Run `fire` every `periodSec` from `startSec` until the end of the run (or until it returns false). */
  every(
    periodSec: number,
    label: string,
    node: string | null,
    fire: (t: number) => boolean | void,
    startSec = this.now,
  ): void {
    const tick = (t: number) => () => {
      if (fire(t) === false) return;
      if (t + periodSec < this.durationSec) this.at(t + periodSec, label, node, tick(t + periodSec));
    };
    if (startSec < this.durationSec) this.at(startSec, label, node, tick(startSec));
  }

  /** Time of the next event, or null when nothing more happens before the end. */
  nextAt(): number | null {
    const e = this.queue.peek();
    return e && e.at <= this.durationSec ? e.at : null;
  }

  /** Start the run: modules set up, faults scheduled. Called by the first step. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const m of this.options.modules) m.start?.(this);
    for (const f of runFaults(this.graph.doc)) this.scheduleFault(f);
  }

  /** Process one event. Returns it, or null when the run has finished. */
  step(): Scheduled | null {
    this.start();
    if (this.done) return null;
    const e = this.queue.peek();
    if (!e || e.at > this.durationSec) {
      this.finish();
      return null;
    }
    this.queue.pop();
    this.now = e.at;
    e.fire();
    return e;
  }

  /** Process every event up to simulated second `t` and move the clock there. */
  runUntil(t: number): void {
    this.start();
    const until = Math.min(t, this.durationSec);
    for (;;) {
      const e = this.queue.peek();
      if (!e || e.at > until) break;
      this.queue.pop();
      this.now = e.at;
      e.fire();
    }
    if (!this.done) this.now = Math.max(this.now, until);
    if (until >= this.durationSec) this.finish();
  }

  runToEnd(): this {
    this.runUntil(this.durationSec);
    return this;
  }

  finish(): void {
    if (this.done) return;
    this.now = this.durationSec;
    for (const m of this.options.modules) m.finish?.(this);
    this.done = true;
  }

  /* ---------- faults ---------- */

  /** Inject a fault or timed action (from the file, or from the UI at the current time). */
  scheduleFault(f: Fault): void {
    this.at(f.atSec, `fault ${f.kind}`, f.node, () => {
      const handler = this.options.modules.find((m) => m.faults?.[f.kind])?.faults?.[f.kind];
      const { atSec: _a, kind, node, ...params } = f;
      this.note(
        node,
        'fault',
        `${kind} on ${node}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`,
        'warning',
        { fault: f },
      );
      if (handler) handler(this, f);
      else this.note(node, 'info', `nothing in this run reacts to ${kind} yet`, 'info');
    });
  }

  /* ---------- states, metrics, incidents ---------- */

  state(node: string): NodeState | undefined {
    return this.states.get(node);
  }

  /** Move a node to a state; logs the transition (with a message on failures). */
  setState(node: string, state: NodeState, message?: string, data?: Record<string, unknown>): void {
    const prev = this.states.get(node);
    if (prev === state) return;
    this.states.set(node, state);
    if (prev === undefined && !message) return;
    const text = `${node}: ${prev ?? '—'} → ${state}${message ? ` · ${message}` : ''}`;
    this.log.add({
      t: this.now,
      node,
      type: 'state',
      severity: state === 'Failed' ? 'error' : 'info',
      message: text,
      data: { from: prev, to: state, ...data },
    });
    this.mark(node, `${state}${message ? `: ${message}` : ''}`);
    this.emit(TOPICS.state, { node, from: prev, to: state });
  }

  metrics(node: string): NodeMetrics {
    let m = this.metricsById.get(node);
    if (!m) {
      m = new NodeMetrics();
      this.metricsById.set(node, m);
    }
    return m;
  }

  /** A counter for rule × node; keep it in a hot loop instead of calling `incident` per request. */
  counter(rule: string, node: string): IncidentCounter {
    const key = `${rule}\u0000${node}`;
    let c = this.incidents.get(key);
    if (!c) {
      const def = ruleById(rule);
      c = new IncidentCounter(
        this,
        { rule, node, count: 0, firstAtSec: 0, message: formatMessage(def, { node }) },
        def.severity,
      );
      this.incidents.set(key, c);
    }
    return c;
  }

  /** Record one occurrence of a rule on a node now, with the message's placeholders filled from `vars`. */
  incident(rule: string, node: string, vars?: Record<string, string | number>): void {
    this.counter(rule, node).add(this.now, 1, vars);
  }

  hasIncident(rule: string, node?: string): boolean {
    for (const c of this.incidents.values())
      if (c.rec.rule === rule && c.rec.count > 0 && (!node || c.rec.node === node)) return true;
    return false;
  }

  /**
   * Add to the run's cost, on a node. `fromSec`–`toSec` is the simulated interval the cost was incurred over (a job
   * settling its phase, an endpoint's tick; default: now): with a savings plan it is spread over the hours it covers.
   */
  addCost(node: string, usd: number, fromSec = this.now, toSec = this.now): void {
    if (!(usd > 0)) return;
    this.metrics(node).costUSD += usd;
    if (this.hourlyCost) spreadHourly(this.hourlyCost, node, usd, Math.min(fromSec, toSec), toSec);
  }

  /** A plain log line (not an incident). */
  note(
    node: string | null,
    type: LogEvent['type'],
    message: string,
    severity: Severity = 'info',
    data?: Record<string, unknown>,
  ): void {
    this.log.add({ t: this.now, node, type, severity, message, data });
    if (type !== 'info') this.mark(node, message);
  }

  /** Add a line to the report's timeline (significant events in order). */
  mark(node: string | null, event: string): void {
    if (this.timeline.length < 2000) this.timeline.push({ t: this.now, node, event });
  }

  /* ---------- gates: what may stop a node at a phase ---------- */

  /** Register a check that may block a node at a phase (the network blocks image pulls, IAM blocks downloads…). */
  addGate(gate: Gate): void {
    this.gates.push(gate);
  }

  /** The first blocker of a node at a phase, or null when it may go on. Modules that own a lifecycle ask this. */
  gate(node: string, phase: Phase): Blocker | null {
    const n = this.graph.byId.get(node);
    if (!n) return null;
    for (const g of this.gates) {
      const b = g(n, phase, this);
      if (b) return b;
    }
    return null;
  }

  /* ---------- topics between modules ---------- */

  /** Subscribe to a topic (TOPICS); the payload's type comes from `TopicMap`. */
  on<K extends Topic>(topic: K, fn: TopicHandler<K>): void {
    const l = this.topics.get(topic) as TopicHandler<K>[] | undefined;
    if (l) l.push(fn);
    else this.topics.set(topic, [fn]);
  }

  /** Publish on a topic; subscribers run now, in the order they subscribed. */
  emit<K extends Topic>(topic: K, payload: TopicMap[K]): void {
    const l = this.topics.get(topic) as TopicHandler<K>[] | undefined;
    if (l) for (const fn of l) fn(payload);
  }

  /* ---------- per-run state of modules ---------- */

  /** A module's per-run state, created on first use. */
  slot<T>(s: Slot<T>): T {
    if (this.slots.has(s)) return this.slots.get(s) as T;
    const v = s.create(this);
    this.slots.set(s, v);
    return v;
  }

  /** A module's per-run state if it was created (read-outs that must not create it). */
  peekSlot<T>(s: Slot<T>): T | undefined {
    return this.slots.get(s) as T | undefined;
  }

  /* ---------- read-outs ---------- */

  allIncidents(): Incident[] {
    return [...this.incidents.values()].map((c) => c.rec).filter((r) => r.count > 0);
  }

  allStates(): ReadonlyMap<string, NodeState> {
    return this.states;
  }

  allMetrics(): ReadonlyMap<string, NodeMetrics> {
    return this.metricsById;
  }
}

/** Static findings of every module, de-duplicated and in a stable order. */
export function collectFindings(g: Graph, modules: readonly SimModule[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const m of modules) {
    for (const f of m.check?.(g) ?? []) {
      const key = `${f.rule}\u0000${f.node}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  const order = new Map(g.nodes.map((n) => [n.id, n.index]));
  return out.sort((a, b) => (order.get(a.node) ?? 0) - (order.get(b.node) ?? 0) || a.rule.localeCompare(b.rule));
}

/** Add `usd`, billed evenly over [from, to] seconds, to a node's hourly buckets (all of it to one hour when from = to). */
function spreadHourly(hourly: Map<string, number[]>, node: string, usd: number, from: number, to: number): void {
  let h = hourly.get(node);
  if (!h) hourly.set(node, (h = []));
  const add = (i: number, x: number) => {
    while (h!.length <= i) h!.push(0);
    h![i] += x;
  };
  if (to - from <= 1e-9) {
    add(Math.max(0, Math.ceil(to / 3600) - 1), usd);
    return;
  }
  for (let i = Math.floor(from / 3600); i * 3600 < to; i++) {
    const overlap = Math.min(to, (i + 1) * 3600) - Math.max(from, i * 3600);
    if (overlap > 0) add(i, (usd * overlap) / (to - from));
  }
}
