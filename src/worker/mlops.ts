import { ENDPOINT_KINDS } from '../catalog/kinds';
import { jobProgress } from '../engine/modules/jobs/run';
import { stepsOf } from '../engine/modules/mlops/lineage';
import { mlopsRun, statusOf } from '../engine/modules/mlops/state';
import type { Simulation } from '../engine/sim';
import { TOPICS, type AwsEvent } from '../engine/topics';
import type { LogEvent } from '../engine/types';
import type { Flow, MlopsLive, MonitorRunLive } from './protocol';

/** Executions and monitor runs kept per node (the newest); counts stay exact in `extra`. */
const KEEP = 30;
/** Flows sent in one update at most (a run to the end can make thousands; the newest are kept). */
export const FLOWS_MAX = 200;

/** Rules that make a monitoring run fail (monitoring/README.md), as opposed to violations it reports. */
const MONITOR_FAILURES = new Set([
  'monitor-unsupported-endpoint',
  'monitor-needs-data-capture',
  'monitor-needs-baseline',
  'model-quality-needs-ground-truth',
  'monitor-needs-clarify',
]);
const EVENT_LABEL: Record<AwsEvent['type'], string> = {
  'object-created': 'Object Created',
  'package-state-change': 'Package',
  'monitor-violation': 'Violation',
};
const START_STATES = new Set(['InProgress', 'Creating']);

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

/** Words of a message, for "does it name this node" (ids are words of letters, digits, - and _). */
const names = (message: string, id: string) =>
  new RegExp(`(^|[^\\w-])${id.replace(/[-\\^$*+?.()|[\]{}]/g, '\\$&')}([^\\w-]|$)`).test(message);

/**
 * What the live view shows of the MLOps lifecycle while a run goes on, observed from the outside of the
 * engine (its log, its topics and the mlops module's state): pipeline executions and the step running,
 * registry packages with their status, monitor runs and their results, and the flows along the event
 * chains (S3 → EventBridge → Lambda / pipeline, approval → Lambda → endpoint, violation → retraining)
 * at the simulated second they happen. Observing changes nothing in the run: the report stays the runner's.
 */
export class MlopsWatch {
  private readonly executions = new Map<string, Execution[]>();
  private readonly packageTimes = new Map<string, PackageTimes>();
  private readonly monitorRuns = new Map<string, MonitorRunLive[]>();
  private flows: Flow[] = [];

  constructor(private readonly sim: Simulation) {
    sim.log.subscribe((e) => this.onLog(e));
    sim.on(TOPICS.awsEvent, (ev: AwsEvent) => this.onEvent(ev));
  }

  /** Flows since the previous call (the newest FLOWS_MAX). */
  takeFlows(): Flow[] {
    const f = this.flows;
    this.flows = [];
    return f.length > FLOWS_MAX ? f.slice(f.length - FLOWS_MAX) : f;
  }

  private flow(from: string, to: string | null, kind: Flow['kind'], label: string): void {
    this.flows.push({ t: this.sim.now, from, to, kind, label });
    if (this.flows.length > FLOWS_MAX * 4) this.flows = this.flows.slice(-FLOWS_MAX);
  }

  private onEvent(ev: AwsEvent): void {
    const label =
      ev.type === 'package-state-change'
        ? `${ev.detail?.status ?? 'Package'} ${ev.detail?.modelPackage ?? ''}`.trim()
        : ev.type === 'monitor-violation'
          ? `Violation${ev.detail?.violation ? `: ${ev.detail.violation}` : ''}`
          : EVENT_LABEL[ev.type];
    const g = this.sim.graph;
    // a monitor's violation goes to CloudWatch as metrics; the alarm on them is what reaches EventBridge
    if (g.node(ev.source).kind === 'model-monitor')
      for (const c of g.out(ev.source, 'cloudwatch')) this.flow(ev.source, c.id, 'event', label);
    else for (const r of g.out(ev.source, 'eventbridge')) this.flow(ev.source, r.id, 'event', label);
  }

  private onLog(e: LogEvent): void {
    const { sim } = this;
    const node = e.node ? sim.graph.byId.get(e.node) : undefined;
    if (!node) return;
    const g = sim.graph;
    if (e.rule === 'trigger-chain-broken') {
      this.flow(node.id, null, 'broken', 'nothing follows');
      return;
    }
    switch (node.kind) {
      case 'cloudwatch':
        if (e.type === 'event' && e.message.includes('went to ALARM'))
          for (const r of g.out(node.id, 'eventbridge')) this.flow(node.id, r.id, 'event', 'Alarm state change');
        break;
      case 'pipeline':
        if (e.type === 'state') this.pipelineState(node.id, e);
        break;
      case 'eventbridge':
        if (e.type === 'event' && e.severity !== 'error' && e.message.includes(' matched rule ')) {
          const label = e.message.slice(0, e.message.indexOf(' from ')) || 'event';
          for (const t of g.out(node.id, 'lambda', 'pipeline'))
            this.flow(node.id, t.id, 'event', label.replace('SageMaker Model Package State Change', 'Package change'));
        }
        break;
      case 'lambda':
        if (e.type === 'event') {
          for (const t of g.out(node.id)) {
            if (!names(e.message, t.id)) continue;
            if (e.message.includes(`started pipeline ${t.id}`))
              this.flow(node.id, t.id, 'event', 'StartPipelineExecution');
            else if (e.message.includes(`updates endpoint ${t.id}`) && !e.message.includes('ignored'))
              this.flow(node.id, t.id, 'event', `UpdateEndpoint ${/ to (\S+)/.exec(e.message)?.[1] ?? ''}`.trim());
          }
        }
        break;
      case 'model-registry':
        if (e.type === 'event') {
          const reg = /registered model package (\S+)/.exec(e.message);
          const now = /model package (\S+)(?: \([^)]*\))? is now/.exec(e.message);
          if (reg) {
            this.times(reg[1]).registeredAt = e.t;
            for (const s of g.in(node.id)) if (names(e.message, s.id)) this.flow(s.id, node.id, 'model', reg[1]);
          }
          if (now) this.times(now[1]).statusAt = e.t;
        }
        break;
      case 'model-monitor':
        if (e.type === 'event') {
          const m = / run (\d+)/.exec(e.message);
          if (m) {
            const result: MonitorRunLive['result'] = e.message.includes('CompletedWithViolations')
              ? 'violation'
              : e.message.includes('no captured records')
                ? 'empty'
                : 'ok';
            this.addRun(node.id, {
              n: Number(m[1]),
              t: e.t,
              result,
              text: e.message.slice(e.message.indexOf(': ') + 2),
            });
            for (const ep of g.in(node.id))
              if ((ENDPOINT_KINDS as readonly string[]).includes(ep.kind))
                this.flow(ep.id, node.id, 'data', 'captured data');
          }
        }
        break;
      default:
        if (e.type === 'state' && START_STATES.has(String(e.data?.to))) {
          for (const s of g.in(node.id, 's3-bucket', 'feature-store')) this.flow(s.id, node.id, 'data', 'data');
          for (const s of g.in(node.id, 'ecr-repository')) this.flow(s.id, node.id, 'image', 'image');
        }
        if (e.type === 'state' && e.data?.to === 'Updating') {
          for (const r of g.in(node.id, 'model-registry'))
            this.flow(r.id, node.id, 'model', /deploying (\S+)/.exec(e.message)?.[1] ?? 'model');
        }
    }
  }

  private times(pkg: string): PackageTimes {
    let t = this.packageTimes.get(pkg);
    if (!t) {
      t = {};
      this.packageTimes.set(pkg, t);
    }
    return t;
  }

  private pipelineState(id: string, e: LogEvent): void {
    const to = String(e.data?.to ?? '');
    const list = this.executions.get(id) ?? [];
    this.executions.set(id, list);
    if (to === 'Executing') {
      const m = /execution (\d+)(?: \((.*)\))?$/.exec(e.message);
      list.push({ n: m ? Number(m[1]) : list.length + 1, state: 'Executing', reason: m?.[2] ?? '', startSec: e.t });
      if (list.length > KEEP) list.shift();
    } else {
      const last = list[list.length - 1];
      if (last && last.state === 'Executing') {
        last.state = to;
        last.endSec = e.t;
      }
    }
  }

  private addRun(monitor: string, r: MonitorRunLive): void {
    const list = this.monitorRuns.get(monitor) ?? [];
    this.monitorRuns.set(monitor, list);
    if (list.length && list[list.length - 1].n === r.n) return;
    list.push(r);
    if (list.length > KEEP) list.shift();
  }

  /** Failed monitoring runs log no line of their own once their rule is logged often: fill them in from the counts. */
  private reconcileRuns(monitor: string, sim: Simulation): MonitorRunLive[] {
    const list = this.monitorRuns.get(monitor) ?? [];
    this.monitorRuns.set(monitor, list);
    const x = sim.metrics(monitor).extra;
    const runs = Number(x.runs ?? 0);
    const last = list.length ? list[list.length - 1].n : 0;
    if (runs > last) {
      const period = sim.graph.nodeOf(monitor, 'model-monitor').props.scheduleMinutes * 60;
      const rule = sim.allIncidents().find((i) => i.node === monitor && MONITOR_FAILURES.has(i.rule))?.rule ?? 'failed';
      for (let n = Math.max(last + 1, runs - KEEP + 1); n <= runs; n++)
        list.push({ n, t: n * period, result: 'failed', text: `Failed: ${rule}` });
      while (list.length > KEEP) list.shift();
    }
    return list;
  }

  /** The live MLOps figures of a node, or undefined when it has none. */
  of(id: string): MlopsLive | undefined {
    const { sim } = this;
    const node = sim.graph.byId.get(id);
    if (!node) return undefined;
    switch (node.kind) {
      case 'pipeline': {
        const steps = stepsOf(sim.graph, id).map((s) => {
          const p = jobProgress(sim, s.id);
          return { id: s.id, state: sim.state(s.id), ...(p ? { phase: p.phase, progress: p.progress } : {}) };
        });
        const execs = this.executions.get(id) ?? [];
        return { executions: execs.map((x) => ({ ...x })), steps };
      }
      case 'model-registry': {
        if (!sim.started) return undefined;
        const pk = mlopsRun(sim).packages.get(id) ?? [];
        return {
          packages: pk.map((p) => ({
            n: p.n,
            id: p.id,
            model: p.model?.id ?? null,
            status: statusOf(p),
            ...this.packageTimes.get(p.id),
          })),
        };
      }
      case 'model-monitor':
        return { runs: this.reconcileRuns(id, sim).map((r) => ({ ...r })) };
      default:
        return undefined;
    }
  }
}
