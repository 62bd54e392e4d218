import type {
  ExperimentRun,
  Incident,
  LogEvent,
  ModelLineage,
  NetworkReport,
  Report,
  RequestTrace,
} from '../../engine';
import type { ArchDoc, Fault } from '../../model/schema';
import type { EngineClient } from '../../worker/client';
import type { GradedCriterion } from '../../worker/protocol';
import type { FaultInput, Flow, LiveNode, Outcomes, RunStatus, RunUpdate } from '../../worker/protocol';
import type { Editor } from '../state/editor';
import { dict, own } from '../../model/own';
import { durationThatFits, estimateWork, overBudget } from '../../model/budget';
import { Store } from '../state/store';
import type { UiStore } from '../state/ui';

/** Log entries the page keeps (the newest); the counts stay exact beyond it. */
export const LOG_CAP = 20_000;
/** Node counters, the clock and the panels are repainted at most this often (ms: 4 Hz, a few times a second is
 * what a person reads); the dots read the latest figures every frame. */
const PAINT_MS = 250;
/** Control-plane events listed under the lens (the newest). */
const RECENT_FLOWS = 4;
/** The run panel's height (px), kept across reloads. */
export const DOCK_HEIGHT_KEY = 'sagesim:dock-height@1';

/** What a sampled request to trace should be: its rule, its outcome, near a simulated second. */
export interface TracePick {
  rule?: string;
  outcome?: keyof Outcomes;
  atSec?: number;
}

export type DockTab = 'events' | 'why' | 'charts' | 'cost' | 'experiments' | 'traces';
export type Lens = 'data' | 'control';

/** A log row: an engine entry, or a marker the page adds for a single step. */
export type LogRow = LogEvent & { step?: boolean };

export interface RunView {
  /** 'off' until the first run command starts the worker. */
  status: RunStatus | 'off';
  now: number;
  durationSec: number;
  speed: number;
  seed: number;
  nodes: Readonly<Record<string, LiveNode>>;
  incidents: readonly Incident[];
  costUSD: number;
  lastStep: string | null;
  /** While running to the end: wall seconds left at the pace so far (null: not known yet). */
  etaSec: number | null;
  logTotal: number;
  logCounts: { error: number; warning: number; info: number };
  /** Bumps whenever rows are added to the log buffer. */
  logVersion: number;
  dock: DockTab | null;
  lens: Lens;
  /** The why? panel's subject. */
  why: { node: string; rule: string | null } | null;
  /** The traces panel: the endpoint, its sampled requests, the picked one. */
  traces: { node: string; list: RequestTrace[]; picked: number | null; loading: boolean } | null;
  series: RunUpdate['selected'] | null;
  faultMenu: { node: string; x: number; y: number } | null;
  /** The newest control-plane events (events along chains, model packages, broken chains). */
  recentFlows: readonly Flow[];
  /** The tab the panel opens on when it is expanded again. */
  lastDock: DockTab;
}

const IDLE: RunView = {
  status: 'off',
  now: 0,
  durationSec: 3600,
  speed: 10,
  seed: 1,
  nodes: {},
  incidents: [],
  costUSD: 0,
  lastStep: null,
  etaSec: null,
  logTotal: 0,
  logCounts: { error: 0, warning: 0, info: 0 },
  logVersion: 0,
  dock: null,
  lens: 'data',
  why: null,
  traces: null,
  series: null,
  faultMenu: null,
  recentFlows: [],
  lastDock: 'events',
};

/** What of a document decides a run: everything but layout and titles. */
export function runKey(doc: ArchDoc): string {
  const {
    title: _t,
    description: _d,
    script: _s,
    mode: _m,
    ...rest
  } = doc as ArchDoc & { script?: unknown; mode?: unknown };
  return JSON.stringify({ ...rest, nodes: doc.nodes.map(({ position: _p, size: _z, ...n }) => n) });
}

/**
 * A node's figures as they are painted: unchanged figures keep the previous object, so its badge does not re-render.
 */
function paintKey(n: LiveNode): string {
  let inc = 0;
  for (const k in n.incidents) inc += n.incidents[k];
  const ml = n.mlops ? JSON.stringify(n.mlops, (k, v) => (k === 'progress' ? Math.round(v * 50) : v)) : '';
  let ex = '';
  for (const k in n.extra) ex += `${k}=${n.extra[k]};`;
  const progress = Math.round((n.progress ?? 0) * 50);
  return (
    `${n.state}|${n.phase}|${progress}|${n.rps.toPrecision(2)}|${n.failed}|${Math.round(n.p99Ms)}|` +
    `${n.coldStarts}|${n.instances}|${inc}|${n.requests > 0}|${ex}|${ml}`
  );
}

/**
 * The page side of a run: the engine worker (started on the first run command), the latest figures,
 * the log buffer, and what the run panels show. Framework-free like the Editor; React reads it with
 * `useRunState` / `useRunNode`. The run always matches the canvas: a change to the architecture
 * while a run goes on restarts it cleanly (the toast says so); moving nodes or renaming the title does not.
 */
export class RunStore extends Store<RunView> {
  private client: EngineClient | null = null;
  private readonly logListeners = new Set<(rows: readonly LogRow[]) => void>();
  private readonly flowListeners = new Set<(flows: readonly Flow[]) => void>();
  private recent: Flow[] = [];
  private loadedKey = '';
  private pending: RunUpdate | null = null;
  private paintTimer: ReturnType<typeof setTimeout> | null = null;
  private stepPending = false;
  private faultPending = false;
  /** True from a 'load' until the new run's first update arrives. */
  private awaitingFresh = false;
  private seedOverride: number | undefined;
  private paintKeys = new Map<string, string>();
  /** The log buffer (oldest first), at most LOG_CAP rows. */
  log: LogRow[] = [];
  /** Latest figures, updated on every worker message (for the canvas dots). */
  latest: Readonly<Record<string, LiveNode>> = {};
  private unsubEditor: () => void;
  readonly editor: Editor;
  private readonly ui: UiStore;

  /** `lease` gives the engine client (the workspace leases one from its pool on the first run command). */
  constructor(
    ws: { editor: Editor; ui: UiStore },
    private readonly lease: () => EngineClient,
  ) {
    const { editor } = ws;
    super({ ...IDLE, seed: editor.getState().doc.seed ?? 1, durationSec: editor.getState().doc.durationSec ?? 3600 });
    this.editor = editor;
    this.ui = ws.ui;
    let doc = editor.getState().doc;
    this.unsubEditor = editor.subscribe(() => {
      const d = editor.getState().doc;
      if (d === doc) return;
      doc = d;
      this.docChanged(d);
    });
  }

  /** New log rows as they arrive (the canvas draws control-plane flows from them). */
  onLog(fn: (rows: readonly LogRow[]) => void): () => void {
    this.logListeners.add(fn);
    return () => this.logListeners.delete(fn);
  }
  /** Control-plane flows as they happen (the canvas draws them in the control lens). */
  onFlows(fn: (flows: readonly Flow[]) => void): () => void {
    this.flowListeners.add(fn);
    return () => this.flowListeners.delete(fn);
  }

  /* ---------- the worker ---------- */

  private ensure(): EngineClient {
    if (this.client) return this.client;
    const c = this.lease();
    this.client = c;
    c.onUpdate((u) => this.receive(u));
    c.onError((m) => {
      this.awaitingFresh = false;
      this.ui.toast(m, 'error');
    });
    c.onFault((f) => this.recordFault(f));
    this.load();
    c.send({ type: 'speed', speed: this.s.speed });
    return c;
  }

  private load(): void {
    const doc = this.editor.getState().doc;
    this.loadedKey = runKey(doc);
    this.log = [];
    this.recent = [];
    this.paintKeys.clear();
    this.awaitingFresh = true;
    this.client!.send({ type: 'load', doc, seed: this.seedOverride });
    this.patch({ logVersion: this.s.logVersion + 1, traces: null, series: null, recentFlows: [] });
  }

  private docChanged(doc: ArchDoc): void {
    const key = runKey(doc);
    if (this.faultPending) {
      this.loadedKey = key;
      return;
    }
    if (!this.client || key === this.loadedKey) {
      if (!this.client) this.patch({ seed: this.seedOverride ?? doc.seed ?? 1, durationSec: doc.durationSec ?? 3600 });
      return;
    }
    const was = this.s.status;
    this.load();
    if (was === 'running' || was === 'paused' || was === 'finished') {
      this.ui.toast(
        'The architecture changed, so the run restarted from 00:00:00: a run always matches the canvas.',
        'info',
      );
    }
  }

  private receive(u: RunUpdate): void {
    // Updates the worker posted before it read 'load' belong to the previous run: drop them until the new
    // run's first update (idle at 00:00:00) arrives, so no row of an old document reaches the new log.
    if (this.awaitingFresh) {
      if (u.status !== 'idle' || u.now !== 0) return;
      this.awaitingFresh = false;
    }
    this.latest = u.nodes;
    if (u.flows?.length) {
      for (const l of this.flowListeners) l(u.flows);
      const shown = u.flows.filter((f) => f.kind === 'event' || f.kind === 'model' || f.kind === 'broken');
      if (shown.length) this.recent = [...this.recent, ...shown].slice(-RECENT_FLOWS);
    }
    if (u.log.length) {
      const rows: LogRow[] = u.log;
      this.appendLog(rows);
    }
    if (this.stepPending) {
      this.stepPending = false;
      const marker: LogRow = {
        seq: -1,
        t: u.now,
        node: null,
        type: 'info',
        severity: 'info',
        message: `Step: ${u.lastStep ?? 'nothing left to process'}`,
        step: true,
      };
      this.appendLog([marker]);
    }
    const ticking = u.status === 'running' || u.status === 'toEnd';
    const urgent = u.status !== this.s.status || !ticking;
    this.pending = u;
    if (urgent) this.flush();
    else if (!this.paintTimer) this.paintTimer = setTimeout(() => this.flush(), PAINT_MS);
  }

  private appendLog(rows: LogRow[]): void {
    for (const r of rows) this.log.push(r);
    if (this.log.length > LOG_CAP * 1.25) this.log = this.log.slice(this.log.length - LOG_CAP);
    for (const l of this.logListeners) l(rows);
    this.s = { ...this.s, logVersion: this.s.logVersion + 1 };
  }

  private flush(): void {
    if (this.paintTimer) {
      clearTimeout(this.paintTimer);
      this.paintTimer = null;
    }
    const u = this.pending;
    if (!u) {
      this.emit();
      return;
    }
    this.pending = null;
    const prev = this.s.nodes;
    const nodes = dict<LiveNode>();
    for (const [id, n] of Object.entries(u.nodes)) {
      const k = paintKey(n);
      const before = own(prev, id);
      nodes[id] = this.paintKeys.get(id) === k && before ? before : n;
      this.paintKeys.set(id, k);
    }
    this.patch({
      status: u.status,
      now: u.now,
      durationSec: u.durationSec,
      speed: u.speed,
      seed: u.seed,
      nodes,
      incidents: u.incidents,
      costUSD: u.costUSD,
      lastStep: u.lastStep,
      etaSec: u.etaSec ?? null,
      logTotal: u.logTotal,
      logCounts: u.logCounts,
      ...(this.recent !== this.s.recentFlows ? { recentFlows: this.recent } : {}),
      ...(u.selected ? { series: u.selected } : {}),
    });
  }

  /* ---------- run commands ---------- */

  private firstRun(): void {
    if (this.s.dock === null) this.patch({ dock: 'events' });
    this.ui.setShowFindings(false);
  }

  /**
   * True (and a banner saying so, with a shorter duration to run) when the run of the canvas, with `extra`
   * faults, is over the work budget; the worker refuses such a run too.
   */
  private overBudget(extra: readonly Fault[] = []): boolean {
    const doc = this.editor.getState().doc;
    const withFaults = extra.length ? { ...doc, faults: [...(doc.faults ?? []), ...extra] } : doc;
    const durationSec = doc.durationSec ?? 3600;
    const why = overBudget(estimateWork(withFaults, durationSec));
    if (!why) return false;
    const fits = durationThatFits(withFaults, durationSec);
    this.ui.setBanner({
      tone: 'error',
      title: 'This run would simulate too many requests to finish, so it did not start.',
      lines: [why],
      actions: fits
        ? [
            {
              label: `Run ${fits.toLocaleString('en')} s instead`,
              run: () => this.editor.run('setDocField', { field: 'durationSec', value: fits }),
            },
          ]
        : [],
    });
    return true;
  }

  play(): void {
    if (this.overBudget()) return;
    this.firstRun();
    this.ensure().send({ type: 'play' });
  }
  pause(): void {
    this.client?.send({ type: 'pause' });
  }
  toggle(): void {
    if (this.s.status === 'running' || this.s.status === 'toEnd') this.pause();
    else this.play();
  }
  step(): void {
    if (this.overBudget()) return;
    this.firstRun();
    this.stepPending = true;
    this.ensure().send({ type: 'step' });
  }
  runToEnd(): void {
    if (this.overBudget()) return;
    this.firstRun();
    this.ensure().send({ type: 'runToEnd' });
  }
  setSpeed(speed: number): void {
    this.patch({ speed });
    this.client?.send({ type: 'speed', speed });
  }
  reset(): void {
    if (!this.client) return;
    this.load();
    this.client.send({ type: 'speed', speed: this.s.speed });
  }
  setSeed(seed: number | undefined): void {
    this.seedOverride = seed;
    this.patch({ seed: seed ?? this.editor.getState().doc.seed ?? 1 });
    if (this.client) this.reset();
  }

  /**
   * Fast-forward the run on the canvas to its end and return its report, graded against the document's
   * goal (what `npm run sim -- FILE --check` grades, at the file's seed): a puzzle's Check. The canvas
   * keeps the finished run (states, incident markers, the traffic's last frame).
   */
  async runAndGrade(): Promise<Report> {
    if (this.seedOverride !== undefined) this.setSeed(undefined);
    this.firstRun();
    const c = this.ensure();
    return new Promise<Report>((resolve, reject) => {
      const off = c.onError((m) => {
        off();
        reject(new Error(`The run failed: ${m}`));
      });
      if (this.s.status !== 'finished') c.send({ type: 'runToEnd' });
      void c.report().then((r) => {
        off();
        resolve(r);
      });
    });
  }

  /** The report of this file and seed, exactly as `npm run sim -- FILE --json [--seed N]` prints it. */
  async reportText(): Promise<string> {
    const r = await this.ensure().report();
    return `${JSON.stringify(r, null, 2)}\n`;
  }

  async exportReport(): Promise<void> {
    const text = await this.reportText();
    const title = (this.editor.getState().doc.title ?? 'architecture').replace(/[^\w.-]+/g, '-');
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), {
      href: url,
      download: `${title}-report-seed-${this.s.seed}.json`,
    });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /* ---------- faults ---------- */

  openFaultMenu(node: string, x: number, y: number): void {
    this.patch({ faultMenu: { node, x, y } });
  }
  closeFaultMenu(): void {
    if (this.s.faultMenu) this.patch({ faultMenu: null });
  }

  inject(fault: FaultInput): void {
    if (this.overBudget([{ ...fault, atSec: fault.atSec ?? Math.floor(this.s.now) + 1 } as Fault])) {
      this.patch({ faultMenu: null });
      return;
    }
    this.firstRun();
    this.patch({ faultMenu: null });
    this.ensure().send({ type: 'fault', fault });
  }

  private recordFault(f: Fault): void {
    this.faultPending = true;
    try {
      this.editor.run('addFault', { fault: f });
    } finally {
      this.faultPending = false;
    }
    this.ui.toast(
      `${f.kind} on ${f.node} at ${clock(f.atSec)}: recorded in the file's faults, so the run replays.`,
      'info',
    );
  }

  /* ---------- panels ---------- */

  setDock(dock: DockTab | null): void {
    this.patch(dock ? { dock, lastDock: dock } : { dock });
  }
  /** Collapse the panel to its tab row, or open it again on its last tab. */
  toggleDock(): void {
    this.setDock(this.s.dock ? null : this.s.lastDock);
  }
  setLens(lens: Lens): void {
    this.patch({ lens });
  }

  /** The node whose chart series the worker sends (null: none). */
  selectSeries(node: string | null): void {
    if (this.client) this.client.send({ type: 'select', node });
    if (!node) this.patch({ series: null });
  }

  openWhy(node: string, rule: string | null): void {
    this.patch({ why: { node, rule }, dock: 'why', lastDock: 'why' });
  }

  /**
   * Open the traces of an endpoint on a sampled request: of the rule or outcome asked for (a log row's
   * rule, a dot's colour), the newest one at or before `atSec` (else the first); with nothing asked, the
   * first failed one.
   */
  async openTraces(node: string, pick: TracePick | string = {}): Promise<void> {
    if (!this.client) return;
    const want: TracePick = typeof pick === 'string' ? { rule: pick } : pick;
    this.patch({ dock: 'traces', lastDock: 'traces', traces: { node, list: [], picked: null, loading: true } });
    const list = await this.client.traces(node);
    const match = (t: RequestTrace) =>
      want.rule
        ? t.rule === want.rule
        : want.outcome && want.outcome !== 'failed'
          ? t.outcome === want.outcome
          : t.outcome !== 'ok' && t.outcome !== 'cold';
    let picked = -1;
    for (let i = 0; i < list.length; i++) {
      if (!match(list[i])) continue;
      if (picked < 0 || want.atSec === undefined || list[i].atSec <= want.atSec) picked = i;
      if (want.atSec === undefined) break;
    }
    this.patch({ traces: { node, list, picked: picked >= 0 ? picked : list.length ? 0 : null, loading: false } });
  }

  /** Each criterion of a document's goal graded alone against a report of its run, in the worker (puzzle Check). */
  gradeCriteria(doc: ArchDoc, report: Report): Promise<GradedCriterion[]> {
    return this.ensure().grade(doc, report);
  }

  /** What a node of a document can reach over the network, and the path: the engine's answer, from the worker. */
  networkReport(doc: ArchDoc, node: string): Promise<NetworkReport | null> {
    return this.ensure().network(doc, node);
  }

  /**
   * The run's training and tuning jobs compared, and the lineage of the models it trained (the Experiments tab), from
   * the worker; null before the first run command starts it.
   */
  experiments(): Promise<{ runs: ExperimentRun[]; lineage: ModelLineage[] }> | null {
    return this.client ? this.client.experiments() : null;
  }

  pickTrace(i: number): void {
    if (this.s.traces) this.patch({ traces: { ...this.s.traces, picked: i } });
  }

  dispose(): void {
    this.unsubEditor();
    this.client?.dispose();
    this.client = null;
  }
}

/** hh:mm:ss of simulated seconds. */
export function clock(sec: number): string {
  const s = Math.max(0, Math.floor(sec));
  const p = (x: number) => String(x).padStart(2, '0');
  return `${p(Math.floor(s / 3600))}:${p(Math.floor((s % 3600) / 60))}:${p(s % 60)}`;
}
