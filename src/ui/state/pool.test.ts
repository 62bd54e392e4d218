import { describe, expect, it } from 'vitest';
import { EnginePool } from './pool';

function fakeSpawn() {
  const made: { terminated: boolean; sent: unknown[] }[] = [];
  const spawn = () => {
    const w = {
      terminated: false,
      sent: [] as unknown[],
      onmessage: null as unknown,
      listeners: [] as ((e: { data: unknown }) => void)[],
      postMessage(m: unknown) {
        this.sent.push(m);
      },
      addEventListener(_: string, fn: (e: { data: unknown }) => void) {
        this.listeners.push(fn);
      },
      /** A message from the worker: to onmessage (a leased client) and every listener (the checks). */
      reply(data: unknown) {
        (this.onmessage as ((e: { data: unknown }) => void) | null)?.({ data });
        for (const l of this.listeners) l({ data });
      },
      terminate() {
        this.terminated = true;
      },
    };
    made.push(w);
    return w as unknown as Worker;
  };
  return { made, spawn };
}

describe('engine worker pool', () => {
  it('starts a worker per lease and lends a released one to the next lease', () => {
    const { made, spawn } = fakeSpawn();
    const pool = new EnginePool(spawn, () => async () => []);
    const a = pool.lease();
    const b = pool.lease();
    expect(made).toHaveLength(2);
    pool.release(a);
    expect(pool.size).toEqual({ leased: 1, idle: 1 });
    const c = pool.lease();
    expect(made).toHaveLength(2);
    c.send({ type: 'pause' });
    expect(made[0].sent).toEqual([{ type: 'pause' }]);
    expect(made[0].terminated).toBe(false);
    pool.release(b);
    pool.release(c);
    pool.dispose();
    expect(made.every((w) => w.terminated)).toBe(true);
  });

  it('terminates a released worker that still owes a reply (a late report must not reach the next client)', () => {
    const { made, spawn } = fakeSpawn();
    const pool = new EnginePool(spawn, () => async () => []);
    const a = pool.lease();
    void a.report();
    pool.release(a);
    expect(made[0].terminated).toBe(true);
    expect(pool.size).toEqual({ leased: 0, idle: 0 });
    pool.lease();
    expect(made).toHaveLength(2);
  });

  it('starts the checker once, on first use', () => {
    let made = 0;
    const pool = new EnginePool(fakeSpawn().spawn, () => {
      made++;
      return async () => [];
    });
    expect(made).toBe(0);
    expect(pool.checker()).toBe(pool.checker());
    expect(made).toBe(1);
  });

  it('sends checks to its first engine worker, which the run then leases: one engine bundle, not two', async () => {
    const { made, spawn } = fakeSpawn();
    const pool = new EnginePool(spawn);
    const doc = { format: 'sagesim/architecture@1', nodes: [] } as never;
    const checked = pool.checker()(doc);
    expect(made).toHaveLength(1);
    const sent = made[0].sent[0] as { type: string; id: number };
    expect(sent.type).toBe('check');
    const run = pool.lease();
    expect(made).toHaveLength(1); // the run got the same worker
    const got: unknown[] = [];
    run.onUpdate((u) => got.push(u));
    const runCheck = run.check(doc); // the run client's own check: its ids do not clash with the pool's
    const own = made[0].sent.at(-1) as { id: number };
    expect(own.id).not.toBe(sent.id);
    const f = [{ rule: 'x', node: 'n', message: 'm', severity: 'error' }];
    (made[0] as unknown as { reply(d: unknown): void }).reply({ type: 'findings', id: sent.id, findings: f });
    expect(await checked).toEqual(f);
    (made[0] as unknown as { reply(d: unknown): void }).reply({ type: 'findings', id: own.id, findings: [] });
    expect(await runCheck).toEqual([]);
    expect(got).toEqual([]);
  });

  it('sends waiting checks to a new worker when the shared one is terminated', async () => {
    const { made, spawn } = fakeSpawn();
    const pool = new EnginePool(spawn);
    const doc = { format: 'sagesim/architecture@1', nodes: [] } as never;
    const run = pool.lease();
    void pool.checker()(doc); // the run holds worker 0, so the checks start worker 1
    expect(made).toHaveLength(2);
    const a = pool.lease(); // worker 1, the checks' worker
    void a.report();
    const checked = pool.checker()(doc);
    pool.release(a); // owes a report: terminated
    expect(made[1].terminated).toBe(true);
    expect(made).toHaveLength(3);
    const again = made[2].sent.filter((m) => (m as { type: string }).type === 'check') as { id: number }[];
    expect(again).toHaveLength(2); // both checks still due
    for (const m of again)
      (made[2] as unknown as { reply(d: unknown): void }).reply({ type: 'findings', id: m.id, findings: [] });
    expect(await checked).toEqual([]);
    pool.release(run);
  });
});
