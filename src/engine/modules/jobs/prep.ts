import { joinProblem, oneHotProblem, qualityGate } from '../shared/prep';
import { FALLBACK_INSTANCE_TYPE, instanceCostUSD, PRICES } from '../../../catalog/prices';
import type { GNode } from '../../../model/graph';
import { round } from '../../util';
import type { Simulation } from '../../sim';
import { labelingProblem, wranglerProblem, workforceProblem } from './checks';
import { JOB_TIMING as T } from './constants';
import { datasetGB, objectsOf, sourcesOf } from './data';
import { scannedGB } from '../shared/data';
import { JobRun } from './run';
import { fileDownloadSec, speedup } from './timing';

/** What the module needs to know when a job ends. */
export type OnEnd = (run: JobRun) => void;

/** A job using at most this share of the columns and reading a row format whole: row-format-full-scan. */
const FULL_SCAN_SHARE = 0.25;

/** Processing jobs have no instanceType prop: they run on ml.m5.xlarge. */
export const PROCESSING_INSTANCE = FALLBACK_INSTANCE_TYPE;

/**
 * A processing job: Starting → Downloading (scikit-learn copies its input like File mode; PySpark reads
 * S3 directly and starts at once) → Processing (seconds per GB; PySpark spreads over instances,
 * scikit-learn does not; a data-quality ruleset, if any, is evaluated first and a failed rule fails the job a
 * quarter of the way in) → Uploading (its output, about the size of its input) → Completed.
 */
export function startProcessing(sim: Simulation, n: GNode<'processing-job'>, onEnd: OnEnd, execution?: number): JobRun {
  const g = sim.graph;
  const count = Number(n.props.instanceCount);
  const gb = datasetGB(g, n.id);
  const spark = n.props.framework === 'pyspark';
  const run = new JobRun(sim, {
    node: n.id,
    stateNode: n.id,
    costNode: n.id,
    name: n.id,
    runningName: 'Processing',
    usdPerSec: instanceCostUSD(String(n.props.instanceType ?? PROCESSING_INSTANCE), 1, count),
    billed: ['Downloading', 'Running', 'Uploading'],
    verbose: true,
    execution,
  });
  // the columns it uses: all of a row-format input, `columnsRead` of a columnar one (shared/data.ts scannedGB)
  const share = Number(n.props.columnsRead ?? 1);
  const scan = scannedGB(g, n.id, share);
  const readGB = scan.scanned;
  // shown when the job selects columns (the figure the format decides)
  if (share < 1) sim.metrics(n.id).extra.scannedGB = readGB;
  const processSec = spark ? (readGB * T.pysparkSecPerGB) / speedup(count) : readGB * T.sklearnSecPerGB;
  const uploadSec = T.transferOverheadSec + readGB / (T.uploadGBps * count);
  const hasOutbound = g.out(n.id, 'data-source', 'sns', 'sqs', 'lambda').length > 0;
  const end = () => onEnd(run);
  if (!run.gate('create')) return (end(), run);
  run.go('START', 'Launching requested ML instances');
  run.gate('logs');
  run.after(T.startingSec, 'instances ready', () => {
    if (!run.gate('image-pull')) return end();
    run.go('PROVISIONED', spark ? 'Reading input from S3 (PySpark)' : `Downloading input data (${round(gb, 2)} GB)`);
    if (sourcesOf(g, n.id).length && !run.gate('data-download')) return end();
    run.after(spark ? T.streamSetupSec : fileDownloadSec(gb, count), 'input downloaded', () => {
      run.go(
        'DOWNLOADED',
        `Processing ${round(readGB, 2)} GB with ${spark ? 'PySpark' : 'scikit-learn'} on ${count} instance(s)`,
      );
      if (share <= FULL_SCAN_SHARE && scan.rowGB > 0)
        sim.incident('row-format-full-scan', n.id, {
          scannedGB: readGB,
          pct: Math.round(share * 100),
          rowGB: scan.rowGB,
        });
      if (hasOutbound && !run.gate('outbound-call')) return end();
      if (Number(n.props.instanceCount) > 1 && !run.gate('cluster')) return end();
      // the data-quality ruleset runs first, one pass over the input (a quarter of the processing time)
      const dq = qualityGate(g, n);
      if (dq)
        return run.after(processSec / 4, 'data quality evaluated', () => {
          run.fail(dq.rule, dq.vars);
          end();
        });
      if (Array.isArray(n.props.qualityRules) && n.props.qualityRules.length)
        sim.note(n.id, 'info', `${n.id}: data quality ruleset (${n.props.qualityRules.join(', ')}) passed`);
      const oneHot = oneHotProblem(g, n) ?? joinProblem(g, n);
      if (oneHot)
        return run.after(processSec / 2, 'out of memory', () => {
          run.fail(oneHot.rule, oneHot.vars);
          end();
        });
      run.after(processSec, 'processed', () => {
        run.go('RAN', 'Uploading processing output');
        run.after(uploadSec, 'uploaded', () => {
          if (!run.gate('output-upload')) return end();
          run.go('UPLOADED', 'Processing job completed');
          end();
        });
      });
    });
  });
  return run;
}

/**
 * A Data Wrangler flow: Starting (the Studio app) → Processing (import and transforms, 1.5 s per GB) →
 * Uploading (export) → Completed. Past 1 TB it stalls for `wranglerStallSec` and fails out of memory
 * (wrangler-scale-limit). Billed from start to end at the Data Wrangler instance-hour price.
 */
export function startWrangler(sim: Simulation, n: GNode<'data-wrangler'>, onEnd: OnEnd): JobRun {
  const g = sim.graph;
  const gb = datasetGB(g, n.id);
  const run = new JobRun(sim, {
    node: n.id,
    stateNode: n.id,
    costNode: n.id,
    name: n.id,
    runningName: 'Processing',
    usdPerSec: PRICES.dataWranglerPerHourUSD / 3600,
    billed: ['Starting', 'Running', 'Uploading'],
    verbose: true,
  });
  const end = () => onEnd(run);
  const tooBig = wranglerProblem(g, n);
  run.go('START', 'Starting the Data Wrangler app (ml.m5.4xlarge)');
  run.gate('logs');
  run.after(T.startingSec, 'app ready', () => {
    if (sourcesOf(g, n.id).length && !run.gate('data-download')) return end();
    run.go('RUN', `Importing and transforming ${round(gb, 2)} GB`);
    if (tooBig) {
      run.after(T.wranglerStallSec / 2, 'stall', () =>
        sim.note(
          n.id,
          'event',
          `${n.id}: Processing · no progress: the flow's kernel is at its memory limit on ${round(gb, 2)} GB`,
          'warning',
        ),
      );
      return run.after(T.wranglerStallSec, 'out of memory', () => {
        run.fail(tooBig.rule, tooBig.vars);
        end();
      });
    }
    const oneHot = oneHotProblem(g, n);
    if (oneHot)
      return run.after((gb * T.wranglerSecPerGB) / 2, 'out of memory', () => {
        run.fail(oneHot.rule, oneHot.vars);
        end();
      });
    run.after(gb * T.wranglerSecPerGB, 'transformed', () => {
      run.go('RAN', 'Exporting the flow output');
      run.after(T.wranglerExportSec, 'exported', () => {
        run.go('UPLOADED', 'Data Wrangler flow completed');
        end();
      });
    });
  });
  return run;
}

/**
 * A Ground Truth labelling job: rejected at creation when a public (mturk) workforce would see
 * sensitive data; otherwise Starting → Labeling → Uploading (the augmented manifest) → Completed.
 * Objects are 1,000 per GB; humans label `humanObjectsPerSec`, and with active learning 70% of the
 * objects are labelled automatically (fast, not billed per object). Cost: per human-labelled object,
 * billed as labelling progresses. Extra: objects, labeled (so far), autoLabeled.
 */
export function startLabeling(sim: Simulation, n: GNode<'ground-truth'>, onEnd: OnEnd): JobRun {
  const g = sim.graph;
  const gb = datasetGB(g, n.id);
  const run = new JobRun(sim, {
    node: n.id,
    stateNode: n.id,
    costNode: n.id,
    name: n.id,
    runningName: 'Labeling',
    usdPerSec: 0,
    billed: [],
    verbose: true,
  });
  const end = () => onEnd(run);
  const flagged = workforceProblem(g, n);
  if (flagged) {
    run.fail(flagged.rule, flagged.vars);
    end();
    return run;
  }
  const objects = objectsOf(gb);
  const auto = n.props.activeLearning === true ? Math.floor(objects * PRICES.groundTruthActiveLearningSaving) : 0;
  const human = objects - auto;
  const extra = sim.metrics(n.id).extra;
  Object.assign(extra, { objects, labeled: 0, autoLabeled: 0 });
  run.go('START', 'Creating the labeling job and notifying the work team');
  run.after(T.labelingStartSec, 'started', () => {
    if (sourcesOf(g, n.id).length && !run.gate('data-download')) return end();
    run.go(
      'RUN',
      `Labeling ${objects} objects (${human} by human workers${auto ? `, ${auto} by automated data labeling` : ''})`,
    );
    const cost = labelingProblem(g, n);
    if (cost) sim.incident(cost.rule, n.id, cost.vars);
    let humanDone = 0,
      autoDone = 0;
    const tick = () => {
      const h = Math.min(human - humanDone, Math.round(T.humanObjectsPerSec * T.labelingTickSec));
      const a = Math.min(auto - autoDone, Math.round(T.autoObjectsPerSec * T.labelingTickSec));
      humanDone += h;
      autoDone += a;
      sim.addCost(n.id, h * PRICES.groundTruthPerObjectUSD);
      extra.labeled = humanDone + autoDone;
      extra.autoLabeled = autoDone;
      if (humanDone >= human && autoDone >= auto) {
        run.go('RAN', 'Writing the output manifest (augmented manifest, JSON Lines)');
        return run.after(T.transferOverheadSec, 'manifest written', () => {
          run.go('UPLOADED', 'Labeling job completed');
          end();
        });
      }
      run.after(T.labelingTickSec, 'labeling progress', tick);
    };
    run.after(T.labelingTickSec, 'labeling progress', tick);
  });
  return run;
}
