import { describe, expect, it } from 'vitest';
import { arch, edge, node, run } from '../../harness';

const client = (props: Record<string, unknown> = {}) => node('c', 'client', props);
const mme = (props: Record<string, unknown> = {}) => node('mme', 'multi-model-endpoint', props);

describe('multi-model endpoint', () => {
  it('mme-cold-load: 5 models on a cache of 10 give exactly 5 cold loads, and no thrash', () => {
    const r = run(arch(client({ rps: 10, models: 5 }), mme({ cachedModels: 10 }), edge('c', 'mme')));
    expect(r.incident('mme-cold-load', 'mme')!.count).toBe(5);
    expect(r.node('mme').coldStarts).toBe(5);
    expect(r.node('mme').modelsLoaded).toBe(5);
    expect(r.incident('mme-cache-thrash')).toBeUndefined();
    expect(r.incident('mme-cold-load', 'mme')!.message).toMatch(/Model model-\d was not loaded .* waited 4 s/);
    // a load takes coldLoadSec: the slowest requests are those
    expect(r.node('mme').p99Ms).toBeLessThan(200);
  });

  it('mme-cache-thrash: 30 models in use on a cache of 10 keep reloading evicted models', () => {
    const r = run(arch(client({ rps: 10, models: 30 }), mme({ cachedModels: 10 }), edge('c', 'mme')));
    const cold = r.incident('mme-cold-load', 'mme')!.count;
    const thrash = r.incident('mme-cache-thrash', 'mme')!;
    expect(cold).toBe(r.node('mme').coldStarts);
    // every cold load beyond the first load of each model is a reload of an evicted one
    expect(thrash.count).toBe(cold - 30);
    expect(thrash.count).toBeGreaterThan(1000);
    expect(thrash.message).toContain('30 models in use but only 10 fit in memory');
    expect(r.node('mme').p99Ms).toBeGreaterThan(4000);
  });

  it('mme-cache-thrash fixed twin: a cache that holds the working set (cachedModels × instanceCount)', () => {
    const r = run(arch(client({ rps: 10, models: 30 }), mme({ cachedModels: 10, instanceCount: 3 }), edge('c', 'mme')));
    expect(r.incident('mme-cache-thrash')).toBeUndefined();
    expect(r.incident('mme-cold-load', 'mme')!.count).toBe(30);
  });

  it(
    'mme-mixed-frameworks: a finding, and creation fails at the image ' + 'pull; its requests fail with no other rule',
    () => {
      const r = run(
        arch(
          client({ rps: 5 }),
          mme(),
          edge('c', 'mme'),
          node('sk', 'ecr-repository', { framework: 'sklearn' }),
          node('xg', 'ecr-repository', { framework: 'xgboost' }),
          edge('sk', 'mme'),
          edge('xg', 'mme'),
        ),
      );
      expect(r.finding('mme-mixed-frameworks', 'mme')?.message).toContain('sklearn and xgboost');
      const i = r.incident('mme-mixed-frameworks', 'mme')!;
      expect(i.count).toBe(1);
      expect(r.state('mme')).toBe('Failed');
      expect(r.node('mme').failed).toBe(r.node('mme').requests);
      expect(r.node('mme').requests).toBeGreaterThan(15_000);
      expect(r.node('mme').coldStarts).toBe(0);
      expect(r.report.incidents.filter((x) => x.node === 'mme').map((x) => x.rule)).toEqual(['mme-mixed-frameworks']);
    },
  );

  it('mme-mixed-frameworks also sees a built-in algorithm deployed next to another image', () => {
    const r = run(
      arch(
        mme(),
        node('sk', 'ecr-repository', { framework: 'sklearn' }),
        edge('sk', 'mme'),
        node('tr', 'training-job', { algorithm: 'xgboost' }),
        edge('tr', 'mme'),
      ),
    );
    expect(r.finding('mme-mixed-frameworks', 'mme')).toBeDefined();
  });

  it('mme-mixed-frameworks fixed twin: one framework', () => {
    const r = run(
      arch(
        client({ rps: 5 }),
        mme(),
        edge('c', 'mme'),
        node('a', 'ecr-repository', { framework: 'xgboost' }),
        node('b', 'ecr-repository', { framework: 'xgboost' }),
        edge('a', 'mme'),
        edge('b', 'mme'),
        node('tr', 'training-job', { algorithm: 'xgboost' }),
        edge('tr', 'mme'),
      ),
    );
    expect(r.rules().has('mme-mixed-frameworks')).toBe(false);
    expect(r.state('mme')).toBe('InService');
    expect(r.node('mme').ok).toBe(r.node('mme').requests);
  });
});

describe('feature lookups at inference', () => {
  const doc = (online: boolean) =>
    arch(
      client({ rps: 2 }),
      node('ep', 'realtime-endpoint', { instanceCount: 4 }),
      edge('c', 'ep'),
      node('fs', 'feature-store', { online }),
      edge('fs', 'ep'),
    );

  it(
    'offline-store-online-lookup: every request pays a multi-second offline read; p99 explodes and timeouts ' +
      'follow',
    () => {
      const r = run(doc(false));
      expect(r.finding('offline-store-online-lookup', 'ep')).toBeDefined();
      const i = r.incident('offline-store-online-lookup', 'ep')!;
      expect(i.count).toBe(r.node('ep').requests);
      expect(i.message).toMatch(
        /Feature group fs has no online store: each request to ep ran an offline .* taking \d+ ms/,
      );
      expect(r.node('ep').p50Ms).toBeGreaterThan(3000);
      expect(r.node('ep').p99Ms).toBeGreaterThan(40_000);
      const t = r.incident('realtime-timeout', 'ep')!;
      expect(t.count).toBeGreaterThan(10);
      expect(t.count).toBe(r.node('ep').failed);
    },
  );

  it('fixed twin: the online store adds single-digit milliseconds', () => {
    const r = run(doc(true));
    expect(r.rules().has('offline-store-online-lookup')).toBe(false);
    expect(r.rules().has('realtime-timeout')).toBe(false);
    expect(r.node('ep').p50Ms).toBeGreaterThan(52);
    expect(r.node('ep').p50Ms).toBeLessThan(62);
    expect(r.node('ep').failed).toBe(0);
  });
});

describe('batch transform called like an endpoint', () => {
  it('batch-for-realtime: a finding, and every call fails on the batch node', () => {
    const r = run(arch(client({ rps: 2 }), node('bt', 'batch-transform'), edge('c', 'bt')));
    expect(r.finding('batch-for-realtime', 'bt')?.message).toContain('Client c sends 2 requests/s');
    const i = r.incident('batch-for-realtime', 'bt')!;
    expect(i.count).toBe(r.node('c').requests);
    expect(r.node('bt').failed).toBe(i.count);
    expect(i.count).toBeGreaterThan(6500);
  });

  it('batch-for-realtime fixed twin: the client calls a real-time endpoint', () => {
    const r = run(
      arch(client({ rps: 2 }), node('ep', 'realtime-endpoint'), edge('c', 'ep'), node('bt', 'batch-transform')),
    );
    expect(r.rules().has('batch-for-realtime')).toBe(false);
  });
});
