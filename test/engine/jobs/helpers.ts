import type { RunResult } from '../../harness';

/** Simulated second of the first timeline event of a node that starts with `prefix` (e.g. "Completed"). */
export function when(r: RunResult, node: string, prefix: string): number | undefined {
  return r.report.timeline.find(
    (e) => e.node === node && (e.event.startsWith(prefix) || e.event.startsWith(`${node}: ${prefix}`)),
  )?.t;
}

/** Cost of a node in the report (0 when it has none). */
export const cost = (r: RunResult, node: string): number => Number(r.node(node)?.costUSD ?? 0);
