import type { CheckResult } from './session';
import { pendingChecklist, percent, shownChecklist } from './checklist';
import type { ArchDoc } from '../../model/schema';

/** The goal as a checklist: each criterion ticked or crossed after a check, and the share met. */
export function Checklist({
  doc,
  result,
  stale,
  revealed,
}: {
  doc: ArchDoc;
  result: CheckResult | null;
  stale: boolean;
  revealed: boolean;
}) {
  const items = result
    ? shownChecklist(doc, result.items, revealed)
    : pendingChecklist(doc).map((i) => ({ ...i, met: false, why: undefined }));
  const pct = percent(items);
  return (
    <section aria-labelledby="pz-goal" className="pz-block">
      <h3 id="pz-goal" className="pz-h">
        Goal{' '}
        <span className="pz-pct" data-testid="goal-percent">
          {result ? `${pct}% complete` : 'not checked yet'}
        </span>
      </h3>
      <div className="pz-bar" aria-hidden="true">
        <span style={{ width: `${result ? pct : 0}%` }} />
      </div>
      <ul className="pz-checklist" data-testid="goal-checklist">
        {items.map((i) => {
          const state = !result ? 'pending' : i.met ? 'met' : 'failed';
          return (
            <li key={i.key} className={`pz-item pz-${state}`}>
              <span
                className="pz-mark"
                aria-label={state === 'pending' ? 'not checked' : state === 'met' ? 'met' : 'not met'}
              >
                {state === 'pending' ? '○' : state === 'met' ? '✓' : '✗'}
              </span>
              <span>
                {i.label}
                {state === 'failed' && i.why && <span className="pz-why">{i.why}</span>}
              </span>
            </li>
          );
        })}
      </ul>
      {result && stale && <p className="pz-note">You changed the design since this check: press Check again.</p>}
    </section>
  );
}
