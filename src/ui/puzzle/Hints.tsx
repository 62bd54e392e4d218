import type { PuzzleSession } from './session';

/** Hints revealed one at a time. */
export function Hints({ hints, shown, session }: { hints: readonly string[]; shown: number; session: PuzzleSession }) {
  if (!hints.length) return null;
  return (
    <section aria-labelledby="pz-hints" className="pz-block">
      <h3 id="pz-hints" className="pz-h">
        Hints{' '}
        <span className="pz-pct">
          {shown} of {hints.length}
        </span>
      </h3>
      <ol className="pz-hints" data-testid="hints">
        {hints.slice(0, shown).map((h, i) => (
          <li key={i}>{h}</li>
        ))}
      </ol>
      {shown < hints.length && (
        <button type="button" className="btn" onClick={() => session.revealHint()}>
          {shown === 0 ? 'Show a hint' : 'Show the next hint'} ({shown + 1} of {hints.length})
        </button>
      )}
    </section>
  );
}
