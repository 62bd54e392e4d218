import type { FromWorker, RunUpdate, ToWorker } from './protocol';
import type { Report } from '../engine/report';

/**
 * Page side of the engine worker: send commands, subscribe to updates, ask for reports.
 * One client per run view; `dispose()` terminates the worker.
 */
export class EngineClient {
  private readonly worker: Worker;
  private listeners = new Set<(u: RunUpdate) => void>();
  private errorListeners = new Set<(message: string) => void>();
  private pendingReports: ((r: Report) => void)[] = [];
  /** The latest update, for components that mount late. */
  last: RunUpdate | null = null;

  constructor(worker?: Worker) {
    this.worker = worker ?? new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
  }

  private receive(m: FromWorker): void {
    if (m.type === 'update') {
      this.last = m;
      for (const l of this.listeners) l(m);
    } else if (m.type === 'report') {
      this.pendingReports.shift()?.(m.report);
    } else {
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

  /** The report of the loaded document, built exactly as `npm run sim` builds it (graded when it has a goal). */
  report(): Promise<Report> {
    return new Promise((resolve) => {
      this.pendingReports.push(resolve);
      this.send({ type: 'report' });
    });
  }

  dispose(): void {
    this.worker.terminate();
    this.listeners.clear();
    this.errorListeners.clear();
  }
}
