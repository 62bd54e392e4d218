import { useEffect } from 'react';
import { useWorkspace } from '../state/context';
import { useStore } from '../state/store';
import { Diagram } from './Diagram';
import { clock } from './frames';
import { LivePanel } from './LivePanel';
import { Poll } from './Poll';
import type { PresenterStore } from './store';
import './presenter.css';

/**
 * Keys while presenting: → / Space / PageDown next, ← / PageUp back, Home first, Escape leaves. Nothing reaches the
 * editor.
 */
function useKeys(store: PresenterStore) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = e.key;
      if (k === 'Tab') return;
      e.stopImmediatePropagation();
      e.preventDefault();
      if (k === 'ArrowRight' || k === ' ' || k === 'PageDown' || k === 'Enter') store.next();
      else if (k === 'ArrowLeft' || k === 'PageUp' || k === 'Backspace') store.prev();
      else if (k === 'Home') store.goto(0);
      else if (k === 'Escape') store.stop();
    };
    const onFs = () => {
      if (!document.fullscreenElement) store.stop();
    };
    addEventListener('keydown', onKey, true);
    document.addEventListener('fullscreenchange', onFs);
    void document.documentElement.requestFullscreen?.().catch(() => {});
    return () => {
      removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFs);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, [store]);
}

function Stage({ store }: { store: PresenterStore }) {
  const st = useStore(store, (s) => s);
  useKeys(store);
  const doc = st.doc!;
  const frame = st.frames[st.index];
  const step = doc.script![frame.step];
  const asking = frame.phase === 'ask';
  const last = st.index === st.frames.length - 1;
  return (
    <div
      className="presenter"
      role="dialog"
      aria-modal="true"
      aria-label={`Presenting ${doc.title ?? 'demo'}`}
      data-testid="presenter"
    >
      <header className="pr-head">
        <h2>{doc.title}</h2>
        <span className="pr-step" data-testid="presenter-step">
          Step {st.index + 1} / {st.frames.length}
        </span>
        <span className="pr-clock" aria-label="Simulated time">
          t = {clock(frame.atSec)}
          {st.live ? ' · paused' : ' · running…'}
        </span>
        <span className="pr-keys">
          <kbd>←</kbd> <kbd>→</kbd> step · <kbd>Esc</kbd> leave
        </span>
        <button
          type="button"
          className="pr-btn"
          onClick={() => store.prev()}
          disabled={st.index === 0}
          aria-label="Previous step"
        >
          ←
        </button>
        <button type="button" className="pr-btn" onClick={() => store.next()} disabled={last} aria-label="Next step">
          →
        </button>
        <button type="button" className="pr-btn" onClick={() => store.stop()} aria-label="Leave presenter mode">
          ✕
        </button>
      </header>
      <div className="pr-body">
        <div className="pr-diagram">
          <Diagram doc={doc} focus={step.focus} live={st.live?.nodes ?? {}} />
        </div>
        <LivePanel doc={doc} live={st.live} />
      </div>
      <footer className={`pr-caption ${asking ? 'is-ask' : ''}`} aria-live="polite" data-testid="presenter-caption">
        {asking ? (
          <>
            <p className="pr-label">What happens next?</p>
            <p className="pr-text">{step.ask}</p>
            {step.options && <Poll key={st.index} options={step.options} answer={step.answer} />}
          </>
        ) : (
          <>
            {step.fault && (
              <p className="pr-label">
                ⚡ {String(step.fault.kind)} on {String(step.fault.node ?? '')}
              </p>
            )}
            <p className="pr-text">{step.say ?? ''}</p>
          </>
        )}
        {st.error && <p className="pr-label">The run failed: {st.error}</p>}
        {last && !asking && <p className="pr-end">End of the demo · Esc to leave</p>}
      </footer>
    </div>
  );
}

/** Presenter mode over the whole page while on. */
export function Presenter() {
  const store = useWorkspace().presenter;
  const on = useStore(store, (s) => s.on);
  return on ? <Stage store={store} /> : null;
}
