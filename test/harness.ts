/**
 * Headless test harness: build a document in a few lines, run it for N simulated seconds, and ask the
 * report about incidents, findings, states and metrics.
 *
 *   const r = run(arch(
 *     node('c', 'client', { rps: 50 }), node('ep', 'serverless-endpoint'),
 *     edge('c', 'ep'),
 *   ), { durationSec: 600 });
 *   expect(r.incident('serverless-cold-start', 'ep')?.count).toBe(1);
 */
import { loadJson, formatErrors } from '../src/model/load';
import type { ArchDoc, ArchEdge, ArchNode, Fault } from '../src/model/schema';
import type { Kind } from '../src/catalog/types';
import { checkDocument, runDocument, type RunOptions } from '../src/engine/run';
import type { Report } from '../src/engine/report';
import type { Simulation } from '../src/engine/sim';

type Part = ArchNode | ArchEdge | { fault: Fault };

export const node = (id: string, kind: Kind, props?: Record<string, unknown>, parent?: string): ArchNode => ({
  id,
  kind,
  ...(props ? { props } : {}),
  ...(parent ? { parent } : {}),
});
export const edge = (from: string, to: string): ArchEdge => ({ from, to });
export const fault = (f: Fault): { fault: Fault } => ({ fault: f });

/** A validated document from nodes, edges and faults. Throws with the load errors if it is invalid. */
export function arch(...parts: Part[]): ArchDoc {
  const doc = {
    format: 'sagesim/architecture@1' as const,
    nodes: parts.filter((p): p is ArchNode => 'kind' in p),
    edges: parts.filter((p): p is ArchEdge => 'from' in p),
    faults: parts.filter((p): p is { fault: Fault } => 'fault' in p).map((p) => p.fault),
  };
  return validate(doc);
}

export function validate(doc: unknown): ArchDoc {
  const r = loadJson(doc);
  if (!r.ok) throw new Error(`invalid test document:\n${formatErrors(r.errors)}`);
  return r.doc;
}

export interface RunResult {
  report: Report;
  sim: Simulation;
  incident(rule: string, node?: string): Report['incidents'][number] | undefined;
  finding(rule: string, node?: string): Report['findings'][number] | undefined;
  node(id: string): Report['nodes'][string];
  state(id: string): string | undefined;
  /** Rule ids of all incidents and findings, for quick "does not show it" checks. */
  rules(): Set<string>;
}

/** Run a document to the end (default: 3600 simulated seconds) and wrap its report. */
export function run(doc: ArchDoc, o: RunOptions = {}): RunResult {
  const { sim, report } = runDocument(doc, o);
  return {
    report,
    sim,
    incident: (rule, n) => report.incidents.find((i) => i.rule === rule && (!n || i.node === n)),
    finding: (rule, n) => report.findings.find((f) => f.rule === rule && (!n || f.node === n)),
    node: (id) => report.nodes[id],
    state: (id) => report.nodes[id]?.state,
    rules: () => new Set([...report.incidents.map((i) => i.rule), ...report.findings.map((f) => f.rule)]),
  };
}

/** Static findings only. */
export const findings = (doc: ArchDoc) => checkDocument(doc);
