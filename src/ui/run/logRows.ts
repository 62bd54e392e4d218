import { RULE_INDEX } from '../../catalog/rule-index';
import type { Severity } from '../../catalog/types';
import type { LogRow } from './store';

/** A log row as shown: with how many identical (rule, node) entries it stands for, and the last one's time. */
export type ShownRow = LogRow & { count: number; lastT: number };

/** What the event log's filters keep. */
export interface LogFilter {
  sev: Readonly<Record<Severity, boolean>>;
  domain: string;
  rule: string;
  node: string;
  text: string;
  /** One row per rule and node (see `groupRepeats`). */
  group: boolean;
}

/** The rows by simulated time (batches from the worker can arrive out of order); stable for equal times. */
export function inTimeOrder(rows: readonly LogRow[]): LogRow[] {
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) if (rows[i].t < rows[i - 1].t) sorted = false;
  if (sorted) return rows as LogRow[];
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.t - b.r.t || a.i - b.i)
    .map((x) => x.r);
}

/** The key a row groups under (null: never grouped — steps and entries without a rule, such as state changes). */
const groupKey = (r: LogRow) => (r.rule && !r.step ? `${r.severity}|${r.rule}|${r.node ?? ''}` : null);

/**
 * With `on`, a rule's repeated entries on one node (and the same severity) become one row at the first one's
 * place, counting them: fifty identical warnings are one line "×50", not a wall. Steps and entries without a
 * rule (state changes) are never grouped.
 */
export function groupRepeats(rows: readonly LogRow[], on: boolean): ShownRow[] {
  const out: ShownRow[] = [];
  appendGrouped(out, new Map(), rows, on);
  return out;
}

function appendGrouped(out: ShownRow[], at: Map<string, number>, rows: readonly LogRow[], on: boolean): number {
  let entries = 0;
  for (const r of rows) {
    entries++;
    const key = on ? groupKey(r) : null;
    const i = key === null ? undefined : at.get(key);
    if (i !== undefined) {
      out[i].count++;
      out[i].lastT = r.t;
      continue;
    }
    if (key !== null) at.set(key, out.length);
    out.push({ ...r, count: 1, lastT: r.t });
  }
  return entries;
}

/** Does a row pass the filters (the text filter already lower-cased and trimmed)? */
function keeps(f: LogFilter, q: string, r: LogRow): boolean {
  return (
    f.sev[r.severity] &&
    (!f.node || r.node === f.node) &&
    (!f.rule || r.rule === f.rule) &&
    (!f.domain || (r.rule !== undefined && RULE_INDEX.get(r.rule)?.domain === f.domain)) &&
    (!q || r.message.toLowerCase().includes(q) || (r.node ?? '').toLowerCase().includes(q))
  );
}

/**
 * The event log's shown rows, kept up to date in batches: while the run only appends to the log buffer (the
 * same array, longer) and the new rows come in time order, only the new rows are filtered, grouped and
 * counted — a log of 20,000 rows costs the rows that arrived, not 20,000, at each repaint. A new buffer (a
 * reset, the cap trimming it), a changed filter or a batch older than the rows shown recomputes it all.
 */
export class ShownLog {
  private src: readonly LogRow[] | null = null;
  private done = 0;
  private filterKey = '';
  private lastT = -Infinity;
  private at = new Map<string, number>();
  /** The shown rows (time order, grouped as asked). */
  rows: ShownRow[] = [];
  /** How many log entries the shown rows stand for. */
  entries = 0;
  /** Rows of the buffer that are the page's step markers (not engine entries). */
  steps = 0;
  /** Rule ids and node ids in the buffer (the filters' choices). */
  readonly rules = new Set<string>();
  readonly nodes = new Set<string>();

  /** Bring the rows up to date with the log buffer `log` under the filter `f`. */
  update(log: readonly LogRow[], f: LogFilter): this {
    const q = f.text.trim().toLowerCase();
    const key = JSON.stringify([f.sev, f.domain, f.rule, f.node, q, f.group]);
    const fresh = log !== this.src || log.length < this.done;
    if (fresh) {
      this.src = log;
      this.done = 0;
      this.steps = 0;
      this.rules.clear();
      this.nodes.clear();
    }
    const added = log.slice(this.done);
    for (const r of added) {
      if (r.step) this.steps++;
      if (r.rule) this.rules.add(r.rule);
      if (r.node) this.nodes.add(r.node);
    }
    this.done = log.length;
    const all = !q && f.sev.error && f.sev.warning && f.sev.info && !f.domain && !f.rule && !f.node;
    const kept = (rows: readonly LogRow[]) => (all ? rows : rows.filter((r) => keeps(f, q, r)));
    const newRows = kept(added);
    let inOrder = newRows.length === 0 || newRows[0].t >= this.lastT;
    for (let i = 1; i < newRows.length && inOrder; i++) inOrder = newRows[i].t >= newRows[i - 1].t;
    if (fresh || key !== this.filterKey || !inOrder) {
      this.filterKey = key;
      this.rows = [];
      this.at = new Map();
      const sorted = inTimeOrder(kept(log));
      this.entries = appendGrouped(this.rows, this.at, sorted, f.group);
      this.lastT = sorted.length ? sorted[sorted.length - 1].t : -Infinity;
      return this;
    }
    if (newRows.length) {
      this.entries += appendGrouped(this.rows, this.at, newRows, f.group);
      this.lastT = newRows[newRows.length - 1].t;
    }
    return this;
  }
}
