import { defaultProps, kindDef, propsByName } from '../../catalog/kinds';
import { KindIcon } from '../icons';
import { useEditor, useEditorState, useFindings } from '../state/context';
import { PropField } from './PropField';
import { puzzleRefusal } from '../../model/puzzle';
import { useSyncedState } from '../state/synced';

/** The form of one node, generated from its kind in the catalog. */
export function NodeForm({ id }: { id: string }) {
  const editor = useEditor();
  const node = useEditorState((s) => s.doc.nodes.find((n) => n.id === id));
  const findings = useFindings();
  const doc = useEditorState((s) => s.doc);
  const [label, setLabel] = useSyncedState(node?.label ?? '', id);
  const [tags, setTags] = useSyncedState(tagsText(node?.tags), id);
  if (!node) return null;
  const def = kindDef(node.kind);
  const defaults = propsByName(defaultProps(node.kind));
  const mine = findings.filter((f) => f.node === id);
  const parent = node.parent ? editor.getState().doc.nodes.find((n) => n.id === node.parent) : null;
  return (
    <div>
      <div className="mb-3 flex items-center gap-3">
        <KindIcon kind={node.kind} size={44} />
        <div className="min-w-0">
          <h2 className="truncate text-lg font-bold leading-tight">{node.label ?? node.id}</h2>
          <p className="text-[14px] text-[var(--muted)]">
            {def.label} · <code>{node.id}</code>
          </p>
        </div>
      </div>
      <p className="mb-3 text-[14px] leading-snug">{def.description}</p>
      <p className="mb-3 text-[13px] text-[var(--muted)]">
        {parent ? (
          <>
            Inside <strong>{parent.label ?? parent.id}</strong> ({kindDef(parent.kind).label}).
          </>
        ) : def.parents.length ? (
          <>
            Not in a container (AWS-managed network). Can sit in: {def.parents.map((k) => kindDef(k).label).join(', ')}.
          </>
        ) : def.kind === 'vpc' ? (
          <>Your own network: holds subnets, and the VPC endpoints that give them private routes to AWS services.</>
        ) : def.role === 'client' ? (
          <>
            The callers (your application or users): they reach the endpoint from outside; never placed in a VPC here.
          </>
        ) : (
          <>An AWS-managed service (never inside a VPC).</>
        )}
      </p>
      {mine.length > 0 && (
        <ul className="mb-3 space-y-2" aria-label="Findings on this node">
          {mine.map((f, i) => (
            <li key={i} className={`finding finding-${f.severity}`}>
              <strong>{f.rule}</strong>: {f.message}
            </li>
          ))}
        </ul>
      )}
      <div className="mb-3">
        <label htmlFor={`f-${id}-label`} className="mb-1 block text-[14px] font-semibold">
          Name on canvas
        </label>
        <input
          id={`f-${id}-label`}
          className="field w-full"
          value={label}
          placeholder={node.id}
          onChange={(e) => {
            setLabel(e.target.value);
            editor.run('setLabel', { id, label: e.target.value }, { coalesce: `${id}.label` });
          }}
          onBlur={() => editor.seal()}
        />
      </div>
      <div className="mb-3">
        <label htmlFor={`f-${id}-tags`} className="mb-1 block text-[14px] font-semibold">
          Cost allocation tags
        </label>
        <textarea
          id={`f-${id}-tags`}
          className="field w-full"
          rows={2}
          value={tags}
          placeholder={'team=fraud\nproject=churn'}
          aria-describedby={`f-${id}-tags-help`}
          onChange={(e) => {
            setTags(e.target.value);
            editor.run('setTags', { id, tags: parseTags(e.target.value) }, { coalesce: `${id}.tags` });
          }}
          onBlur={() => editor.seal()}
        />
        <p id={`f-${id}-tags-help`} className="text-[13px] text-[var(--muted)]">
          One key=value a line. Activated as cost allocation tags, they group the bill in Cost Explorer and Budgets; the
          Cost panel sums the run's cost by each key.
        </p>
      </div>
      {(() => {
        // In a puzzle, say in text (not only on hover) which settings are locked and why.
        const names = Object.keys(def.props);
        const locked = names.filter((name) => puzzleRefusal(doc, 'setProp', { id, name }));
        if (!locked.length) return null;
        const open = names.filter((n) => !locked.includes(n)).map((n) => def.props[n].label.toLowerCase());
        return (
          <p className="locked-note" data-testid="locked-note">
            <strong>Locked by the puzzle:</strong>{' '}
            {locked.length === names.length
              ? 'every setting here'
              : `${locked.length} of ` + `${names.length} settings`}{' '}
            (greyed, hatched) {locked.length === 1 ? 'is' : 'are'} the scenario and stay as they are.
            {open.length ? ` You can change: ${open.join(', ')}.` : ' The fix is elsewhere.'}
          </p>
        );
      })()}
      {Object.entries(def.props).map(([name, p]) => {
        const field = (
          <PropField
            key={`${id}.${name}`}
            nodeId={id}
            name={name}
            def={p}
            value={node.props?.[name] ?? defaults[name]}
          />
        );
        // In a puzzle, a locked node's props are the scenario: shown, not editable (the guard would refuse).
        const why = puzzleRefusal(doc, 'setProp', { id, name });
        return why ? (
          <fieldset
            key={`${id}.${name}`}
            disabled
            className="prop-locked"
            title={why}
            data-testid={`locked-${id}-${name}`}
          >
            {field}
          </fieldset>
        ) : (
          field
        );
      })}
      <button type="button" className="btn btn-danger mt-2" onClick={() => editor.run('removeNodes', { ids: [id] })}>
        Delete {def.container ? 'with contents' : 'node'}
      </button>
    </div>
  );
}

/** Tags as the inspector shows them: one key=value a line. */
export const tagsText = (tags: Record<string, string> | undefined): string =>
  Object.entries(tags ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');

/**
 * The inspector's tag lines as a map: `key=value` (the first "=" splits), a line without "=" is a key with no value.
 */
export function parseTags(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const i = line.indexOf('=');
    const key = (i < 0 ? line : line.slice(0, i)).trim();
    if (key) out[key] = i < 0 ? '' : line.slice(i + 1).trim();
  }
  return out;
}
