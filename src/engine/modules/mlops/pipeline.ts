import { createActor, type Actor } from 'xstate';
import type { GNode } from '../../../model/graph';
import { round } from '../../util';
import { clockOf } from '../../clock';
import { accuracyProblem } from '../shared/data';
import { TOPICS, type JobCompleted, type JobFailed, type JobStart, type PipelineStart } from '../../topics';
import { stepPreds, stepsOf, upstreamTraining } from './lineage';
import { executionMachine } from './machine';
import { meets, validationValue } from './quality';
import { registerPackage } from './registry';
import type { MlopsRun, ModelVersion } from './state';

/** Seconds a quick step takes: a Lambda step, a condition's evaluation, an SQS consumer answering a callback. */
export const STEP_SEC = { lambda: 5, condition: 1, callbackAnswer: 30 } as const;
/** Steps that run as jobs (started with TOPICS.jobStart, answered by the jobs module); only these are cached. */
const JOB_STEPS: readonly string[] = ['processing-job', 'training-job', 'tuning-job', 'batch-transform'];

type StepStatus = 'running' | 'done' | 'failed';

interface Execution {
  n: number;
  actor: Actor<typeof executionMachine>;
  status: Map<string, StepStatus>;
  /** Output token of each finished step (what its successors' cache keys are made of). */
  outputs: Map<string, string>;
  /** Model version each training step produced (or reused from the cache) in this execution. */
  models: Map<string, ModelVersion>;
  /** Condition steps that evaluated false: the steps after them do not run. */
  falseConditions: Set<string>;
  failed: boolean;
}

interface CacheEntry {
  key: string;
  output: string;
  execution: number;
  model?: ModelVersion;
}

/**
 * Pipeline executions. A pipeline runs its child steps as a DAG (step → step edges inside it): a step
 * starts when all its predecessors succeeded. Its report state is its last execution's state
 * (Executing → Succeeded / Failed). A pipeline with no eventbridge or lambda edge into it starts at
 * t = 0; otherwise it waits for its trigger. A trigger during an execution is queued (one at most) and
 * starts when it ends. With `caching`, a job step whose inputs (data arrivals in its buckets, its
 * predecessors' outputs) are unchanged since its last successful run is skipped and says so.
 */
class PipelineRunner {
  executions = 0;
  current: Execution | null = null;
  queued: string | null = null;
  readonly steps: GNode[];
  readonly cache = new Map<string, CacheEntry>();
  private hits = 0;
  /** Cache keys of the job steps now running. */
  private readonly pendingKeys = new Map<string, string>();

  constructor(
    private readonly run: MlopsRun,
    readonly node: GNode<'pipeline'>,
  ) {
    this.steps = stepsOf(run.sim.graph, node.id);
    Object.assign(run.sim.metrics(node.id).extra, { executions: 0, steps: this.steps.length });
  }

  trigger(reason: string): void {
    const { sim } = this.run;
    if (!this.current) return this.begin(reason);
    if (this.queued)
      return sim.note(
        this.node.id,
        'info',
        `${this.node.id}: trigger (${reason}) dropped: an execution is already queued`,
      );
    this.queued = reason;
    sim.note(this.node.id, 'info', `${this.node.id}: execution queued behind execution ${this.current.n} (${reason})`);
  }

  private begin(reason: string): void {
    const { sim } = this.run;
    const id = this.node.id;
    const exec: Execution = {
      n: ++this.executions,
      actor: createActor(executionMachine, { clock: clockOf(sim) }).start(),
      status: new Map(),
      outputs: new Map(),
      models: new Map(),
      falseConditions: new Set(),
      failed: false,
    };
    this.current = exec;
    sim.metrics(id).extra.executions = exec.n;
    sim.setState(id, 'Executing', `execution ${exec.n} (${reason})`);
    sim.emit(TOPICS.pipelineExecution, { pipeline: id, n: exec.n, state: 'Executing', reason });
    const b = sim.gate(id, 'api-call');
    if (b) {
      sim.incident(b.rule, id, b.vars);
      exec.failed = true;
      return this.end(exec, `no step started: ${b.rule}`);
    }
    this.advance(exec);
  }

  /** Start every step whose predecessors are done; end the execution when nothing runs or can start. */
  private advance(exec: Execution): void {
    const g = this.run.sim.graph;
    if (!exec.failed) {
      for (const s of this.steps) {
        if (exec.status.has(s.id)) continue;
        const preds = stepPreds(g, s.id);
        if (preds.every((p) => exec.status.get(p.id) === 'done' && !exec.falseConditions.has(p.id)))
          this.startStep(exec, s);
      }
    }
    if (this.current === exec && ![...exec.status.values()].includes('running')) this.end(exec);
  }

  private end(exec: Execution, why?: string): void {
    const { sim } = this.run;
    exec.actor.send(exec.failed ? { type: 'FAIL', reason: why ?? 'a step failed' } : { type: 'SUCCEED' });
    const state = String(exec.actor.getSnapshot().value);
    sim.setState(this.node.id, state, `execution ${exec.n}${why ? `: ${why}` : ''}`);
    sim.emit(TOPICS.pipelineExecution, { pipeline: this.node.id, n: exec.n, state, reason: why ?? '' });
    this.current = null;
    const next = this.queued;
    this.queued = null;
    if (next) this.begin(next);
  }

  private finishStep(exec: Execution, step: string, ok: boolean, output?: string): void {
    if (this.current !== exec || exec.status.get(step) !== 'running') return;
    exec.status.set(step, ok ? 'done' : 'failed');
    if (ok) exec.outputs.set(step, output ?? `${step}@${exec.n}`);
    else exec.failed = true;
    this.advance(exec);
  }

  private startStep(exec: Execution, s: GNode): void {
    const { sim } = this.run;
    exec.status.set(s.id, 'running');
    if (JOB_STEPS.includes(s.kind)) return this.startJob(exec, s);
    sim.setState(s.id, 'Executing');
    if (s.kind === 'condition-step')
      sim.after(STEP_SEC.condition, `${s.id}: evaluate`, s.id, () => this.evaluate(exec, s));
    else if (s.kind === 'callback-step') this.callback(exec, s);
    else
      sim.after(STEP_SEC.lambda, `${s.id}: lambda step`, s.id, () => {
        sim.setState(s.id, 'Succeeded');
        this.finishStep(exec, s.id, true);
      });
  }

  /** The cache key of a job step: data arrivals in its inputs and its predecessors' outputs. */
  private cacheKey(exec: Execution, s: GNode): string {
    const g = this.run.sim.graph;
    const inputs = g
      .in(s.id, 's3-bucket', 'data-source', 'feature-store')
      .map((n) => `${n.id}#${this.run.dataVersion.get(n.id) ?? 0}`);
    return [...inputs, ...stepPreds(g, s.id).map((p) => exec.outputs.get(p.id))].join('|');
  }

  private startJob(exec: Execution, s: GNode): void {
    const { sim } = this.run;
    const key = this.cacheKey(exec, s);
    const hit = this.node.props.caching ? this.cache.get(s.id) : undefined;
    if (hit && hit.key === key) {
      this.hits++;
      sim.metrics(this.node.id).extra.cacheHits = this.hits;
      sim.note(
        s.id,
        'event',
        `${s.id}: step cache hit, skipped (inputs unchanged; reusing the output of execution ${hit.execution})`,
      );
      if (hit.model) exec.models.set(s.id, hit.model);
      sim.after(0, `${s.id}: cached`, s.id, () => this.finishStep(exec, s.id, true, hit.output));
      return;
    }
    this.pendingKeys.set(s.id, key);
    const start: JobStart = { node: s.id, by: this.node.id, execution: exec.n };
    sim.emit(TOPICS.jobStart, start);
  }

  /** The jobs module answered a step of this pipeline. */
  jobDone(p: JobCompleted | JobFailed, ok: boolean): void {
    const exec = this.current;
    if (!exec || p.execution !== exec.n || exec.status.get(p.node) !== 'running') return;
    if (ok) {
      const model =
        this.run.sim.graph.node(p.node).kind === 'training-job' ? (this.run.latest(p.node) ?? undefined) : undefined;
      if (model) exec.models.set(p.node, model);
      this.cache.set(p.node, {
        key: this.pendingKeys.get(p.node) ?? '',
        output: `${p.node}@${exec.n}`,
        execution: exec.n,
        model,
      });
    }
    this.finishStep(exec, p.node, ok);
  }

  /** A condition step compares the validation metric of the training step before it with its threshold. */
  private evaluate(exec: Execution, s: GNode<'condition-step'>): void {
    const { sim } = this.run;
    const g = sim.graph;
    const metric = String(s.props.metric);
    const trainer = upstreamTraining(g, s.id).find((t) => exec.models.has(t.id)) ?? null;
    const model = trainer ? exec.models.get(trainer.id)! : null;
    const value = model ? validationValue(model.quality, metric) : Number.NaN;
    const shown = Number.isFinite(value) ? round(value, 3) : 'missing';
    // misleading-accuracy lands where accuracy is the metric: this gate (the training job records its own evalMetric)
    const acc = metric === 'accuracy' && trainer && typeof shown === 'number' ? accuracyProblem(g, trainer) : null;
    if (acc) sim.incident(acc.rule, s.id, { ...acc.vars, accuracy: shown });
    const pass = meets(value, s.props.op, s.props.threshold);
    Object.assign(sim.metrics(s.id).extra, { value: shown, outcome: pass });
    sim.setState(s.id, 'Succeeded', `${metric} = ${shown} ${s.props.op} ${s.props.threshold}: ${pass}`);
    if (!pass) {
      sim.incident('condition-gate-failed', s.id, {
        metric,
        value: shown,
        op: s.props.op,
        threshold: s.props.threshold,
      });
      exec.falseConditions.add(s.id);
      sim.note(this.node.id, 'event', `${this.node.id}: ${s.id} is false; the steps after it do not run`);
    } else if (model) {
      for (const r of g.out(s.id, 'model-registry')) {
        if (this.run.packages.get(r.id)!.some((p) => p.model === model))
          sim.note(r.id, 'info', `${model.id} is already registered in ${r.id}; no new package`);
        else registerPackage(this.run, r.id, model, `passed ${s.id} in ${this.node.id} execution ${exec.n}`, s.id);
      }
    }
    this.finishStep(exec, s.id, true);
  }

  /** A callback step sends its token to SQS and waits for SendPipelineExecutionStepSuccess. */
  private callback(exec: Execution, s: GNode<'callback-step'>): void {
    const { sim } = this.run;
    const g = sim.graph;
    const queue = g.out(s.id, 'sqs')[0];
    const consumer = queue ? g.out(queue.id, 'lambda')[0] : undefined;
    // the answer is a SageMaker API call (SendPipelineExecutionStepSuccess) made from the consumer's network
    const blocked = consumer ? sim.gate(consumer.id, 'api-call') : null;
    if (consumer && blocked) {
      sim.incident(blocked.rule, consumer.id, blocked.vars);
      sim.note(
        consumer.id,
        'event',
        `${consumer.id} read the token from ${queue!.id} but could not call SageMaker (${blocked.rule}): the ` +
          `callback is never answered`,
        'error',
        blocked.data,
      );
    }
    if (queue && consumer && !blocked) {
      sim.note(s.id, 'event', `${s.id}: callback token sent to ${queue.id}; ${consumer.id} will answer`);
      sim.after(STEP_SEC.callbackAnswer, `${s.id}: callback`, s.id, () => {
        if (this.current !== exec) return;
        sim.setState(s.id, 'Succeeded', `answered by ${consumer.id}`);
        this.finishStep(exec, s.id, true);
      });
      return;
    }
    sim.note(
      s.id,
      'event',
      blocked
        ? `${s.id}: callback token sent to ${queue!.id}; ${consumer!.id} cannot answer it`
        : queue
          ? `${s.id}: callback token sent to ${queue.id}, which nothing consumes`
          : `${s.id}: no SQS queue to send the callback token to`,
    );
    const timeoutSec = s.props.timeoutSec;
    sim.after(timeoutSec, `${s.id}: callback timeout`, s.id, () => {
      if (this.current !== exec) return;
      sim.incident('callback-never-answered', s.id, { timeoutSec, queue: queue?.id ?? '(none)' });
      sim.setState(s.id, 'Failed', `no callback within ${timeoutSec} s`);
      this.finishStep(exec, s.id, false);
    });
  }
}

/** Create a runner per pipeline, start untriggered ones at t = 0, and route job answers to them. */
export function startPipelines(run: MlopsRun): void {
  const { sim } = run;
  const g = sim.graph;
  const runners = new Map<string, PipelineRunner>();
  for (const p of g.ofKind('pipeline')) {
    const r = new PipelineRunner(run, p);
    runners.set(p.id, r);
    if (!g.in(p.id, 'eventbridge', 'lambda', 'codepipeline').length)
      sim.at(0, `${p.id}: start`, p.id, () => r.trigger('no trigger wired: started at t = 0'));
  }
  run.triggerPipeline = (id, reason) => runners.get(id)?.trigger(reason);
  sim.on(TOPICS.pipelineStart, (p: PipelineStart) => run.triggerPipeline(p.node, p.reason));
  const answer = (p: JobCompleted | JobFailed, ok: boolean) => {
    const parent = g.byId.get(p.node)?.parent;
    const r = parent ? runners.get(parent) : undefined;
    r?.jobDone(p, ok);
  };
  sim.on(TOPICS.jobCompleted, (p: JobCompleted) => answer(p, true));
  sim.on(TOPICS.jobFailed, (p: JobFailed) => answer(p, false));
}
