import type { Severity } from '../catalog/types';
import type { LogEvent } from './types';

/**
 * The run's event log: a bounded ring of the latest entries plus exact counts of everything ever
 * logged (by severity and by rule), so a 24-hour run keeps memory bounded and the numbers stay true.
 */
export class EventLog {
  private ring: LogEvent[] = [];
  private start = 0;
  total = 0;
  readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  readonly byRule = new Map<string, number>();
  private listeners: ((e: LogEvent) => void)[] = [];

  constructor(readonly capacity = 50_000) {}

  add(e: Omit<LogEvent, 'seq'>): LogEvent {
    const entry: LogEvent = { seq: this.total++, ...e };
    this.bySeverity[e.severity]++;
    if (e.rule) this.byRule.set(e.rule, (this.byRule.get(e.rule) ?? 0) + 1);
    if (this.ring.length < this.capacity) this.ring.push(entry);
    else {
      this.ring[this.start] = entry;
      this.start = (this.start + 1) % this.capacity;
    }
    for (const l of this.listeners) l(entry);
    return entry;
  }

  /** Entries still held, oldest first. */
  entries(): LogEvent[] {
    return this.start ? [...this.ring.slice(this.start), ...this.ring.slice(0, this.start)] : this.ring.slice();
  }

  /** Entries with seq ≥ `seq` still held (for streaming to a UI). */
  since(seq: number, max = Infinity): LogEvent[] {
    const n = Math.min(this.total - seq, this.ring.length, max);
    if (n <= 0) return [];
    const out: LogEvent[] = new Array(n);
    const len = this.ring.length;
    // The newest entry sits just before `start` once the ring is full, at the end before that.
    const newest = this.ring.length < this.capacity ? len - 1 : (this.start - 1 + len) % len;
    for (let i = 0; i < n; i++) out[n - 1 - i] = this.ring[(newest - i + len) % len];
    return out;
  }

  get dropped(): number {
    return this.total - this.ring.length;
  }

  subscribe(fn: (e: LogEvent) => void): () => void {
    this.listeners.push(fn);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== fn);
    };
  }
}
