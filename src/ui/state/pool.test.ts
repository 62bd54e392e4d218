import { describe, expect, it } from 'vitest';
import { EnginePool } from './pool';

function fakeSpawn() {
  const made: { terminated: boolean; sent: unknown[] }[] = [];
  const spawn = () => {
    const w = {
      terminated: false,
      sent: [] as unknown[],
      onmessage: null as unknown,
      postMessage(m: unknown) {
        this.sent.push(m);
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
});
