/**
 * Read-outs: what hosts (the worker's live view, tests) may read of a run beyond the report, without
 * reaching into a module. Reading changes nothing in the run.
 */
import type { ArchDoc } from '../model/schema';
import { Graph } from '../model/graph';
import { jobProgress } from './modules/jobs/run';
import { stepsOf } from './modules/mlops/lineage';
import { mlopsRunIfAny, statusOf } from './modules/mlops/state';
import { networkReport, type NetworkReport } from './modules/network/reach';
import type { Simulation } from './sim';

export { jobProgress };
export { requestTraces, TRACE_OUTCOMES, TRACE_SAMPLING } from './modules/inference/traces';
export type { RequestTrace, TraceHop, TraceOutcome } from './modules/inference/traces';
export { SERVICE_NAMES, type NetworkReport, type Reach } from './modules/network/reach';

/** A pipeline step as the live view shows it: its state, and a running job step's phase and progress. */
export interface PipelineStepState {
  id: string;
  state?: string;
  phase?: string;
  progress?: number;
}

/** The steps of a pipeline with their states (a job step's phase and progress while it runs). */
export function pipelineSteps(sim: Simulation, pipeline: string): PipelineStepState[] {
  return stepsOf(sim.graph, pipeline).map((s) => {
    const p = jobProgress(sim, s.id);
    return { id: s.id, state: sim.state(s.id), ...(p ? { phase: p.phase, progress: p.progress } : {}) };
  });
}

/** A model package as the live view shows it. */
export interface PackageState {
  n: number;
  id: string;
  model: string | null;
  status: string;
}

/**
 * A registry's model packages, oldest first (package 0 is the one from before the run); undefined before the run
 * starts.
 */
export function registryPackages(sim: Simulation, registry: string): PackageState[] | undefined {
  const run = sim.started ? mlopsRunIfAny(sim) : undefined;
  if (!run) return undefined;
  return (run.packages.get(registry) ?? []).map((p) => ({
    n: p.n,
    id: p.id,
    model: p.model?.id ?? null,
    status: statusOf(p),
  }));
}

/** A model monitor's counters so far: runs, failed runs and violations. */
export function monitorState(
  sim: Simulation,
  monitor: string,
): { runs: number; failedRuns: number; violations: number } {
  const x = sim.allMetrics().get(monitor)?.extra ?? {};
  return { runs: Number(x.runs ?? 0), failedRuns: Number(x.failedRuns ?? 0), violations: Number(x.violations ?? 0) };
}

/**
 * What a node of a document can reach over the network, service by service, with the path each takes
 * (the why? panel's network detail); null when the node is not in the document.
 */
export function networkReportOf(doc: ArchDoc, node: string): NetworkReport | null {
  const g = new Graph(doc);
  return g.byId.has(node) ? networkReport(g, node) : null;
}
