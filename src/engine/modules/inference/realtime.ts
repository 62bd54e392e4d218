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
import { INFERENCE } from './constants';
import { payloadVars } from './payload';
import { EndpointRun } from './endpoint-run';
import { InstancePool, type Scaling } from './pool';
import type { Tally } from './tally';
import { lognormalTable, TABLE_SIZE } from './tables';
import { backedOffSec } from './retry';
import type { Arrivals } from './traffic';

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

  constructor(
    readonly spec: Variant,
    ep: GNode<'realtime-endpoint'>,
    scaling: Scaling | null,
    startSec: number,
  ) {
    this.type = spec.instanceType ?? ep.props.instanceType;
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
  return {
    min: Math.max(1, a.min),
    max: Math.max(1, a.max),
    target: a.targetInvocationsPerInstance,
    scaleOutCooldownSec: a.scaleOutCooldownSec ?? INFERENCE.scaleOutCooldownSec,
    scaleInCooldownSec: a.scaleInCooldownSec ?? INFERENCE.scaleInCooldownSec,
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
  private readonly prod: VariantRun[];
  private readonly cum: Float64Array;
  private readonly shadows: VariantRun[];
  private readonly track: boolean;
  private readonly payload: Tally;
  private readonly overloaded: Tally;
  private readonly shadowTally: Tally | null;
  private instancesMax = 0;
  private ticks = 0;
  /** A blue/green update in progress or finished: the new fleet's share and error rate (null = none). */
  private green: DeployTraffic | null = null;
  private readonly modelErrors: Tally;

  constructor(
    sim: Simulation,
    node: GNode<'realtime-endpoint'>,
    private readonly rng: Rng,
    startSec: number,
  ) {
    super(sim, node);
    const scaling = scalingOf(node);
    this.variants = node.props.variants.map((v) => new VariantRun(v, node, scaling, startSec));
    this.prod = this.variants.filter((v) => !v.spec.shadow && v.spec.weight > 0);
    this.shadows = this.variants.filter((v) => v.spec.shadow);
    const total = this.prod.reduce((s, v) => s + v.spec.weight, 0);
    this.cum = new Float64Array(this.prod.length);
    let acc = 0;
    this.prod.forEach((v, i) => {
      acc += v.spec.weight / total;
      this.cum[i] = acc;
    });
    this.cum[this.prod.length - 1] = 1;
    this.track = this.variants.length > 1;
    this.payload = this.tally('payload-too-large');
    this.overloaded = this.tally('endpoint-overloaded');
    this.shadowTally = this.shadows.length ? this.tally('shadow-variant-response') : null;
    this.modelErrors = this.tally('model-version-errors');
    sim.on(TOPICS.deployTraffic, (p: DeployTraffic) => {
      if (p.node === node.id) this.green = p.share > 0 ? p : null;
    });
    this.updateExtra();
  }

  serve(arr: Arrivals, t0: number, t1: number): void {
    const m = this.m,
      rng = this.rng,
      n = arr.n,
      time = arr.time,
      size = arr.size,
      attempt = arr.attempt;
    const prod = this.prod,
      cum = this.cum,
      np = prod.length,
      shadows = this.shadows,
      track = this.track,
      green = this.green;
    const lookup = this.lookup ? this.lookup.sec : null,
      offline = this.offlineLookups;
    const limit = INFERENCE.realtimeMaxPayloadMB,
      timeout = INFERENCE.invocationTimeoutSec;
    for (const v of this.variants) v.pool.advance(t0);
    for (let i = 0; i < n; i++) {
      const a = time[i];
      let v = prod[0];
      if (np > 1) {
        const u = rng.next();
        let j = 0;
        while (j < np - 1 && u >= cum[j]) j++;
        v = prod[j];
      }
      const k = attempt[i];
      const back = backedOffSec(arr, i);
      if (k === 0) m.requests++;
      if (track) v.requests++;
      if (size[i] > limit) {
        m.failed++;
        if (track) v.failed++;
        if (this.payload.hit()) {
          this.payload.first = a;
          this.payload.vars = payloadVars(this.node.kind, v.spec.name, size[i]);
        }
        if (this.traces.want('rejected'))
          this.trace(
            a - back,
            'rejected',
            size[i],
            {},
            `payload ${round(size[i], 2)} MB > ${limit} MB, rejected by the front end`,
            'payload-too-large',
          );
        continue;
      }
      let extra = 0;
      if (lookup !== null) {
        extra = lookup[(rng.next() * TABLE_SIZE) | 0];
        if (offline !== null && offline.hit()) {
          offline.first = a;
          offline.vars = { featureStore: this.lookup!.store.id, lookupMs: Math.round(extra * 1000) };
        }
      }
      const svc = v.latencySec * LATENCY_LN[(rng.next() * TABLE_SIZE) | 0];
      const wait = v.pool.serve(a, svc);
      if (wait < 0) {
        // 503: every variant attempt counts; the request fails only when its client has no retry left
        if (track) v.failed++;
        if (this.overloaded.hit()) {
          this.overloaded.first = a;
          this.overloaded.vars = { variant: v.spec.name, rps: round(n / (t1 - t0), 1), instances: v.pool.instances };
        }
        if (!this.retry(arr, i)) {
          m.failed++;
          if (this.traces.want('throttled'))
            this.trace(
              a - back,
              'throttled',
              size[i],
              { lookup: extra, retry: back, tries: k },
              `every worker's queue on ${v.spec.name} is full (${v.pool.instances} instance(s))${k ? ` after ${k} retr${k === 1 ? 'y' : 'ies'}` : ''}`,
              'endpoint-overloaded',
            );
        }
      } else {
        const total = wait + svc + extra;
        if (total > timeout) {
          m.failed++;
          this.latency((timeout + back) * 1000);
          if (track) {
            v.failed++;
            v.hist.add(timeout * 1000);
          }
          if (this.timeouts.hit()) {
            this.timeouts.first = a + timeout;
            this.timeouts.vars = { variant: v.spec.name };
          }
          if (this.traces.want('timedOut'))
            this.trace(
              a - back,
              'timedOut',
              size[i],
              { retry: back, tries: k, lookup: extra, queue: wait, model: Math.max(0, timeout - wait - extra) },
              `ModelError: timed out after ${timeout} s (the invocation limit)`,
              'realtime-timeout',
            );
        } else if (green !== null && rng.next() < green.share * green.errorRate) {
          // a request on the new fleet whose model answers 500: the caller gets ModelError (424)
          m.failed++;
          this.latency((total + back) * 1000);
          if (track) {
            v.failed++;
            v.hist.add(total * 1000);
          }
          if (this.modelErrors.hit()) {
            this.modelErrors.first = a;
            this.modelErrors.vars = { variant: v.spec.name, version: green.version };
          }
          if (this.traces.want('rejected'))
            this.trace(
              a - back,
              'rejected',
              size[i],
              { retry: back, tries: k, lookup: extra, queue: wait, model: svc },
              `ModelError: the new model version (${green.version}) answered 500`,
              'model-version-errors',
            );
        } else {
          m.ok++;
          this.latency((total + back) * 1000);
          if (k > 0) this.retried++;
          if (track) {
            v.ok++;
            v.hist.add(total * 1000);
          }
          if (this.traces.want('ok'))
            this.trace(
              a - back,
              'ok',
              size[i],
              { retry: back, tries: k, lookup: extra, queue: wait, model: svc },
              `200 OK from ${v.spec.name}`,
            );
        }
      }
      // a shadow variant gets a copy of each request once (not of the client's retries)
      if (k === 0) for (let s = 0; s < shadows.length; s++) this.shadowCopy(shadows[s], a, size[i], extra);
    }
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
    const svc = v.latencySec * LATENCY_LN[(this.rng.next() * TABLE_SIZE) | 0];
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
      if (scaled) this.noteScaling(v, scaled, was);
      this.sim.addCost(this.node.id, instanceCostUSD(v.type, v.pool.instanceSeconds - before));
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
    this.sim.emit(TOPICS.scaling, {
      endpoint: this.node.id,
      variant: v.spec.name,
      from: was,
      to: Math.abs(scaled),
      policy: 'target-tracking',
    });
    this.sim.note(
      this.node.id,
      'event',
      scaled > 0
        ? `${this.node.id}/${v.spec.name}: target tracking (InvocationsPerInstance > ${s.target}/min for ${INFERENCE.scaleOutDatapoints} consecutive minutes) launches instances: ${v.pool.instances} → ${scaled}, in service in ${INFERENCE.provisionSec} s`
        : `${this.node.id}/${v.spec.name}: target tracking scaled in to ${-scaled} instance(s) after ${INFERENCE.scaleInDatapoints} consecutive minutes below ${Math.round(INFERENCE.scaleInRatio * 100)}% of ${s.target}/min`,
    );
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
        weight: v.spec.weight,
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
