import type { Simulation } from '../../sim';
import { round } from '../../util';
import { TOPICS, type JobCompleted, type ModelServing } from '../../topics';
import { servedTraining } from './lineage';
import { taskProblem } from '../shared/fit';
import { brokenInput } from '../shared/prep';
import { metricValue, servingQuality, trainingQuality, validationValue } from './quality';
import { latestApproved, registerPackage } from './registry';
import type { MlopsRun, ModelVersion } from './state';

/**
 * Model versions and what endpoints serve: every completed training job adds a version (with its
 * quality, see quality.ts) and registers it where a training-job → model-registry edge says; an
 * endpoint that reaches InService or finishes an update serves a version, and the leakage and skew
 * rules show at that moment — the first time the gap between validation and production is real.
 */
export function startModels(run: MlopsRun): void {
  const { sim } = run;
  const g = sim.graph;
  for (const t of g.ofKind('training-job')) run.versions.set(t.id, [makeVersion(sim, t.id, 0, 0)]);
  sim.on(TOPICS.jobCompleted, (p: JobCompleted) => {
    if (g.byId.get(p.node)?.kind === 'training-job') trained(run, p.node);
  });
  sim.on(TOPICS.endpointInService, (p: { node: string }) => serve(run, p.node, initialModel(run, p.node)));
  sim.on(TOPICS.endpointUpdated, (p: { node: string; version?: string }) => {
    const pkg = p.version ? run.packageById.get(p.version) : undefined;
    if (pkg?.model) serve(run, p.node, pkg.model);
  });
}

function makeVersion(sim: Simulation, training: string, n: number, t: number): ModelVersion {
  const quality = trainingQuality(sim.graph, training, sim.seed, n);
  return {
    id: `${training}:v${n}`,
    training,
    n,
    trainedAtSec: t,
    quality,
    validation: round(validationValue(quality), 3),
  };
}

/** A training job completed: a new model version, registered where the design says. */
export function trained(run: MlopsRun, training: string): ModelVersion {
  const { sim } = run;
  const list = run.versions.get(training)!;
  const v = makeVersion(sim, training, list.length, sim.now);
  list.push(v);
  const q = v.quality;
  const x = sim.metrics(training).extra;
  x.modelVersions = list.length - 1;
  // name the version: an endpoint deployed before this run ends still serves an older one (its own figures)
  x.model = v.id;
  x.metric = q.metric;
  x.validation = v.validation;
  x.production = round(
    metricValue(q.metric, q.skill, Math.min(q.positiveClassRatio, 1 - q.positiveClassRatio), true),
    3,
  );
  sim.note(training, 'info', `model ${v.id}: validation ${q.metric} ${x.validation} (${q.explain.join('; ')})`);
  if (brokenInput(sim.graph, training))
    sim.incident('trained-on-bad-data', training, {
      version: v.id,
      metric: q.metric,
      validation: v.validation,
      previous: list[list.length - 2].validation,
    });
  if (q.labels)
    sim.incident('too-little-labelled-data', q.labels.bucket, {
      version: v.id,
      training,
      metric: q.metric,
      validation: v.validation,
      spread: q.labels.spread,
      rows: q.labels.rows,
      features: q.labels.features,
      algorithm: q.labels.algorithm,
      needed: q.labels.needed,
    });
  if (q.interactions)
    sim.incident('linear-model-on-interactions', training, {
      version: v.id,
      metric: q.metric,
      // a model that underfits scores about the same on the data it learned from
      train: round(metricValue(q.metric, Math.min(0.995, q.skill + 0.01), minorityOf(q.positiveClassRatio)), 3),
      validation: v.validation,
      algorithm: String(sim.graph.nodeOf(training, 'training-job').props.algorithm),
      bucket: q.interactions,
    });
  const misfit = taskProblem(sim.graph, sim.graph.nodeOf(training, 'training-job'));
  if (misfit) sim.incident(misfit.rule, training, { ...misfit.vars, metric: q.metric, validation: v.validation });
  for (const r of sim.graph.out(training, 'model-registry'))
    registerPackage(run, r.id, v, `trained by ${training}`, training);
  return v;
}

const minorityOf = (ratio: number) => Math.min(ratio, 1 - ratio);

/** The version an endpoint serves when it first reaches InService. */
function initialModel(run: MlopsRun, endpoint: string): ModelVersion | null {
  const g = run.sim.graph;
  const direct = g.in(endpoint, 'training-job')[0];
  if (direct) return run.latest(direct.id);
  const reg = g.in(endpoint, 'model-registry')[0];
  if (reg) return latestApproved(run, reg.id)?.model ?? null;
  const t = servedTraining(g, endpoint)[0];
  return t ? run.versions.get(t.id)![0] : null;
}

/** An endpoint now serves `v`: report it, tell the monitors, and record the rules whose gap now shows. */
export function serve(run: MlopsRun, endpoint: string, v: ModelVersion | null): void {
  const { sim } = run;
  run.serving.set(endpoint, v);
  if (!v) return;
  const q = v.quality;
  const validation = v.validation;
  const s = servingQuality(sim.graph, q, v.training, endpoint);
  const production = round(s.production, 3);
  Object.assign(sim.metrics(endpoint).extra, { model: v.id, metric: q.metric, validation, production });
  if (s.expired) sim.metrics(endpoint).extra.emptyLookupPct = s.expired.emptyPct;
  const payload: ModelServing = {
    endpoint,
    version: v.n ? v.id : null,
    trainedAtSec: v.trainedAtSec,
    training: v.training,
    metric: q.metric,
    validation,
    production,
  };
  sim.emit(TOPICS.modelServing, payload);
  const vars = { metric: q.metric, validation, production, training: v.training, endpoint, version: v.id };
  for (const c of q.causes) sim.incident(c.rule, c.node, { ...vars, ...c.vars });
  if (s.skew) sim.incident('training-serving-skew', endpoint, { ...vars, featureStore: s.featureStore! });
  if (s.expired) sim.incident('online-record-expired', endpoint, { ...vars, ...s.expired });
}
