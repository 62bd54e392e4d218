import type { EndpointKind } from '../../../catalog/kinds';
import { ruleById, ruleHttp } from '../../../catalog/rules';
import type { GNode } from '../../../model/graph';
import type { NodeMetrics } from '../../metrics';
import type { Simulation } from '../../sim';
import type { ArrivalSource, Arrivals, ClientStream, StreamMerge } from './traffic';
import { featureStoreOf } from './checks';
import { INFERENCE } from './constants';
import { backoffSec, RetryQueue } from './retry';
import { lognormalTable, TABLE_SIZE } from './tables';
import { Tally, TickLatency, type EndpointSeries } from './tally';
import { traceSampler, type TraceHop, type TraceOutcome, type TraceSampler } from './traces';

/** Feature lookups of an endpoint with a feature-store edge: seconds per request from a table. */
export interface FeatureLookup {
  store: GNode<'feature-store'>;
  online: boolean;
  /** Lookup seconds by table index. */
  sec: Float64Array;
}

/**
 * What every endpoint kind shares: its metrics, chart series, the per-tick latency histogram, the
 * feature lookup, and the per-tick flush. Each kind implements `serve` (one tick's arrivals, in
 * time order) and may bill and scale in `afterTick`.
 */
export abstract class EndpointRun<K extends EndpointKind = EndpointKind> {
  readonly m: NodeMetrics;
  readonly series: EndpointSeries;
  readonly tickLatency = new TickLatency();
  readonly lookup: FeatureLookup | null;
  protected readonly tallies: Tally[] = [];
  readonly offlineLookups: Tally | null;
  readonly timeouts: Tally;
  protected errorsBefore = 0;
  protected coldBefore = 0;
  protected requestsBefore = 0;
  /** A deterministic sample of requests with their hops (the UI's request traces; not in the report). */
  readonly traces: TraceSampler;
  /** Retries of each client stream (the client's `retries`), by the arrivals' `src` index. */
  clientRetries: readonly number[] = [];
  /** The TargetVariant of each client stream (the client's `targetVariant`; null = by weight), by `src` index. */
  clientTargets: readonly (string | null)[] = [];
  /** Requests waiting for their back-off before the client sends them again (retry.ts). */
  protected readonly retryQueue = new RetryQueue();
  /** Retry attempts clients sent after a retryable error (report `extra.retries` when any). */
  protected retriesSent = 0;
  /** Requests served after at least one retry (report `extra.servedAfterRetry` when any). */
  protected retried = 0;

  constructor(
    readonly sim: Simulation,
    readonly node: GNode<K>,
  ) {
    this.m = sim.metrics(node.id);
    this.traces = traceSampler(sim, node.id);
    const m = this.m;
    this.series = {
      requests: m.s('requests', 'sum'),
      errors: m.s('errors', 'sum'),
      coldStarts: m.s('coldStarts', 'sum'),
      p99: m.s('p99', 'max'),
      instances: m.s('instances', 'max'),
    };
    this.lookup = featureLookupOf(sim, node);
    this.offlineLookups = this.lookup && !this.lookup.online ? this.tally('offline-store-online-lookup') : null;
    this.timeouts = this.tally('realtime-timeout');
  }

  /** A per-tick tally of a rule on this node. */
  protected tally(rule: string): Tally {
    const t = new Tally(this.sim.counter(rule, this.node.id));
    this.tallies.push(t);
    return t;
  }

  /** Serve one tick's arrivals (sorted by time) over [t0, t1). */
  abstract serve(arr: Arrivals, t0: number, t1: number): void;

  /**
   * Serve one tick's arrivals read one at a time from `src` (in time order) over [t0, t1). A kind that has it is fed
   * straight from its client's stream when it has only one (`tickStream`: no staging of the tick's arrivals).
   */
  serveSource?(src: ArrivalSource, t0: number, t1: number): void;

  /** `serveSource` for the only client stream (begun on the tick), when a kind has a faster way to read it. */
  serveStream?(s: ClientStream, t0: number, t1: number): void;

  /** Bill, scale and record the tick's figures. */
  abstract afterTick(t0: number, t1: number): void;

  /**
   * After a retryable error (throttling, 429, 503: retry.ts), queue request `i` to be sent again after the SDK's
   * back-off when its client has retries left. Returns false when it has none (the error is final).
   */
  protected retry(arr: Arrivals, i: number): boolean {
    return this.retryRequest(arr.time[i], arr.size[i], arr.model[i], arr.src[i], arr.attempt[i], arr.first[i]);
  }

  /** `retry` for the current arrival of a source (a serve loop reading an `ArrivalSource`). */
  protected retryFrom(s: ArrivalSource): boolean {
    return this.retryRequest(s.at, s.sizeMB, s.modelIdx, s.srcIdx, s.attemptNo, s.firstAt);
  }

  private retryRequest(at: number, mb: number, model: number, src: number, k: number, firstAt: number): boolean {
    if (k >= (this.clientRetries[src] ?? 0)) return false;
    const first = k === 0 ? at : firstAt;
    this.retryQueue.push(at + backoffSec(k + 1), mb, model, src, k + 1, first);
    this.retriesSent++;
    return true;
  }

  /** Set `extra.retries` / `extra.servedAfterRetry` once a client retried. */
  protected retryExtra(): void {
    if (this.retriesSent) this.m.extra.retries = this.retriesSent;
    if (this.retried) this.m.extra.servedAfterRetry = this.retried;
  }

  /** Count requests to a Failed endpoint: failed, with no rule of their own. */
  failAll(n: number): void {
    this.m.requests += n;
    this.m.failed += n;
  }

  /**
   * One tick: merge the retries due in it with the fresh arrivals, serve, then flush tallies and series. Only
   * fresh arrivals count as requests: a retry is the same request sent again.
   */
  tick(arr: Arrivals, t0: number, t1: number, failed: boolean): void {
    const fresh = arr.n;
    arr.attempt.fill(0, 0, fresh);
    if (this.retryQueue.size > 0 && this.retryQueue.drainInto(arr, t1) > 0) arr.sortByTime();
    if (failed) {
      this.failAll(fresh);
      this.m.failed += arr.n - fresh;
    } else this.serve(arr, t0, t1);
    this.endTick(t0, t1);
  }

  /**
   * One tick of the client streams merged by `merge` (drawn and sorted): `tick` on them (with the retries due). A kind
   * may serve them where they are staged.
   */
  tickMerged(merge: StreamMerge, arr: Arrivals, t0: number, t1: number, failed: boolean): void {
    arr.clear();
    merge.copyInto(arr);
    this.tick(arr, t0, t1, failed);
  }

  /**
   * One tick of the only client stream, drawn as it is served (kinds with `serveSource`); same numbers as `tick`.
   * Only for a client without retries (its endpoint's retry queue stays empty).
   */
  tickStream(s: ClientStream, t0: number, t1: number, failed: boolean): void {
    s.begin(t0, t1);
    if (failed) {
      let n = 0;
      while (s.nextArrival()) n++;
      this.failAll(n);
    } else if (this.serveStream) this.serveStream(s, t0, t1);
    else this.serveSource!(s, t0, t1);
    this.endTick(t0, t1);
  }

  protected endTick(t0: number, t1: number): void {
    for (const t of this.tallies) t.flush();
    this.afterTick(t0, t1);
    const m = this.m,
      s = this.series;
    s.requests.add(t0, m.requests - this.requestsBefore);
    s.errors.add(t0, m.failed - this.errorsBefore);
    s.coldStarts.add(t0, m.coldStarts - this.coldBefore);
    s.p99.add(t0, this.tickLatency.takeQuantile(0.99));
    this.requestsBefore = m.requests;
    this.errorsBefore = m.failed;
    this.coldBefore = m.coldStarts;
  }

  /**
   * Keep a trace of a request the sampler chose (call only after `traces.want`): seconds spent backing off
   * between retries (`retry`, after `tries` refused attempts), in the feature lookup, the queue, a cold load
   * and the model, then how it ended. `a` is the request's first arrival.
   */
  protected trace(
    a: number,
    outcome: TraceOutcome,
    sizeMB: number,
    s: { lookup?: number; queue?: number; load?: number; model?: number; retry?: number; tries?: number },
    end: string,
    rule?: string,
  ): void {
    const hops: [TraceHop['kind'], string, number][] = [];
    if (s.tries)
      hops.push([
        'retry',
        `${s.tries} earlier attempt${s.tries === 1 ? '' : 's'} refused; the SDK backed off and retried`,
        s.retry ?? 0,
      ]);
    if (s.lookup) hops.push(['lookup', `feature lookup (${this.lookup?.store.id ?? 'feature store'})`, s.lookup]);
    if (s.queue) hops.push(['queue', 'waiting for a worker', s.queue]);
    if (s.load)
      hops.push([
        'load',
        outcome === 'cold' && this.node.kind === 'serverless-endpoint'
          ? 'cold start (container)'
          : 'cold load (model from S3)',
        s.load,
      ]);
    if (s.model) hops.push(['model', 'model inference', s.model]);
    const failed = outcome === 'rejected' || outcome === 'throttled' || outcome === 'timedOut';
    // a failed request's status is the rule's, read from the catalog (one status per rule and kind)
    const status = failed && rule ? ruleHttp(ruleById(rule), this.node.kind) : undefined;
    const note = status ? `${status}: ${end}` : end;
    hops.push([failed ? 'failed' : 'response', note, 0]);
    this.traces.add(a, outcome, sizeMB, hops, note, rule, status);
  }

  /** Record what the caller observed for one request, in ms. */
  protected latency(ms: number): void {
    this.m.latency.add(ms);
    this.tickLatency.add(ms);
  }

  /** Figures for the report's node entry (`extra`), refreshed at the end of the run. */
  abstract finish(): void;
}

function featureLookupOf(sim: Simulation, node: GNode): FeatureLookup | null {
  const store = featureStoreOf(sim.graph, node);
  if (!store) return null;
  const online = !!store.props.online;
  const median = (online ? INFERENCE.onlineLookupMs : INFERENCE.offlineLookupMs) / 1000;
  const table = lognormalTable(online ? INFERENCE.onlineLookupSigma : INFERENCE.offlineLookupSigma);
  const sec = new Float64Array(TABLE_SIZE);
  for (let i = 0; i < TABLE_SIZE; i++) sec[i] = median * table[i];
  return { store, online, sec };
}
