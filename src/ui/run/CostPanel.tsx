import { budgetStatus, tagCosts } from '../../model/costs';
import { useEditorState } from '../state/context';
import { useRunState } from './context';
import { useFocusNode } from './EventLog';
import { clock } from './store';
import { useAnswerHidden } from '../puzzle/reveal';
import { underusedSymptom } from '../puzzle/symptoms';
import { PurchaseOptions, usd } from './PurchaseOptions';

/** The run's cost so far: the running total and each node's share. */
export function CostPanel() {
  const total = useRunState((v) => v.costUSD);
  const nodes = useRunState((v) => v.nodes);
  const now = useRunState((v) => v.now);
  const labels = useEditorState((s) => s.doc.nodes);
  const focus = useFocusNode();
  const rows = Object.entries(nodes)
    .filter(([, n]) => n.costUSD > 0)
    .sort((a, b) => b[1].costUSD - a[1].costUSD);
  const max = rows[0]?.[1].costUSD ?? 1;
  // cost allocation tags (S4.2.7): each tag key splits the bill, as Cost Explorer groups by an activated tag
  const byTag = tagCosts(labels, (id) => nodes[id]?.costUSD ?? 0);
  const doc = useEditorState((s) => s.doc);
  const budgets = doc.budgets?.length ? budgetStatus(doc, (id) => nodes[id]?.costUSD ?? 0) : [];
  // right-sizing findings (endpoint-idle, endpoint-over-provisioned); in a puzzle, the figures only until the answer is
  // shown
  const incidents = useRunState((v) => v.incidents);
  const hidden = useAnswerHidden();
  const underused = incidents.filter((i) => i.rule === 'endpoint-idle' || i.rule === 'endpoint-over-provisioned');
  return (
    <div className="cost" data-testid="cost-panel">
      <div className="cost-total">
        <span>Cost so far</span>
        <b data-testid="cost-total">{usd(total)}</b>
        <span className="muted">
          at {clock(now)}
          {now > 0 ? ` · ≈ ${usd((total / now) * 3600)} per hour` : ''}
        </span>
      </div>
      <div className="cost-rows">
        {rows.map(([id, n]) => (
          <button key={id} type="button" className="cost-row" onClick={() => focus(id)}>
            <span className="cost-name">{labels.find((x) => x.id === id)?.label ?? id}</span>
            <span className="cost-bar">
              <span style={{ width: `${(100 * n.costUSD) / max}%` }} />
            </span>
            <span className="cost-usd">{usd(n.costUSD)}</span>
          </button>
        ))}
        {!rows.length && <p className="run-empty">Nothing billed yet.</p>}
      </div>
      <PurchaseOptions docNodes={labels} nodes={nodes} now={now} hideAnswer={hidden} focus={focus} />
      {budgets.length > 0 && (
        <div className="cost-tags" data-testid="budgets">
          {budgets.map((b) => (
            <p key={b.name}>
              <b>Budget {b.name}:</b> {usd(b.actualUSD)} of {usd(b.limitUSD)} ({b.percent}%)
              {b.alerts.length ? ` · alerts at ${b.alerts.map((t) => `${t}%`).join(', ')}` : ''}
            </p>
          ))}
        </div>
      )}
      {underused.length > 0 && (
        <div className="cost-tags" data-testid="right-sizing">
          <p>
            <b>Right-sizing:</b>
          </p>
          {underused.map((i) => (
            <p key={`${i.rule} ${i.node}`}>
              <button type="button" className="btn-ghost" onClick={() => focus(i.node)}>
                {hidden ? underusedSymptom(i) : i.message}
              </button>
            </p>
          ))}
        </div>
      )}
      {byTag && (
        <div className="cost-tags" data-testid="cost-by-tag">
          {Object.entries(byTag).map(([key, values]) => (
            <p key={key}>
              <b>Cost by tag {key}:</b>{' '}
              {Object.entries(values)
                .map(([v, x]) => `${v} ${usd(x)}`)
                .join(' · ')}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
