import type { Goal } from '../model/schema';
import { budgetStatus, tagCosts, type BudgetStatus } from '../model/costs';
import type { Simulation } from './sim';
import type { Finding, Incident } from './types';
import { designChecks, gradeGoal } from './goal';
import { round } from './util';

/** A report node entry: a job's or endpoint's state and, for endpoints, request figures. */
export interface NodeReport {
  state?: string;
  requests?: number;
  ok?: number;
  failed?: number;
  p50Ms?: number;
  p99Ms?: number;
  coldStarts?: number;
  costUSD?: number;
  [extra: string]: unknown;
}

/** The report of format.md section 5. */
export interface Report {
  format: 'sagesim/report@1';
  seed: number;
  /** v1.1: the rulebook the run followed ("sheet" or "aws"). */
  rulebook: 'sheet' | 'aws';
  simulatedSec: number;
  findings: Finding[];
  incidents: Incident[];
  nodes: Record<string, NodeReport>;
  costUSD: number;
  /**
   * Our own (issue 17): cost by cost allocation tag, tag key → tag value → USD, with the cost of nodes without that
   * key under "(untagged)". Present only when some node has tags.
   */
  costByTag?: Record<string, Record<string, number>>;
  /** Our own (issue 17): each budget of the document, its actual cost and the alert thresholds (percent) it passed. */
  budgets?: BudgetStatus[];
  goal?: { met: boolean; failed: string[] };
  /** Our own: significant events in order (state changes, faults, pipeline steps). */
  timeline: { t: number; node: string | null; event: string }[];
}

/** Build the report of a finished (or stopped) run. Key order is fixed, numbers are rounded. */
export function buildReport(sim: Simulation, goal?: Goal): Report {
  const nodes: Record<string, NodeReport> = {};
  let cost = 0;
  for (const n of sim.graph.nodes) {
    const state = sim.state(n.id);
    const m = sim.allMetrics().get(n.id);
    if (state === undefined && !m?.touched) continue;
    const entry: NodeReport = {};
    if (state !== undefined) entry.state = state;
    if (m && (m.requests > 0 || n.def.role === 'endpoint' || n.def.role === 'client' || n.def.role === 'batch')) {
      if (n.def.role === 'client') entry.requests = m.requests;
      // a stream (Kinesis, Firehose) counts records put, accepted and refused; it has no request latency
      else if (n.kind === 'kinesis-stream' || n.kind === 'firehose')
        Object.assign(entry, { requests: m.requests, ok: m.ok, failed: m.failed });
      else
        Object.assign(entry, {
          requests: m.requests,
          ok: m.ok,
          failed: m.failed,
          p50Ms: round(m.latency.quantile(0.5), 1),
          p99Ms: round(m.latency.quantile(0.99), 1),
          coldStarts: m.coldStarts,
        });
    }
    if (m) {
      Object.assign(entry, m.extra);
      if (m.costUSD > 0) entry.costUSD = round(m.costUSD, 4);
      cost += m.costUSD;
    }
    nodes[n.id] = entry;
  }
  const incidents = sim
    .allIncidents()
    .map((i) => ({
      rule: i.rule,
      node: i.node,
      count: i.count,
      firstAtSec: round(i.firstAtSec, 3),
      message: i.message,
    }))
    .sort((a, b) => a.firstAtSec - b.firstAtSec || a.rule.localeCompare(b.rule) || a.node.localeCompare(b.node));
  const report: Report = {
    format: 'sagesim/report@1',
    seed: sim.seed,
    rulebook: sim.graph.rulebook,
    simulatedSec: round(sim.now, 3),
    findings: sim.findings.map((f) => ({ rule: f.rule, node: f.node, severity: f.severity, message: f.message })),
    incidents,
    nodes,
    costUSD: round(cost, 2),
    ...costByTag(sim, nodes),
    ...(sim.graph.doc.budgets?.length && {
      budgets: budgetStatus(sim.graph.doc, (id) => nodes[id]?.costUSD ?? 0),
    }),
    timeline: sim.timeline.map((e) => ({ t: round(e.t, 3), node: e.node, event: e.event })),
  };
  if (goal) {
    const { timeline, ...rest } = report;
    report.goal = gradeGoal(goal, { ...rest, design: designChecks(sim.graph) });
    // keep "goal" before our own "timeline" field
    delete (report as Partial<Report>).timeline;
    report.timeline = timeline;
  }
  return report;
}

function costByTag(sim: Simulation, nodes: Record<string, NodeReport>): { costByTag?: Report['costByTag'] } {
  const t = tagCosts(sim.graph.doc.nodes, (id) => nodes[id]?.costUSD ?? 0);
  return t ? { costByTag: t } : {};
}
