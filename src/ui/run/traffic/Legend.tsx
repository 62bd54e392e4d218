import { useState } from 'react';
import { useRunState } from '../context';
import { type RunView, clock } from '../store';
import { FLOW_KIND_COLOURS, OUTCOME_COLOURS, OUTCOME_KEYS as KEYS, OUTCOME_LABELS } from './colours';

/** Whether the colour key is open; collapsed to the lens chip by default, kept while the page lives. */
let keyOpen = false;

/**
 * The lens switch, and its colour key when opened: a small chip in the canvas's top-right corner by default
 * so it does not cover nodes; the control lens also lists the latest control-plane events.
 */
export function Legend({ lens, onLens }: { lens: 'data' | 'control'; onLens: (l: 'data' | 'control') => void }) {
  const recent = useRunState((v) => v.recentFlows);
  const [open, setOpen] = useState(keyOpen);
  const toggle = () => {
    keyOpen = !open;
    setOpen(keyOpen);
  };
  return (
    <div className={`traffic-legend ${open ? '' : 'is-collapsed'}`} data-testid="traffic-legend">
      <div className="traffic-lens" role="radiogroup" aria-label="Lens">
        <button
          type="button"
          role="radio"
          aria-checked={lens === 'data'}
          className={lens === 'data' ? 'is-on' : ''}
          onClick={() => onLens('data')}
        >
          Data plane
        </button>
        <button
          type="button"
          role="radio"
          aria-checked={lens === 'control'}
          className={lens === 'control' ? 'is-on' : ''}
          onClick={() => onLens('control')}
        >
          Control plane
        </button>
        <button
          type="button"
          className="traffic-key-toggle"
          aria-expanded={open}
          onClick={toggle}
          data-testid="legend-toggle"
          title={open ? 'Hide the colour key' : 'Show the colour key'}
          aria-label={open ? 'Hide the colour key' : 'Show the colour key'}
        >
          {open ? '▴' : 'Key ▾'}
        </button>
      </div>
      {!open ? (
        lens === 'control' && recent.length > 0 ? (
          <RecentFlows recent={recent} />
        ) : null
      ) : lens === 'data' ? (
        <div className="traffic-keys">
          {KEYS.filter((k) => k !== 'failed').map((k) => (
            <span key={k}>
              <i style={{ background: OUTCOME_COLOURS[k] }} />
              {OUTCOME_LABELS[k]}
            </span>
          ))}
        </div>
      ) : (
        <>
          <div className="traffic-keys">
            <span>
              <i className="sq" style={{ background: FLOW_KIND_COLOURS.image }} />
              image
            </span>
            <span>
              <i className="sq" style={{ background: FLOW_KIND_COLOURS.data }} />
              data
            </span>
            <span>
              <i className="sq" style={{ background: FLOW_KIND_COLOURS.model }} />
              model
            </span>
            <span>
              <i className="dia" style={{ background: FLOW_KIND_COLOURS.event }} />
              event
            </span>
          </div>
          {recent.length > 0 && <RecentFlows recent={recent} />}
        </>
      )}
    </div>
  );
}

const flowColour = (k: keyof typeof FLOW_KIND_COLOURS) => ({ color: FLOW_KIND_COLOURS[k] });

function RecentFlows({ recent }: { recent: RunView['recentFlows'] }) {
  return (
    <ol className="traffic-recent" aria-label="Latest control-plane events" data-testid="recent-flows">
      {recent
        .slice()
        .reverse()
        .map((f, i) => (
          <li key={`${f.t}:${f.from}:${f.to}:${i}`}>
            <span className="muted">{clock(f.t)}</span> <b style={flowColour(f.kind)}>{f.label}</b> {f.from}
            {f.to ? ` → ${f.to}` : ' ✕ stops here'}
          </li>
        ))}
    </ol>
  );
}
