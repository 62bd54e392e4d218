import { kindDef } from '../../catalog/kinds';
import { DOMAIN_NAMES } from '../../model/puzzle';
import { useRun } from '../run/context';
import { useEditorState, useUi, useUiState } from '../state/context';
import { Checklist } from './Checklist';
import { Hints } from './Hints';
import { progressKey } from './progress';
import { isRevealed, type PuzzleSession } from './session';
import { Debrief } from './Debrief';
import { textNow, variantCount } from '../../model/variants';
import { saveText } from '../../model/load';
import { useState } from 'react';
import { useStore } from '../state/store';
import { Symptoms } from './Symptoms';

/** Puzzle mode's panel: the story, the goal checklist, what the run showed, hints, the puzzle's rules and actions. */
export function PuzzlePanel({ session }: { session: PuzzleSession }) {
  const ui = useUi();
  const doc = useEditorState((s) => s.doc);
  const revision = useEditorState((s) => s.revision);
  const showFindings = useUiState((s) => s.showFindings);
  const st = useStore(session, (s) => s);
  const solved = st.progress[progressKey(st.file, st.original?.title ?? doc.title)];
  const order = st.file ? Number(/\/(\d+)-/.exec(st.file)?.[1]) : null;
  const revealed = isRevealed(st, doc);
  const [name, setName] = useState(st.learner);
  const variants = st.original ? variantCount(st.original) : 1;
  const exportAttempt = () => {
    const text = saveText(session.exportAttempt());
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const slug = (doc.title ?? 'puzzle').toLowerCase().replace(/[^a-z0-9]+/g, '-');
    a.download = `${slug}${st.learner ? `-${st.learner.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : ''}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    ui.toast('Attempt exported: hand the file in (npm run grade reads it).');
  };
  return (
    <section className="pz" aria-label="Puzzle" data-testid="puzzle-panel">
      <p className="pz-domain">
        {doc.domain ? `${doc.domain} · ${DOMAIN_NAMES[doc.domain]}` : 'Puzzle'}
        {order ? ` · ${order}` : ''}
        {solved && (
          <span className="pz-solved" data-testid="solved-mark">
            ✓ Solved{solved.withSolution ? ' (with the solution)' : ''}
          </span>
        )}
      </p>
      <h2 className="pz-title">{doc.title ? textNow(doc, doc.title) : 'Untitled puzzle'}</h2>
      {doc.story && <p className="pz-story">{textNow(doc, doc.story)}</p>}
      {(variants > 1 || st.variant !== null) && (
        <form
          className="pz-variant"
          onSubmit={(e) => {
            e.preventDefault();
            session.playVariant(name);
          }}
        >
          <label>
            Your name{' '}
            <input
              className="field"
              value={name}
              maxLength={80}
              onChange={(e) => setName(e.target.value)}
              data-testid="learner-name"
              aria-label="Your name (picks your variant)"
            />
          </label>
          <button type="submit" className="btn" disabled={!name.trim()}>
            Play my variant
          </button>
          {st.variant !== null && <span className="pz-note">Variant {st.variant + 1}</span>}
        </form>
      )}
      <Checklist
        doc={doc}
        result={st.result}
        stale={!!st.result && st.result.revision !== revision}
        revealed={revealed}
      />
      {st.error && (
        <p className="pz-error" role="alert">
          {st.error}
        </p>
      )}
      {st.result && <Symptoms doc={doc} report={st.result.report} revealed={revealed} />}
      <Hints hints={(doc.hints ?? []).map((h) => textNow(doc, h))} shown={st.hintsShown} session={session} />
      {revealed && <Debrief doc={doc} st={st} session={session} />}
      <section aria-labelledby="pz-rules" className="pz-block">
        <h3 id="pz-rules" className="pz-h">
          This puzzle's rules
        </h3>
        <ul className="pz-rules">
          <li>
            You may add:{' '}
            <strong>
              {doc.palette ? doc.palette.map((k) => kindDef(k).label).join(', ') || 'nothing' : 'any component'}
            </strong>
            .
          </li>
          {doc.locked?.length ? (
            <li>
              <strong>{doc.locked.length} locked</strong> components cannot be deleted or moved out of their container;
              change their settings in the Inspector.
            </li>
          ) : null}
        </ul>
        <label className="pz-toggle">
          <input type="checkbox" checked={showFindings} onChange={(e) => ui.setShowFindings(e.target.checked)} />
          Show findings (static checks: they name the problem, so they are off; the symptom is the clue)
        </label>
      </section>
      <div className="pz-actions">
        <button
          type="button"
          className="btn"
          onClick={() => session.giveUp()}
          disabled={revealed}
          data-testid="give-up"
        >
          Give up
        </button>
        <button type="button" className="btn" onClick={() => void session.showSolution()} disabled={!doc.solution}>
          Show solution
        </button>
        <button type="button" className="btn" onClick={exportAttempt} data-testid="export-attempt">
          Export attempt
        </button>
        <button type="button" className="btn" onClick={() => session.reset()}>
          Reset puzzle
        </button>
        <button type="button" className="btn" onClick={() => ui.setDialog('puzzles')}>
          All puzzles
        </button>
        <button type="button" className="btn" onClick={() => session.leave()}>
          Leave puzzle
        </button>
      </div>
    </section>
  );
}

/** The check button and the share of the goal met, at the foot of the panel (seen from both tabs). */
export function CheckBar({ session }: { session: PuzzleSession }) {
  const st = useStore(session, (s) => s);
  const run = useRun();
  const met = st.result?.items.filter((i) => i.met).length ?? 0,
    total = st.result?.items.length ?? 0;
  return (
    <div className="pz-checkbar">
      <button
        type="button"
        className="btn-primary"
        onClick={() =>
          void session.check(
            () => run.runAndGrade(),
            (d, r) => run.gradeCriteria(d, r),
          )
        }
        disabled={st.checking}
        data-testid="check"
      >
        {st.checking ? 'Running…' : '▶ Check'}
      </button>
      <span
        className={`pz-verdict ${st.result ? (st.result.met ? 'is-met' : 'is-failed') : ''}`}
        role="status"
        data-testid="verdict"
      >
        {st.checking
          ? 'Running the whole scenario…'
          : !st.result
            ? 'Runs the scenario to its end on the canvas and grades it'
            : st.result.met
              ? 'Solved: the goal is met'
              : `Not yet: ${met} of ${total} met`}
      </span>
    </div>
  );
}
