import { useEffect, useState } from 'react';
import { useEditor, useEditorState } from '../state/context';
import { FileMenu } from './FileMenu';
import { RunControls } from '../run/RunControls';

/** The top bar: file menu, title, undo/redo, room for run controls, findings and theme toggles, help. */
export function TopBar() {
  const editor = useEditor();
  const s = useEditorState((x) => x);
  const [title, setTitle] = useState(s.doc.title ?? '');
  useEffect(() => setTitle(s.doc.title ?? ''), [s.doc.title]);
  const errors = s.findings.filter((f) => f.severity === 'error').length;
  return (
    <header className="topbar">
      <h1 className="m-0 flex items-center gap-2 pr-2 text-[18px] font-extrabold tracking-tight">
        <span className="brand-mark" aria-hidden="true">
          S
        </span>
        SageSim
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
      </div>
      <button
        type="button"
        className={`btn-ghost ${s.panels.palette || s.panels.inspector ? '' : 'is-on'}`}
        aria-pressed={!(s.panels.palette || s.panels.inspector)}
        onClick={() => editor.toggleFocus()}
        title="Hide the side panels and give the canvas the whole width (F); [ and ] toggle one side"
      >
        Focus
      </button>
      <button
        type="button"
        className={`btn-ghost ${s.showFindings ? 'is-on' : ''}`}
        aria-pressed={s.showFindings}
        onClick={() => editor.toggleFindings()}
      >
        Findings
        {s.findings.length ? (
          <span className={`count ${errors ? 'count-error' : 'count-warning'}`}>{s.findings.length}</span>
        ) : null}
      </button>
      <button
        type="button"
        className="btn-ghost"
        aria-label={`Switch to ${s.theme === 'dark' ? 'light' : 'dark'} theme`}
        title={`Switch to ${s.theme === 'dark' ? 'light' : 'dark'} theme`}
        onClick={() => editor.setTheme(s.theme === 'dark' ? 'light' : 'dark')}
      >
        {s.theme === 'dark' ? '☀' : '☾'}
      </button>
      <button
        type="button"
        className="btn-ghost"
        aria-label="Keyboard shortcuts"
        onClick={() => editor.setDialog('shortcuts')}
      >
        ?
      </button>
    </header>
  );
}
