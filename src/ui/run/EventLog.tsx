import { useReactFlow } from '@xyflow/react';
import { useMemo, useRef, useState, useLayoutEffect } from 'react';
import { RULE_INDEX } from '../../catalog/rule-index';
import type { Severity } from '../../catalog/types';
import { useEditor } from '../state/context';
import { useRun, useRunState } from './context';
import { useAnswerHidden } from '../puzzle/reveal';
import { hideAnswerIn, namesItsCause } from '../puzzle/symptoms';

/** What the log says in a puzzle, before the answer is revealed, for an incident whose message names its cause. */
const HIDDEN_CAUSE = 'Incident: see the figures in the puzzle panel (the cause is for you to find)';
import { clock, LOG_CAP, type LogRow } from './store';
import { type ShownRow, ShownLog } from './logRows';

const ROW = 30;
/** Rules of single requests (the catalog's `display.request`): their log rows open the trace of a sampled request. */
export const opensTrace = (rule: string): boolean => RULE_INDEX.get(rule)?.display?.request !== undefined;
const SEVS: Severity[] = ['error', 'warning', 'info'];
const SEV_MARK: Record<Severity, string> = { error: '!', warning: '▲', info: 'i' };

export { groupRepeats, inTimeOrder } from './logRows';

/** Centre the canvas on a node and select it. */
export function useFocusNode(): (id: string) => void {
  const editor = useEditor();
  const rf = useReactFlow();
  return (id: string) => {
    editor.select([id]);
    const n = rf.getInternalNode(id);
    if (!n) return;
    const w = n.measured.width ?? 0,
      h = n.measured.height ?? 0;
    void rf.setCenter(n.internals.positionAbsolute.x + w / 2, n.internals.positionAbsolute.y + h / 2, {
      zoom: Math.max(rf.getZoom(), 0.8),
      duration: 300,
    });
  };
}

/**
 * The run's event log: every entry with simulated time, node, rule and severity; filters by
 * severity, domain, rule, node and text; virtualized (only visible rows are in the DOM) and capped at
 * LOG_CAP rows with exact totals. A click selects and centres the row's node.
 */
export function EventLog() {
  const run = useRun();
  const version = useRunState((v) => v.logVersion);
  const total = useRunState((v) => v.logTotal);
  const counts = useRunState((v) => v.logCounts);
  const focus = useFocusNode();
  // a puzzle's answer: rule ids stay out of the log until it is revealed (the messages are the symptoms)
  const hidden = useAnswerHidden();
  // state rows carry the rule id of a failure ("ep: Creating → Failed · s3-unreachable"): keep it out too
  const shownMessage = (m: string) => (hidden ? hideAnswerIn(m) : m);
  const [sev, setSev] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [domain, setDomain] = useState('');
  const [rule, setRule] = useState('');
  const [node, setNode] = useState('');
  const [text, setText] = useState('');
  const [follow, setFollow] = useState(true);
  const [scroll, setScroll] = useState(0);
  const [height, setHeight] = useState(200);
  const box = useRef<HTMLDivElement>(null);

  const [group, setGroup] = useState(true);
  // the shown rows, brought up to date with the rows that arrived since the last repaint (batched)
  const [shown] = useState(() => new ShownLog());
  const view = useMemo(
    () => shown.update(run.log, { sev, domain, rule, node, text, group }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run.log grows in place: version says when
    [version, sev, domain, rule, node, text, run, group, shown],
  );
  const rows = view.rows;
  const entries = view.entries;
  const options = useMemo(
    () => ({ rules: [...view.rules].sort(), nodes: [...view.nodes].sort() }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the sets grow in place: sizes say when
    [view, view.rules.size, view.nodes.size],
  );

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // Following: the rows at the end are rendered in this very update (from the rows' known height, not scrollHeight)
  // and the box is scrolled there once React has committed, before the frame is drawn — one layout for the update,
  // where scrolling in the next frame and rendering the rows again laid the page out twice.
  const wanted = Math.max(0, rows.length * ROW - height);
  const top = follow ? wanted : scroll;
  // (only when the end moved: writing scrollTop lays the page out, and the layout costs ~15 ms at 200 nodes)
  useLayoutEffect(() => {
    if (follow && box.current) box.current.scrollTop = wanted;
  }, [wanted, follow]);

  const first = Math.max(0, Math.floor(top / ROW) - 5);
  const last = Math.min(rows.length, Math.ceil((top + height) / ROW) + 5);
  const visible: ShownRow[] = rows.slice(first, last);
  const held = run.log.length - view.steps;
  /** A row selects and centres its node; a request rule's row also opens a sampled request's trace. */
  const open = (r: LogRow) => {
    if (!r.node) return;
    focus(r.node);
    if (r.rule && opensTrace(r.rule)) void run.openTraces(r.node, { rule: r.rule, atSec: r.t });
  };

  return (
    <div className="run-log">
      <div className="run-filters" role="group" aria-label="Log filters">
        {SEVS.map((s) => (
          <button
            key={s}
            type="button"
            className={`chip chip-${s} ${sev[s] ? 'is-on' : ''}`}
            aria-pressed={sev[s]}
            onClick={() => setSev({ ...sev, [s]: !sev[s] })}
            title={`Show ${s} entries`}
          >
            <span className={`sev sev-${s}`}>{SEV_MARK[s]}</span>
            {counts[s].toLocaleString('en-US')}
          </button>
        ))}
        <select
          className="field run-select"
          aria-label="Domain"
          value={domain}
          onChange={(e) => setDomain(e.target.value)}
        >
          <option value="">All domains</option>
          {['D1', 'D2', 'D3', 'D4'].map((d) => (
            <option key={d}>{d}</option>
          ))}
        </select>
        <select
          className="field run-select"
          aria-label="Rule"
          value={rule}
          onChange={(e) => setRule(e.target.value)}
          hidden={hidden}
        >
          <option value="">All rules</option>
          {options.rules.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <select className="field run-select" aria-label="Node" value={node} onChange={(e) => setNode(e.target.value)}>
          <option value="">All nodes</option>
          {options.nodes.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <input
          className="field run-search"
          type="search"
          placeholder="Search…"
          aria-label="Search the log"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <label className="run-follow">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> follow
        </label>
        <label className="run-follow" title="One row per rule and node, with how many times it was logged">
          <input type="checkbox" checked={group} onChange={(e) => setGroup(e.target.checked)} /> group repeats
        </label>
        <span
          className="run-count"
          data-testid="log-count"
          title={
            `${total.toLocaleString('en-US')} logged in all; the newest ${LOG_CAP.toLocaleString('en-US')} are ` +
            `kept here`
          }
        >
          {entries.toLocaleString('en-US')} shown · {total.toLocaleString('en-US')} logged
          {total > held ? ` (${(total - held).toLocaleString('en-US')} older not kept)` : ''}
        </span>
      </div>
      <div
        ref={box}
        className="run-log-rows"
        role="log"
        aria-label="Event log"
        data-testid="event-log"
        onScroll={(e) => {
          const el = e.currentTarget;
          setScroll(el.scrollTop);
          const atEnd = el.scrollTop + height >= rows.length * ROW - ROW;
          if (atEnd !== follow) setFollow(atEnd);
        }}
      >
        <div style={{ height: rows.length * ROW, position: 'relative' }}>
          {visible.map((r, i) => (
            <div
              key={r.step ? `step:${first + i}` : r.seq}
              role="button"
              tabIndex={0}
              className={`log-row log-${r.severity} ${r.step ? 'log-step' : ''}`}
              style={{ top: (first + i) * ROW }}
              data-rule={r.rule ?? ''}
              onClick={() => open(r)}
              onKeyDown={(e) => {
                if ((e.key === 'Enter' || e.key === ' ') && r.node) {
                  e.preventDefault();
                  open(r);
                }
              }}
              title={
                hidden && r.rule && namesItsCause(r.rule)
                  ? HIDDEN_CAUSE
                  : r.count > 1
                    ? `${shownMessage(r.message)}\n\n${r.count} times, from ${clock(r.t)} to ${clock(r.lastT)}`
                    : shownMessage(r.message)
              }
              data-count={r.count}
            >
              <span className="log-t">{clock(r.t)}</span>
              <span className={`sev sev-${r.severity}`}>{r.step ? '⏭' : SEV_MARK[r.severity]}</span>
              <span className="log-node">{r.node ?? '—'}</span>
              <span className="log-rule">{hidden ? r.type : (r.rule ?? r.type)}</span>
              <span className="log-msg">
                {r.count > 1 && (
                  <span className="log-times" data-testid="log-times">
                    ×{r.count.toLocaleString('en-US')}
                  </span>
                )}
                {hidden && r.rule && namesItsCause(r.rule) ? HIDDEN_CAUSE : shownMessage(r.message)}
              </span>
              {r.rule && r.node && opensTrace(r.rule) && (
                <button
                  type="button"
                  className="log-why"
                  data-testid="log-trace"
                  title={`See a sampled request that hit ${hidden ? 'this' : r.rule} on ${r.node}, hop by hop`}
                  onClick={(e) => {
                    e.stopPropagation();
                    open(r);
                  }}
                >
                  trace
                </button>
              )}
              {r.rule && r.node && (
                <button
                  type="button"
                  className="log-why"
                  onClick={(e) => {
                    e.stopPropagation();
                    run.openWhy(r.node!, r.rule!);
                  }}
                >
                  why?
                </button>
              )}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
