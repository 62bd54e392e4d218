import { faultSchema, type ArchDoc, type Fault } from './schema';

const key = (f: Fault) => JSON.stringify(Object.entries(f).sort(([a], [b]) => a.localeCompare(b)));

/**
 * The faults and timed actions a run injects: the document's `faults`, plus the faults a demo's `script`
 * narrates (a step's fault takes the step's `atSec` unless it has its own). A script fault identical to
 * an entry of `faults` is injected once. Script faults are validated by the loader; one naming a node
 * that is no longer in the document (deleted in the editor) is skipped.
 */
export function runFaults(doc: ArchDoc): Fault[] {
  const out = [...(doc.faults ?? [])];
  const ids = new Set(doc.nodes.map((n) => n.id));
  const seen = new Set(out.map(key));
  for (const step of doc.script ?? []) {
    if (!step.fault) continue;
    const r = faultSchema.safeParse({ atSec: step.atSec, ...step.fault });
    if (!r.success || !ids.has(r.data.node) || seen.has(key(r.data))) continue;
    seen.add(key(r.data));
    out.push(r.data);
  }
  return out;
}
