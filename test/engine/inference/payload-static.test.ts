import { describe, expect, it } from 'vitest';
import { arch, edge, node, run } from '../../harness';

/** A client whose every request is over an endpoint's payload limit is a finding before the run. */
describe('payload-too-large as a static finding', () => {
  const client = (payloadMB: number, payloadSpread = 'fixed') =>
    node('c', 'client', { rps: 2, payloadMB, payloadSpread });

  it('a client that always sends 8 MB to a real-time endpoint (6 MB limit): a finding on the endpoint', () => {
    const r = run(arch(client(8), node('ep', 'realtime-endpoint'), edge('c', 'ep')), { durationSec: 600 });
    const f = r.finding('payload-too-large', 'ep');
    expect(f).toBeDefined();
    expect(f!.severity).toBe('error');
    expect(f!.message).toContain('8 MB is over the 6 MB limit of real-time endpoints');
    // and the run agrees: every request is rejected
    expect(r.node('ep').ok).toBe(0);
  });

  it('serverless: 5 MB every time is over its 4 MB limit', () => {
    const r = run(arch(client(5), node('sl', 'serverless-endpoint'), edge('c', 'sl')), { durationSec: 600 });
    expect(r.finding('payload-too-large', 'sl')?.message).toContain('over the 4 MB limit of serverless');
  });

  it('no finding when the sizes vary (lognormal: only some requests are over), or when they fit', () => {
    expect(
      run(arch(client(8, 'lognormal'), node('ep', 'realtime-endpoint'), edge('c', 'ep')), { durationSec: 600 }).finding(
        'payload-too-large',
        'ep',
      ),
    ).toBeUndefined();
    expect(
      run(arch(client(5), node('ep', 'realtime-endpoint'), edge('c', 'ep')), { durationSec: 600 }).finding(
        'payload-too-large',
        'ep',
      ),
    ).toBeUndefined();
    // an async endpoint takes up to 1 GB
    expect(
      run(arch(client(8), node('as', 'async-endpoint'), edge('c', 'as')), { durationSec: 600 }).finding(
        'payload-too-large',
        'as',
      ),
    ).toBeUndefined();
  });
});
