/**
 * Seeded random numbers (sfc32 seeded through splitmix32). The same seed gives the same stream in
 * node, the worker and tests. `fork(label)` gives an independent stream per module and node, so adding
 * randomness in one place never shifts the numbers another place sees.
 */
/** Bits of a quantile-table index (`Rng.tableIndex`): tables of 2^14 entries. */
export const TABLE_BITS = 14;

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
   * Uniform in [0, 1). Each draw is one step of sfc32, written out here and in `tableIndex` rather than called: the hot
   * loops inline these methods, and a nested call costs V8's inlining budget (or, left out of line, a heap box for
   * its 32-bit result). The words wrap to 32 bits as they are stored, so `c * 9` is sfc32's `c + (c << 3)` and
   * `a + b + d` (exact in a double) its `(a + b) + d`, in fewer bytecodes.
   */
  next(): number {
    const s = this.s,
      a = s[0],
      b = s[1],
      c = s[2],
      d = s[3],
      t = (a + b + d) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = c * 9;
    s[2] = ((c << 21) | (c >>> 11)) + t;
    s[3] = d + 1;
    return (t >>> 0) / 4294967296;
  }

  /**
   * An index into a quantile table of 2^TABLE_BITS entries: the top TABLE_BITS bits of the next draw, the same draw and
   * the same value as `(next() * 2 ** TABLE_BITS) | 0`, as a small integer that never needs a heap box. The shift is
   * written as a number (32 − TABLE_BITS) and the method takes no argument: at 114 bytes of bytecode, the three calls
   * in the real-time hot loop (`serveSimple`) leave V8's cumulative inlining budget room for the stream's window.
   */
  tableIndex(): number {
    const s = this.s,
      a = s[0],
      b = s[1],
      c = s[2],
      d = s[3],
      t = (a + b + d) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = c * 9;
    s[2] = ((c << 21) | (c >>> 11)) + t;
    s[3] = d + 1;
    return t >>> 18;
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
