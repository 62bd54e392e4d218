import { useEditor, useEditorState, useFindings, useUi, useUiState } from '../state/context';
import { FileMenu } from './FileMenu';
import { RunControls } from '../run/RunControls';
import { RulebookSwitch } from '../run/RulebookSwitch';
import { useSyncedState } from '../state/synced';

/** The top bar: file menu, title, undo/redo, room for run controls, findings and theme toggles, help. */
export function TopBar() {
  const editor = useEditor();
  const ui = useUi();
  const s = useEditorState((x) => x);
  const view = useUiState((x) => x);
  const findings = useFindings();
  const [title, setTitle] = useSyncedState(s.doc.title ?? '');
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <header className="topbar">
      <h1 className="m-0 flex items-center gap-2 pr-2 text-[18px] font-extrabold tracking-tight">
        <span className="brand-mark" aria-hidden="true">
          S
        </span>
        <span className="brand-word">SageSim</span>
      </h1>
      <FileMenu />
      <label htmlFor="doc-title" className="sr-only">
        Architecture title
      </label>
      <input
        id="doc-title"
        className="title-input"
        value={title}
        title={title || undefined}
        placeholder="Untitled architecture"
        onChange={(e) => {
          setTitle(e.target.value);
          editor.run('setDocField', { field: 'title', value: e.target.value }, { coalesce: 'doc.title' });
        }}
        onBlur={() => editor.seal()}
      />
      <div className="flex items-center gap-1" role="group" aria-label="History">
        <button
          type="button"
          className="btn-ghost"
          onClick={() => editor.undo()}
          disabled={!s.canUndo}
          title={s.undoLabel ? `Undo ${s.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
          aria-label="Undo"
        >
          ↶<span className="wide-only"> Undo</span>
        </button>
        <button
          type="button"
          className="btn-ghost"
          onClick={() => editor.redo()}
          disabled={!s.canRedo}
          title={s.redoLabel ? `Redo ${s.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
          aria-label="Redo"
        >
          ↷<span className="wide-only"> Redo</span>
        </button>
      </div>
      <div id="run-controls" className="flex flex-1 items-center justify-center gap-2">
        <RunControls />
        <RulebookSwitch />
      </div>
      <button
        type="button"
        className={`btn-ghost ${view.panels.palette || view.panels.inspector ? '' : 'is-on'}`}
        aria-pressed={!(view.panels.palette || view.panels.inspector)}
        onClick={() => ui.toggleFocus()}
        title="Hide the side panels and give the canvas the whole width (F); [ and ] toggle one side"
        aria-label="Focus"
      >
        <span aria-hidden="true">◧</span>
        <span className="wide-only"> Focus</span>
      </button>
      <button
        type="button"
        className={`btn-ghost ${view.showFindings ? 'is-on' : ''}`}
        aria-pressed={view.showFindings}
        onClick={() => ui.toggleFindings()}
        title="Show or hide the findings list"
        aria-label={findings.length ? `Findings (${findings.length})` : 'Findings'}
      >
        <span aria-hidden="true">⚠</span>
        <span className="wide-only"> Findings</span>
        {findings.length ? (
          <span className={`count ${errors ? 'count-error' : 'count-warning'}`}>{findings.length}</span>
        ) : null}
      </button>
      <button
        type="button"
        className="btn-ghost"
        aria-label={`Switch to ${view.theme === 'dark' ? 'light' : 'dark'} theme`}
        title={`Switch to ${view.theme === 'dark' ? 'light' : 'dark'} theme`}
        onClick={() => ui.setTheme(view.theme === 'dark' ? 'light' : 'dark')}
      >
        {view.theme === 'dark' ? '☀' : '☾'}
      </button>
      <button
        type="button"
        className="btn-ghost"
        aria-label="Keyboard shortcuts"
        onClick={() => ui.setDialog('shortcuts')}
      >
        ?
      </button>
    </header>
  );
}
