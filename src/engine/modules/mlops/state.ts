import type { Actor } from 'xstate';
import { defineSlot, type Simulation } from '../../sim';
import type { packageMachine } from './machine';
import type { AutomlCompleted } from '../../topics';
import type { ModelQuality } from './quality';

/**
 * A model trained by a training job (version 0 is the model that existed before the run), or an Autopilot job's best
 * candidate (`training` is then the autopilot-job).
 */
export interface ModelVersion {
  /** "train:v2". */
  id: string;
  training: string;
  n: number;
  /** Simulated second training completed (0 for version 0). */
  trainedAtSec: number;
  quality: ModelQuality;
  /**
   * The version's validation figure in its evalMetric, rounded once: every entry, message and log line shows this one.
   */
  validation: number;
}

/** A model package in a registry. Package 0 is the one registered before the run. */
export interface ModelPackage {
  /** "registry/3". */
  id: string;
  registry: string;
  n: number;
  /** The model it packages; null when nothing in the design trains the registry's models. */
  model: ModelVersion | null;
  actor: Actor<typeof packageMachine>;
}

/** Reads a package's approval status from its machine. */
export const statusOf = (p: ModelPackage): string => String(p.actor.getSnapshot().value);

/** What the MLOps module keeps for one run (modules are shared between runs; this is not). */
export class MlopsRun {
  /**
   * Model versions by training job, oldest first (index = version number); an Autopilot job's one version (its best
   * candidate, `<job>:v1`) once it completes.
   */
  readonly versions = new Map<string, ModelVersion[]>();
  /** The best candidate behind each Autopilot version, by version id. */
  readonly automl = new Map<string, AutomlCompleted>();
  /** Packages by registry, oldest first (index = package number). */
  readonly packages = new Map<string, ModelPackage[]>();
  readonly packageById = new Map<string, ModelPackage>();
  /** Objects arrived per bucket (for step caching: new data means a changed input). */
  readonly dataVersion = new Map<string, number>();
  /** Model version each endpoint serves. */
  readonly serving = new Map<string, ModelVersion | null>();
  /** Starts a pipeline execution (set by the pipeline runner). */
  triggerPipeline: (pipeline: string, reason: string) => void = () => {};

  constructor(readonly sim: Simulation) {}

  latest(training: string): ModelVersion | null {
    const l = this.versions.get(training);
    return l ? l[l.length - 1] : null;
  }
}

const MLOPS = defineSlot('mlops', (sim) => new MlopsRun(sim));

/** The MLOps state of a run, created on first use. */
export const mlopsRun = (sim: Simulation): MlopsRun => sim.slot(MLOPS);

/** The MLOps state of a run if the module started (read-outs). */
export const mlopsRunIfAny = (sim: Simulation): MlopsRun | undefined => sim.peekSlot(MLOPS);
