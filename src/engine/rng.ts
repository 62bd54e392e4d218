/**
 * Seeded random numbers (sfc32 seeded through splitmix32). The same seed gives the same stream in
 * node, the worker and tests. `fork(label)` gives an independent stream per module and node, so adding
 * randomness in one place never shifts the numbers another place sees.
 */
export class Rng {
  /**
   * sfc32's four 32-bit words, in an Int32Array rather than four fields: a store wraps to 32 bits by itself, and the
   * words are raw integers in every V8. In Chromium (pointer compression: small integers are 31-bit) four number
   * fields holding full 32-bit values became boxed doubles, and the page's run to the end took ~2.2× as long in the
   * hot loop as the runner's Node for the same code; with the array the two run at the same pace.
   */
  private readonly s = new Int32Array(4);

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    const st = this.s; // each word keeps its low 32 bits (the same bits as `| 0`)
    st[0] = next();
    st[1] = next();
    st[2] = next();
    st[3] = next();
    for (let i = 0; i < 12; i++) this.next();
  }

  /**
   * Uniform in [0, 1). Each draw is one step of sfc32, written out here and in `nextBits` rather than called: the hot
   * loops inline these methods, and a nested call costs V8's inlining budget (or, left out of line, a heap box for
   * its 32-bit result).
   */
  next(): number {
    const st = this.s,
      a = st[0],
      b = st[1],
      c = st[2],
      d = st[3];
    const t = (((a + b) | 0) + d) | 0;
    st[3] = d + 1;
    st[0] = b ^ (b >>> 9);
    st[1] = c + (c << 3);
    st[2] = ((c << 21) | (c >>> 11)) + t;
    return (t >>> 0) / 4294967296;
  }

  /**
   * The top `bits` bits of the next draw: an integer in [0, 2^bits), the same draw and the same value as
   * `(next() * 2 ** bits) | 0` (for a table of 2^bits entries), as a small integer that never needs a heap box.
   */
  nextBits(bits: number): number {
    const st = this.s,
      a = st[0],
      b = st[1],
      c = st[2],
      d = st[3];
    const t = (((a + b) | 0) + d) | 0;
    st[3] = d + 1;
    st[0] = b ^ (b >>> 9);
    st[1] = c + (c << 3);
    st[2] = ((c << 21) | (c >>> 11)) + t;
    return t >>> (32 - bits);
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Exponential with the given rate (events per unit): the gap of a Poisson process. */
  exp(rate: number): number {
    return -Math.log(1 - this.next()) / rate;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next(),
      v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Lognormal with the given median and sigma of the underlying normal. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Poisson-distributed count with mean `mean` (Knuth for small means, normal approximation above 50). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const l = Math.exp(-mean);
    let k = 0,
      p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }

  /** An independent stream derived from this seed and a label. */
  static derive(seed: number, label: string): Rng {
    let h = 2166136261 ^ (seed >>> 0);
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
    return new Rng(h >>> 0);
  }
}
