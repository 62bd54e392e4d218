import { INFERENCE } from './constants';

const TIMEOUT_SEC = INFERENCE.invocationTimeoutSec;

/** Target tracking on InvocationsPerInstance (per minute per instance) or ConcurrentRequestsPerModel. */
export interface Scaling {
  min: number;
  max: number;
  /** Invocations per minute per instance, or concurrent requests per instance, the policy aims for. */
  target: number;
  scaleOutCooldownSec: number;
  scaleInCooldownSec: number;
  /**
   * The tracked metric: InvocationsPerInstance (1-minute datapoints) or the high-resolution ConcurrentRequestsPerModel
   * (requests in flight per instance, queued ones included, every 10 s: scale-out reacts on 10-s datapoints, scale-in
   * at the speed of a standard metric). Absent = InvocationsPerInstance.
   */
  metric?: 'invocations' | 'concurrency';
  /**
   * Inference components with managed instance scaling: an idle minute is a datapoint of 0 (the copies scale in, down
   * to zero instances when min is 0), and a step-scaling policy on NoCapacityInvocationFailures (`fromZero`) is the
   * only way back from zero.
   */
  components?: boolean;
  fromZero?: boolean;
}

/**
 * The instances behind one production variant (or a multi-model endpoint): `instances × workers`
 * slots, each a worker with its own FIFO queue. Requests go to the slots round-robin (as the
 * endpoint's load balancer spreads them), so a request starts when its slot is free:
 * start = max(arrival, slot free time). O(1) per request, no per-request objects.
 *
 * A request that would wait longer than the worker's queue holds is refused (503). A request that
 * waits past the invocation timeout is dropped from the queue without using the worker.
 *
 * With `scaling`, the pool evaluates target tracking every minute (see `afterTick`): desired =
 * ceil(invocations per minute / target), within [min, max]; new instances serve `provisionSec` later.
 */
export class InstancePool {
  instances: number;
  /** Launch-complete times of instances being provisioned, ascending. */
  readonly pending: number[] = [];
  private slots: Float64Array;
  private k: number;
  private rr = 0;
  readonly queueLimitSec: number;
  /** Invocations in the current scaling period. */
  invocations = 0;
  private periodStart: number;
  private lastOut = -Infinity;
  private lastIn = -Infinity;
  /** Consecutive datapoints above the target / below the scale-in threshold. */
  private above = 0;
  private below = 0;
  /** Instance-seconds billed (pending instances included). */
  instanceSeconds = 0;
  instancesMax: number;
  scaleOuts = 0;
  /** Seconds requests spent in the variant (queued + served) in the current 10-s and 1-minute periods. */
  private busyHr = 0;
  private busyMin = 0;
  private hrStart: number;
  /** NoCapacityInvocationFailures in the current minute (requests that found zero instances). */
  noCapacity = 0;

  constructor(
    readonly workers: number,
    initial: number,
    meanServiceSec: number,
    readonly scaling: Scaling | null,
    startSec: number,
  ) {
    this.instances = scaling ? Math.min(scaling.max, Math.max(scaling.min, initial)) : initial;
    const cap = Math.max(this.instances, scaling?.max ?? 0) * workers;
    this.slots = new Float64Array(Math.max(1, cap));
    this.slots.fill(startSec);
    this.k = this.instances * workers;
    this.queueLimitSec = INFERENCE.queueDepthPerWorker * meanServiceSec;
    this.instancesMax = this.instances;
    this.periodStart = startSec;
    this.hrStart = startSec;
  }

  /** Requests per second the in-service instances can serve at a mean service time. */
  capacityRps(meanServiceSec: number): number {
    return meanServiceSec > 0 ? this.k / meanServiceSec : Infinity;
  }

  /**
   * Queue a request arriving at `a` needing `svc` seconds of a worker. Returns its wait in the queue
   * (s), or -1 when the queue is full (refused).
   */
  serve(a: number, svc: number): number {
    this.invocations++;
    if (this.k === 0) return -1;
    const j = this.rr;
    this.rr = j + 1 === this.k ? 0 : j + 1;
    const free = this.slots[j];
    const wait = free > a ? free - a : 0;
    if (wait > this.queueLimitSec) return -1;
    if (wait < TIMEOUT_SEC) this.slots[j] = a + wait + svc;
    const inFlight = wait + svc < TIMEOUT_SEC ? wait + svc : TIMEOUT_SEC;
    this.busyHr += inFlight;
    this.busyMin += inFlight;
    return wait;
  }

  /** Bring instances whose launch finished by `t` into service. */
  advance(t: number): void {
    while (this.pending.length && this.pending[0] <= t) {
      const ready = this.pending.shift()!;
      this.resize(this.instances + 1, ready);
    }
  }

  private resize(n: number, t: number): void {
    const k = n * this.workers;
    if (k > this.slots.length) {
      const s = new Float64Array(k);
      s.set(this.slots);
      this.slots = s;
    }
    for (let j = this.k; j < k; j++) this.slots[j] = t;
    this.k = k;
    this.instances = n;
    if (this.rr >= k) this.rr = 0;
    if (n > this.instancesMax) this.instancesMax = n;
  }

  /**
   * Bill [t0, t1) and, at the end of a scaling period, apply target tracking. Returns the scaling
   * action taken: the new planned instance count (positive: scale-out launched, negative: scaled in), or 0.
   *
   * As Application Auto Scaling's target-tracking alarms do: the period's InvocationsPerInstance is a
   * datapoint only when there were invocations (no traffic = no datapoint, so never a scale-in); scale-out
   * needs `scaleOutDatapoints` consecutive datapoints above the target and may go beyond a scale-out still
   * in its cooldown when more capacity is needed (the capacity already launched counts as planned);
   * scale-in needs `scaleInDatapoints` consecutive datapoints below `scaleInRatio` × target, waits out
   * both cooldowns, and removes one instance at a time.
   */
  afterTick(t0: number, t1: number): number {
    this.instanceSeconds += (this.instances + this.pending.length) * (t1 - t0);
    const s = this.scaling;
    if (!s) return 0;
    if (s.metric === 'concurrency') return this.trackConcurrency(s, t1);
    if (t1 - this.periodStart < INFERENCE.scalingPeriodSec) return 0;
    const invocations = this.invocations;
    const perMin = (invocations * 60) / (t1 - this.periodStart);
    this.invocations = 0;
    this.periodStart = t1;
    if (this.instances === 0) return this.stepFromZero(s, t1);
    // no traffic = no datapoint (the alarms keep their counts), except on inference components (a datapoint of 0)
    if (invocations === 0 && !s.components) return 0;
    const perInstance = perMin / this.instances;
    this.above = perInstance > s.target ? this.above + 1 : 0;
    this.below = perInstance < s.target * INFERENCE.scaleInRatio ? this.below + 1 : 0;
    return this.apply(s, t1, Math.min(s.max, Math.max(s.min, Math.ceil(perMin / s.target))));
  }

  /**
   * Target tracking on ConcurrentRequestsPerModel: every 10 s a datapoint of the requests in flight per instance
   * (the seconds requests spent queued or served in the period over its length: Little's law), scale-out after
   * `scaleOutDatapoints` consecutive datapoints above the target; every minute, the minute's mean for scale-in, with
   * the same `scaleInDatapoints` as a standard metric (AWS: high-resolution metrics scale in at the same speed).
   */
  private trackConcurrency(s: Scaling, t1: number): number {
    if (t1 - this.hrStart >= INFERENCE.highResPeriodSec) {
      const conc = this.busyHr / (t1 - this.hrStart);
      this.busyHr = 0;
      this.hrStart = t1;
      if (this.instances > 0 && (conc > 0 || s.components)) {
        this.above = conc / this.instances > s.target ? this.above + 1 : 0;
        const desired = Math.min(s.max, Math.max(s.min, Math.ceil(conc / s.target)));
        if (this.above >= INFERENCE.scaleOutDatapoints && desired > this.instances + this.pending.length)
          return this.apply(s, t1, desired, true);
      }
    }
    if (t1 - this.periodStart < INFERENCE.scalingPeriodSec) return 0;
    const conc = this.busyMin / (t1 - this.periodStart);
    const invocations = this.invocations;
    this.busyMin = 0;
    this.invocations = 0;
    this.periodStart = t1;
    if (this.instances === 0) return this.stepFromZero(s, t1);
    if (invocations === 0 && !s.components) return 0;
    this.below = conc / this.instances < s.target * INFERENCE.scaleInRatio ? this.below + 1 : 0;
    return this.apply(s, t1, Math.min(s.max, Math.max(s.min, Math.ceil(conc / s.target))), false, true);
  }

  /**
   * At zero instances target tracking has no datapoint (it cannot divide by zero instances): only the step-scaling
   * policy on the NoCapacityInvocationFailures alarm brings an instance back. The alarm is AWS's example: Sum over 60 s
   * GreaterThanThreshold 1, one datapoint; the policy adds 1 (ChangeInCapacity).
   */
  private stepFromZero(s: Scaling, t1: number): number {
    const failures = this.noCapacity;
    this.noCapacity = 0;
    if (!s.fromZero || failures <= 1 || this.pending.length) return 0;
    this.pending.push(t1 + INFERENCE.provisionSec);
    this.lastOut = t1;
    this.scaleOuts++;
    this.above = this.below = 0;
    return 1;
  }

  /** Scale toward `desired` (scale-out on `above`, scale-in on `below`), as the alarms allow; see `afterTick`. */
  private apply(s: Scaling, t1: number, desired: number, outOnly = false, inOnly = false): number {
    const planned = this.instances + this.pending.length;
    if (!inOnly && this.above >= INFERENCE.scaleOutDatapoints && desired > planned) {
      for (let i = planned; i < desired; i++) this.pending.push(t1 + INFERENCE.provisionSec);
      this.lastOut = t1;
      this.scaleOuts++;
      return desired;
    }
    if (
      !outOnly &&
      this.below >= INFERENCE.scaleInDatapoints &&
      desired < this.instances &&
      !this.pending.length &&
      t1 >= this.lastIn + s.scaleInCooldownSec &&
      t1 >= this.lastOut + s.scaleOutCooldownSec
    ) {
      const n = this.instances - 1;
      this.resize(n, t1);
      this.lastIn = t1;
      return -n;
    }
    return 0;
  }

  /** At the top (max) of its range: more load cannot be absorbed by scaling. */
  get atMax(): boolean {
    return !this.scaling || this.instances + this.pending.length >= this.scaling.max;
  }
}
