import { RULES_BY_ID } from '../../catalog/rules';
import type { Report } from '../../engine';
import { type Goal, criterionWords, goalCriteria } from '../../model/goals';
import type { ArchDoc } from '../../model/schema';
import { type GoalDraft, STATES, servingNodes, stateNodes, wantedState } from './build';
import type { MakerStore } from './store';
import { hasOwn, own } from '../../model/own';

const title = (rule: string) => RULES_BY_ID.get(rule)?.title ?? rule;
/** A one-criterion goal in the checklist's words (the `GOALS` table's), as the player will read it. */
const words = (g: Goal) => criterionWords(goalCriteria(g)[0], { title, name: (id) => id, reveal: true });
const without = <T,>(o: Record<string, T>, k: string) => Object.fromEntries(Object.entries(o).filter(([x]) => x !== k));

/**
 * The goal as checkboxes built from the broken design's run: what to forbid, which states and traffic to require,
 * limits.
 */
export function GoalPicker({
  store,
  goal,
  report,
  broken,
}: {
  store: MakerStore;
  goal: GoalDraft;
  report: Report;
  broken: ArchDoc;
}) {
  const set = (g: Partial<GoalDraft>) => store.edit({ goal: { ...goal, ...g } });
  const toggle = (list: string[], v: string, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));
  const kind = (id: string) => broken.nodes.find((n) => n.id === id)?.kind;
  const incidentRules = [...new Set(report.incidents.map((i) => i.rule))];
  const findingRules = [...new Set(report.findings.map((f) => f.rule))].filter((r) => !incidentRules.includes(r));
  return (
    <div className="mk-goal" data-testid="goal-picker">
      <p className="mk-sub">Forbid what went wrong (the rule the puzzle teaches)</p>
      {incidentRules.length + findingRules.length === 0 && (
        <p className="pz-note">The run showed no incident and no finding: break something first.</p>
      )}
      {incidentRules.map((r) => (
        <label key={`i:${r}`} className="mk-check">
          <input
            type="checkbox"
            checked={goal.noIncidents.includes(r)}
            onChange={(e) => set({ noIncidents: toggle(goal.noIncidents, r, e.target.checked) })}
          />
          <span>
            {words({ noIncidents: [r] })} <code>{r}</code>
          </span>
        </label>
      ))}
      {findingRules.map((r) => (
        <label key={`f:${r}`} className="mk-check">
          <input
            type="checkbox"
            checked={goal.noFindings.includes(r)}
            onChange={(e) => set({ noFindings: toggle(goal.noFindings, r, e.target.checked) })}
          />
          <span>
            {words({ noFindings: [r] })} <code>{r}</code>
          </span>
        </label>
      ))}
      <p className="mk-sub">Require (so deleting things does not pass)</p>
      {stateNodes(report).map(([id, got]) => {
        const on = hasOwn(goal.nodeStates, id);
        return (
          <div key={`s:${id}`} className="mk-check">
            <input
              type="checkbox"
              id={`mk-state-${id}`}
              checked={on}
              onChange={(e) =>
                set({
                  nodeStates: e.target.checked
                    ? { ...goal.nodeStates, [id]: wantedState(kind(id) ?? 'training-job') }
                    : without(goal.nodeStates, id),
                })
              }
            />
            <label htmlFor={`mk-state-${id}`}>{id} ends</label>
            <select
              className="field mk-small"
              aria-label={`State ${id} must end in`}
              value={own(goal.nodeStates, id) ?? wantedState(kind(id) ?? 'training-job')}
              disabled={!on}
              onChange={(e) => set({ nodeStates: { ...goal.nodeStates, [id]: e.target.value } })}
            >
              {STATES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
            <span className="pz-note">(as built: {got})</span>
          </div>
        );
      })}
      {servingNodes(report).map(([id, ok]) => {
        const on = hasOwn(goal.minServed, id);
        return (
          <div key={`m:${id}`} className="mk-check">
            <input
              type="checkbox"
              id={`mk-served-${id}`}
              checked={on}
              onChange={(e) =>
                set({
                  minServed: e.target.checked
                    ? { ...goal.minServed, [id]: Math.max(1, ok) }
                    : without(goal.minServed, id),
                })
              }
            />
            <label htmlFor={`mk-served-${id}`}>{id} serves at least</label>
            <input
              type="number"
              min={0}
              className="field mk-small"
              aria-label={`Fewest requests ${id} serves`}
              disabled={!on}
              value={own(goal.minServed, id) ?? Math.max(1, ok)}
              onChange={(e) =>
                set({ minServed: { ...goal.minServed, [id]: Math.max(0, Math.round(Number(e.target.value) || 0)) } })
              }
            />
          </div>
        );
      })}
      <div className="mk-check">
        <input
          type="checkbox"
          id="mk-ratio"
          checked={goal.maxFailedRatio !== undefined}
          onChange={(e) => set({ maxFailedRatio: e.target.checked ? 0.01 : undefined })}
        />
        <label htmlFor="mk-ratio">At most</label>
        <input
          type="number"
          min={0}
          max={100}
          step={0.1}
          className="field mk-small"
          aria-label="Most failed requests, percent"
          disabled={goal.maxFailedRatio === undefined}
          value={+((goal.maxFailedRatio ?? 0.01) * 100).toFixed(2)}
          onChange={(e) => set({ maxFailedRatio: Math.min(1, Math.max(0, Number(e.target.value) / 100 || 0)) })}
        />
        <span>% of requests fail</span>
      </div>
      <div className="mk-check">
        <input
          type="checkbox"
          id="mk-cost"
          checked={goal.maxCostUSD !== undefined}
          onChange={(e) => set({ maxCostUSD: e.target.checked ? Math.ceil(report.costUSD * 1.2 + 1) : undefined })}
        />
        <label htmlFor="mk-cost">Costs at most $</label>
        <input
          type="number"
          min={0}
          className="field mk-small"
          aria-label="Most cost in dollars"
          disabled={goal.maxCostUSD === undefined}
          value={goal.maxCostUSD ?? Math.ceil(report.costUSD * 1.2 + 1)}
          onChange={(e) => set({ maxCostUSD: Math.max(0, Number(e.target.value) || 0) })}
        />
        <span className="pz-note">(as built: ${report.costUSD})</span>
      </div>
    </div>
  );
}
