import { describe, expect, it } from 'vitest';
import { arch, edge, node, run } from '../../harness';

describe('endpoints failed before the inference module subscribed', () => {
  it('an endpoint failed at t=0 by the deploy gate still counts every client request as failed', () => {
    const r = run(
      arch(
        node('r', 'model-registry'),
        node('e', 'realtime-endpoint'),
        node('c', 'client', { rps: 1 }),
        edge('r', 'e'),
        edge('c', 'e'),
      ),
    );
    expect(r.incident('unapproved-model-deploy', 'e')?.firstAtSec).toBe(0);
    const e = r.node('e');
    expect(e.state).toBe('Failed');
    expect(e.requests).toBeGreaterThan(3000);
    expect(e.requests).toBe(r.node('c').requests);
    expect(e.failed).toBe(e.requests);
    expect(e.ok).toBe(0);
  });

  it('fixed twin: an Approved registry deploys and serves the same client', () => {
    const r = run(
      arch(
        node('r', 'model-registry', { approval: 'Approved' }),
        node('e', 'realtime-endpoint'),
        node('c', 'client', { rps: 1 }),
        edge('r', 'e'),
        edge('c', 'e'),
      ),
    );
    expect(r.incident('unapproved-model-deploy')).toBeUndefined();
    expect(r.node('e').state).toBe('InService');
    expect(r.node('e').failed).toBe(0);
    expect(r.node('e').ok).toBeGreaterThan(3000);
  });
});
