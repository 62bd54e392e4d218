import { useEditor, useEditorState } from '../state/context';
import { useSyncedState } from '../state/synced';

/** When nothing is selected: the document's own fields and how to get going. */
export function DocForm() {
  const editor = useEditor();
  const doc = useEditorState((s) => s.doc);
  const [desc, setDesc] = useSyncedState(doc.description ?? '');
  const num = (field: 'durationSec', label: string, unit: string, dflt: number) => (
    <div className="mb-3">
      <label htmlFor={`doc-${field}`} className="mb-1 flex justify-between text-[14px] font-semibold">
        {label}
        <span className="font-normal text-[var(--muted)]">{unit}</span>
      </label>
      <input
        id={`doc-${field}`}
        type="number"
        className="field w-full"
        value={doc[field] ?? ''}
        placeholder={String(dflt)}
        onChange={(e) =>
          editor.run(
            'setDocField',
            { field, value: e.target.value === '' ? undefined : Number(e.target.value) },
            { coalesce: `doc.${field}` },
          )
        }
        onBlur={() => editor.seal()}
      />
    </div>
  );
  return (
    <div>
      <h2 className="mb-1 text-lg font-bold">Architecture</h2>
      <p className="mb-4 text-[14px] text-[var(--muted)]">
        {doc.nodes.length} nodes · {(doc.edges ?? []).length} connections. Select a node to edit it.
      </p>
      <div className="mb-3">
        <label htmlFor="doc-description" className="mb-1 block text-[14px] font-semibold">
          Description
        </label>
        <textarea
          id="doc-description"
          rows={4}
          className="field w-full"
          value={desc}
          onChange={(e) => {
            setDesc(e.target.value);
            editor.run('setDocField', { field: 'description', value: e.target.value }, { coalesce: 'doc.description' });
          }}
          onBlur={() => editor.seal()}
        />
      </div>
      {num('durationSec', 'Simulated duration', 's', 3600)}
      <h3 className="mb-1 mt-5 font-bold">Getting started</h3>
      <ol className="list-decimal space-y-1 pl-5 text-[14px] leading-snug">
        <li>Drag a component from the left onto the canvas.</li>
        <li>Drop jobs inside a subnet to run them in your VPC.</li>
        <li>Connect nodes from the right-hand dot to the left-hand dot.</li>
        <li>Watch the findings panel: it checks the design as you edit.</li>
        <li>
          Press <kbd>?</kbd> for every keyboard shortcut.
        </li>
      </ol>
    </div>
  );
}
