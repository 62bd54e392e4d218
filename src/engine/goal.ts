import type { Goal } from '../model/schema';
import type { Finding, Incident } from './types';
import { own } from '../model/own';

interface Gradable {
  findings: Finding[];
  incidents: Incident[];
  nodes: Record<string, { state?: string; requests?: number; ok?: number; failed?: number; p99Ms?: number }>;
  costUSD: number;
}

/** Grade a run against a puzzle goal (format.md section 6): every key present must hold. */
export function gradeGoal(goal: Goal, r: Gradable): { met: boolean; failed: string[] } {
  const failed: string[] = [];
  const has = (rule: string) => r.incidents.some((i) => i.rule === rule && i.count > 0);
  for (const rule of goal.noIncidents ?? []) {
    if (has(rule))
      failed.push(
        `incident of rule ${rule} occurred (${r.incidents
          .filter((i) => i.rule === rule)
          .map((i) => i.node)
          .join(', ')})`,
      );
  }
  for (const rule of goal.incidents ?? []) if (!has(rule)) failed.push(`no incident of rule ${rule}`);
  for (const [node, want] of Object.entries(goal.nodeStates ?? {})) {
    const got = own(r.nodes, node)?.state;
    if (got !== want) failed.push(`node ${node} is ${got ?? 'absent'}, not ${want}`);
  }
  for (const [node, min] of Object.entries(goal.minServed ?? {})) {
    const ok = own(r.nodes, node)?.ok ?? 0;
    if (ok < min) failed.push(`node ${node} served ${ok} requests, fewer than ${min}`);
  }
  if (goal.maxFailedRatio !== undefined) {
    for (const [id, n] of Object.entries(r.nodes)) {
      if (n.failed === undefined || !n.requests) continue;
      const ratio = n.failed / n.requests;
      if (ratio > goal.maxFailedRatio)
        failed.push(
          `endpoint ${id} failed ${(ratio * 100).toFixed(1)}% of requests (max ${(goal.maxFailedRatio * 100).toFixed(1)}%)`,
        );
    }
  }
  if (goal.maxP99Ms !== undefined) {
    for (const [id, n] of Object.entries(r.nodes)) {
      if (n.p99Ms !== undefined && n.requests && n.p99Ms > goal.maxP99Ms)
        failed.push(`endpoint ${id} p99 ${n.p99Ms} ms is above ${goal.maxP99Ms} ms`);
    }
  }
  if (goal.maxCostUSD !== undefined && r.costUSD > goal.maxCostUSD)
    failed.push(`cost $${r.costUSD} is above $${goal.maxCostUSD}`);
  for (const rule of goal.noFindings ?? []) {
    if (r.findings.some((f) => f.rule === rule)) failed.push(`finding of rule ${rule} remains`);
  }
  return { met: failed.length === 0, failed };
}
