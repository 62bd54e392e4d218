import type { ReactNode } from 'react';
import type { Domain } from '../../catalog/types';
import { DOMAIN_NAMES } from '../../model/puzzle';
import { useStore } from '../state/store';
import type { Draft } from './build';
import { GoalPicker } from './GoalPicker';
import { LocksPalette } from './LocksPalette';
import type { MakerStore } from './store';
import { TestExport } from './TestExport';

function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <section className="pz-block" aria-labelledby={`mk-${n}`}>
      <h3 id={`mk-${n}`} className="pz-h">
        <span>
          <span className="mk-n">{n}</span>
          {title}
        </span>
      </h3>
      {children}
    </section>
  );
}

/** Make a puzzle from the sandbox, step by step. */
export function MakerPanel({ store }: { store: MakerStore }) {
  const st = useStore(store, (s) => s);
  const d = st.draft;
  const hint = (i: number, v: string) =>
    store.edit({ hints: d.hints.map((h, j) => (j === i ? v : h)) as Draft['hints'] });
  const sol = st.solution;
  return (
    <section className="pz" aria-label="Make a puzzle" data-testid="maker">
      <div className="flex items-center justify-between">
        <h2 className="pz-title">Make a puzzle</h2>
        <button type="button" className="btn-ghost" onClick={() => store.close()} aria-label="Close the puzzle maker">
          ✕
        </button>
      </div>
      <p className="pz-note">
        Build the broken design on the canvas, capture it, then fix it and capture the fix: the difference is the
        solution.
      </p>
      <Step n={1} title="The story">
        <label className="mk-label" htmlFor="mk-title">
          Title
        </label>
        <input
          id="mk-title"
          className="field w-full"
          value={d.title}
          onChange={(e) => store.edit({ title: e.target.value })}
        />
        <label className="mk-label" htmlFor="mk-domain">
          Exam domain
        </label>
        <select
          id="mk-domain"
          className="field w-full"
          value={d.domain}
          onChange={(e) => store.edit({ domain: e.target.value as Domain | '' })}
        >
          <option value="">Choose…</option>
          {(Object.keys(DOMAIN_NAMES) as Domain[]).map((k) => (
            <option key={k} value={k}>
              {k} · {DOMAIN_NAMES[k]}
            </option>
          ))}
        </select>
        <label className="mk-label" htmlFor="mk-story">
          Story (a team, a symptom, a deadline)
        </label>
        <textarea
          id="mk-story"
          rows={4}
          className="field w-full"
          value={d.story}
          onChange={(e) => store.edit({ story: e.target.value })}
        />
      </Step>
      <Step n={2} title="The broken design">
        <button
          type="button"
          className="btn"
          onClick={() => void store.captureBroken()}
          disabled={!!st.busy}
          data-testid="capture-broken"
        >
          Capture the canvas as broken
        </button>
        {st.broken && (
          <p className="pz-note">
            Captured: {st.broken.nodes.length} components.{' '}
            <button type="button" className="mk-link" onClick={() => store.restoreBroken()}>
              Put it back on the canvas
            </button>
          </p>
        )}
        {st.busy && (
          <p className="pz-note" role="status">
            {st.busy}
          </p>
        )}
        {st.error && (
          <p className="pz-error" role="alert">
            {st.error}
          </p>
        )}
      </Step>
      {st.broken && st.report && (
        <>
          <Step n={3} title="The goal">
            <GoalPicker store={store} goal={d.goal} report={st.report} broken={st.broken} />
          </Step>
          <Step n={4} title="Three hints, vague to precise">
            {d.hints.map((h, i) => (
              <textarea
                key={i}
                rows={2}
                className="field mb-2 w-full"
                aria-label={`Hint ${i + 1}`}
                value={h}
                onChange={(e) => hint(i, e.target.value)}
              />
            ))}
          </Step>
          <Step n={5} title="The fix">
            <p className="pz-note">Fix the design on the canvas now, then:</p>
            <button type="button" className="btn" onClick={() => store.captureFixed()} data-testid="capture-fixed">
              Capture the canvas as fixed
            </button>
            {sol && (
              <p className="pz-note" data-testid="solution-summary">
                Solution:{' '}
                {[
                  sol.addNodes?.length && `add ${sol.addNodes.length} component(s)`,
                  sol.removeNodes?.length && `remove ${sol.removeNodes.length}`,
                  sol.setProps && `change settings of ${Object.keys(sol.setProps).length}`,
                  sol.setParent && `move ${Object.keys(sol.setParent).length}`,
                  sol.addEdges?.length && `connect ${sol.addEdges.length}`,
                  sol.removeEdges?.length && `disconnect ${sol.removeEdges.length}`,
                ]
                  .filter(Boolean)
                  .join(', ')}
                .
              </p>
            )}
          </Step>
          <Step n={6} title="Locks and palette">
            <LocksPalette store={store} draft={d} broken={st.broken} />
          </Step>
          <Step n={7} title="Test and share">
            <TestExport store={store} />
          </Step>
        </>
      )}
    </section>
  );
}
