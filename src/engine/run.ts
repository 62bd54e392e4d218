import type { ArchDoc, Rulebook } from '../model/schema';
import { MODULES } from './modules';
import { buildReport, type Report } from './report';
import { Simulation } from './sim';
import type { Finding } from './types';
import type { SimModule } from './sim';
import { collectFindings } from './sim';
import { Graph } from '../model/graph';

export interface RunOptions {
  seed?: number;
  durationSec?: number;
  modules?: readonly SimModule[];
  logCapacity?: number;
  /** Overrides the document's `rulebook` (the runner's `--rulebook`). */
  rulebook?: Rulebook;
}

/** The document with the run's rulebook applied (a `rulebook` option overrides the file's). */
const withRulebook = (doc: ArchDoc, rulebook?: Rulebook): ArchDoc =>
  rulebook && rulebook !== doc.rulebook ? { ...doc, rulebook } : doc;

/** A new run of a (validated) document with every module. */
export function createSimulation(doc: ArchDoc, o: RunOptions = {}): Simulation {
  return new Simulation(withRulebook(doc, o.rulebook), {
    seed: o.seed,
    durationSec: o.durationSec,
    modules: o.modules ?? MODULES,
    logCapacity: o.logCapacity,
  });
}

/** Run a document to the end and build its report (graded when the document has a goal). */
export function runDocument(doc: ArchDoc, o: RunOptions = {}): { sim: Simulation; report: Report } {
  const sim = createSimulation(doc, o).runToEnd();
  return { sim, report: buildReport(sim, doc.goal) };
}

/** Static findings of a document, without running it (the editor calls this on every change). */
export function checkDocument(doc: ArchDoc, modules: readonly SimModule[] = MODULES, rulebook?: Rulebook): Finding[] {
  return collectFindings(new Graph(doc, rulebook), modules);
}
