import { memo } from 'react';
import { RULE_INDEX } from '../../catalog/rule-index';
import type { LiveNode } from '../../worker/protocol';
import { useRun, useRunNode } from './context';
import { useAnswerHidden } from '../puzzle/reveal';
import { mlopsLine } from './mlopsView';
import { variantCounts } from './variantsView';

const RANK = { error: 3, warning: 2, info: 1 } as const;

/** The worst rule that happened on a node (errors first, then the most frequent). */
export function worstRule(n: LiveNode): string | null {
  let best: string | null = null,
    rank = 0,
    count = 0;
  for (const [rule, c] of Object.entries(n.incidents)) {
    const r = RANK[RULE_INDEX.get(rule)?.severity ?? 'info'];
    if (r > rank || (r === rank && c > count)) {
      best = rule;
      rank = r;
      count = c;
    }
  }
  return best;
}

/** Two significant digits below 1 (a 0.05 rps client shows 0.05, not 0.0). */
export const fmtRate = (x: number) =>
  x >= 100
    ? Math.round(x).toLocaleString('en-US')
    : x >= 10
      ? x.toFixed(0)
      : x >= 1 || x === 0
        ? x.toFixed(1)
        : String(Number(x.toPrecision(2)));
const fmtCount = (x: number) =>
  x >= 1e6 ? `${(x / 1e6).toFixed(1)}M` : x >= 1e4 ? `${Math.round(x / 1e3)}k` : String(x);
const STATE_TONE: Record<string, string> = {
  InService: 'ok',
  Completed: 'ok',
  Succeeded: 'ok',
  Creating: 'busy',
  Updating: 'busy',
  Pending: 'idle',
  InProgress: 'busy',
  Executing: 'busy',
  Failed: 'bad',
  Stopped: 'idle',
};

/**
 * A node's life during a run, drawn over its card: the state (or a job's phase with a progress bar),
 * live counters, and an incident marker that opens the why? panel. Reads only its own node's figures.
 */
function RunOverlay({ id, group }: { id: string; group?: boolean }) {
  const n = useRunNode(id);
  const run = useRun();
  const hidden = useAnswerHidden();
  if (!n) return null;
  const line = mlopsLine(n);
  const label = n.state === 'InProgress' && n.phase ? n.phase : n.state;
  const tone = label ? (STATE_TONE[n.state ?? ''] ?? 'busy') : null;
  const rule = worstRule(n);
  const total = rule ? Object.values(n.incidents).reduce((a, b) => a + b, 0) : 0;
  const sev = rule ? (RULE_INDEX.get(rule)?.severity ?? 'error') : null;
  const traffic = n.requests > 0;
  const ab = variantCounts(n.extra);
  return (
    <>
      {label && (
        <span className={`run-state run-state-${tone}`} data-testid={`state-${id}`}>
          {label}
          {n.progress !== undefined && n.state === 'InProgress' ? ` ${Math.round(n.progress * 100)}%` : ''}
        </span>
      )}
      {n.progress !== undefined && n.state === 'InProgress' && (
        <span className="run-progress" aria-hidden="true">
          <span style={{ width: `${Math.round(n.progress * 100)}%` }} />
        </span>
      )}
      {traffic && (
        <span className="run-counters" data-testid={`counters-${id}`}>
          <b>{fmtRate(n.rps)}</b> rps
          {n.ok > 0 || n.failed > 0 ? (
            <>
              {' '}
              · <b className={n.failed ? 'run-bad' : ''}>{fmtCount(n.failed)}</b> err
            </>
          ) : null}
          {n.p99Ms > 0 && (
            <>
              {' '}
              · p99 <b>{n.p99Ms >= 1000 ? `${(n.p99Ms / 1000).toFixed(1)} s` : `${Math.round(n.p99Ms)} ms`}</b>
            </>
          )}
          {n.coldStarts > 0 && (
            <>
              {' '}
              · <b>{fmtCount(n.coldStarts)}</b> cold
            </>
          )}
          {n.instances !== undefined && (
            <>
              {' '}
              · <b>{n.instances}</b> inst
            </>
          )}
          {ab && (
            <span
              data-testid={`variants-${id}`}
              title={
                `Invocations per production variant (current weight): ` +
                `${ab.map((v) => `${v.name} ${v.requests.toLocaleString('en-US')} (weight ${v.weight})`).join(', ')}`
              }
            >
              {ab.map((v) => (
                <span key={v.name}>
                  {' '}
                  · {v.name} <b>{fmtCount(v.requests)}</b>
                </span>
              ))}
            </span>
          )}
        </span>
      )}
      {line && (
        <button
          type="button"
          className={`run-mlops ${group ? 'run-mlops-group' : ''}`}
          data-testid={`mlops-${id}`}
          onClick={(e) => {
            e.stopPropagation();
            run.openWhy(id, null);
          }}
          onPointerDown={(e) => e.stopPropagation()}
          title={`${line.title} — click for the details`}
          aria-label={`${line.title}: details of ${id} in this run`}
        >
          {line.parts.map((p, i) => (
            <span key={i} className={p.tone ? `run-chip run-chip-${p.tone}` : undefined}>
              {p.text}
            </span>
          ))}
        </button>
      )}
      {rule && (
        <button
          type="button"
          className={`run-incident run-incident-${sev}`}
          data-testid={`incident-${id}`}
          onClick={(e) => {
            e.stopPropagation();
            run.openWhy(id, rule);
          }}
          onPointerDown={(e) => e.stopPropagation()}
          title={
            `${hidden ? 'Incidents' : rule}: ${total.toLocaleString('en-US')} occurrence${total > 1 ? 's' : ''} ` +
            `— click for why`
          }
          aria-label={`Why? ${hidden ? 'incidents' : rule} on ${id}`}
        >
          {sev === 'error' ? '!' : '▲'}
          <span>{fmtCount(total)}</span>
        </button>
      )}
    </>
  );
}

export default memo(RunOverlay);
