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
      {!!doc.budgets?.length && <BudgetFields />}
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

/**
 * The document's AWS Budgets: each budget's limit (USD over the simulated period) is editable, except in a puzzle,
 * where
 * the budget is part of the story (locked, and the grader uses the puzzle's own).
 */
function BudgetFields() {
  const editor = useEditor();
  const budgets = useEditorState((s) => s.doc.budgets ?? []);
  const locked = useEditorState((s) => s.doc.mode === 'puzzle');
  return (
    <fieldset className="mb-3" data-testid="budget-fields">
      <legend className="mb-1 text-[14px] font-semibold">Budgets (AWS Budgets)</legend>
      {budgets.map((b, i) => (
        <div key={`${i}-${b.name}`} className={`mb-2${locked ? ' prop-locked' : ''}`}>
          <label htmlFor={`budget-${i}`} className="mb-1 block text-[14px]">
            <span>
              {b.name}
              {b.tag ? <span className="text-[var(--muted)]"> · tag {b.tag}</span> : null}
            </span>
            <span className="text-[var(--muted)]"> · limit in USD</span>
          </label>
          <input
            id={`budget-${i}`}
            type="number"
            min={0.01}
            step={0.01}
            className="field w-full"
            value={b.limitUSD}
            disabled={locked}
            title={locked ? "The puzzle's budget is part of its story" : undefined}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (e.target.value !== '' && v > 0)
                editor.run('setBudgetLimit', { index: i, limitUSD: v }, { coalesce: `doc.budget.${i}` });
            }}
            onBlur={() => editor.seal()}
          />
          <p className="text-[13px] text-[var(--muted)]">Alerts at {b.thresholds.map((t) => `${t}%`).join(', ')}</p>
        </div>
      ))}
    </fieldset>
  );
}
