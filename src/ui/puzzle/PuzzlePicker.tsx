import { useEffect, useState } from 'react';
import type { Domain } from '../../catalog/types';
import { DOMAIN_NAMES } from '../../model/puzzle';
import { Modal } from '../dialogs/Modal';
import { useUi } from '../state/context';
import { type PuzzleEntry, loadPuzzles } from './catalog';
import type { PuzzleSession } from './session';
import { useStore } from '../state/store';

const DOMAINS = Object.keys(DOMAIN_NAMES) as Domain[];

/** Pick a puzzle: the four exam domains, easy to hard, with what you solved. */
export function PuzzlePicker({ session }: { session: PuzzleSession }) {
  const ui = useUi();
  const progress = useStore(session, (s) => s.progress);
  const [list, setList] = useState<PuzzleEntry[] | null>(null);
  useEffect(() => {
    void loadPuzzles().then(setList);
  }, []);
  const close = () => ui.setDialog(null);
  const solved = (list ?? []).filter((p) => progress[p.file]).length;
  return (
    <Modal title={`Puzzles${list ? ` — ${solved} of ${list.length} solved` : ''}`} onClose={close} wide>
      <p className="mb-3 text-[var(--muted)]">
        Each puzzle is a broken SageMaker architecture with a story. Run it, read the symptom, fix it with the
        components on offer, and Check. Your sandbox is kept aside until you leave the puzzle.
      </p>
      <div className="pz-picker" data-testid="puzzle-picker">
        {DOMAINS.map((d) => {
          const items = (list ?? []).filter((p) => p.domain === d);
          return (
            <section key={d} aria-labelledby={`pk-${d}`}>
              <h3 id={`pk-${d}`} className="pz-pick-h">
                {d} · {DOMAIN_NAMES[d]}{' '}
                <span>
                  {items.filter((p) => progress[p.file]).length}/{items.length}
                </span>
              </h3>
              <ol>
                {items.map((p) => (
                  <li key={p.file}>
                    <button
                      type="button"
                      className="pz-pick"
                      data-file={p.file}
                      onClick={() => {
                        void session.open(p.file, p.doc);
                        close();
                      }}
                    >
                      <span className="pz-pick-n">{p.order}</span>
                      <span className="min-w-0 flex-1">{p.title}</span>
                      {progress[p.file] && (
                        <span
                          className="pz-pick-ok"
                          aria-label="solved"
                          title={progress[p.file].withSolution ? 'solved with the solution' : 'solved'}
                        >
                          ✓
                        </span>
                      )}
                    </button>
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
      </div>
      {!list && <p className="mt-3 text-[var(--muted)]">Loading…</p>}
    </Modal>
  );
}
