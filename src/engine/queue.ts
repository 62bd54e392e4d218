/** A scheduled event: at simulated second `at`, run `fire`. */
export interface Scheduled {
  at: number;
  seq: number;
  /** Short name shown when stepping ("traffic tick", "train: Downloading → Training"). */
  label: string;
  node: string | null;
  fire: () => void;
}

/**
 * Min-heap of events ordered by time, then by insertion order: equal times fire in the order they were
 * scheduled, which keeps runs deterministic.
 */
export class EventQueue {
  private heap: Scheduled[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, label: string, node: string | null, fire: () => void): Scheduled {
    const e: Scheduled = { at, seq: this.seq++, label, node, fire };
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
    return e;
  }

  peek(): Scheduled | undefined {
    return this.heap[0];
  }

  pop(): Scheduled | undefined {
    const h = this.heap;
    if (!h.length) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1,
          r = l + 1;
        let m = i;
        if (l < h.length && less(h[l], h[m])) m = l;
        if (r < h.length && less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

const less = (a: Scheduled, b: Scheduled) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
