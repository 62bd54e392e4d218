import { lazy, Suspense } from 'react';
import { useRun, useRunState } from './context';
import { CostPanel } from './CostPanel';
import { EventLog } from './EventLog';
import { FaultMenu } from './FaultMenu';
import type { DockTab } from './store';
import { TracePanel } from './TracePanel';
import { WhyPanel } from './WhyPanel';

const Charts = lazy(() => import('./Charts').then((m) => ({ default: m.Charts })));

const TABS: { id: DockTab; label: string }[] = [
  { id: 'events', label: 'Events' }, { id: 'why', label: 'Why?' }, { id: 'charts', label: 'Charts' }, { id: 'cost', label: 'Cost' }, { id: 'traces', label: 'Traces' },
];

/** The run panel under the canvas: events, why?, charts, cost and request traces; seed and report export. */
export function RunDock() {
  const run = useRun();
  const dock = useRunState((v) => v.dock);
  const total = useRunState((v) => v.logTotal);
  const errors = useRunState((v) => v.logCounts.error);
  const cost = useRunState((v) => v.costUSD);
  const seed = useRunState((v) => v.seed);
  const status = useRunState((v) => v.status);
  return (
    <section className={`run-dock ${dock ? 'is-open' : ''}`} aria-label="Run panel" data-testid="run-dock">
      <div className="run-tabs">
        <div className="run-tablist" role="tablist" aria-label="Run views">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={dock === t.id} className={`run-tab ${dock === t.id ? 'is-on' : ''}`}
            onClick={() => run.setDock(dock === t.id ? null : t.id)}>
            {t.label}
            {t.id === 'events' && total > 0 && <span className={`count ${errors ? 'count-error' : 'count-info'}`}>{total > 9999 ? `${Math.round(total / 1000)}k` : total}</span>}
            {t.id === 'cost' && cost > 0 && <span className="run-tab-note">${cost.toFixed(cost >= 100 ? 0 : 2)}</span>}
          </button>
        ))}
        </div>
        <span className="flex-1" />
        <label className="run-seed">Seed
          <input className="field" type="number" min={0} max={4294967295} value={seed} aria-label="Seed"
            onChange={(e) => { const v = e.target.value === '' ? undefined : Number(e.target.value); if (v === undefined || (Number.isInteger(v) && v >= 0 && v < 2 ** 32)) run.setSeed(v); }} />
        </label>
        <button type="button" className="btn-ghost" onClick={() => void run.exportReport()} title="The report of this file and seed, byte for byte what `npm run sim -- FILE --json` prints">Export report</button>
        {dock && <button type="button" className="btn-ghost" aria-label="Close the run panel" onClick={() => run.setDock(null)}>▾</button>}
      </div>
      {dock && (
        <div className="run-pane" role="tabpanel" data-status={status}>
          {dock === 'events' && <EventLog />}
          {dock === 'why' && <WhyPanel />}
          {dock === 'charts' && <Suspense fallback={<p className="run-empty">Loading charts…</p>}><Charts /></Suspense>}
          {dock === 'cost' && <CostPanel />}
          {dock === 'traces' && <TracePanel />}
        </div>
      )}
      <FaultMenu />
    </section>
  );
}
