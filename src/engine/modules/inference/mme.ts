import { formatMessage, ruleById } from '../../../catalog/rules';
import { instanceCostUSD } from '../../../catalog/prices';
import { instanceType } from '../../../catalog/instances';
import type { GNode } from '../../../model/graph';
import { round } from '../../util';
import type { Rng } from '../../rng';
import type { Simulation } from '../../sim';
import { DEFAULT_VARIANT, INFERENCE } from './constants';
import { EndpointRun } from './endpoint-run';
import { InstancePool } from './pool';
import { LATENCY_LN, payloadVars, workersOf } from './realtime';
import type { Tally } from './tally';
import { TABLE_SIZE } from './tables';
import { backedOffSec } from './retry';
import type { Arrivals } from './traffic';

/**
 * The model cache of a multi-model endpoint: `capacity` models in memory, least recently used
 * evicted first. A doubly linked list over model indices in typed arrays: O(1) per request.
 */
export class ModelCache {
  readonly inCache: Uint8Array;
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private readonly head: number;
  size = 0;
  evictions = 0;

  constructor(
    readonly models: number,
    readonly capacity: number,
  ) {
    this.inCache = new Uint8Array(models);
    this.prev = new Int32Array(models + 1);
    this.next = new Int32Array(models + 1);
    this.head = models;
    this.prev[models] = models;
    this.next[models] = models;
  }

  /** Mark a cached model as just used. */
  touch(m: number): void {
    const p = this.prev,
      nx = this.next,
      h = this.head;
    if (p[m] === h) return;
    nx[p[m]] = nx[m];
    p[nx[m]] = p[m];
    nx[m] = nx[h];
    p[m] = h;
    p[nx[h]] = m;
    nx[h] = m;
  }

  /** Load a model that is not cached, evicting the least recently used when full. */
  insert(m: number): void {
    const p = this.prev,
      nx = this.next,
      h = this.head;
    if (this.size >= this.capacity) {
      const lru = p[h];
      nx[p[lru]] = h;
      p[h] = p[lru];
      this.inCache[lru] = 0;
      this.size--;
      this.evictions++;
    }
    nx[m] = nx[h];
    p[m] = h;
    p[nx[h]] = m;
    nx[h] = m;
    this.inCache[m] = 1;
    this.size++;
  }
}

/**
 * How many models one instance keeps loaded: as many as its memory holds (instance memory ÷ `modelSizeMB`,
 * from the instance catalog), capped by `cachedModels`. AWS: a multi-model endpoint loads models into the
 * instance's memory and unloads unused ones when memory runs short
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/multi-model-endpoints.html). The container's own memory
 * is not subtracted, so this is an upper bound.
 */
export function modelsPerInstance(p: Record<string, unknown>): number {
  const memGiB = instanceType(String(p.instanceType))?.memoryGiB;
  const fit = memGiB ? Math.floor((memGiB * 1024) / Number(p.modelSizeMB)) : Number(p.cachedModels);
  return Math.max(1, Math.min(Number(p.cachedModels), fit));
}

/**
 * A multi-model endpoint: one container, many models loaded from S3 on first use into a cache of
 * `modelsPerInstance` per instance (requests for a model go to an instance that holds it, so the
 * endpoint caches modelsPerInstance × instanceCount). Rules: mme-cold-load (each load, counted in
 * coldStarts), mme-cache-thrash (a model evicted and loaded again), payload-too-large,
 * endpoint-overloaded, realtime-timeout (ModelError 424), and mme-model-not-ready: a model whose load
 * cannot finish within the invocation answers ModelNotReadyException (429). A client with `retries`
 * sends it again after the SDK's back-off (retry.ts: 1, 2, 4… s, at most 20 s) and is served once the model
 * is loaded; each 429 it received is counted. A 503 from a full queue is retried the same way.
 */
export class MmeRun extends EndpointRun<'multi-model-endpoint'> {
  readonly pool: InstancePool;
  readonly cache: ModelCache;
  private readonly readyAt: Float64Array;
  private readonly loadedEver: Uint8Array;
  private readonly latencySec: number;
  private readonly coldLoadSec: number;
  private readonly cold: Tally;
  private readonly thrash: Tally;
  private readonly payload: Tally;
  private readonly overloaded: Tally;
  private readonly notReady: Tally;
  private hits = 0;
  private lookups = 0;
  private reloads = 0;
  private distinct = 0;

  constructor(
    sim: Simulation,
    node: GNode<'multi-model-endpoint'>,
    private readonly rng: Rng,
    readonly models: number,
    private readonly startSec: number,
  ) {
    super(sim, node);
    const p = node.props;
    this.latencySec = p.modelLatencyMs / 1000;
    this.coldLoadSec = p.coldLoadSec;
    this.pool = new InstancePool(workersOf(p.instanceType), p.instanceCount, this.latencySec, null, startSec);
    this.cache = new ModelCache(models, modelsPerInstance(p) * p.instanceCount);
    this.readyAt = new Float64Array(models);
    this.loadedEver = new Uint8Array(models);
    this.cold = this.tally('mme-cold-load');
    this.thrash = this.tally('mme-cache-thrash');
    this.payload = this.tally('payload-too-large');
    this.overloaded = this.tally('endpoint-overloaded');
    this.notReady = this.tally('mme-model-not-ready');
    this.setExtra();
  }

  serve(arr: Arrivals, t0: number, t1: number): void {
    const m = this.m,
      rng = this.rng,
      n = arr.n,
      time = arr.time,
      size = arr.size,
      model = arr.model,
      attempt = arr.attempt;
    const cache = this.cache,
      inCache = cache.inCache,
      readyAt = this.readyAt,
      loadedEver = this.loadedEver;
    const lookup = this.lookup ? this.lookup.sec : null,
      offline = this.offlineLookups;
    const limit = INFERENCE.realtimeMaxPayloadMB,
      timeout = INFERENCE.invocationTimeoutSec,
      coldLoad = this.coldLoadSec;
    this.pool.advance(t0);
    for (let i = 0; i < n; i++) {
      const a = time[i];
      const tries = attempt[i];
      const back = backedOffSec(arr, i);
      if (tries === 0) m.requests++;
      if (size[i] > limit) {
        m.failed++;
        if (this.payload.hit()) {
          this.payload.first = a;
          this.payload.vars = payloadVars(this.node.kind, DEFAULT_VARIANT, size[i]);
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
      const k = model[i];
      // cache figures count each request once, not the client's retries of it
      if (tries === 0) this.lookups++;
      let load = 0;
      if (inCache[k] === 1) {
        cache.touch(k);
        if (tries === 0) this.hits++;
        if (readyAt[k] > a) load = readyAt[k] - a;
      } else {
        cache.insert(k);
        readyAt[k] = a + coldLoad;
        load = coldLoad;
        m.coldStarts++;
        if (this.cold.hit()) {
          this.cold.first = a;
          this.cold.vars = { model: INFERENCE.mmeModelName(k), coldLoadSec: coldLoad };
        }
        if (loadedEver[k] === 1) {
          this.reloads++;
          if (this.thrash.hit()) {
            this.thrash.first = a;
            this.thrash.vars = this.thrashVars(a);
          }
        } else {
          loadedEver[k] = 1;
          this.distinct++;
        }
      }
      if (load > timeout) {
        // the model cannot be loaded within this invocation: ModelNotReadyException (429), which the SDKs retry
        if (this.notReady.hit()) {
          this.notReady.first = a;
          this.notReady.vars = { model: INFERENCE.mmeModelName(k), coldLoadSec: coldLoad, timeoutSec: timeout };
        }
        if (this.retry(arr, i)) continue;
        m.failed++;
        this.latency(back * 1000);
        if (this.traces.want('rejected'))
          this.trace(
            a - back,
            'rejected',
            size[i],
            { retry: back, tries },
            `ModelNotReadyException for ${INFERENCE.mmeModelName(k)} after ${tries} retr${tries === 1 ? 'y' : 'ies'}`,
            'mme-model-not-ready',
          );
        continue;
      }
      let extra = load;
      if (lookup !== null) {
        const x = lookup[(rng.next() * TABLE_SIZE) | 0];
        extra += x;
        if (offline !== null && offline.hit()) {
          offline.first = a;
          offline.vars = { featureStore: this.lookup!.store.id, lookupMs: Math.round(x * 1000) };
        }
      }
      const svc = this.latencySec * LATENCY_LN[(rng.next() * TABLE_SIZE) | 0];
      const wait = this.pool.serve(a, svc);
      if (wait < 0) {
        // 503 from a full worker queue: retried like the 429 when the client has retries left
        if (this.overloaded.hit()) {
          this.overloaded.first = a;
          this.overloaded.vars = {
            variant: DEFAULT_VARIANT,
            rps: round(n / (t1 - t0), 1),
            instances: this.pool.instances,
          };
        }
        if (this.retry(arr, i)) continue;
        m.failed++;
        if (this.traces.want('throttled'))
          this.trace(
            a - back,
            'throttled',
            size[i],
            { retry: back, tries, load, lookup: extra - load },
            `every worker's queue is full (${this.pool.instances} instance(s))`,
            'endpoint-overloaded',
          );
        continue;
      }
      const total = wait + svc + extra;
      if (total > timeout) {
        m.failed++;
        this.latency((timeout + back) * 1000);
        if (this.timeouts.hit()) {
          this.timeouts.first = a + timeout;
          this.timeouts.vars = { variant: DEFAULT_VARIANT };
        }
        if (this.traces.want('timedOut'))
          this.trace(
            a - back,
            'timedOut',
            size[i],
            {
              retry: back,
              tries,
              load,
              lookup: extra - load,
              queue: wait,
              model: Math.max(0, timeout - wait - extra),
            },
            `ModelError: timed out after ${timeout} s (the invocation limit)`,
            'realtime-timeout',
          );
      } else {
        m.ok++;
        this.latency((total + back) * 1000);
        if (tries > 0) this.retried++;
        if (load > 0) {
          if (this.traces.want('cold'))
            this.trace(
              a - back,
              'cold',
              size[i],
              { retry: back, tries, load, lookup: extra - load, queue: wait, model: svc },
              `200 OK after loading ${INFERENCE.mmeModelName(k)}`,
              'mme-cold-load',
            );
        } else if (this.traces.want('ok'))
          this.trace(
            a - back,
            'ok',
            size[i],
            { retry: back, tries, lookup: extra, queue: wait, model: svc },
            `200 OK (${INFERENCE.mmeModelName(k)} in cache)`,
          );
      }
    }
  }

  private thrashVars(t: number): Record<string, string | number> {
    return {
      models: this.models,
      cached: this.cache.capacity,
      coldLoads: this.m.coldStarts,
      windowMin: round(Math.max(t - this.startSec, 1) / 60, 1),
      cacheHitPct: round((100 * this.hits) / Math.max(1, this.lookups), 1),
    };
  }

  afterTick(t0: number, t1: number): void {
    const before = this.pool.instanceSeconds;
    this.pool.afterTick(t0, t1);
    this.sim.addCost(
      this.node.id,
      instanceCostUSD(this.node.props.instanceType, this.pool.instanceSeconds - before),
      t0,
      t1,
    );
    this.series.instances.add(t0, this.pool.instances);
    this.setExtra();
  }

  private setExtra(): void {
    const x = this.m.extra;
    x.instancesMax = this.pool.instancesMax;
    x.instancesFinal = this.pool.instances;
    x.modelsLoaded = this.distinct;
    x.cacheHitPct = round((100 * this.hits) / Math.max(1, this.lookups), 1);
    this.retryExtra();
  }

  finish(): void {
    this.setExtra();
    const c = this.thrash.counter;
    if (c.rec.count > 0) {
      // state the whole run's figures rather than those at the first reload
      c.rec.message = formatMessage(ruleById('mme-cache-thrash'), {
        node: this.node.id,
        ...this.thrashVars(this.sim.now),
      });
    }
  }
}
