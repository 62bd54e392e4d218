import { useEditorState, useWorkspace } from '../state/context';

/** Above the inspector when a demo is open: its script at a glance and the way into presenter mode. */
export function DemoBar() {
  const ws = useWorkspace();
  const script = useEditorState((s) => s.doc.script);
  if (!script?.length) return null;
  return (
    <section className="demo-bar" aria-label="Classroom demo">
      <p className="pz-domain">
        Classroom demo · {script.length} steps · {script.filter((s) => s.ask).length} questions
      </p>
      <button
        type="button"
        className="btn-primary mt-2 w-full justify-center"
        onClick={() => ws.presenter.start()}
        data-testid="present"
      >
        ▶ Present full screen
      </button>
      <p className="mt-2 text-[13px] text-[var(--muted)]">→ and ← step through the narration; Esc leaves.</p>
    </section>
  );
}
