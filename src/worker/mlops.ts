import {
  pipelineSteps,
  registryPackages,
  TOPICS,
  type FlowEvent,
  type MonitorRun,
  type PackageStatus,
  type PipelineExecution,
  type ScalingActivity,
  type Simulation,
  type StateChange,
} from '../engine';
import type { Flow, MlopsLive, MonitorRunLive, Scaling } from './protocol';

/** Executions and monitor runs kept per node (the newest); counts stay exact in `extra`. */
const KEEP = 30;
/** Flows sent in one update at most (a run to the end can make thousands; the newest are kept). */
export const FLOWS_MAX = 200;
/** Scaling activities sent in one update at most (the newest). */
export const SCALING_MAX = 100;
/** States in which a job or an endpoint starts reading its data and pulling its image. */
const START_STATES = new Set(['InProgress', 'Creating']);
/** Kinds whose own observation topics say what they do (their start is not a data or image pull). */
const OBSERVED_KINDS = new Set(['pipeline', 'eventbridge', 'lambda', 'model-registry', 'model-monitor']);

interface Execution {
  n: number;
  state: string;
  reason: string;
  startSec: number;
  endSec?: number;
}
interface PackageTimes {
  registeredAt?: number;
  statusAt?: number;
}

/** Keep the newest `max` of a list that grows between takes. */
const bounded = <T>(list: T[], max: number): T[] => (list.length > max * 4 ? list.slice(-max) : list);

/**
 * What the live view shows of the MLOps lifecycle while a run goes on, from the engine's typed
 * observation topics (no log text is read): pipeline executions and the step running, registry
 * packages with their status, monitor runs and their results, scaling activities, and the flows along
 * the event chains (S3 → EventBridge → Lambda / pipeline, approval → Lambda → endpoint, violation →
 * retraining) at the simulated second they happen. Data and image flows into a job or an endpoint are
 * drawn when its state says it started (TOPICS.state). Observing changes nothing in the run.
 */
export class MlopsWatch {
  private readonly executions = new Map<string, Execution[]>();
  private readonly packageTimes = new Map<string, PackageTimes>();
  private readonly monitorRuns = new Map<string, MonitorRunLive[]>();
  private flows: Flow[] = [];
  private scaling: Scaling[] = [];

  constructor(private readonly sim: Simulation) {
    sim.on(TOPICS.flow, (f: FlowEvent) => this.flow(f));
    sim.on(TOPICS.state, (s: StateChange) => this.onState(s));
    sim.on(TOPICS.pipelineExecution, (e: PipelineExecution) => this.onExecution(e));
    sim.on(TOPICS.packageStatus, (p: PackageStatus) => this.onPackage(p));
    sim.on(TOPICS.monitorRun, (r: MonitorRun) => this.onMonitorRun(r));
    sim.on(TOPICS.scaling, (a: ScalingActivity) => {
      this.scaling = bounded(this.scaling, SCALING_MAX);
      this.scaling.push({ t: sim.now, ...a });
    });
  }

  /** Flows since the previous call (the newest FLOWS_MAX). */
  takeFlows(): Flow[] {
    const f = this.flows;
    this.flows = [];
    return f.length > FLOWS_MAX ? f.slice(f.length - FLOWS_MAX) : f;
  }

  /** Scaling activities since the previous call (the newest SCALING_MAX). */
  takeScaling(): Scaling[] {
    const s = this.scaling;
    this.scaling = [];
    return s.length > SCALING_MAX ? s.slice(s.length - SCALING_MAX) : s;
  }

  private flow(f: FlowEvent): void {
    this.flows = bounded(this.flows, FLOWS_MAX);
    this.flows.push({ t: this.sim.now, ...f });
  }

  private onState(s: StateChange): void {
    const g = this.sim.graph;
    const node = g.byId.get(s.node);
    if (!node || OBSERVED_KINDS.has(node.kind) || !START_STATES.has(s.to)) return;
    for (const src of g.in(node.id, 's3-bucket', 'feature-store'))
      this.flow({ from: src.id, to: node.id, kind: 'data', label: 'data' });
    for (const src of g.in(node.id, 'ecr-repository'))
      this.flow({ from: src.id, to: node.id, kind: 'image', label: 'image' });
  }

  private onExecution(e: PipelineExecution): void {
    const list = this.executions.get(e.pipeline) ?? [];
    this.executions.set(e.pipeline, list);
    if (e.state === 'Executing') {
      list.push({ n: e.n, state: 'Executing', reason: e.reason, startSec: this.sim.now });
      if (list.length > KEEP) list.shift();
      return;
    }
    const x = list.find((l) => l.n === e.n);
    if (x) {
      x.state = e.state;
      x.endSec = this.sim.now;
    }
  }

  private onPackage(p: PackageStatus): void {
    let t = this.packageTimes.get(p.package);
    if (!t) {
      t = {};
      this.packageTimes.set(p.package, t);
    }
    if (p.registered) t.registeredAt = this.sim.now;
    else t.statusAt = this.sim.now;
  }

  private onMonitorRun(r: MonitorRun): void {
    const list = this.monitorRuns.get(r.monitor) ?? [];
    this.monitorRuns.set(r.monitor, list);
    list.push({ n: r.n, t: this.sim.now, result: r.result, text: r.text });
    if (list.length > KEEP) list.shift();
  }

  /** The live MLOps figures of a node, or undefined when it has none. */
  of(id: string): MlopsLive | undefined {
    const { sim } = this;
    const node = sim.graph.byId.get(id);
    if (!node) return undefined;
    switch (node.kind) {
      case 'pipeline': {
        const execs = this.executions.get(id) ?? [];
        return { executions: execs.map((x) => ({ ...x })), steps: pipelineSteps(sim, id) };
      }
      case 'model-registry': {
        const pk = registryPackages(sim, id);
        return pk && { packages: pk.map((p) => ({ ...p, ...this.packageTimes.get(p.id) })) };
      }
      case 'model-monitor':
        return { runs: (this.monitorRuns.get(id) ?? []).map((r) => ({ ...r })) };
      default:
        return undefined;
    }
  }
}
