import type { Arrivals } from './traffic';

/**
 * Client-side retries as the AWS SDKs make them (a client's `retries` prop = the SDK's max attempts − 1).
 *
 * Which errors are retried: the SDKs' standard and adaptive modes retry throttling errors (ThrottlingException,
 * TooManyRequestsException…, and HTTP 429) and transient errors (HTTP 500, 502, 503, 504); they never retry
 * client errors such as a payload over the limit (413) or a model error (424)
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html,
 * https://docs.aws.amazon.com/boto3/latest/guide/retries.html, checked 2026-12-01). On an endpoint that means:
 * ModelNotReadyException (429, multi-model), ThrottlingException (serverless over MaxConcurrency) and the 503 of an
 * instance whose queue is full (endpoint-overloaded) are retried; payload-too-large and ModelError are not.
 *
 * Back-off: the SDKs wait a random time up to min(2^attempt s, 20 s) ("exponential backoff with jitter", capped at
 * 20 s in standard mode). The simulation stays deterministic and uses the cap of each wait: 1, 2, 4, 8, 16, 20, 20… s.
 */
export const RETRY = {
  /** Standard mode's longest back-off, s. */
  maxBackoffSec: 20,
} as const;

/** The back-off before retry number `attempt` (1 = the first retry), s. */
export const backoffSec = (attempt: number): number => Math.min(2 ** (attempt - 1), RETRY.maxBackoffSec);

/** Back-off waited before retry number `attempt`, summed over every retry so far, s. */
export function backoffTotalSec(attempt: number): number {
  let s = 0;
  for (let k = 1; k <= attempt; k++) s += backoffSec(k);
  return s;
}

/**
 * Retries waiting for their back-off, kept in typed arrays as a binary min-heap on the time they are sent again
 * (no per-request objects). Each carries its payload, model, stream, attempt number and first arrival time.
 */
export class RetryQueue {
  size = 0;
  private time = new Float64Array(256);
  private mb = new Float64Array(256);
  private model = new Int32Array(256);
  private src = new Int32Array(256);
  private attempt = new Uint8Array(256);
  private first = new Float64Array(256);

  private grow(): void {
    const cap = this.time.length * 2;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const u8 = new Uint8Array(cap);
    u8.set(this.attempt);
    this.time = f64(this.time);
    this.mb = f64(this.mb);
    this.first = f64(this.first);
    this.model = i32(this.model);
    this.src = i32(this.src);
    this.attempt = u8;
  }

  private swap(i: number, j: number): void {
    const sw = <T extends Float64Array | Int32Array | Uint8Array>(a: T) => {
      const x = a[i];
      a[i] = a[j];
      a[j] = x;
    };
    sw(this.time);
    sw(this.mb);
    sw(this.model);
    sw(this.src);
    sw(this.attempt);
    sw(this.first);
  }

  /** Queue a retry to be sent again at `at` (deterministic: the same pushes give the same order). */
  push(at: number, mb: number, model: number, src: number, attempt: number, first: number): void {
    if (this.size === this.time.length) this.grow();
    let i = this.size++;
    this.time[i] = at;
    this.mb[i] = mb;
    this.model[i] = model;
    this.src[i] = src;
    this.attempt[i] = Math.min(255, attempt);
    this.first[i] = first;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.time[p] <= this.time[i]) break;
      this.swap(i, p);
      i = p;
    }
  }

  private pop(): void {
    const last = --this.size;
    if (last > 0) this.swap(0, last);
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && this.time[r] < this.time[l] ? r : l;
      if (this.time[c] >= this.time[i]) break;
      this.swap(i, c);
      i = c;
    }
  }

  /** Move every retry due before `t1` into the tick's arrivals (appended; the caller sorts). Returns how many. */
  drainInto(arr: Arrivals, t1: number): number {
    let k = 0;
    while (this.size > 0 && this.time[0] < t1) {
      if (arr.n === arr.time.length) arr.grow();
      const j = arr.n++;
      arr.time[j] = this.time[0];
      arr.size[j] = this.mb[0];
      arr.model[j] = this.model[0];
      arr.src[j] = this.src[0];
      arr.attempt[j] = this.attempt[0];
      arr.first[j] = this.first[0];
      this.pop();
      k++;
    }
    return k;
  }
}

/** Seconds request `i` of a tick spent backing off before this attempt (0 for a fresh request). */
export const backedOffSec = (arr: Arrivals, i: number): number =>
  arr.attempt[i] === 0 ? 0 : arr.time[i] - arr.first[i];
