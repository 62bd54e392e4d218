import { EngineClient } from '../../worker/client';
import { type Checker, createChecker } from './checker';

/**
 * The page's one engine worker pool. The live run, a presenter replay and a maker test each lease an
 * `EngineClient` while they need one; a released worker is kept for the next lease (every session starts
 * with a `load`, which resets the worker's run). Static checks go to one small checks worker (it holds
 * only the checks, so the first screen does not load the engine). Workers start on first use.
 */
export class EnginePool {
  private idle: Worker[] = [];
  private readonly leased = new Set<EngineClient>();
  private checks: Checker | null = null;

  /** `spawn` makes an engine worker; `check` makes the checker (tests pass fakes). */
  constructor(
    private readonly spawn: () => Worker = () =>
      new Worker(new URL('../../worker/engine.worker.ts', import.meta.url), { type: 'module' }),
    private readonly makeChecker: () => Checker = createChecker,
  ) {}

  /** An engine client on a free worker (a kept one, else a new one). Give it back with `release`. */
  lease(): EngineClient {
    const c = new EngineClient(this.idle.pop() ?? this.spawn());
    this.leased.add(c);
    return c;
  }

  /**
   * Give a leased client back. Its worker is kept for the next lease unless a reply is still due (a late
   * report must not reach the next client); then it is terminated.
   */
  release(client: EngineClient): void {
    if (!this.leased.delete(client)) return;
    if (client.awaiting) client.dispose();
    else this.idle.push(client.detach());
  }

  /** Workers alive now: leased, kept idle (engine) and the checks worker once started. */
  get size(): { leased: number; idle: number } {
    return { leased: this.leased.size, idle: this.idle.length };
  }

  /** The static checker (started on first use). */
  checker = (): Checker => (this.checks ??= this.makeChecker());

  /** Terminate every worker. */
  dispose(): void {
    for (const c of this.leased) c.dispose();
    this.leased.clear();
    for (const w of this.idle) w.terminate();
    this.idle = [];
  }
}
