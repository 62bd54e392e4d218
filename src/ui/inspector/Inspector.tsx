import { Suspense, lazy } from 'react';
import { checkEdge } from '../../catalog/edges';
import { kindDef } from '../../catalog/kinds';
import { useEditor, useEditorState } from '../state/context';
import { DocForm } from './DocForm';

// the node's form (its prop fields) loads when a node is first selected, not with the first screen
const NodeForm = lazy(() => import('./NodeForm').then((m) => ({ default: m.NodeForm })));

/** The right-hand panel: the selected node's form, the selected connection, or the document. */
export function Inspector() {
  const selection = useEditorState((s) => s.selection);
  const edgeSelection = useEditorState((s) => s.edgeSelection);
  return (
    <aside className="flex h-full flex-col" aria-label="Inspector">
      <div className="min-h-0 flex-1 overflow-y-auto p-4">
        {selection.length === 1 ? (
          <Suspense fallback={<p className="text-[var(--muted)]">Loading…</p>}>
            <NodeForm id={selection[0]} />
          </Suspense>
        ) : selection.length > 1 ? (
          <Multi count={selection.length} />
        ) : edgeSelection.length ? (
          <EdgeInfo ids={edgeSelection} />
        ) : (
          <DocForm />
        )}
      </div>
    </aside>
  );
}

function Multi({ count }: { count: number }) {
  const editor = useEditor();
  return (
    <div>
      <h2 className="mb-2 text-lg font-bold">{count} nodes selected</h2>
      <p className="mb-3 text-[var(--muted)]">Drag to move them together; Ctrl+D duplicates, Delete removes.</p>
      <button
        type="button"
        className="btn btn-danger"
        onClick={() => editor.run('removeNodes', { ids: editor.getState().selection })}
      >
        Delete {count} nodes
      </button>
    </div>
  );
}

function EdgeInfo({ ids }: { ids: readonly string[] }) {
  const editor = useEditor();
  const doc = useEditorState((s) => s.doc);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const edges = (doc.edges ?? []).filter((e) => ids.includes(e.id ?? `${e.from}->${e.to}`));
  return (
    <div>
      <h2 className="mb-3 text-lg font-bold">{edges.length === 1 ? 'Connection' : `${edges.length} connections`}</h2>
      {edges.map((e) => {
        const a = byId.get(e.from),
          b = byId.get(e.to);
        const c = a && b ? checkEdge(a, b, (p) => byId.get(p)?.kind) : null;
        return (
          <div key={`${e.from}->${e.to}`} className="mb-3 rounded-lg border border-[var(--line)] p-3">
            <p className="font-semibold">
              {e.from} → {e.to}
            </p>
            {a && b && (
              <p className="text-[13px] text-[var(--muted)]">
                {kindDef(a.kind).label} → {kindDef(b.kind).label}
              </p>
            )}
            {c?.ok && (
              <p className="mt-1">
                <strong>{c.pair.label}:</strong> {c.pair.meaning}
              </p>
            )}
          </div>
        );
      })}
      <button type="button" className="btn btn-danger" onClick={() => editor.run('disconnect', { edges })}>
        Delete connection{edges.length > 1 ? 's' : ''}
      </button>
    </div>
  );
}
