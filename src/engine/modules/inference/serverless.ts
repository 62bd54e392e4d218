import { PRICES, serverlessCostUSD } from '../../../catalog/prices';
import type { GNode } from '../../../model/graph';
import type { Rng } from '../../rng';
import type { Simulation } from '../../sim';
import { DEFAULT_VARIANT, INFERENCE } from './constants';
import { EndpointRun } from './endpoint-run';
import { LATENCY_LN, payloadVars } from './realtime';
import type { Tally } from './tally';
import { TABLE_SIZE } from './tables';
import { backedOffSec } from './retry';
import type { Arrivals } from './traffic';

const CAP = 256; // > the 200 concurrency limit

/**
 * A serverless endpoint: containers serve one request at a time, at most `maxConcurrency` at once.
 * Free containers are reused most-recently-used first; one idle for `serverlessIdleSec` is reclaimed
 * (the first `provisionedConcurrency` never are). A request that finds no warm container starts a
 * new one and waits a cold start; one that finds `maxConcurrency` busy is throttled (ThrottlingException, 400, no
 * queue); a client with `retries` backs off and sends it again (retry.ts).
 * Rules: serverless-cold-start, serverless-throttled, payload-too-large (4 MB, 400), realtime-timeout.
 * Cost: GB-seconds of processing, plus provisioned concurrency's GB-seconds while in service.
 */
export class ServerlessRun extends EndpointRun<'serverless-endpoint'> {
  /** Last-used times of free containers: a deque, oldest at `lo`, most recent at `hi - 1`. */
  private readonly free = new Float64Array(CAP);
  private lo = 0;
  private hi = 0;
  /** Busy-until times of busy containers: a min-heap. */
  private readonly busy = new Float64Array(CAP);
  private hn = 0;
  private alive: number;
  private readonly maxConc: number;
  private readonly provisioned: number;
  private readonly latencySec: number;
  private readonly memoryMB: number;
  private readonly coldTally: Tally;
  private readonly throttled: Tally;
  private readonly payload: Tally;
  private busySec = 0;
  private dataMB = 0;
  private concurrencyMax = 0;
  private tickAliveMax = 0;

  constructor(
    sim: Simulation,
    node: GNode<'serverless-endpoint'>,
    private readonly rng: Rng,
    startSec: number,
  ) {
    super(sim, node);
    const p = node.props;
    this.maxConc = Math.min(200, p.maxConcurrency);
    this.provisioned = Math.min(this.maxConc, p.provisionedConcurrency);
    this.latencySec = p.modelLatencyMs / 1000;
    this.memoryMB = p.memoryMB;
    for (let i = 0; i < this.provisioned; i++) this.free[this.hi++] = startSec;
    this.alive = this.provisioned;
    this.coldTally = this.tally('serverless-cold-start');
    this.throttled = this.tally('serverless-throttled');
    this.payload = this.tally('payload-too-large');
    this.m.extra.concurrencyMax = 0;
  }

  private pushBusy(t: number): void {
    const h = this.busy;
    let i = this.hn++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p] <= t) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = t;
  }

  private popBusy(): number {
    const h = this.busy;
    const top = h[0];
    const last = h[--this.hn];
    const n = this.hn;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && h[r] < h[l] ? r : l;
      if (h[c] >= last) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = last;
    return top;
  }

  serve(arr: Arrivals): void {
    const m = this.m,
      rng = this.rng,
      n = arr.n,
      time = arr.time,
      size = arr.size,
      attempt = arr.attempt;
    const free = this.free,
      busy = this.busy;
    const lookup = this.lookup ? this.lookup.sec : null,
      offline = this.offlineLookups;
    const limit = INFERENCE.serverlessMaxPayloadMB,
      timeout = INFERENCE.invocationTimeoutSec;
    const idle = INFERENCE.serverlessIdleSec,
      coldSec = INFERENCE.serverlessColdStartSec;
    for (let i = 0; i < n; i++) {
      const a = time[i];
      const k = attempt[i];
      const back = backedOffSec(arr, i);
      if (k === 0) m.requests++;
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
            `payload ${Math.round(size[i] * 100) / 100} MB > ${limit} MB, rejected by the front end`,
            'payload-too-large',
          );
        continue;
      }
      while (this.hn > 0 && busy[0] <= a) {
        const done = this.popBusy();
        free[this.hi % CAP] = done;
        this.hi++;
      }
      const cut = a - idle;
      while (this.hi > this.lo && this.alive > this.provisioned && free[this.lo % CAP] < cut) {
        this.lo++;
        this.alive--;
      }
      let cold = 0;
      if (this.hi > this.lo) this.hi--;
      else if (this.hn < this.maxConc) {
        cold = coldSec;
        this.alive++;
        m.coldStarts++;
        if (this.coldTally.hit()) {
          this.coldTally.first = a;
          this.coldTally.vars = { coldStartSec: coldSec };
        }
      } else {
        // ThrottlingException: each one counts; the request fails only when its client has no retry left
        if (this.throttled.hit()) {
          this.throttled.first = a;
          this.throttled.vars = { maxConcurrency: this.maxConc };
        }
        if (this.retry(arr, i)) continue;
        m.failed++;
        if (this.traces.want('throttled'))
          this.trace(
            a - back,
            'throttled',
            size[i],
            { retry: back, tries: k },
            `ThrottlingException: all ${this.maxConc} concurrent invocations ` +
              `busy${k ? ` after ${k} retr${k === 1 ? 'y' : 'ies'}` : ''}`,
            'serverless-throttled',
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
      const svc = this.latencySec * LATENCY_LN[(rng.next() * TABLE_SIZE) | 0] + extra;
      const total = cold + svc;
      this.pushBusy(a + total);
      if (this.hn > this.concurrencyMax) this.concurrencyMax = this.hn;
      if (this.alive > this.tickAliveMax) this.tickAliveMax = this.alive;
      this.busySec += svc;
      this.dataMB += size[i];
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
            { retry: back, tries: k, load: cold, lookup: extra, model: Math.max(0, timeout - cold - extra) },
            `ModelError: timed out after ${timeout} s (the invocation limit)`,
            'realtime-timeout',
          );
      } else {
        m.ok++;
        this.latency((total + back) * 1000);
        if (k > 0) this.retried++;
        if (cold > 0) {
          if (this.traces.want('cold'))
            this.trace(
              a - back,
              'cold',
              size[i],
              { retry: back, tries: k, load: cold, lookup: extra, model: svc - extra },
              '200 OK after a cold start',
              'serverless-cold-start',
            );
        } else if (this.traces.want('ok'))
          this.trace(
            a - back,
            'ok',
            size[i],
            { retry: back, tries: k, lookup: extra, model: svc - extra },
            '200 OK (warm container)',
          );
      }
    }
  }

  afterTick(t0: number, t1: number): void {
    const gb = this.memoryMB / 1024;
    const usd =
      serverlessCostUSD(this.memoryMB, this.busySec) +
      this.provisioned * gb * (t1 - t0) * PRICES.serverlessProvisionedPerGBSecondUSD +
      (this.dataMB / 1024) * PRICES.dataProcessedPerGBUSD;
    this.sim.addCost(this.node.id, usd);
    this.busySec = 0;
    this.dataMB = 0;
    this.series.instances.add(t0, Math.max(this.tickAliveMax, this.alive));
    this.tickAliveMax = 0;
    this.m.extra.concurrencyMax = this.concurrencyMax;
    this.retryExtra();
  }

  finish(): void {
    this.m.extra.concurrencyMax = this.concurrencyMax;
  }
}
