import { createActor } from 'xstate';
import { ENDPOINT_KINDS } from '../../../catalog/kinds';
import type { GNode } from '../../../model/graph';
import { clockOf } from '../../clock';
import type { Simulation } from '../../sim';
import { TOPICS } from '../../topics';
import type { Blocker, Phase } from '../../types';
import type { SimModule } from '../../sim';
import { endpointMachine, statusOf, type EndpointEvent } from './machine';

/** Seconds each creation phase takes (AWS endpoints take minutes; serverless is quicker). */
export const CREATION_SEC = {
  imagePull: 45,
  modelDownload: 30,
  healthCheck: 30,
  serverlessTotal: 60,
} as const;

/** Time from UpdateEndpoint to the new model serving. */
export const UPDATE_SEC = 120;

/** The topic other modules publish to start an endpoint update, with `{ node, version? }`. */
export const UPDATE_TOPIC = TOPICS.endpointUpdate;

/**
 * Endpoint lifecycles: each endpoint goes Creating → InService or Failed over simulated time, asking
 * the gates of other modules at each phase (deploy approval, image pull, model download). Publishes
 * `endpoint.inService` and `endpoint.failed` with `{ node }`.
 */
export const endpointsModule: SimModule = {
  id: 'endpoints',
  start(sim) {
    for (const n of sim.graph.ofKind(...ENDPOINT_KINDS)) createEndpoint(sim, n);
  },
};

function createEndpoint(sim: Simulation, n: GNode): void {
  const actor = createActor(endpointMachine, { clock: clockOf(sim) }).start();
  const send = (e: EndpointEvent, message?: string) => {
    actor.send(e);
    sim.setState(n.id, statusOf(actor.getSnapshot().value), message);
  };
  sim.setState(n.id, 'Creating');
  const serverless = n.kind === 'serverless-endpoint';
  const share = serverless ? CREATION_SEC.serverlessTotal / 3 : 0;
  const fail = (b: Blocker) => {
    sim.incident(b.rule, n.id, b.vars);
    send({ type: 'FAIL', reason: b.rule }, b.rule);
    sim.emit(TOPICS.endpointFailed, { node: n.id, rule: b.rule, data: b.data });
  };
  const phase = (p: Phase, ok: () => void) => {
    const b = sim.gate(n.id, p);
    if (b) fail(b);
    else ok();
  };
  phase('deploy', () => {
    sim.after(share || CREATION_SEC.imagePull, `${n.id}: image pulled`, n.id, () =>
      phase('image-pull', () => {
        send({ type: 'IMAGE_PULLED' });
        sim.after(share || CREATION_SEC.modelDownload, `${n.id}: model downloaded`, n.id, () =>
          phase('model-download', () => {
            send({ type: 'MODEL_LOADED' });
            sim.after(share || CREATION_SEC.healthCheck, `${n.id}: health check passed`, n.id, () =>
              phase('health-check', () => {
                send({ type: 'HEALTHY' });
                sim.emit(TOPICS.endpointInService, { node: n.id });
              }),
            );
          }),
        );
      }),
    );
  });
  sim.on(UPDATE_TOPIC, (p: { node: string; version?: string }) => {
    if (p.node !== n.id || statusOf(actor.getSnapshot().value) !== 'InService') return;
    send({ type: 'UPDATE' }, p.version ? `deploying ${p.version}` : undefined);
    for (const r of sim.graph.in(n.id, 'model-registry'))
      sim.emit(TOPICS.flow, { from: r.id, to: n.id, kind: 'model', label: p.version ?? 'model' });
    sim.after(UPDATE_SEC, `${n.id}: update`, n.id, () => {
      const b = sim.gate(n.id, 'deploy');
      if (b) {
        sim.incident(b.rule, n.id, b.vars);
        send({ type: 'FAIL', reason: b.rule }, `update rolled back: ${b.rule}`);
        return;
      }
      send({ type: 'UPDATED' }, p.version ? `now serving ${p.version}` : undefined);
      sim.emit(TOPICS.endpointUpdated, { node: n.id, version: p.version });
    });
  });
}
