import { useEffect, useState } from 'react';
import { Modal } from '../dialogs/Modal';
import { useWorkspace } from '../state/context';
import { openDoc } from '../state/persist';
import { type DemoEntry, loadDemos } from './demos';

/** Pick a classroom demo: open it on the canvas, or open it and present it straight away. */
export function DemoPicker() {
  const ws = useWorkspace();
  const { ui } = ws;
  const [list, setList] = useState<DemoEntry[] | null>(null);
  useEffect(() => {
    void loadDemos().then(setList);
  }, []);
  const close = () => ui.setDialog(null);
  const open = (d: DemoEntry, present: boolean) => {
    // the demo is shown once laid out (the layout loads on first use): present it then, not the canvas before it
    openDoc(ws, d.doc, `the demo “${d.title}”`, present ? () => ws.presenter.start() : undefined);
    close();
  };
  return (
    <Modal title="Classroom demos" onClose={close} wide>
      <p className="mb-3 text-[var(--muted)]">
        A narrated run to show a class. Present it full screen: → and ← step through the story, the run pauses at each
        step, and the class answers “what happens next?” before you show it.
      </p>
      <ul className="grid gap-3" data-testid="demo-picker">
        {(list ?? []).map((d) => (
          <li key={d.file} className="demo-card">
            <div className="min-w-0 flex-1">
              <span className="block text-[17px] font-bold">{d.title}</span>
              <span className="mt-1 block text-[14px] leading-snug text-[var(--muted)]">{d.description}</span>
              <span className="mt-1 block text-[13px] text-[var(--muted)]">
                {d.steps} steps · {d.file}
              </span>
            </div>
            <div className="flex flex-none flex-col gap-2">
              <button type="button" className="btn-primary" data-file={d.file} onClick={() => open(d, true)}>
                ▶ Present
              </button>
              <button type="button" className="btn" onClick={() => open(d, false)}>
                Open
              </button>
            </div>
          </li>
        ))}
      </ul>
      {!list && <p className="mt-3 text-[var(--muted)]">Loading…</p>}
    </Modal>
  );
}
