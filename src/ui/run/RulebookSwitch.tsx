import { useEditor, useEditorState } from '../state/context';

/** The one sentence that explains the switch (its tooltip and its accessible description). */
export const RULEBOOK_HELP =
  'Exam sheet runs the design as the MLA-C01 cheat sheet says; AWS docs runs it as AWS documentation says ' +
  'where the two differ (ECR pulls, logs endpoints, monitor baselines).';

/**
 * The rulebook switch beside the run controls: "Exam sheet" or "AWS docs". It is the document's `rulebook`
 * field (format.md section 7), so each document remembers its own choice (autosave, export, share links) and
 * changing it is one undoable edit that restarts the run.
 */
export function RulebookSwitch() {
  const editor = useEditor();
  const rulebook = useEditorState((s) => s.doc.rulebook ?? 'sheet');
  const set = (value: 'sheet' | 'aws') => {
    if (value !== rulebook) editor.run('setDocField', { field: 'rulebook', value });
  };
  return (
    <div
      className="rulebook-switch"
      role="group"
      aria-label="Rulebook"
      aria-describedby="rulebook-help"
      title={RULEBOOK_HELP}
      data-testid="rulebook-switch"
    >
      {(
        [
          ['sheet', 'Exam sheet'],
          ['aws', 'AWS docs'],
        ] as const
      ).map(([value, label]) => (
        <button
          key={value}
          type="button"
          className={`rulebook-opt ${rulebook === value ? 'is-on' : ''}`}
          aria-pressed={rulebook === value}
          onClick={() => set(value)}
        >
          {label}
        </button>
      ))}
      <span id="rulebook-help" className="sr-only">
        {RULEBOOK_HELP}
      </span>
    </div>
  );
}
