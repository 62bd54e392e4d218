import { RULES_BY_ID } from '../../catalog/rules';
import type { Report } from '../../engine';
import type { ArchDoc } from '../../model/schema';
import { logLines, nodeName, symptomText } from './symptoms';

const MAX = 6;

/**
 * What the run showed, the way an operator sees it on AWS: failure reasons, metrics, monitor reports and log
 * lines. The rule behind each (its title) appears only once the puzzle is `revealed` (solved, last hint, gave up).
 */
export function Symptoms({ doc, report, revealed }: { doc: ArchDoc; report: Report; revealed: boolean }) {
  const name = (id: string) => nodeName(doc, id);
  const states = Object.entries(report.nodes).filter(([, n]) => n.state || n.requests);
  const log = logLines(report, MAX, revealed);
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
            <li key={`${i.rule}:${i.node}`} className="pz-incident" data-testid="symptom">
              <strong>{name(i.node)}</strong>
              {revealed ? ` · ${RULES_BY_ID.get(i.rule)?.title ?? i.rule}` : ''}
              {i.count > 1 ? ` ×${i.count.toLocaleString('en')}` : ''}
              <span className="pz-why">{symptomText(i, report, revealed)}</span>
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
                  ? ` ${(n.ok ?? n.requests).toLocaleString('en')} ` +
                    `ok${n.failed ? ` · ${n.failed.toLocaleString('en')} failed` : ''}`
                  : ''}
                {n.p99Ms !== undefined && n.requests ? ` · p99 ${n.p99Ms} ms` : ''}
              </strong>
            </li>
          ))}
        </ul>
      )}
      {log.length > 0 && (
        <>
          <h4 className="pz-h">Log lines</h4>
          <ul className="pz-log" data-testid="log-lines">
            {log.map((e, k) => (
              <li key={k}>
                <code>{Math.round(e.t)} s</code> {e.node ? `${name(e.node)}: ` : ''}
                {e.event}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
