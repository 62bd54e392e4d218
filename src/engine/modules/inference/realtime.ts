import { instanceCostUSD, FALLBACK_INSTANCE_TYPE } from '../../../catalog/prices';
import { formatMessage, ruleById } from '../../../catalog/rules';
import { instanceType } from '../../../catalog/instances';
import type { GNode } from '../../../model/graph';
import type { Variant } from '../../../model/props';
import { Histogram } from '../../histogram';
import { round } from '../../util';
import type { Rng } from '../../rng';
import type { Simulation } from '../../sim';
import { TOPICS, type DeployTraffic } from '../../topics';
import { INFERENCE, LATENCY_MEAN_FACTOR } from './constants';
import { payloadVars } from './payload';
import { EndpointRun } from './endpoint-run';
import { InstancePool, type Scaling } from './pool';
import type { Tally } from './tally';
import { EXP_Q, lognormalTable } from './tables';
import { PAYLOAD_LN, type ArrivalSource, type Arrivals, type ClientStream, type StreamMerge } from './traffic';
import { OUTCOME } from './traces';

export const LATENCY_LN = lognormalTable(INFERENCE.latencySigma);

/** Workers per instance: one per vCPU (the model server's default). */
export const workersOf = (type: string): number =>
  Math.max(1, (instanceType(type) ?? instanceType(FALLBACK_INSTANCE_TYPE)!).vcpu);

/** Requests, outcomes and latency of one production or shadow variant. */
export class VariantRun {
  requests = 0;
  ok = 0;
  failed = 0;
  readonly hist = new Histogram();
  readonly latencySec: number;
  readonly pool: InstancePool;
  readonly type: string;
  /** The variant's current weight (its spec's, until UpdateEndpointWeightsAndCapacities changes it). */
  weight: number;

  constructor(
    readonly spec: Variant,
    ep: GNode<'realtime-endpoint'>,
    scaling: Scaling | null,
    startSec: number,
  ) {
    this.type = spec.instanceType ?? ep.props.instanceType;
    this.weight = spec.weight;
    this.latencySec = (spec.modelLatencyMs ?? ep.props.modelLatencyMs) / 1000;
    this.pool = new InstancePool(
      workersOf(this.type),
      spec.instanceCount ?? ep.props.instanceCount,
      this.latencySec,
      scaling,
      startSec,
    );
  }
}

/** Target tracking of a real-time endpoint's `autoscaling` prop (null = none). */
export function scalingOf(ep: GNode<'realtime-endpoint'>): Scaling | null {
  const a = ep.props.autoscaling;
  if (!a) return null;
  const components = ep.props.inferenceComponents === true;
  const concurrency = ep.props.scalingMetric === 'ConcurrentRequestsPerModel';
  return {
    // only an endpoint hosting inference components can scale in to zero (scale-to-zero-unsupported otherwise)
    min: components ? a.min : Math.max(1, a.min),
    max: Math.max(1, a.max),
    target: concurrency ? Number(ep.props.targetConcurrency) : a.targetInvocationsPerInstance,
    scaleOutCooldownSec: a.scaleOutCooldownSec ?? INFERENCE.scaleOutCooldownSec,
    scaleInCooldownSec: a.scaleInCooldownSec ?? INFERENCE.scaleInCooldownSec,
    ...(concurrency && { metric: 'concurrency' as const }),
    ...(components && { components: true, fromZero: ep.props.scaleOutFromZero === true }),
  };
}

/**
 * A real-time endpoint: production variants split the traffic by weight, each on its own instances
 * (with target-tracking autoscaling when configured); shadow variants get a copy of every request
 * and their responses are discarded. Rules: payload-too-large (6 MB, 413), endpoint-overloaded
 * (a full queue, 503), realtime-timeout (60 s including queueing and feature lookups),
 * offline-store-online-lookup, shadow-variant-response.
 */
export class RealtimeRun extends EndpointRun<'realtime-endpoint'> {
  readonly variants: VariantRun[];
  private prod: VariantRun[] = [];
  private cum = new Float64Array(0);
  /** Each client stream's TargetVariant, resolved to its production variant (null = by weight); built on first use. */
  private pinned: (VariantRun | null)[] | null = null;
  private readonly shadows: VariantRun[];
  private readonly track: boolean;
  private readonly payload: Tally;
  private readonly overloaded: Tally;
  private readonly shadowTally: Tally | null;
  private instancesMax = 0;
  private ticks = 0;
  /** When the endpoint went InService (its instances are billed from then). */
  private readonly startSec: number;
  /** A blue/green update in progress or finished: the new fleet's share and error rate (null = none). */
  private green: DeployTraffic | null = null;
  private readonly modelErrors: Tally;
  private readonly noCapacity: Tally | null;

  constructor(
    sim: Simulation,
    node: GNode<'realtime-endpoint'>,
    private readonly rng: Rng,
    startSec: number,
  ) {
    super(sim, node);
    this.startSec = startSec;
    const scaling = scalingOf(node);
    this.variants = node.props.variants.map((v) => new VariantRun(v, node, scaling, startSec));
    this.shadows = this.variants.filter((v) => v.spec.shadow);
    this.split();
    this.track = this.variants.length > 1;
    this.payload = this.tally('payload-too-large');
    this.overloaded = this.tally('endpoint-overloaded');
    this.shadowTally = this.shadows.length ? this.tally('shadow-variant-response') : null;
    this.modelErrors = this.tally('model-version-errors');
    // scaled to zero: stuck without the step-scaling policy, waking with it (tallied only where zero is possible)
    this.noCapacity =
      scaling?.components && scaling.min === 0
        ? this.tally(scaling.fromZero ? 'no-capacity-at-zero' : 'realtime-stuck-at-zero')
        : null;
    sim.on(TOPICS.deployTraffic, (p: DeployTraffic) => {
      if (p.node === node.id) this.green = p.share > 0 ? p : null;
    });
    this.updateExtra();
  }

  /** The production variants with a weight above 0 and their cumulative shares of the traffic. */
  private split(): void {
    this.prod = this.variants.filter((v) => !v.spec.shadow && v.weight > 0);
    const total = this.prod.reduce((s, v) => s + v.weight, 0);
    this.cum = new Float64Array(this.prod.length);
    let acc = 0;
    this.prod.forEach((v, i) => {
      acc += v.weight / total;
      this.cum[i] = acc;
    });
    this.cum[this.prod.length - 1] = 1;
  }

  /**
   * UpdateEndpointWeightsAndCapacities: the named production variants take their new weights (DesiredWeight) and the
   * split by weight follows from the next request on; the endpoint stays InService. The loader has checked the names
   * and that one production variant keeps a weight above 0.
   */
  setWeights(weights: Readonly<Record<string, number>>): void {
    const before = this.weightsText();
    for (const v of this.variants)
      if (!v.spec.shadow && Object.hasOwn(weights, v.spec.name)) v.weight = weights[v.spec.name];
    this.split();
    this.updateExtra();
    this.sim.note(
      this.node.id,
      'event',
      `${this.node.id}: UpdateEndpointWeightsAndCapacities: variant weights ${before} → ${this.weightsText()}`,
    );
  }

  private weightsText(): string {
    return this.variants
      .filter((v) => !v.spec.shadow)
      .map((v) => `${v.spec.name} ${v.weight}`)
      .join(', ');
  }

  serve(arr: Arrivals, t0: number, t1: number): void {
    arr.rewind();
    this.serveSource(arr, t0, t1);
  }

  /** Several client streams, none retrying, into a `simple` endpoint: served where they are staged (`serveMerged`). */
  tickMerged(merge: StreamMerge, arr: Arrivals, t0: number, t1: number, failed: boolean): void {
    if (failed || !this.simple() || !(this.noRetries ??= this.clientRetries.every((r) => !r)))
      return super.tickMerged(merge, arr, t0, t1, failed);
    this.serveMerged(merge, t0, t1);
    this.endTick(t0, t1);
  }

  /** Whether no client of the endpoint retries (its ticks' arrivals are all fresh); known on the first tick. */
  private noRetries: boolean | null = null;

  /**
   * One production variant and nothing else: no TargetVariant, feature lookup, shadow or blue/green traffic, and no
   * inference components (a variant that can scale to zero answers at zero instances in `serveSource`).
   */
  private simple(): boolean {
    return (
      this.variants.length === 1 &&
      this.prod.length === 1 &&
      this.prod[0].pool.scaling?.components !== true &&
      this.lookup === null &&
      this.green === null &&
      (this.pinned ??= this.resolvePins()).every((p) => p === null)
    );
  }

  /**
   * The only client stream's tick, drawn as it is served: `serveSimple` when the endpoint is `simple` (most scenarios
   * and the benchmarks), else `serveSource`.
   */
  serveStream(s: ClientStream, t0: number, t1: number): void {
    if (this.simple()) this.serveSimple(s, t0, t1);
    else this.serveSource(s, t0, t1);
  }

  /** Each client stream's TargetVariant, resolved to its production variant (null = by weight). */
  private resolvePins(): (VariantRun | null)[] {
    return this.clientTargets.map((name) => this.variants.find((v) => !v.spec.shadow && v.spec.name === name) ?? null);
  }

  /**
   * `serveSource` for one stream into one production variant, as the tightest loop: the stream's arrivals are drawn
   * here, window by window (the draws and their order of `ClientStream.nextArrival`, see `ClientStream.window`), and
   * the common outcome is inline; the rest go to the same methods as in `serveSource`, so the figures are the same.
   * Small on purpose: every call in the loop fits V8's inlining budget (a call left out of line boxes its doubles).
   */
  private serveSimple(s: ClientStream, t0: number, t1: number): void {
    const v = this.prod[0],
      pool = v.pool,
      lat = v.latencySec,
      rng = this.rng,
      gen = s.rng,
      zipf = s.zipf,
      hist = this.m.latency,
      tick = this.tickLatency,
      traces = this.traces;
    const limit = INFERENCE.realtimeMaxPayloadMB,
      timeout = INFERENCE.invocationTimeoutSec;
    pool.advance(t0);
    let n = 0,
      ok = 0;
    this.overloadedAt = null;
    while (s.window()) {
      const e = s.e,
        inv = s.inv,
        fixed = s.fixed,
        base = s.base,
        n0 = n;
      let y = s.y;
      do {
        const a = y;
        const size = fixed ? base : base * PAYLOAD_LN[gen.tableIndex()];
        const model = zipf === null ? 0 : zipf.pick(gen.next());
        y = a + EXP_Q[gen.tableIndex()] * inv;
        n++;
        if (size > limit) {
          this.tooLarge(v, a, size, 0);
          continue;
        }
        const svc = lat * LATENCY_LN[rng.tableIndex()];
        const wait = pool.serve(a, svc);
        const total = wait + svc;
        if (wait < 0) {
          s.at = a;
          s.sizeMB = size;
          s.modelIdx = model;
          this.refused(v, s, size, 0, 0);
        } else if (total > timeout) this.timedOut(v, a, size, 0, wait, 0, 0);
        else {
          ok++;
          const ms = total * 1000;
          hist.add(ms);
          tick.add(ms);
          if (traces.wantAt(OUTCOME.ok)) this.traceOk(v, a, size, wait, svc);
        }
      } while (y < e);
      s.y = y;
      s.sent += n - n0;
    }
    this.m.requests += n;
    this.m.ok += ok;
    if (this.overloadedAt !== null) this.overloaded.vars!.rps = round(n / (t1 - t0), 1);
  }

  /**
   * `serveSimple` for a tick's arrivals merged from several client streams, none retrying: the same loop, reading
   * each arrival from the merge's staging arrays in time order (so the figures are `serveSource`'s).
   */
  private serveMerged(merge: StreamMerge, t0: number, t1: number): void {
    const v = this.prod[0],
      pool = v.pool,
      lat = v.latencySec,
      rng = this.rng,
      hist = this.m.latency,
      tick = this.tickLatency,
      traces = this.traces,
      stage = merge.stage,
      time = stage.time,
      sizes = stage.size,
      order = merge.order,
      n = merge.n;
    const limit = INFERENCE.realtimeMaxPayloadMB,
      timeout = INFERENCE.invocationTimeoutSec;
    pool.advance(t0);
    let ok = 0;
    this.overloadedAt = null;
    for (let i = 0; i < n; i++) {
      const k = order[i],
        a = time[k],
        size = sizes[k];
      if (size > limit) {
        this.tooLarge(v, a, size, 0);
        continue;
      }
      const svc = lat * LATENCY_LN[rng.tableIndex()];
      const wait = pool.serve(a, svc);
      const total = wait + svc;
      if (wait < 0) this.refused(v, merge.at(k), size, 0, 0);
      else if (total > timeout) this.timedOut(v, a, size, 0, wait, 0, 0);
      else {
        ok++;
        const ms = total * 1000;
        hist.add(ms);
        tick.add(ms);
        if (traces.wantAt(OUTCOME.ok)) this.traceOk(v, a, size, wait, svc);
      }
    }
    this.m.requests += n;
    this.m.ok += ok;
    if (this.overloadedAt !== null) this.overloaded.vars!.rps = round(n / (t1 - t0), 1);
  }

  /** The trace of a sampled 200 (fresh, no feature lookup). */
  private traceOk(v: VariantRun, a: number, size: number, wait: number, svc: number): void {
    this.trace(a, 'ok', size, { retry: 0, tries: 0, lookup: 0, queue: wait, model: svc }, `200 OK from ${v.spec.name}`);
  }

  /**
   * The hot loop: one pass over the tick's arrivals, with the common outcome (a 200 from a production variant) inline
   * and every other outcome in its own method. Counters are kept in locals and added once at the end.
   */
  serveSource(src: ArrivalSource, t0: number, t1: number): void {
    const m = this.m,
      rng = this.rng,
      hist = m.latency,
      tick = this.tickLatency,
      traces = this.traces;
    // a client's targetVariant (InvokeEndpoint TargetVariant) pins its requests to that production variant
    const pinned = (this.pinned ??= this.resolvePins());
    const anyPinned = pinned.some((p) => p !== null);
    const prod = this.prod,
      cum = this.cum,
      np = prod.length,
      shadows = this.shadows,
      ns = shadows.length,
      track = this.track,
      green = this.green;
    const lookup = this.lookup ? this.lookup.sec : null;
    const limit = INFERENCE.realtimeMaxPayloadMB,
      timeout = INFERENCE.invocationTimeoutSec;
    for (const v of this.variants) v.pool.advance(t0);
    let n = 0,
      fresh = 0,
      ok = 0;
    this.overloadedAt = null;
    while (src.nextArrival()) {
      const a = src.at,
        size = src.sizeMB;
      // a retry (attempt k > 0, retry.ts) is the same request again: counted once, timed from its first arrival
      const k = src.attemptNo;
      const back = k === 0 ? 0 : a - src.firstAt;
      n++;
      if (k === 0) fresh++;
      let v = prod[0];
      const pin = anyPinned ? pinned[src.srcIdx] : null;
      if (pin) v = pin;
      else if (np > 1) {
        const u = rng.next();
        let j = 0;
        while (j < np - 1 && u >= cum[j]) j++;
        v = prod[j];
      }
      if (track) v.requests++;
      if (size > limit) {
        this.tooLarge(v, a, size, back); // refused before the variants: no shadow copy
        continue;
      }
      if (v.pool.instances === 0) {
        this.zero(v, a, size, k, back);
        continue;
      }
      let extra = 0;
      if (lookup !== null) extra = this.lookupSec(lookup, a);
      const svc = v.latencySec * LATENCY_LN[rng.tableIndex()];
      const wait = v.pool.serve(a, svc);
      const total = wait + svc + extra;
      if (wait < 0) this.refused(v, src, size, extra, back);
      else if (total > timeout) this.timedOut(v, a, size, extra, wait, k, back);
      else if (green !== null && rng.next() < green.share * green.errorRate)
        this.modelError(v, green, a, size, extra, wait, svc, k, back);
      else {
        ok++;
        const ms = (total + back) * 1000;
        hist.add(ms);
        tick.add(ms);
        if (k > 0) this.retried++;
        if (track) {
          v.ok++;
          v.hist.add(total * 1000);
        }
        if (traces.wantAt(OUTCOME.ok))
          this.trace(
            a - back,
            'ok',
            size,
            { retry: back, tries: k, lookup: extra, queue: wait, model: svc },
            `200 OK from ${v.spec.name}`,
          );
      }
      // a shadow variant gets a copy of each request once (not of the client's retries)
      if (ns && k === 0) this.copyToShadows(a, size, extra);
    }
    m.requests += fresh;
    m.ok += ok;
    // the 503's message states the tick's request rate, known once the tick is drawn
    if (this.overloadedAt !== null) this.overloaded.vars!.rps = round(n / (t1 - t0), 1);
  }

  /** Set by `refused` at the tick's first 503 (its message's rate is filled in at the end of the tick). */
  private overloadedAt: number | null = null;

  /** A feature lookup's seconds (and the offline-store incident when the store is offline). */
  private lookupSec(sec: Float64Array, a: number): number {
    const extra = sec[this.rng.tableIndex()];
    const offline = this.offlineLookups;
    if (offline !== null && offline.hit()) {
      offline.first = a;
      offline.vars = { featureStore: this.lookup!.store.id, lookupMs: Math.round(extra * 1000) };
    }
    return extra;
  }

  /** payload-too-large: the front end refuses a body over 6 MB (413) before any model sees it. */
  private tooLarge(v: VariantRun, a: number, size: number, back: number): void {
    const limit = INFERENCE.realtimeMaxPayloadMB;
    this.m.failed++;
    if (this.track) v.failed++;
    if (this.payload.hit()) {
      this.payload.first = a;
      this.payload.vars = payloadVars(this.node.kind, v.spec.name, size);
    }
    if (this.traces.wantAt(OUTCOME.rejected))
      this.trace(
        a - back,
        'rejected',
        size,
        {},
        `payload ${round(size, 2)} MB > ${limit} MB, rejected by the front end`,
        'payload-too-large',
      );
  }

  /** endpoint-overloaded: every worker's queue is full (503); final only when the client has no retry left. */
  private refused(v: VariantRun, src: ArrivalSource, size: number, extra: number, back: number): void {
    const a = src.at,
      k = src.attemptNo;
    // every variant attempt counts; the request fails only when its client has no retry left
    if (this.track) v.failed++;
    if (this.overloaded.hit()) {
      this.overloaded.first = a;
      this.overloaded.vars = { variant: v.spec.name, rps: 0, instances: v.pool.instances };
      this.overloadedAt = a;
    }
    if (this.retryFrom(src)) return;
    this.m.failed++;
    if (this.traces.wantAt(OUTCOME.throttled))
      this.trace(
        a - back,
        'throttled',
        size,
        { lookup: extra, retry: back, tries: k },
        `every worker's queue on ${v.spec.name} is full (${v.pool.instances} ` +
          `instance(s))${k ? ` after ${k} retr${k === 1 ? 'y' : 'ies'}` : ''}`,
        'endpoint-overloaded',
      );
  }

  /** realtime-timeout: the answer would come after the 60-s invocation limit (the caller sees the limit). */
  private timedOut(v: VariantRun, a: number, size: number, extra: number, wait: number, k: number, back: number): void {
    const timeout = INFERENCE.invocationTimeoutSec;
    this.m.failed++;
    this.latency((timeout + back) * 1000);
    if (this.track) {
      v.failed++;
      v.hist.add(timeout * 1000);
    }
    if (this.timeouts.hit()) {
      this.timeouts.first = a + timeout;
      this.timeouts.vars = { variant: v.spec.name };
    }
    if (this.traces.wantAt(OUTCOME.timedOut))
      this.trace(
        a - back,
        'timedOut',
        size,
        { retry: back, tries: k, lookup: extra, queue: wait, model: Math.max(0, timeout - wait - extra) },
        `ModelError: timed out after ${timeout} s (the invocation limit)`,
        'realtime-timeout',
      );
  }

  /**
   * A request to a variant at zero instances: InvokeEndpoint answers 400 ValidationError ("Inference Component has no
   * capacity…") and SageMaker counts a NoCapacityInvocationFailures datapoint (the step-scaling alarm's metric).
   */
  private zero(v: VariantRun, a: number, size: number, k: number, back: number): void {
    this.m.failed++;
    if (this.track) v.failed++;
    v.pool.noCapacity++;
    const t = this.noCapacity;
    if (t?.hit()) {
      t.first = a;
      const waking = v.pool.pending.length;
      t.vars = {
        variant: v.spec.name,
        detail: waking
          ? `an instance is being provisioned, in service at ${Math.round(v.pool.pending[0])} s`
          : 'the NoCapacityInvocationFailures alarm has not fired yet',
      };
    }
    if (this.traces.wantAt(OUTCOME.rejected))
      this.trace(
        a - back,
        'rejected',
        size,
        { retry: back, tries: k, lookup: 0, queue: 0, model: 0 },
        'ValidationError (400): Inference Component has no capacity to process this request',
        v.pool.scaling?.fromZero ? 'no-capacity-at-zero' : 'realtime-stuck-at-zero',
      );
  }

  /** model-version-errors: a request on the new fleet whose model answers 500 (the caller gets ModelError, 424). */
  private modelError(
    v: VariantRun,
    green: DeployTraffic,
    a: number,
    size: number,
    extra: number,
    wait: number,
    svc: number,
    k: number,
    back: number,
  ): void {
    const total = wait + svc + extra;
    this.m.failed++;
    this.latency((total + back) * 1000);
    if (this.track) {
      v.failed++;
      v.hist.add(total * 1000);
    }
    if (this.modelErrors.hit()) {
      this.modelErrors.first = a;
      this.modelErrors.vars = { variant: v.spec.name, version: green.version };
    }
    if (this.traces.wantAt(OUTCOME.rejected))
      this.trace(
        a - back,
        'rejected',
        size,
        { retry: back, tries: k, lookup: extra, queue: wait, model: svc },
        `ModelError: the new model version (${green.version}) answered 500`,
        'model-version-errors',
      );
  }

  /** Every shadow variant's copy of a request. */
  private copyToShadows(a: number, size: number, extra: number): void {
    for (const s of this.shadows) this.shadowCopy(s, a, size, extra);
  }

  /** Sampling accumulators of the shadow variants (samplingPercentage of the requests, spread evenly). */
  private readonly sampled = new Map<VariantRun, number>();

  /**
   * A shadow variant serves a copy of `samplingPercentage` [100] of the requests (spread evenly, no random
   * draw); its outcome never reaches the caller.
   */
  private shadowCopy(v: VariantRun, a: number, sizeMB: number, extra: number): void {
    const pct = v.spec.samplingPercentage ?? 100;
    if (pct < 100) {
      const acc = (this.sampled.get(v) ?? 0) + pct;
      if (acc < 100) return void this.sampled.set(v, acc);
      this.sampled.set(v, acc - 100);
    }
    v.requests++;
    const t = this.shadowTally!;
    if (t.hit()) {
      t.first = a;
      t.vars = { variant: v.spec.name, requests: pct < 100 ? `${pct}%` : 'all' };
    }
    if (sizeMB > INFERENCE.realtimeMaxPayloadMB) {
      v.failed++;
      return;
    }
    const svc = v.latencySec * LATENCY_LN[this.rng.tableIndex()];
    const wait = v.pool.serve(a, svc);
    if (wait < 0) {
      v.failed++;
      return;
    }
    const total = wait + svc + extra;
    if (total > INFERENCE.invocationTimeoutSec) {
      v.failed++;
      v.hist.add(INFERENCE.invocationTimeoutSec * 1000);
    } else {
      v.ok++;
      v.hist.add(total * 1000);
    }
  }

  afterTick(t0: number, t1: number): void {
    let instances = 0;
    for (const v of this.variants) {
      const before = v.pool.instanceSeconds;
      const was = v.pool.instances;
      const scaled = v.pool.afterTick(t0, t1);
      // a scale-in to zero returns -0
      if (scaled || (was > 0 && v.pool.instances === 0)) this.noteScaling(v, scaled, was);
      this.sim.addCost(this.node.id, instanceCostUSD(v.type, v.pool.instanceSeconds - before), t0, t1);
      instances += v.pool.instances;
    }
    if (instances > this.instancesMax) this.instancesMax = instances;
    this.series.instances.add(t0, instances);
    this.m.extra.instancesMax = this.instancesMax;
    this.m.extra.instancesFinal = instances;
    this.retryExtra();
    if (this.track && ++this.ticks % 60 === 0) this.updateExtra();
  }

  /** A scaling activity on the timeline (target tracking on InvocationsPerInstance). */
  private noteScaling(v: VariantRun, scaled: number, was: number): void {
    const s = v.pool.scaling!;
    const fromZero = was === 0 && scaled > 0;
    this.sim.emit(TOPICS.scaling, {
      endpoint: this.node.id,
      variant: v.spec.name,
      from: was,
      to: Math.abs(scaled),
      policy: fromZero ? 'step' : 'target-tracking',
    });
    const conc = s.metric === 'concurrency';
    const what = conc
      ? `ConcurrentRequestsPerModel > ${s.target} per instance for ${INFERENCE.scaleOutDatapoints} consecutive ` +
        `10-s datapoints`
      : `InvocationsPerInstance > ${s.target}/min for ${INFERENCE.scaleOutDatapoints} consecutive minutes`;
    const below = conc ? `${s.target} concurrent requests per instance` : `${s.target}/min`;
    this.sim.note(
      this.node.id,
      'event',
      fromZero
        ? `${this.node.id}/${v.spec.name}: the NoCapacityInvocationFailures alarm triggers the step-scaling ` +
            `policy (+1): launching an instance from zero, in service in ${INFERENCE.provisionSec} s`
        : scaled > 0
          ? `${this.node.id}/${v.spec.name}: target tracking (${what}) launches instances: ${v.pool.instances} → ` +
            `${scaled}, in service in ${INFERENCE.provisionSec} s`
          : `${this.node.id}/${v.spec.name}: target tracking scaled in to ${-scaled} instance(s) after ` +
            `${INFERENCE.scaleInDatapoints} consecutive minutes below ` +
            `${Math.round(INFERENCE.scaleInRatio * 100)}% of ${below}`,
    );
  }

  /**
   * Right-sizing: after at least INFERENCE.rightSizeMinSec in service, a single-variant endpoint without autoscaling
   * that served nothing (endpoint-idle), or whose served load (requests × mean model time, in worker-seconds) would
   * fit on
   * fewer instances at INFERENCE.rightSizeUtilization per core (endpoint-over-provisioned), gets a warning with its
   * utilization and cost.
   */
  private rightSize(): void {
    const sec = this.sim.now - this.startSec;
    if (this.variants.length !== 1 || this.node.props.autoscaling || sec < INFERENCE.rightSizeMinSec) return;
    const v = this.variants[0];
    const count = Math.round(v.pool.instanceSeconds / sec);
    const fleet = `${count} × ${v.type}`;
    const busy = this.m.ok * v.latencySec * LATENCY_MEAN_FACTOR;
    const cores = v.pool.workers;
    const needed = Math.max(1, Math.ceil(busy / (sec * cores * INFERENCE.rightSizeUtilization)));
    let rule: string, detail: string;
    if (this.m.requests === 0) [rule, detail] = ['endpoint-idle', `${fleet} served no request (0 invocations)`];
    else if (needed < count) {
      const pct = round((100 * busy) / (v.pool.instanceSeconds * cores), 1);
      rule = 'endpoint-over-provisioned';
      detail = `${fleet} averaged ${pct}% utilization per core; the load it served fits on ${needed} at ${
        INFERENCE.rightSizeUtilization * 100
      }%`;
    } else return;
    this.sim.incident(rule, this.node.id, {
      detail,
      costUSD: round(this.m.costUSD, 2),
      hours: round(sec / 3600, 1),
    });
  }

  private updateExtra(): void {
    const x = this.m.extra;
    let instances = 0;
    for (const v of this.variants) instances += v.pool.instances;
    if (instances > this.instancesMax) this.instancesMax = instances;
    x.instancesMax = this.instancesMax;
    x.instancesFinal = instances;
    if (!this.track) return;
    const out: Record<string, unknown> = {};
    for (const v of this.variants) {
      out[v.spec.name] = {
        weight: v.weight,
        ...(v.spec.shadow ? { shadow: true } : {}),
        requests: v.requests,
        ok: v.ok,
        failed: v.failed,
        p50Ms: round(v.hist.quantile(0.5), 1),
        p99Ms: round(v.hist.quantile(0.99), 1),
        instancesMax: v.pool.instancesMax,
        instancesFinal: v.pool.instances,
      };
    }
    x.variants = out;
  }

  finish(): void {
    this.updateExtra();
    this.rightSize();
    const t = this.shadowTally;
    if (t && t.counter.rec.count > 0) {
      // the message states the whole run's copies, not the first tick's
      const v = this.shadows[0];
      t.counter.rec.message = formatMessage(ruleById('shadow-variant-response'), {
        node: this.node.id,
        variant: this.shadows.map((s) => s.spec.name).join(', '),
        requests: v.requests,
      });
    }
  }
}

export { payloadVars } from './payload';
