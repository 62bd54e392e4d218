import { EDGE_PAIRS } from '../../catalog/edges';
import type { Kind, Severity } from '../../catalog/types';

const SOURCES = new Set(EDGE_PAIRS.flatMap((p) => p.from));
const TARGETS = new Set(EDGE_PAIRS.flatMap((p) => p.to));
/** Only kinds that appear in the edge table get connection handles. */
export const hasOutputs = (k: Kind) => SOURCES.has(k);
export const hasInputs = (k: Kind) => TARGETS.has(k);

const SEV_LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** A count of the node's findings, coloured by the worst one. */
export function Badge({ severity, count }: { severity: Severity | null; count: number }) {
  if (!severity) return null;
  return (
    <span className={`badge badge-${severity}`} title={`${count} ${SEV_LABEL[severity]}${count > 1 ? 's' : ''}`}>
      {severity === 'error' ? '!' : severity === 'warning' ? '▲' : 'i'}
      {count > 1 ? count : ''}
    </span>
  );
}
