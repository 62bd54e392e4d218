import { useEffect, useState } from 'react';
import { RULES_BY_ID } from '../../catalog/rules';
import { ENDPOINT_KINDS } from '../../catalog/kinds';
import type { NetworkReport } from '../../engine';
import { useEditorState } from '../state/context';
import { useAnswerHidden } from '../puzzle/reveal';
import { namesItsCause } from '../puzzle/symptoms';
import { useRun, useRunState } from './context';
import { useFocusNode } from './EventLog';
import { MlopsDetail } from './MlopsDetail';
import { clock } from './store';
import { own } from '../../model/own';

/**
 * Why? — a rule that happened on a node: the incident's message, how often and since when, the
 * sheet's fact, the fix, the AWS docs note, and for network failures the path the traffic takes and
 * the missing piece.
 */
export function WhyPanel() {
  const asked = useRunState((v) => v.why);
  const incidents = useRunState((v) => v.incidents);
  const doc = useEditorState((s) => s.doc);
  // The subject belongs to the document it was asked about: another document, or the node deleted, and it is gone.
  const docKey = `${doc.title ?? ''}|${doc.description ?? ''}`;
  const [askedIn, setAskedIn] = useState({ why: asked, key: docKey });
  if (askedIn.why !== asked) setAskedIn({ why: asked, key: docKey });
  const key = askedIn.why === asked ? askedIn.key : docKey;
  const why = asked && key === docKey && doc.nodes.some((n) => n.id === asked.node) ? asked : null;
  const rulebook = doc.rulebook ?? 'sheet';
  const run = useRun();
  const focus = useFocusNode();
  const live = useRunState((v) => (why ? own(v.nodes, why.node) : undefined));
  // in a puzzle the rule's name, fact and fix are the answer: hidden until solved, the last hint, or giving up
  const hidden = useAnswerHidden();
  // the network path is the engine's answer, computed in the worker (the catalog says which services a rule needs)
  const services = why?.rule ? RULES_BY_ID.get(why.rule)?.display?.network : undefined;
  const [net, setNet] = useState<{ key: unknown; report: NetworkReport | null } | null>(null);
  useEffect(() => {
    if (!why || !services) return;
    let live = true;
    run
      .networkReport(doc, why.node)
      .then((report) => live && setNet({ key: why, report }))
      .catch(() => live && setNet({ key: why, report: null }));
    return () => {
      live = false;
    };
  }, [why, services, doc, run]);
  const report = net && net.key === why ? net.report : null;
  if (!why)
    return (
      <p className="run-empty">
        Click a node's red marker (or a log row with a rule) to see why it happened and how to fix it.
      </p>
    );
  const onNode = incidents.filter((i) => i.node === why.node);
  const rule = why.rule ?? onNode[0]?.rule ?? null;
  const def = rule && !hidden ? RULES_BY_ID.get(rule) : undefined;
  const inc = onNode.find((i) => i.rule === rule);
  const kind = doc.nodes.find((n) => n.id === why.node)?.kind;
  const endpoint = !!kind && (ENDPOINT_KINDS as readonly string[]).includes(kind);
  const hasLive =
    !!live &&
    (!!live.mlops ||
      live.extra.events !== undefined ||
      live.extra.invocations !== undefined ||
      live.extra.inputMountSec !== undefined);
  return (
    <div className="why" data-testid="why-panel">
      <div className="why-head">
        <span className={`sev sev-${def?.severity ?? 'info'}`}>
          {!def ? 'i' : def.severity === 'error' ? '!' : '▲'}
        </span>
        <h3>
          {hidden && rule
            ? 'What happened here'
            : (def?.title ?? rule ?? (hasLive ? 'In this run' : 'Nothing went wrong here'))}
        </h3>
        {rule && !hidden && <code>{rule}</code>}
        {def && <span className="why-domain">{def.domain}</span>}
        <button type="button" className="btn-ghost why-node" onClick={() => focus(why.node)}>
          on {why.node}
        </button>
        {onNode.length > 1 && (
          <select
            className="field run-select"
            aria-label="Other incidents on this node"
            value={rule ?? ''}
            onChange={(e) => run.openWhy(why.node, e.target.value)}
          >
            {onNode.map((i, k) => (
              <option key={i.rule} value={i.rule}>
                {hidden ? `Incident ${k + 1}` : i.rule} ({i.count})
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="why-body">
        {!rule && <MlopsDetail id={why.node} />}
        {inc && (
          <div className="finding finding-error why-msg">
            <div>
              {hidden && namesItsCause(inc.rule)
                ? 'The figures of this run are in the puzzle panel: what would an operator see, and why?'
                : inc.message}
            </div>
            <div className="why-meta">
              {inc.count.toLocaleString('en-US')} time{inc.count > 1 ? 's' : ''} · first at {clock(inc.firstAtSec)}
            </div>
          </div>
        )}
        {report && rule && services && (
          <div className="why-net" data-testid="why-network">
            {services.map((s) => {
              const r = report.services.find((x) => x.service === s)!;
              return (
                <div key={s} className="why-path">
                  <b>{s}</b>:{' '}
                  {r.path.map((h, i) => (
                    <span key={i}>
                      <span className="why-hop">{h}</span>
                      {i < r.path.length - 1 ? ' → ' : ''}
                    </span>
                  ))}
                  {r.ok ? (
                    <span className="why-ok"> ✓ reachable</span>
                  ) : (
                    <span className="why-stop"> ✕ stops here</span>
                  )}
                  {r.missing && <div className="why-missing">Missing: {r.missing}</div>}
                </div>
              );
            })}
          </div>
        )}
        {def && (
          <dl className="why-facts">
            <dt>The sheet</dt>
            <dd>{def.sheet}</dd>
            <dt>Fix</dt>
            <dd className="why-fix">{def.fix}</dd>
          </dl>
        )}
        {def && (def.aws || def.docs) && (
          // the two views side by side whenever the sheet and AWS documentation differ on this rule
          <div className="why-books" data-testid="why-rulebooks">
            <div className={`why-book ${rulebook === 'sheet' ? 'is-on' : ''}`}>
              <h4>Exam sheet{rulebook === 'sheet' ? ' (this run)' : ''}</h4>
              <p>{def.inRun}</p>
            </div>
            <div className={`why-book ${rulebook === 'aws' ? 'is-on' : ''}`}>
              <h4>AWS docs{rulebook === 'aws' ? ' (this run)' : ''}</h4>
              <p>{def.aws ?? 'This run behaves the same under both rulebooks; what AWS documents:'}</p>
              {def.docs && <p className="why-docs">{def.docs}</p>}
            </div>
          </div>
        )}
        {rule && <MlopsDetail id={why.node} />}
        {endpoint && (
          <button type="button" className="btn" onClick={() => void run.openTraces(why.node, rule ?? undefined)}>
            See a request that hit this →
          </button>
        )}
      </div>
    </div>
  );
}
