import type { FromWorker, GradedCriterion, RunUpdate, ToWorker } from './protocol';
import type { ExperimentRun, Finding, ModelLineage, NetworkReport, Report, RequestTrace } from '../engine';
import type { ArchDoc, Fault } from '../model/schema';

/**
 * Page side of the engine worker: send commands, subscribe to updates, ask for reports, traces and
 * findings. One client per run view; `dispose()` terminates the worker.
 */
export class EngineClient {
  /** The worker this client talks to (a pool may share it with its checks). */
  readonly worker: Worker;
  private listeners = new Set<(u: RunUpdate) => void>();
  private errorListeners = new Set<(message: string) => void>();
  private faultListeners = new Set<(f: Fault) => void>();
  private pendingReports: ((r: Report) => void)[] = [];
  private pendingTraces: ((t: RequestTrace[]) => void)[] = [];
  private pendingExperiments: ((e: { runs: ExperimentRun[]; lineage: ModelLineage[] }) => void)[] = [];
  private pendingChecks = new Map<number, (f: Finding[]) => void>();
  private pendingNetwork = new Map<number, (r: NetworkReport | null) => void>();
  private pendingGrades = new Map<number, (items: GradedCriterion[]) => void>();
  private checkSeq = 0;
  /** The latest update, for components that mount late. */
  last: RunUpdate | null = null;

  constructor(worker?: Worker) {
    this.worker = worker ?? new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
  }

  private receive(m: FromWorker): void {
    switch (m.type) {
      case 'update':
        this.last = m;
        for (const l of this.listeners) l(m);
        break;
      case 'report':
        this.pendingReports.shift()?.(m.report);
        break;
      case 'traces':
        this.pendingTraces.shift()?.(m.traces);
        break;
      case 'experiments':
        this.pendingExperiments.shift()?.({ runs: m.runs, lineage: m.lineage });
        break;
      case 'findings': {
        if (!this.pendingChecks.has(m.id)) break; // another user of the worker (the pool's checks)
        const r = this.pendingChecks.get(m.id);
        this.pendingChecks.delete(m.id);
        r?.(m.findings);
        break;
      }
      case 'network': {
        const r = this.pendingNetwork.get(m.id);
        this.pendingNetwork.delete(m.id);
        r?.(m.report);
        break;
      }
      case 'graded': {
        const r = this.pendingGrades.get(m.id);
        this.pendingGrades.delete(m.id);
        r?.(m.items);
        break;
      }
      case 'fault':
        for (const l of this.faultListeners) l(m.fault);
        break;
      default:
        for (const l of this.errorListeners) l(m.message);
    }
  }

  send(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  onUpdate(fn: (u: RunUpdate) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  onError(fn: (message: string) => void): () => void {
    this.errorListeners.add(fn);
    return () => this.errorListeners.delete(fn);
  }

  /** Faults the worker applied (with the time it fixed), to record in the document. */
  onFault(fn: (f: Fault) => void): () => void {
    this.faultListeners.add(fn);
    return () => this.faultListeners.delete(fn);
  }

  /** The report of the loaded document, built exactly as `npm run sim` builds it (graded when it has a goal). */
  report(): Promise<Report> {
    return new Promise((resolve) => {
      this.pendingReports.push(resolve);
      this.send({ type: 'report' });
    });
  }

  /** The sampled request traces of an endpoint in the current run. */
  traces(node: string): Promise<RequestTrace[]> {
    return new Promise((resolve) => {
      this.pendingTraces.push(resolve);
      this.send({ type: 'traces', node });
    });
  }

  /** The run's training and tuning jobs compared, and the lineage of the models it trained (the Experiments tab). */
  experiments(): Promise<{ runs: ExperimentRun[]; lineage: ModelLineage[] }> {
    return new Promise((resolve) => {
      this.pendingExperiments.push(resolve);
      this.send({ type: 'experiments' });
    });
  }

  /** Static findings of a document, computed in the worker. */
  check(doc: ArchDoc): Promise<Finding[]> {
    const id = ++this.checkSeq;
    return new Promise((resolve) => {
      this.pendingChecks.set(id, resolve);
      this.send({ type: 'check', doc, id });
    });
  }

  /**
   * What a node of a document can reach over the network, and the path, computed in the worker (null: no such node).
   */
  network(doc: ArchDoc, node: string): Promise<NetworkReport | null> {
    const id = ++this.checkSeq;
    return new Promise((resolve) => {
      this.pendingNetwork.set(id, resolve);
      this.send({ type: 'network', doc, node, id });
    });
  }

  /** Each criterion of a document's goal graded alone against a report, in the worker (the puzzle checklist). */
  grade(doc: ArchDoc, report: Report): Promise<GradedCriterion[]> {
    const id = ++this.checkSeq;
    return new Promise((resolve) => {
      this.pendingGrades.set(id, resolve);
      this.send({ type: 'grade', doc, report, id });
    });
  }

  /**
   * True while a report, traces, findings, network or grading reply is still due (the worker is not free for another
   * client).
   */
  get awaiting(): boolean {
    return (
      this.pendingReports.length > 0 ||
      this.pendingTraces.length > 0 ||
      this.pendingExperiments.length > 0 ||
      this.pendingChecks.size > 0 ||
      this.pendingNetwork.size > 0 ||
      this.pendingGrades.size > 0
    );
  }

  /** Stop listening and hand the worker back (a pool lends it to the next client); the client is unusable after. */
  detach(): Worker {
    this.worker.onmessage = null;
    this.listeners.clear();
    this.errorListeners.clear();
    this.faultListeners.clear();
    return this.worker;
  }

  dispose(): void {
    this.worker.terminate();
    this.listeners.clear();
    this.errorListeners.clear();
    this.faultListeners.clear();
  }
}
