import { INFERENCE } from './constants';

const TIMEOUT_SEC = INFERENCE.invocationTimeoutSec;

/** Target tracking on InvocationsPerInstance (per minute per instance). */
export interface Scaling {
  min: number;
  max: number;
  /** Invocations per minute per instance the policy aims for. */
  target: number;
  scaleOutCooldownSec: number;
  scaleInCooldownSec: number;
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
    if (!s || t1 - this.periodStart < INFERENCE.scalingPeriodSec) return 0;
    const invocations = this.invocations;
    const perMin = (invocations * 60) / (t1 - this.periodStart);
    this.invocations = 0;
    this.periodStart = t1;
    if (invocations === 0 || this.instances === 0) return 0; // no datapoint: the alarms keep their counts
    const perInstance = perMin / this.instances;
    this.above = perInstance > s.target ? this.above + 1 : 0;
    this.below = perInstance < s.target * INFERENCE.scaleInRatio ? this.below + 1 : 0;
    const desired = Math.min(s.max, Math.max(s.min, Math.ceil(perMin / s.target)));
    const planned = this.instances + this.pending.length;
    if (this.above >= INFERENCE.scaleOutDatapoints && desired > planned) {
      for (let i = planned; i < desired; i++) this.pending.push(t1 + INFERENCE.provisionSec);
      this.lastOut = t1;
      this.scaleOuts++;
      return desired;
    }
    if (
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
