import { useReactFlow } from '@xyflow/react';
import { RULE_INDEX } from '../../catalog/rule-index';
import { useEditor, useFindings, useUi, useUiState } from '../state/context';

/** Rows rendered at most: a 200-node design can have hundreds of findings. */
const MAX_ROWS = 60;
const ICON = { error: '!', warning: '▲', info: 'i' } as const;

/** Static findings of the design, re-checked as you edit; clicking one selects its node. */
export function FindingsPanel() {
  const editor = useEditor();
  const ui = useUi();
  const rf = useReactFlow();
  const findings = useFindings();
  const show = useUiState((s) => s.showFindings);
  if (!show) return null;
  const focus = (id: string) => {
    editor.select([id]);
    void rf.fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.1, padding: 0.6 });
  };
  return (
    <section className="findings" aria-label="Findings" data-testid="findings">
      <h2 className="findings-head">
        Findings <span className="font-normal text-[var(--muted)]">— checked as you edit</span>
        <button
          type="button"
          className="btn-ghost ml-auto px-2 py-0"
          aria-label="Hide findings"
          onClick={() => ui.toggleFindings()}
        >
          ✕
        </button>
      </h2>
      {findings.length === 0 ? (
        <p className="px-4 py-2 text-[var(--muted)]">
          No findings: nothing in this design breaks a rule the checks can see.
        </p>
      ) : (
        <ul className="findings-list">
          {findings.slice(0, MAX_ROWS).map((f, i) => (
            <li key={`${f.rule}:${f.node}:${i}`}>
              <button type="button" className={`finding-row finding-${f.severity}`} onClick={() => focus(f.node)}>
                <span className={`sev sev-${f.severity}`} aria-label={f.severity}>
                  {ICON[f.severity]}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="font-semibold">{RULE_INDEX.get(f.rule)?.title ?? f.rule}</span>
                  <span className="text-[var(--muted)]">
                    {' '}
                    · {f.node} · <code>{f.rule}</code>
                  </span>
                  <span className="block truncate text-[14px]" title={f.message}>
                    {f.message}
                  </span>
                </span>
              </button>
            </li>
          ))}
          {findings.length > MAX_ROWS && (
            <li className="px-4 py-2 text-[var(--muted)]">
              … and {findings.length - MAX_ROWS} more (fix the first ones; many share a cause).
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
