import { ENDPOINT_KINDS, type EndpointKind, propsByName } from '../../../catalog/kinds';
import type { GNode } from '../../../model/graph';
import type { Fault } from '../../../model/schema';
import type { NodeMetrics, Series } from '../../metrics';
import { defineSlot, type Simulation } from '../../sim';
import { TOPICS } from '../../topics';
import type { SimModule } from '../../sim';
import { AsyncRun } from './async';
import { BatchCalls } from './batch';
import { frameworksOf, inferenceFindings, pingFailure } from './checks';
import { INFERENCE } from './constants';
import type { EndpointRun } from './endpoint-run';
import { MmeRun } from './mme';
import { RealtimeRun } from './realtime';
import { finishRecommenders, recommenderFindings, startRecommenders } from './recommender';
import { ServerlessRun } from './serverless';
import { Arrivals, ClientStream, StreamMerge } from './traffic';

/** A node that receives client traffic: an endpoint (from InService or Failed on) or a batch transform. */
interface Target {
  node: GNode<EndpointKind | 'batch-transform'>;
  streams: ClientStream[];
  clients: NodeMetrics[];
  begun: boolean;
  run: EndpointRun | null;
  batch: BatchCalls | null;
}

interface State {
  targets: Target[];
  byId: Map<string, Target>;
  arrivals: Arrivals;
}

const INFERENCE_STATE = defineSlot('inference', (): State => ({
  targets: [],
  byId: new Map(),
  arrivals: new Arrivals(),
}));

/** The inference state of a run (for tests and the UI: streams, endpoint runs). */
export const inferenceState = (sim: Simulation): State | undefined => sim.peekSlot(INFERENCE_STATE);

/**
 * The inference data plane: clients send synthetic traffic along their edges; each endpoint serves
 * it once InService (requests to a Failed endpoint fail), one tick (INFERENCE.tickSec) at a time in a
 * data-oriented loop — typed arrays, no per-request objects. Also registers the image-pull gate of
 * mme-mixed-frameworks and the static findings of the inference rules.
 */
export const inferenceModule: SimModule = {
  id: 'inference',
  check: (g) => [...inferenceFindings(g), ...recommenderFindings(g)],
  start(sim) {
    const st = sim.slot(INFERENCE_STATE);
    startRecommenders(sim);
    sim.addGate((n, phase) => {
      if (phase !== 'image-pull' || n.kind !== 'multi-model-endpoint') return null;
      const fw = frameworksOf(sim.graph, n);
      return fw.length > 1 ? { rule: 'mme-mixed-frameworks', vars: { frameworks: fw.join(' and ') } } : null;
    });
    // a bring-your-own image that does not answer /ping on port 8080: endpoint creation fails at the health check
    sim.addGate((n, phase) => {
      if (phase !== 'health-check' || !(ENDPOINT_KINDS as readonly string[]).includes(n.kind)) return null;
      const vars = pingFailure(sim.graph, n);
      return vars ? { rule: 'container-ping-failed', vars } : null;
    });
    for (const node of sim.graph.ofKind(...ENDPOINT_KINDS, 'batch-transform')) {
      const clients = sim.graph.in(node.id, 'client');
      const t: Target = {
        node,
        begun: false,
        run: null,
        batch: null,
        streams: clients.map((c) => new ClientStream(c, node, sim.rng(`inference:${c.id}>${node.id}`))),
        clients: clients.map((c) => sim.metrics(c.id)),
      };
      st.targets.push(t);
      st.byId.set(node.id, t);
    }
    for (const t of st.targets) if (t.node.kind === 'batch-transform' && t.streams.length) begin(sim, st, t, 0);
    const onReady = (p: { node: string }) => {
      const t = st.byId.get(p.node);
      if (t && !t.begun) begin(sim, st, t, sim.now);
    };
    sim.on(TOPICS.endpointInService, onReady);
    sim.on(TOPICS.endpointFailed, onReady);
    // endpoints that failed (or came up) before this module subscribed, e.g. a deploy gate at t=0
    for (const t of st.targets) {
      const s = sim.state(t.node.id);
      if (!t.begun && t.node.kind !== 'batch-transform' && (s === 'Failed' || s === 'InService'))
        begin(sim, st, t, sim.now);
    }
  },
  finish(sim) {
    for (const t of sim.peekSlot(INFERENCE_STATE)?.targets ?? []) t.run?.finish();
    finishRecommenders(sim);
  },
  faults: {
    'traffic-spike': (sim, f) =>
      onClientFault(sim, f, (s, from) => {
        const p = f as Extract<Fault, { kind: 'traffic-spike' }>;
        s.spike(from, from + (p.durationSec ?? 300), p.factor ?? 5);
      }),
    'large-payloads': (sim, f) =>
      onClientFault(sim, f, (s, from) => {
        const p = f as Extract<Fault, { kind: 'large-payloads' }>;
        s.largePayloads(from, from + (p.durationSec ?? 60), p.sizeMB ?? 8);
      }),
    'update-weights': (sim, f) => {
      const p = f as Extract<Fault, { kind: 'update-weights' }>;
      const run = sim.peekSlot(INFERENCE_STATE)?.byId.get(p.node)?.run;
      // UpdateEndpointWeightsAndCapacities needs an endpoint that is InService
      if (!(run instanceof RealtimeRun) || sim.state(p.node) !== 'InService') {
        sim.note(
          p.node,
          'event',
          `UpdateEndpointWeightsAndCapacities on ${p.node} ignored: the endpoint is not InService`,
        );
        return;
      }
      run.setWeights(p.weights);
    },
  },
};

function onClientFault(sim: Simulation, f: Fault, apply: (s: ClientStream, from: number) => void): void {
  const st = sim.peekSlot(INFERENCE_STATE);
  const streams = st ? st.targets.flatMap((t) => t.streams.filter((s) => s.client.id === f.node)) : [];
  if (!streams.length) {
    sim.note(f.node, 'info', `${f.kind} needs a client with an edge to an endpoint; ${f.node} sends nothing`);
    return;
  }
  for (const s of streams) apply(s, Math.max(sim.now, f.atSec));
}

/** Start serving a target's traffic from `t0` (its InService or Failed time). */
function begin(sim: Simulation, st: State, t: Target, t0: number): void {
  t.begun = true;
  const id = t.node.id;
  const failed = sim.state(id) === 'Failed';
  if (t.node.kind === 'batch-transform') t.batch = new BatchCalls(sim, t.node, t.streams);
  else if (!failed) {
    t.run = createRun(sim, t.node, t.streams, t0);
    t.run.clientRetries = t.streams.map((s) => Number(propsByName(s.client.props).retries ?? 0));
    t.run.clientTargets = t.streams.map((s) => {
      const v = propsByName(s.client.props).targetVariant;
      return typeof v === 'string' && v ? v : null;
    });
  }
  const arr = st.arrivals;
  const label = `${id}: traffic`;
  const before = new Float64Array(t.streams.length);
  /** Each client's `requests` series, looked up once (on its first request, as before). */
  const clientSeries: (Series | undefined)[] = t.streams.map(() => undefined);
  // the streams' arrivals merged by time as they are drawn (ties keep stream order)
  const merge = new StreamMerge(t.streams);
  // one stream (from a client without retries) to an endpoint that reads a stream directly: its arrivals are drawn as
  // they are served, never staged
  const direct = t.run?.serveSource && t.streams.length === 1 && !t.run.clientRetries[0] ? t.run : null;
  sim.every(
    INFERENCE.tickSec,
    label,
    id,
    (tick) => {
      const t1 = Math.min(tick + INFERENCE.tickSec, sim.durationSec);
      if (direct) direct.tickStream(t.streams[0], tick, t1, sim.state(id) === 'Failed');
      else {
        merge.begin(tick, t1);
        merge.draw();
      }
      for (let i = 0; i < t.streams.length; i++) {
        const s = t.streams[i],
          c = t.clients[i];
        const n = s.sent - before[i];
        if (n > 0) {
          c.requests += n;
          (clientSeries[i] ??= c.s('requests', 'sum')).add(tick, n);
        }
        before[i] = s.sent;
      }
      if (direct) return;
      if (t.run) return t.run.tickMerged(merge, arr, tick, t1, sim.state(id) === 'Failed');
      if (t.batch) {
        arr.clear();
        merge.copyInto(arr);
        t.batch.tick(arr);
      } else if (merge.n) {
        const m = sim.metrics(id);
        m.requests += merge.n;
        m.failed += merge.n;
      }
    },
    t0,
  );
}

function createRun(sim: Simulation, node: GNode<EndpointKind>, streams: ClientStream[], t0: number): EndpointRun {
  const rng = sim.rng(`inference:${node.id}`);
  switch (node.kind) {
    case 'serverless-endpoint':
      return new ServerlessRun(sim, node, rng, t0);
    case 'async-endpoint':
      return new AsyncRun(sim, node, rng, t0);
    case 'multi-model-endpoint':
      return new MmeRun(sim, node, rng, Math.max(1, ...streams.map((s) => s.models)), t0);
    case 'realtime-endpoint':
      return new RealtimeRun(sim, node, rng, t0);
  }
}
