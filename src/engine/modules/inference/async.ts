import { FALLBACK_INSTANCE_TYPE, instanceCostUSD } from '../../../catalog/prices';
import type { GNode } from '../../../model/graph';
import type { Rng } from '../../rng';
import type { Simulation } from '../../sim';
import { TOPICS } from '../../topics';
import { DEFAULT_VARIANT, INFERENCE } from './constants';
import { EndpointRun } from './endpoint-run';
import { LATENCY_LN, payloadVars } from './realtime';
import type { Tally } from './tally';
import { TABLE_SIZE } from './tables';
import type { Arrivals } from './traffic';
import type { Series } from '../../metrics';
import { round } from '../../util';

/**
 * An asynchronous endpoint: requests are accepted (202) into a queue (input staged in S3, up to 1 GB)
 * and each instance processes one at a time for `processingSec`. The backlog policy keeps about
 * `asyncBacklogPerInstance` queued requests per instance between minCapacity and maxCapacity; after
 * `asyncIdleSec` with an empty queue it scales in to minCapacity, and with minCapacity 0 to zero
 * instances (billing stops). At zero, a request wakes the endpoint (an instance after `asyncScaleOutSec`)
 * only with `backlogScaling` (a step-scaling policy on HasBacklogWithoutCapacity); without it the target
 * tracking policy scales out from zero only once the backlog exceeds its target
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-autoscale.html), so a trickle of
 * requests waits until RequestTTLSeconds expires them: async-stuck-at-zero.
 * Rules: async-scale-from-zero, async-stuck-at-zero, async-timeout (processing over the endpoint's
 * InvocationTimeoutSeconds, `invocationTimeoutSec`: default 900, at most 3600),
 * async-no-notification (each result written with no SNS notice), payload-too-large (1 GB),
 * async-request-expired (a request still queued after RequestTTLSeconds, `requestTtlSec`, expires: AWS writes the
 * failure to the S3 failure path and publishes it to the error topic, if any; it is not a 503),
 * async-backlog-growing (ApproximateBacklogSizePerInstance above the target at maxCapacity and still growing: the
 * queue wait grows without bound; evaluated once a minute, like the CloudWatch metric), endpoint-overloaded (only
 * when the simulator's queue bound is reached). The `backlog` series is ApproximateBacklogSize.
 */
export class AsyncRun extends EndpointRun<'async-endpoint'> {
  private qa = new Float64Array(1024);
  /** Payload MB of each queued request (for its sampled trace). */
  private qs = new Float64Array(1024);
  private qHead = 0;
  private qTail = 0;
  private readonly freeAt: Float64Array;
  active: number;
  readonly pending: number[] = [];
  private readonly min: number;
  private readonly max: number;
  private readonly processingSec: number;
  private readonly notify: boolean;
  private readonly fromZero: Tally;
  private readonly stuck: Tally;
  private readonly backlogScaling: boolean;
  private readonly timeoutSec: number;
  private readonly timeout: Tally;
  private readonly noNotice: Tally | null;
  private readonly payload: Tally;
  private readonly overloaded: Tally;
  private readonly expired: Tally;
  private readonly growing: Tally;
  private readonly ttlSec: number;
  /** Where AWS writes a failed request's error (S3FailurePath) and the error topic, as the canvas wires them. */
  private readonly failurePath: string;
  private readonly errorTopic: string | null;
  private readonly backlogSeries: Series;
  /** The backlog at the last `asyncBacklogGrowthMinutes` 1-minute evaluations, oldest first. */
  private readonly minuteBacklog: number[] = [];
  /** Consecutive 1-minute evaluations with every maxCapacity instance in service. */
  private atMaxMinutes = 0;
  private expiredCount = 0;
  private lastBusy: number;
  private lastOut = -Infinity;
  private lastScaleEval: number;
  private instanceSeconds = 0;
  private instancesMax: number;
  private backlogMax = 0;
  private serial = 0;

  constructor(
    sim: Simulation,
    node: GNode<'async-endpoint'>,
    private readonly rng: Rng,
    startSec: number,
  ) {
    super(sim, node);
    const p = node.props;
    this.min = p.minCapacity;
    this.max = Math.max(p.maxCapacity, p.minCapacity, 1);
    this.active = Math.min(this.max, Math.max(this.min, p.instanceCount));
    this.freeAt = new Float64Array(this.max).fill(startSec);
    this.processingSec = p.processingSec;
    this.notify = sim.graph.out(node.id, 'sns').length > 0;
    this.fromZero = this.tally('async-scale-from-zero');
    this.stuck = this.tally('async-stuck-at-zero');
    this.backlogScaling = p.backlogScaling === true;
    this.timeoutSec = Math.min(Number(p.invocationTimeoutSec ?? 900), INFERENCE.asyncTimeoutSec);
    this.timeout = this.tally('async-timeout');
    this.noNotice = this.notify ? null : this.tally('async-no-notification');
    this.payload = this.tally('payload-too-large');
    this.overloaded = this.tally('endpoint-overloaded');
    this.expired = this.tally('async-request-expired');
    this.growing = this.tally('async-backlog-growing');
    this.ttlSec = Number(p.requestTtlSec ?? INFERENCE.asyncRequestTtlSec);
    const bucket = sim.graph.out(node.id, 's3-bucket')[0];
    this.failurePath = bucket ? `s3://${bucket.id}/async-failures/` : 'the S3 failure path';
    this.errorTopic = sim.graph.out(node.id, 'sns')[0]?.id ?? null;
    this.backlogSeries = this.m.s('backlog', 'max');
    this.lastBusy = startSec;
    this.lastScaleEval = startSec;
    this.instancesMax = this.active;
    this.setExtra();
  }

  private enqueue(a: number, mb: number): void {
    if (this.qTail === this.qa.length) {
      const live = this.qTail - this.qHead;
      const q = new Float64Array(Math.max(1024, live * 2));
      q.set(this.qa.subarray(this.qHead, this.qTail));
      const s = new Float64Array(q.length);
      s.set(this.qs.subarray(this.qHead, this.qTail));
      this.qa = q;
      this.qs = s;
      this.qHead = 0;
      this.qTail = live;
    }
    this.qs[this.qTail] = mb;
    this.qa[this.qTail++] = a;
  }

  get backlog(): number {
    return this.qTail - this.qHead;
  }

  serve(arr: Arrivals, t0: number, t1: number): void {
    const m = this.m,
      n = arr.n,
      time = arr.time,
      size = arr.size;
    while (this.pending.length && this.pending[0] <= t0) this.freeAt[this.active++] = this.pending.shift()!;
    for (let i = 0; i < n; i++) {
      const a = time[i];
      m.requests++;
      if (size[i] > INFERENCE.asyncMaxPayloadMB) {
        m.failed++;
        if (this.payload.hit()) {
          this.payload.first = a;
          this.payload.vars = payloadVars(this.node.kind, DEFAULT_VARIANT, size[i]);
        }
        if (this.traces.want('rejected'))
          this.trace(
            a,
            'rejected',
            size[i],
            {},
            `payload ${Math.round(size[i] * 100) / 100} MB > ${INFERENCE.asyncMaxPayloadMB} MB, rejected ` +
              `before the queue`,
            'payload-too-large',
          );
        continue;
      }
      if (this.backlog >= INFERENCE.asyncMaxBacklog) {
        this.overload(a, n / (t1 - t0));
        if (this.traces.want('throttled'))
          this.trace(a, 'throttled', size[i], {}, 'the request queue is full', 'endpoint-overloaded');
        continue;
      }
      this.enqueue(a, size[i]);
      if (this.active + this.pending.length === 0) {
        if (this.backlogScaling || this.backlog > INFERENCE.asyncBacklogPerInstance) this.scaleFromZero(a);
        else this.strand(a);
      }
    }
    this.dispatch(t1);
  }

  /** A request the endpoint cannot take or keep: counted failed as endpoint-overloaded. */
  private overload(t: number, rps: number): void {
    this.m.failed++;
    if (this.overloaded.hit()) {
      this.overloaded.first = t;
      this.overloaded.vars = { variant: DEFAULT_VARIANT, rps: Math.round(rps * 100) / 100, instances: this.active };
    }
  }

  /** A request found no instance: one launches now and serves after the scale-out delay. */
  private scaleFromZero(a: number): void {
    const ready = a + INFERENCE.asyncScaleOutSec;
    this.pending.push(ready);
    this.lastOut = a;
    if (this.fromZero.hit()) {
      this.fromZero.first = a;
      this.fromZero.vars = {
        idleMin: INFERENCE.asyncIdleSec / 60,
        scaleOutSec: INFERENCE.asyncScaleOutSec,
        // without the step-scaling policy, target tracking acts only once the backlog exceeds its target
        policy: this.backlogScaling
          ? 'the HasBacklogWithoutCapacity step-scaling policy'
          : `target tracking (a backlog above ${INFERENCE.asyncBacklogPerInstance} per instance)`,
      };
    }
  }

  /**
   * A request queued at zero instances with no HasBacklogWithoutCapacity policy, while the backlog is
   * within the target: nothing scales out. It waits until RequestTTLSeconds expires it (counted failed then).
   */
  private strand(a: number): void {
    if (this.stuck.hit()) {
      this.stuck.first = a;
      this.stuck.vars = {
        backlog: this.backlog,
        target: INFERENCE.asyncBacklogPerInstance,
        ttlSec: this.ttlSec,
      };
    }
  }

  /**
   * Queued requests older than RequestTTLSeconds by `t` expire, oldest first (the queue is in arrival order), whether
   * the endpoint is at zero or its instances are busy with older work.
   */
  private expireQueued(t: number): void {
    while (this.qHead < this.qTail && this.qa[this.qHead] + this.ttlSec <= t) {
      const a = this.qa[this.qHead],
        mb = this.qs[this.qHead];
      this.qHead++;
      this.expire(a, mb);
    }
  }

  /**
   * A request that expired in the queue: AWS marks it failed, writes the error to the S3 failure path and publishes
   * the failure notification to the ErrorTopic (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AsyncInferenceNotificationConfig.html,
   * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpointAsync.html): not a 503.
   */
  private expire(a: number, mb: number): void {
    const at = a + this.ttlSec;
    this.m.failed++;
    this.expiredCount++;
    this.serial++;
    if (this.expired.hit()) {
      this.expired.first = at;
      this.expired.vars = {
        requestId: `inference-${String(this.serial).padStart(6, '0')}`,
        ttlSec: this.ttlSec,
        failurePath: this.failurePath,
        notice: this.errorTopic
          ? `the failure notification was published to the error topic ${this.errorTopic}`
          : 'no ErrorTopic is configured, so no one is notified',
      };
    }
    if (this.traces.want('timedOut'))
      this.trace(
        a,
        'timedOut',
        mb,
        { queue: this.ttlSec },
        `expired in the queue after RequestTTLSeconds (${this.ttlSec} s): error written to ` +
          `${this.failurePath}${this.errorTopic ? `, notice to ${this.errorTopic}` : ''}`,
        'async-request-expired',
      );
  }

  /** Start every queued request whose instance frees up before t1. */
  private dispatch(t1: number): void {
    const m = this.m,
      rng = this.rng,
      freeAt = this.freeAt;
    const lookup = this.lookup ? this.lookup.sec : null,
      offline = this.offlineLookups;
    const limit = this.timeoutSec;
    while (this.qHead < this.qTail && this.active > 0) {
      let j = 0;
      for (let k = 1; k < this.active; k++) if (freeAt[k] < freeAt[j]) j = k;
      const a = this.qa[this.qHead];
      const mb = this.qs[this.qHead];
      const start = freeAt[j] > a ? freeAt[j] : a;
      if (start >= t1) break;
      this.qHead++;
      if (start - a > this.ttlSec) {
        this.expire(a, mb);
        continue;
      }
      let proc = this.processingSec * LATENCY_LN[(rng.next() * TABLE_SIZE) | 0];
      let looked = 0;
      if (lookup !== null) {
        const x = lookup[(rng.next() * TABLE_SIZE) | 0];
        looked = x;
        proc += x;
        if (offline !== null && offline.hit()) {
          offline.first = a;
          offline.vars = { featureStore: this.lookup!.store.id, lookupMs: Math.round(x * 1000) };
        }
      }
      this.serial++;
      let done: number;
      if (proc > limit) {
        done = start + limit;
        m.failed++;
        if (this.timeout.hit()) {
          this.timeout.first = done;
          this.timeout.vars = {
            requestId: `inference-${String(this.serial).padStart(6, '0')}`,
            timeoutSec: limit,
            processingSec: this.processingSec,
          };
        }
        if (this.traces.want('timedOut'))
          this.trace(
            a,
            'timedOut',
            mb,
            { queue: start - a, lookup: looked, model: Math.max(0, limit - looked) },
            `timed out after ${limit} s (the async invocation limit)`,
            'async-timeout',
          );
      } else {
        done = start + proc;
        m.ok++;
        if (this.traces.want('ok'))
          this.trace(a, 'ok', mb, { queue: start - a, lookup: looked, model: proc - looked }, 'result written to S3');
      }
      this.latency((done - a) * 1000);
      freeAt[j] = done;
      if (done > this.lastBusy) this.lastBusy = done;
      if (this.noNotice !== null && this.noNotice.hit()) {
        this.noNotice.first = done;
        this.noNotice.vars = {};
      }
    }
    if (this.qHead === this.qTail) {
      this.qHead = 0;
      this.qTail = 0;
    }
  }

  afterTick(t0: number, t1: number): void {
    this.expireQueued(t1);
    const billed = this.active + this.pending.length;
    this.instanceSeconds += billed * (t1 - t0);
    this.sim.addCost(this.node.id, instanceCostUSD(FALLBACK_INSTANCE_TYPE, billed * (t1 - t0)), t0, t1);
    const backlog = this.backlog;
    if (backlog > this.backlogMax) this.backlogMax = backlog;
    this.backlogSeries.add(t0, backlog);
    if (t1 - this.lastScaleEval >= INFERENCE.scalingPeriodSec) {
      this.lastScaleEval = t1;
      const planned = this.active + this.pending.length;
      this.checkGrowth(t1, backlog, planned);
      const desired = Math.min(this.max, Math.max(this.min, Math.ceil(backlog / INFERENCE.asyncBacklogPerInstance)));
      // from zero, target tracking acts only once the backlog exceeds its target (no HasBacklogWithoutCapacity policy)
      const wakes = planned > 0 || this.backlogScaling || backlog > INFERENCE.asyncBacklogPerInstance;
      if (desired > planned && wakes && t1 >= this.lastOut + INFERENCE.scaleOutCooldownSec) {
        for (let i = planned; i < desired; i++) this.pending.push(t1 + INFERENCE.provisionSec);
        this.lastOut = t1;
        this.sim.emit(TOPICS.scaling, { endpoint: this.node.id, from: planned, to: desired, policy: 'backlog' });
        this.sim.note(
          this.node.id,
          'event',
          `${this.node.id}: backlog of ${backlog} queued requests: scaling out ${planned} → ${desired} ` +
            `instance(s), in service in ${INFERENCE.provisionSec} s`,
        );
      } else if (
        backlog === 0 &&
        this.active > this.min &&
        !this.pending.length &&
        t1 - this.lastBusy >= INFERENCE.asyncIdleSec
      ) {
        this.sim.emit(TOPICS.scaling, { endpoint: this.node.id, from: this.active, to: this.min, policy: 'backlog' });
        this.active = this.min;
        this.sim.note(
          this.node.id,
          this.min === 0 ? 'event' : 'info',
          `${this.node.id}: scaled in to ${this.min} instance(s) after ${INFERENCE.asyncIdleSec / 60} min with ` +
            `an empty queue`,
        );
      }
    }
    if (this.active > this.instancesMax) this.instancesMax = this.active;
    this.series.instances.add(t0, this.active);
    this.setExtra();
    // hits made here (after the tick's flush): flush now, so the run's last tick counts too
    this.expired.flush();
    this.growing.flush();
  }

  /**
   * Once a minute: a backlog above the policy's target per instance while every instance of maxCapacity is in service,
   * and larger than `asyncBacklogGrowthMinutes` minutes ago (a climb over several minutes, not one burst the instances
   * absorb), can only grow: every queued request waits longer (ApproximateBacklogSizePerInstance keeps rising;
   * https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html). Counted each minute it goes on.
   */
  private checkGrowth(t: number, backlog: number, planned: number): void {
    const target = INFERENCE.asyncBacklogPerInstance;
    const w = INFERENCE.asyncBacklogGrowthMinutes;
    const before = this.minuteBacklog.length >= w ? this.minuteBacklog[this.minuteBacklog.length - w] : Infinity;
    this.minuteBacklog.push(backlog);
    if (this.minuteBacklog.length > w) this.minuteBacklog.shift();
    // every instance of maxCapacity in service (none pending) for the whole window, more queued per instance than the
    // target, and more than w minutes ago
    this.atMaxMinutes = this.active >= this.max && planned === this.active ? this.atMaxMinutes + 1 : 0;
    if (this.atMaxMinutes > w && backlog > target * this.active && backlog > before && this.growing.hit()) {
      this.growing.first = t;
      this.growing.vars = {
        backlog,
        perInstance: round(backlog / this.active, 1),
        instances: this.active,
        target,
        waitMin: round((t - this.qa[this.qHead]) / 60, 1),
      };
    }
  }

  private setExtra(): void {
    const x = this.m.extra;
    x.instancesMax = this.instancesMax;
    x.instancesFinal = this.active;
    x.backlogMax = this.backlogMax;
    if (this.expiredCount) x.expired = this.expiredCount;
  }

  finish(): void {
    this.setExtra();
  }
}
