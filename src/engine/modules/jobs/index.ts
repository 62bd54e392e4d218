import type { Kind } from '../../../catalog/types';
import type { GNode } from '../../../model/graph';
import { defineSlot, type Simulation } from '../../sim';
import { TOPICS, type JobCompleted, type JobFailed, type JobStart } from '../../topics';
import type { SimModule } from '../../sim';
import { startBatch } from './batch';
import { checkJobs } from './checks';
import { startLabeling, startProcessing, startWrangler } from './prep';
import type { JobRun } from './run';
import { startTraining, type Interruptible } from './training';
import { startTuning } from './tuning';

export { checkJobs } from './checks';
export { JOB_TIMING, DATA_SIZES } from './constants';
export { ACCEPTED_FORMATS, PIPE_FORMATS, CONTENT_TYPES } from './formats';

/** Kinds whose lifecycle this module owns. */
export const JOB_KINDS = [
  'processing-job',
  'training-job',
  'tuning-job',
  'batch-transform',
  'data-wrangler',
  'ground-truth',
] as const satisfies readonly Kind[];
/** Of those, the ones a pipeline starts as steps (TOPICS.jobStart). */
const STEP_JOBS: readonly Kind[] = ['processing-job', 'training-job', 'tuning-job', 'batch-transform'];

/** Per run: every job run (billed at the end) and what a spot-interruption fault can hit, by node. */
interface JobsState {
  runs: Set<JobRun>;
  interruptible: Map<string, Interruptible[]>;
}
const JOBS = defineSlot('jobs', (): JobsState => ({ runs: new Set(), interruptible: new Map() }));

/**
 * Job lifecycles (processing, training, tuning, Data Wrangler, Ground Truth, batch transform) on the
 * simulated clock, with the training, tuning and data-preparation rules. Jobs outside a pipeline start
 * at t=0 (a training job tuned by a tuning job is run by its tuner instead); pipeline steps start on
 * TOPICS.jobStart `{ node, by, execution }` and answer TOPICS.jobCompleted / jobFailed with the same
 * execution (every job publishes its end). Costs go on the job nodes.
 */
export const jobsModule: SimModule = {
  id: 'jobs',
  check: checkJobs,
  start(sim) {
    const st = sim.slot(JOBS);
    const g = sim.graph;
    const jobs = g.ofKind(...JOB_KINDS);
    for (const n of jobs) sim.setState(n.id, 'Pending');
    // an EFS or FSx for Lustre file system is available (Lifecycle AVAILABLE) from the start of the run
    for (const fs of g.ofKind('file-system')) sim.setState(fs.id, 'InService', 'file system available');
    for (const n of jobs) {
      const inPipeline = g.ancestor(n.id, 'pipeline') !== null;
      const tuned = n.kind === 'training-job' && g.in(n.id, 'tuning-job').length > 0;
      if (!inPipeline && !tuned) launch(sim, st, n);
    }
    sim.on(TOPICS.jobStart, (p: JobStart) => {
      const n = g.byId.get(p.node);
      if (n && STEP_JOBS.includes(n.kind)) launch(sim, st, n, p.execution);
    });
  },
  finish(sim) {
    for (const r of sim.peekSlot(JOBS)?.runs ?? []) r.settle();
  },
  faults: {
    'spot-interruption': (sim, f) => {
      const list = sim.peekSlot(JOBS)?.interruptible.get(f.node) ?? [];
      if (list.some((it) => it.interrupt())) return;
      const n = sim.graph.byId.get(f.node);
      const job = n?.kind === 'tuning-job' ? sim.graph.out(n.id, 'training-job')[0] : n;
      if (job?.kind === 'training-job' && job.props.spot !== true) {
        sim.note(
          f.node,
          'event',
          `${f.node}: nothing happens — ${job.id} runs on on-demand instances (spot: false), which Spot ` +
            `interruptions do not affect`,
        );
      } else {
        sim.note(
          f.node,
          'info',
          `${f.node}: no Spot training instance running to interrupt (on-demand jobs and finished jobs are not ` +
            `affected)`,
        );
      }
    },
  },
};

/** Start one run of a job; publish its end. */
function launch(sim: Simulation, st: JobsState, n: GNode, execution?: number): void {
  const register = (node: string, it: Interruptible) => {
    const l = st.interruptible.get(node);
    if (l) l.push(it);
    else st.interruptible.set(node, [it]);
    st.runs.add(it.run);
  };
  const onEnd = (run: JobRun) => {
    const durationSec = sim.now - run.startedAt;
    if (run.status === 'Completed') {
      const p: JobCompleted = { node: n.id, durationSec, ...(execution !== undefined ? { execution } : {}) };
      sim.emit(TOPICS.jobCompleted, p);
    } else {
      const p: JobFailed = {
        node: n.id,
        state: run.status === 'Stopped' ? 'Stopped' : 'Failed',
        ...(execution !== undefined ? { execution } : {}),
        ...(run.failedRule ? { rule: run.failedRule } : {}),
      };
      sim.emit(TOPICS.jobFailed, p);
    }
  };
  let run: JobRun;
  switch (n.kind) {
    case 'training-job': {
      const it = startTraining(sim, n, {
        stateNode: n.id,
        costNode: n.id,
        name: n.id,
        verbose: true,
        execution,
        reportAccuracy: true,
        onEnd,
      });
      register(n.id, it);
      run = it.run;
      break;
    }
    case 'tuning-job':
      run = startTuning(sim, n, onEnd, register, execution);
      break;
    case 'processing-job':
      run = startProcessing(sim, n, onEnd, execution);
      break;
    case 'batch-transform':
      run = startBatch(sim, n, onEnd, execution);
      break;
    case 'data-wrangler':
      run = startWrangler(sim, n, onEnd);
      break;
    case 'ground-truth':
      run = startLabeling(sim, n, onEnd);
      break;
    default:
      return;
  }
  st.runs.add(run);
}
