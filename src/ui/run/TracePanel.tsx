import { RULES_BY_ID } from '../../catalog/rules';
import type { TraceHop } from '../../engine';
import { useRun, useRunState } from './context';
import { clock } from './store';
import { OUTCOME_COLOURS, OUTCOME_LABELS } from './TrafficLayer';

const HOP_COLOURS: Record<TraceHop['kind'], string> = {
  network: '#7a8796',
  retry: '#b7791f',
  lookup: '#0b6bcb',
  queue: '#f08c00',
  load: '#7c4dff',
  model: '#1f9d55',
  response: '#1f9d55',
  failed: '#d7263d',
};
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);

/**
 * Request traces of an endpoint (a deterministic sample the engine keeps: the first of each outcome,
 * then one in many): pick one and see its hops as a waterfall — where it waited, where it failed, why.
 */
export function TracePanel() {
  const run = useRun();
  const tr = useRunState((v) => v.traces);
  if (!tr)
    return (
      <p className="run-empty">
        Open an endpoint's why? panel (or a log row of a request rule) and choose “See a request” to trace one.
      </p>
    );
  if (tr.loading) return <p className="run-empty">Loading traces of {tr.node}…</p>;
  if (!tr.list.length) return <p className="run-empty">{tr.node} has served no request yet.</p>;
  const t = tr.picked !== null ? tr.list[tr.picked] : null;
  const span = Math.max(1, t?.totalMs ?? 1);
  const def = t?.rule ? RULES_BY_ID.get(t.rule) : undefined;
  return (
    <div className="traces" data-testid="trace-panel">
      <div className="trace-list" role="listbox" aria-label={`Sampled requests of ${tr.node}`}>
        {tr.list.map((x, i) => (
          <button
            key={i}
            type="button"
            role="option"
            aria-selected={i === tr.picked}
            className={`trace-item ${i === tr.picked ? 'is-on' : ''}`}
            onClick={() => run.pickTrace(i)}
          >
            <i style={{ background: OUTCOME_COLOURS[x.outcome] }} />
            <span>#{x.n.toLocaleString('en-US')}</span>
            <span className="muted">{clock(x.atSec)}</span>
            <span>{OUTCOME_LABELS[x.outcome]}</span>
          </button>
        ))}
      </div>
      {t && (
        <div className="trace-detail" data-testid="trace-waterfall">
          <div className="trace-title">
            Request #{t.n.toLocaleString('en-US')} to <b>{t.endpoint}</b> at {clock(t.atSec)} · {t.payloadMB} MB ·{' '}
            <b style={{ color: OUTCOME_COLOURS[t.outcome] }}>{OUTCOME_LABELS[t.outcome]}</b> after {ms(t.totalMs)}
          </div>
          <div className="waterfall">
            <div className="wf-row">
              <span className="wf-name">client → {t.endpoint}</span>
              <span className="wf-track">
                <span className="wf-tick" />
              </span>
              <span className="wf-dur">sent</span>
            </div>
            {t.hops.map((h, i) => (
              <div key={i} className={`wf-row wf-${h.kind}`}>
                <span className="wf-name">{h.name}</span>
                <span className="wf-track">
                  {h.durMs > 0 ? (
                    <span
                      className="wf-bar"
                      style={{
                        left: `${(100 * h.startMs) / span}%`,
                        width: `${Math.max(0.8, (100 * h.durMs) / span)}%`,
                        background: HOP_COLOURS[h.kind],
                      }}
                    />
                  ) : (
                    <span
                      className="wf-end"
                      style={{ left: `calc(${(100 * h.startMs) / span}% - 7px)`, background: HOP_COLOURS[h.kind] }}
                    >
                      {h.kind === 'failed' ? '✕' : '✓'}
                    </span>
                  )}
                </span>
                <span className="wf-dur">{h.durMs > 0 ? ms(h.durMs) : h.kind === 'failed' ? 'failed' : 'done'}</span>
              </div>
            ))}
          </div>
          {def && (
            <div className="trace-why">
              <b>{def.title}</b> ({t.rule}) — {def.fix}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
