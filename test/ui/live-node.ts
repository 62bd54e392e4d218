import type { LiveNode } from '../../src/worker/protocol';

/**
 * A node's live figures as the worker posts them, all zero, with `extra` (the report's own fields of the node: what
 * the run view's panels read) and any figures a test sets.
 */
export function liveNode(extra: Record<string, unknown>, figures: Partial<LiveNode> = {}): LiveNode {
  return {
    requests: 0,
    ok: 0,
    failed: 0,
    coldStarts: 0,
    rps: 0,
    errorRate: 0,
    p50Ms: 0,
    p99Ms: 0,
    costUSD: 0,
    incidents: {},
    ...figures,
    extra,
  } as LiveNode;
}
