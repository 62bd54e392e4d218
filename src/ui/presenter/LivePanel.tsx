import { RULE_INDEX } from '../../catalog/rule-index';
import type { ArchDoc } from '../../model/schema';
import type { RunUpdate } from '../../worker/protocol';

const fmt = (n: number) => n.toLocaleString('en');

/** The run's figures at this step, for the back of the room: what is running, what failed, what happened. */
export function LivePanel({ doc, live }: { doc: ArchDoc; live: RunUpdate | null }) {
  const name = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
  if (!live)
    return (
      <aside className="pr-live" aria-label="Run figures">
        <p className="pr-muted">Running to this step…</p>
      </aside>
    );
  const rows = Object.entries(live.nodes).filter(([, n]) => n.state || n.requests > 0);
  const incidents = [...live.incidents].filter((i) => i.count > 0);
  return (
    <aside className="pr-live" aria-label="Run figures" data-testid="presenter-live">
      <h3>The run so far</h3>
      <ul>
        {rows.map(([id, n]) => (
          <li key={id}>
            <span className="pr-name">{name(id)}</span>
            <span className="pr-val">
              {n.state ?? ''}
              {n.requests > 0 && (
                <>
                  {' '}
                  {fmt(n.ok || (n.failed ? 0 : n.requests))} ok
                  {n.failed > 0 && <b className="pr-bad"> · {fmt(n.failed)} failed</b>}
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      {incidents.length > 0 && (
        <>
          <h3>Incidents</h3>
          <ul>
            {incidents.slice(0, 5).map((i) => (
              <li key={`${i.rule}:${i.node}`} className="pr-inc">
                <b>{RULE_INDEX.get(i.rule)?.title ?? i.rule}</b>{' '}
                <span className="pr-muted">
                  on {name(i.node)} ×{fmt(i.count)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
