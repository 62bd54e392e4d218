import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { LIMITS, isSeed } from '../../catalog/limits';
import { useRun, useRunState } from './context';
import { useEditor } from '../state/context';
import { FaultMenu } from './FaultMenu';
import { DOCK_HEIGHT_KEY, type DockTab } from './store';

// the panels load when first opened, not with the first screen (the why? panel and the traces bring the rule
// catalog's prose)
const Charts = lazy(() => import('./Charts').then((m) => ({ default: m.Charts })));
const EventLog = lazy(() => import('./EventLog').then((m) => ({ default: m.EventLog })));
const WhyPanel = lazy(() => import('./WhyPanel').then((m) => ({ default: m.WhyPanel })));
const CostPanel = lazy(() => import('./CostPanel').then((m) => ({ default: m.CostPanel })));
const TracePanel = lazy(() => import('./TracePanel').then((m) => ({ default: m.TracePanel })));
const ExperimentsPanel = lazy(() => import('./ExperimentsPanel').then((m) => ({ default: m.ExperimentsPanel })));

const TABS: { id: DockTab; label: string }[] = [
  { id: 'events', label: 'Events' },
  { id: 'why', label: 'Why?' },
  { id: 'charts', label: 'Charts' },
  { id: 'cost', label: 'Cost' },
  { id: 'experiments', label: 'Experiments' },
  { id: 'traces', label: 'Traces' },
];

/**
 * The tab a key moves to from tab `i` (the WAI-ARIA tabs pattern: ← → wrap around, Home and End), or null for
 * any other key.
 */
function tabKey(key: string, i: number): number | null {
  if (i < 0) return null;
  if (key === 'ArrowRight') return (i + 1) % TABS.length;
  if (key === 'ArrowLeft') return (i - 1 + TABS.length) % TABS.length;
  if (key === 'Home') return 0;
  if (key === 'End') return TABS.length - 1;
  return null;
}

/** Smallest height of the open panel, and the share of the window it may take at most. */
const MIN_H = 120;
const MAX_SHARE = 0.7;
/** The open panel's default height: the canvas keeps at least ~55% of the window (236 px at 720 px). */
const defaultHeight = () => Math.round(Math.max(MIN_H, Math.min(236, window.innerHeight * 0.33)));
const clampH = (h: number) => Math.round(Math.max(MIN_H, Math.min(window.innerHeight * MAX_SHARE, h)));

function readHeight(): number {
  try {
    const v = Number(localStorage.getItem(DOCK_HEIGHT_KEY));
    return v > 0 ? clampH(v) : defaultHeight();
  } catch {
    return defaultHeight();
  }
}
function saveHeight(h: number): void {
  try {
    localStorage.setItem(DOCK_HEIGHT_KEY, String(h));
  } catch {
    /* blocked */
  }
}

/** The top edge of the open panel: drag it (or focus it and press ↑ / ↓) to resize; double-click for the default. */
function ResizeEdge({ height, onHeight }: { height: number; onHeight: (h: number, save: boolean) => void }) {
  const drag = useRef<{ y: number; h: number } | null>(null);
  return (
    <div
      className="run-resize"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the run panel"
      tabIndex={0}
      aria-valuenow={height}
      aria-valuemin={MIN_H}
      aria-valuemax={Math.round(window.innerHeight * MAX_SHARE)}
      data-testid="dock-resize"
      title="Drag to resize the run panel (double-click: default height)"
      onPointerDown={(e) => {
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { y: e.clientY, h: height };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (d) onHeight(clampH(d.h + d.y - e.clientY), false);
      }}
      onPointerUp={(e) => {
        const d = drag.current;
        drag.current = null;
        if (d) onHeight(clampH(d.h + d.y - e.clientY), true);
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
      onDoubleClick={() => onHeight(defaultHeight(), true)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
          e.preventDefault();
          onHeight(clampH(height + (e.key === 'ArrowUp' ? 24 : -24)), true);
        }
      }}
    />
  );
}

/**
 * The why? panel opens tall enough to show its first screen (the incident, the fact, the fix) at once: at least
 * 420 px or half the window, whichever is less; the charts tall enough for a row of charts with two-line titles and
 * their time axis (270 px, or 40% of the window); the height the user chose is kept for the other tabs.
 */
const shownHeight = (dock: DockTab, h: number) =>
  dock === 'why'
    ? Math.max(h, clampH(Math.min(420, window.innerHeight * 0.5)))
    : dock === 'charts'
      ? Math.max(h, clampH(Math.min(270, window.innerHeight * 0.4)))
      : h;

/** The run panel under the canvas: events, why?, charts, cost, experiments, request traces; seed and report export. */
export function RunDock() {
  const [height, setHeight] = useState(readHeight);
  useEffect(() => {
    const onResize = () => setHeight((h) => clampH(h));
    addEventListener('resize', onResize);
    return () => removeEventListener('resize', onResize);
  }, []);
  const run = useRun();
  const editor = useEditor();
  const dock = useRunState((v) => v.dock);
  const total = useRunState((v) => v.logTotal);
  const errors = useRunState((v) => v.logCounts.error);
  const cost = useRunState((v) => v.costUSD);
  const seed = useRunState((v) => v.seed);
  const status = useRunState((v) => v.status);
  return (
    <section
      className={`run-dock ${dock ? 'is-open' : ''}`}
      aria-label="Run panel"
      data-testid="run-dock"
      style={dock ? { height: shownHeight(dock, height) } : undefined}
    >
      {dock && (
        <ResizeEdge
          height={height}
          onHeight={(h, save) => {
            setHeight(h);
            if (save) saveHeight(h);
          }}
        />
      )}
      <div className="run-tabs">
        <div
          className="run-tablist"
          role="tablist"
          aria-label="Run views"
          data-testid="run-tablist"
          onKeyDown={(e) => {
            const to = tabKey(
              e.key,
              TABS.findIndex((t) => t.id === (e.target as HTMLElement).dataset.tab),
            );
            if (to === null) return;
            e.preventDefault();
            run.setDock(TABS[to].id);
            e.currentTarget.querySelector<HTMLElement>(`[data-tab="${TABS[to].id}"]`)?.focus();
          }}
        >
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              data-tab={t.id}
              aria-selected={dock === t.id}
              className={`run-tab ${dock === t.id ? 'is-on' : ''}`}
              onClick={() => run.setDock(t.id)}
            >
              {t.label}
              {t.id === 'events' && total > 0 && (
                <span className={`count ${errors ? 'count-error' : 'count-info'}`}>
                  {total > 9999 ? `${Math.round(total / 1000)}k` : total}
                </span>
              )}
              {t.id === 'cost' && cost > 0 && (
                <span className="run-tab-note">${cost.toFixed(cost >= 100 ? 0 : 2)}</span>
              )}
            </button>
          ))}
        </div>
        <span className="run-tabs-gap" />
        <label className="run-seed">
          <span className="run-seed-label">Seed</span>
          <input
            className="field"
            type="number"
            min={0}
            max={LIMITS.seedMax}
            value={seed}
            aria-label="Seed"
            title="The run's random seed, saved in the file: the same seed gives the same run"
            onChange={(e) => {
              const v = e.target.value === '' ? undefined : Number(e.target.value);
              // the one seed: the document's (what the file, the runner and the report use)
              if (v === undefined || isSeed(v))
                editor.run('setDocField', { field: 'seed', value: v }, { coalesce: 'doc.seed' });
            }}
            onBlur={() => editor.seal()}
          />
        </label>
        <button
          type="button"
          className="btn-ghost run-export"
          aria-label="Export report"
          onClick={() => void run.exportReport()}
          title="The report of this file and seed, byte for byte what `npm run sim -- FILE --json` prints"
        >
          <svg className="run-export-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path
              d="M8 2v8M4.5 6.5 8 10l3.5-3.5M2.5 11v2.5h11V11"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
            />
          </svg>
          <span className="run-export-word">
            Export<span className="run-export-more"> report</span>
          </span>
        </button>
        <button
          type="button"
          className="btn-ghost run-collapse"
          aria-label={dock ? 'Collapse the run panel' : 'Expand the run panel'}
          aria-expanded={!!dock}
          data-testid="dock-toggle"
          onClick={() => run.toggleDock()}
          title={dock ? 'Collapse to the tab row' : 'Open the run panel'}
        >
          {dock ? '▾' : '▴'}
        </button>
      </div>
      {dock && (
        <div className="run-pane" role="tabpanel" data-status={status}>
          <Suspense fallback={<p className="run-empty">Loading {dock === 'why' ? 'why?' : dock}…</p>}>
            {dock === 'events' && <EventLog />}
            {dock === 'why' && <WhyPanel />}
            {dock === 'charts' && <Charts />}
            {dock === 'cost' && <CostPanel />}
            {dock === 'experiments' && <ExperimentsPanel />}
            {dock === 'traces' && <TracePanel />}
          </Suspense>
        </div>
      )}
      <FaultMenu />
    </section>
  );
}
