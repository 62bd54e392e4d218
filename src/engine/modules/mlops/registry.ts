import { createActor } from 'xstate';
import { isEndpointKind } from '../../../catalog/kinds';
import { clockOf } from '../../clock';
import { TOPICS, type AwsEvent } from '../../topics';
import { registryTraining } from './lineage';
import { unversionedBuckets } from '../shared/feasibility';
import { packageMachine, type ApprovalStatus } from './machine';
import { statusOf, type MlopsRun, type ModelPackage, type ModelVersion } from './state';

/**
 * Model registries: packages with PendingManualApproval / Approved / Rejected. Package 0 is the one
 * registered before the run (the model endpoints were created with); pipelines and training jobs add
 * more, each starting at the registry's `approval` prop. The registry's report state is its latest
 * package's status. Endpoints deployed from a registry (model-registry → endpoint) need an Approved
 * package: a gate on 'deploy' blocks them otherwise (unapproved-model-deploy).
 */
export function startRegistries(run: MlopsRun): void {
  const { sim } = run;
  const g = sim.graph;
  for (const r of g.ofKind('model-registry')) {
    const t = registryTraining(g, r.id)[0];
    run.packages.set(r.id, []);
    addPackage(run, r.id, t ? run.versions.get(t.id)![0] : null);
    sim.setState(r.id, statusOf(run.packages.get(r.id)![0]));
    sim.metrics(r.id).extra.versions = 0;
  }
  sim.addGate((n, phase) => {
    if (phase !== 'deploy' || !isEndpointKind(n.kind)) return null;
    for (const r of g.in(n.id, 'model-registry')) {
      if (latestApproved(run, r.id)) continue;
      const last = latestPackage(run, r.id);
      return { rule: 'unapproved-model-deploy', vars: { modelPackage: last.id, status: statusOf(last) } };
    }
    return null;
  });
}

function addPackage(run: MlopsRun, registry: string, model: ModelVersion | null): ModelPackage {
  const list = run.packages.get(registry)!;
  const status: ApprovalStatus = run.sim.graph.nodeOf(registry, 'model-registry').props.approval;
  const p: ModelPackage = {
    id: `${registry}/${list.length}`,
    registry,
    n: list.length,
    model,
    actor: createActor(packageMachine, { input: { status }, clock: clockOf(run.sim) }).start(),
  };
  list.push(p);
  run.packageById.set(p.id, p);
  return p;
}

export const latestPackage = (run: MlopsRun, registry: string): ModelPackage => {
  const l = run.packages.get(registry)!;
  return l[l.length - 1];
};

/** The newest Approved package of a registry, or null. */
export function latestApproved(run: MlopsRun, registry: string): ModelPackage | null {
  const l = run.packages.get(registry) ?? [];
  for (let i = l.length - 1; i >= 0; i--) if (statusOf(l[i]) === 'Approved') return l[i];
  return null;
}

/**
 * Register a model version (RegisterModel): a new package at the registry's default status. `by` is the
 * node that registers it (the training job, or the pipeline step that passed it).
 */
export function registerPackage(
  run: MlopsRun,
  registry: string,
  model: ModelVersion,
  why: string,
  by: string,
): ModelPackage {
  const { sim } = run;
  const p = addPackage(run, registry, model);
  sim.metrics(registry).extra.versions = p.n;
  sim.note(registry, 'event', `registered model package ${p.id} (${model.id}, ${why}) as ${statusOf(p)}`);
  for (const s of sim.graph.in(registry))
    if (s.id === by || s.id === model.training)
      sim.emit(TOPICS.flow, { from: s.id, to: registry, kind: 'model', label: p.id });
  sim.emit(TOPICS.packageStatus, { registry, package: p.id, model: model.id, status: statusOf(p), registered: true });
  sim.setState(registry, statusOf(p));
  // lineage: the package's dataset artifacts are pinned by an S3Version only where the bucket keeps versions
  for (const b of unversionedBuckets(sim.graph, model.training))
    sim.incident('training-data-not-versioned', b.id, { package: p.id, model: model.id, training: model.training });
  return p;
}

/**
 * UpdateModelPackage on the newest package (the `approve` timed action): its status changes and an event leaves for
 * EventBridge.
 */
export function setApproval(run: MlopsRun, registry: string, status: ApprovalStatus): void {
  const { sim } = run;
  const p = latestPackage(run, registry);
  p.actor.send({ type: 'SET', status });
  sim.note(registry, 'event', `model package ${p.id}${p.model ? ` (${p.model.id})` : ''} is now ${status}`);
  sim.emit(TOPICS.packageStatus, { registry, package: p.id, model: p.model?.id ?? null, status, registered: false });
  sim.setState(registry, status);
  const ev: AwsEvent = { source: registry, type: 'package-state-change', detail: { modelPackage: p.id, status } };
  sim.emit(TOPICS.awsEvent, ev);
}
