import { useEffect, useState } from 'react';
import { useWorkspace } from '../state/context';
import { EMPTY_DOC } from '../state/editor';
import { openDoc, showLoadErrors } from '../state/persist';
import { getLoader } from '../../model/loader';
import { type Starter, loadStarters } from '../starters';
import { Modal } from './Modal';

/** First visit and File › New from starter: the reference architectures, or a blank canvas. */
export function StartScreen() {
  const ws = useWorkspace();
  const { ui } = ws;
  const [starters, setStarters] = useState<Starter[] | null>(null);
  useEffect(() => {
    void loadStarters().then(setStarters);
  }, []);
  const close = () => ui.setDialog(null);
  // the loader (zod) loads with the first starter opened
  const pick = async (s: Starter) => {
    const source = `the starter “${s.title}”`;
    const r = (await getLoader()).loadText(s.text);
    if (r.ok) openDoc(ws, r.doc, source);
    else showLoadErrors(ws, source, r.errors);
    close();
  };
  return (
    <Modal title="Start from a reference architecture" onClose={close} wide>
      <p className="mb-4 text-[var(--muted)]">
        Start blank, or from a working SageMaker design you can change and break. Your current work stays in the undo
        history.
      </p>
      <div className="mb-4 flex flex-wrap gap-3">
        <button
          type="button"
          className="btn btn-primary"
          title="An empty canvas: build from the palette on the left"
          onClick={() => {
            openDoc(ws, EMPTY_DOC, 'a blank canvas');
            close();
          }}
        >
          Blank canvas
        </button>
        <button type="button" className="btn" onClick={() => ui.setDialog('puzzles')}>
          Puzzles: fix a broken architecture
        </button>
        <button type="button" className="btn" onClick={() => ui.setDialog('demos')}>
          Classroom demos
        </button>
      </div>
      <ul className="grid grid-cols-1 gap-3 md:grid-cols-2" data-testid="starters">
        {(starters ?? []).map((s) => (
          <li key={s.file}>
            <button type="button" className="starter-card" onClick={() => void pick(s)}>
              <span className="block text-[16px] font-bold">{s.title}</span>
              <span className="mt-1 block text-[14px] leading-snug text-[var(--muted)]">{s.description}</span>
              <span className="mt-2 block text-[13px] text-[var(--muted)]">
                {s.nodes} components · {s.file}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {!starters && <p className="mt-3 text-[var(--muted)]">Loading…</p>}
    </Modal>
  );
}
