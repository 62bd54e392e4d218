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
    // sift up with a hole (the parents move down, the new event is written once): no swap arrays in the loop
    let i = h.length;
    h.push(e);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(e, h[p])) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = e;
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
    const n = h.length;
    if (n) {
      // sift the last event down from the root with a hole: the same places as swapping it down, written once
      let i = 0;
      for (;;) {
        const l = 2 * i + 1,
          r = l + 1;
        let m = l < n && less(h[l], last) ? l : -1;
        if (r < n && less(h[r], m < 0 ? last : h[m])) m = r;
        if (m < 0) break;
        h[i] = h[m];
        i = m;
      }
      h[i] = last;
    }
    return top;
  }
}

const less = (a: Scheduled, b: Scheduled) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
