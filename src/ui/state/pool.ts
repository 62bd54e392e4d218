import type { Finding } from '../../engine';
import type { ArchDoc } from '../../model/schema';
import { EngineClient } from '../../worker/client';
import type { FromWorker } from '../../worker/protocol';
import { type Checker, inProcessChecker } from './checker';

/**
 * The page's one engine worker pool. The live run, a presenter replay and a maker test each lease an
 * `EngineClient` while they need one; a released worker is kept for the next lease (every session starts
 * with a `load`, which resets the worker's run). Static checks go to the pool's first engine worker (its
 * session answers `check` between run slices), so the page loads the engine bundle once, not twice: that
 * worker starts with the first check and is the one the first lease gets. Workers start on first use.
 */
export class EnginePool {
  private idle: Worker[] = [];
  private readonly leased = new Set<EngineClient>();
  private checks: Checker | null = null;
  /** The worker the checks go to (also lent to runs), while it lives. */
  private home: Worker | null = null;
  /** Checks sent and not answered yet (negative ids: a run client's own checks count up from 1). */
  private waiting = new Map<number, { doc: ArchDoc; resolve: (f: Finding[]) => void }>();
  private checkSeq = 0;

  private readonly spawn: () => Worker;

  /**
   * `spawn` makes an engine worker; `makeChecker` replaces the checks on the home worker (tests pass fakes).
   * Without workers (node, jsdom) and no `spawn`, the checks run in-process.
   */
  constructor(
    spawn?: () => Worker,
    private readonly makeChecker: (() => Checker) | undefined = !spawn && typeof Worker === 'undefined'
      ? () => inProcessChecker
      : undefined,
  ) {
    this.spawn =
      spawn ?? (() => new Worker(new URL('../../worker/engine.worker.ts', import.meta.url), { type: 'module' }));
  }

  /** An engine client on a free worker (a kept one, else a new one). Give it back with `release`. */
  lease(): EngineClient {
    const c = new EngineClient(this.idle.pop() ?? this.spawn());
    this.leased.add(c);
    return c;
  }

  /**
   * Give a leased client back. Its worker is kept for the next lease unless a reply is still due (a late
   * report must not reach the next client); then it is terminated (checks waiting on it go to a new one).
   */
  release(client: EngineClient): void {
    if (!this.leased.delete(client)) return;
    if (!client.awaiting) {
      this.idle.push(client.detach());
      return;
    }
    client.dispose();
    if (client.worker === this.home) {
      this.home = null;
      if (this.waiting.size) this.resend();
    }
  }

  /** Workers alive now: leased and kept idle. */
  get size(): { leased: number; idle: number } {
    return { leased: this.leased.size, idle: this.idle.length };
  }

  /** The static checker (on the home engine worker, started on first use). */
  checker = (): Checker => (this.checks ??= this.makeChecker?.() ?? this.homeChecker);

  private homeChecker: Checker = (doc) =>
    new Promise((resolve) => {
      const id = -++this.checkSeq;
      this.waiting.set(id, { doc, resolve });
      this.homeWorker().postMessage({ type: 'check', doc, id });
    });

  /** The home worker: started (and offered to the next lease) on the first check. */
  private homeWorker(): Worker {
    if (this.home) return this.home;
    const w = this.spawn();
    this.home = w;
    this.idle.push(w);
    w.addEventListener('message', (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type !== 'findings' || m.id >= 0) return;
      const due = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      due?.resolve(m.findings);
    });
    return w;
  }

  private resend(): void {
    const w = this.homeWorker();
    for (const [id, { doc }] of this.waiting) w.postMessage({ type: 'check', doc, id });
  }

  /** Terminate every worker. */
  dispose(): void {
    for (const c of this.leased) c.dispose();
    this.leased.clear();
    for (const w of this.idle) w.terminate();
    this.idle = [];
    this.home = null;
  }
}
