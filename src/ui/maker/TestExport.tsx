import { useState } from 'react';
import type { Report } from '../../engine';
import { checkPuzzle } from '../../model/puzzle';
import { saveText } from '../../model/load';
import { shareHash } from '../../model/share';
import { useWorkspace } from '../state/context';
import { download, fileName } from '../state/persist';
import type { MakerStore } from './store';

function Verdict({ label, report, want }: { label: string; report: Report; want: boolean }) {
  const met = report.goal?.met ?? false;
  const good = met === want;
  return (
    <div className={`mk-verdict ${good ? 'is-good' : 'is-bad'}`}>
      <strong>
        {label}: {met ? 'meets the goal' : 'fails the goal'} {good ? '✓' : '✗'}
      </strong>
      {!met && (
        <ul>
          {(report.goal?.failed ?? []).slice(0, 4).map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Test the puzzle (as built it must fail, with its solution it must pass), then save it, share it or play it. */
export function TestExport({ store }: { store: MakerStore }) {
  const ws = useWorkspace();
  const { ui } = ws;
  const [link, setLink] = useState<string | null>(null);
  const st = store.getState();
  const doc = store.puzzle();
  if (!doc) return null;
  const problems = checkPuzzle(doc);
  const share = () => {
    const r = shareHash(doc);
    if (!r.ok) {
      ui.toast(r.reason, 'error');
      return;
    }
    setLink(`${location.origin}${location.pathname}${r.hash}`);
  };
  return (
    <>
      <button
        type="button"
        className="btn-primary"
        onClick={() => void store.test()}
        disabled={!!st.busy}
        data-testid="maker-test"
      >
        ▶ Test the puzzle
      </button>
      {st.test && (
        <div className="mt-2 grid gap-2" data-testid="maker-test-result">
          <Verdict label="As built" report={st.test.asBuilt} want={false} />
          {st.test.withSolution ? (
            <Verdict label="With the solution" report={st.test.withSolution} want />
          ) : (
            <p className="pz-note">No solution captured yet.</p>
          )}
        </div>
      )}
      {problems.length > 0 && (
        <div className="mt-2 text-[14px]">
          <p className="font-semibold">Before you share it:</p>
          <ul className="list-disc pl-5 text-[var(--muted)]">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="pz-actions">
        <button
          type="button"
          className="btn"
          onClick={() => download(fileName(doc), saveText(doc))}
          data-testid="maker-export"
        >
          Save puzzle file
        </button>
        <button type="button" className="btn" onClick={share}>
          Share link
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            store.close();
            void ws.puzzle.open(null, doc);
          }}
        >
          Play it
        </button>
      </div>
      {link && (
        <input
          className="field mt-2 w-full"
          readOnly
          value={link}
          aria-label="Share link to the puzzle"
          data-testid="maker-link"
          onFocus={(e) => e.target.select()}
        />
      )}
    </>
  );
}
