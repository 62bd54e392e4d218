import { useEditor, useEditorState } from '../state/context';
import { presenterStore } from './store';

/** Above the inspector when a demo is open: its script at a glance and the way into presenter mode. */
export function DemoBar() {
  const editor = useEditor();
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
        onClick={() => presenterStore(editor).start()}
        data-testid="present"
      >
        ▶ Present full screen
      </button>
      <p className="mt-2 text-[13px] text-[var(--muted)]">→ and ← step through the narration; Esc leaves.</p>
    </section>
  );
}
