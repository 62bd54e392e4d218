import { useUi, useUiState } from '../state/context';
import { KEPT_ASIDE_PREFIX, download } from '../state/persist';

/** Toasts (at the pointer when they answer a gesture) and the banner (load errors, a save kept aside). */
export function Toasts() {
  const ui = useUi();
  const toasts = useUiState((s) => s.toasts);
  const floating = toasts.filter((t) => t.x !== undefined);
  const docked = toasts.filter((t) => t.x === undefined);
  return (
    <>
      {floating.map((t) => (
        <div
          key={t.id}
          role="alert"
          className={`toast toast-${t.tone} toast-pointer`}
          data-testid="pointer-toast"
          style={{ left: Math.min(t.x! + 14, innerWidth - 380), top: Math.min(t.y! + 14, innerHeight - 120) }}
          onClick={() => ui.dismissToast(t.id)}
        >
          {t.text}
        </div>
      ))}
      <div className="toast-dock" aria-live="polite">
        {docked.map((t) => (
          <div
            key={t.id}
            role={t.tone === 'error' ? 'alert' : 'status'}
            className={`toast toast-${t.tone}`}
            onClick={() => ui.dismissToast(t.id)}
          >
            {t.text}
          </div>
        ))}
      </div>
    </>
  );
}

export function Banner() {
  const ui = useUi();
  const b = useUiState((s) => s.banner);
  if (!b) return null;
  const keptKey = b.lines.find((l) => l.startsWith(KEPT_ASIDE_PREFIX));
  return (
    <div role="alert" className={`banner banner-${b.tone}`} data-testid="banner">
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{b.title}</p>
        <ul className="mt-1 max-h-32 overflow-y-auto font-mono text-[14px]">
          {b.lines.slice(0, 20).map((l, i) => (
            <li key={i}>{l}</li>
          ))}
          {b.lines.length > 20 && <li>… and {b.lines.length - 20} more</li>}
        </ul>
      </div>
      {b.actions?.map((a) => (
        <button
          key={a.label}
          type="button"
          className="btn"
          onClick={() => {
            ui.setBanner(null);
            a.run();
          }}
        >
          {a.label}
        </button>
      ))}
      {keptKey && (
        <button
          type="button"
          className="btn"
          onClick={() => download('kept-aside-autosave.json', localStorage.getItem(keptKey) ?? '')}
        >
          Download the kept-aside save
        </button>
      )}
      <button type="button" className="btn" onClick={() => ui.setBanner(null)}>
        Dismiss
      </button>
    </div>
  );
}
