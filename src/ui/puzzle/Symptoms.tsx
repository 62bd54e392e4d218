import { RULES_BY_ID } from '../../catalog/rules';
import type { Report } from '../../engine';
import type { ArchDoc } from '../../model/schema';

const MAX = 6;

/** What the run showed, the way an operator sees it: failure messages and end states, not rule findings. */
export function Symptoms({ doc, report }: { doc: ArchDoc; report: Report }) {
  const name = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
  const states = Object.entries(report.nodes).filter(([, n]) => n.state || n.requests);
  return (
    <section aria-labelledby="pz-run" className="pz-block" data-testid="symptoms">
      <h3 id="pz-run" className="pz-h">
        What the run showed <span className="pz-pct">{Math.round(report.simulatedSec / 60)} simulated min</span>
      </h3>
      {report.incidents.length === 0 ? (
        <p className="pz-note">No incidents.</p>
      ) : (
        <ul className="space-y-2">
          {report.incidents.slice(0, MAX).map((i) => (
            <li key={`${i.rule}:${i.node}`} className="pz-incident">
              <strong>{name(i.node)}</strong> · {RULES_BY_ID.get(i.rule)?.title ?? i.rule}
              {i.count > 1 ? ` ×${i.count.toLocaleString('en')}` : ''}
              <span className="pz-why">{i.message}</span>
            </li>
          ))}
          {report.incidents.length > MAX && <li className="pz-note">… and {report.incidents.length - MAX} more.</li>}
        </ul>
      )}
      {states.length > 0 && (
        <ul className="pz-states">
          {states.slice(0, 8).map(([id, n]) => (
            <li key={id}>
              <span>{name(id)}</span>{' '}
              <strong>
                {n.state ?? ''}
                {n.requests
                  ? ` ${(n.ok ?? n.requests).toLocaleString('en')} ok${n.failed ? ` · ${n.failed.toLocaleString('en')} failed` : ''}`
                  : ''}
              </strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
