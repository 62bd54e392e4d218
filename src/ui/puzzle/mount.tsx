import type { ReactNode } from 'react';
import { useEditorState, useUiState, useWorkspace } from '../state/context';
import { PuzzlePicker } from './PuzzlePicker';
import { CheckBar, PuzzlePanel } from './PuzzlePanel';
import { SideTabs } from './SideTabs';
import { DemoBar } from '../presenter/DemoBar';
import { DemoPicker } from '../presenter/DemoPicker';
import { Presenter } from '../presenter/Presenter';
import { MakerPanel } from '../maker/MakerPanel';
import { useStore } from '../state/store';
import '../maker/maker.css';
import './puzzle.css';

/** The right-hand panel: the puzzle (with the inspector as a tab) in puzzle mode, else `children` (the inspector). */
export function ModeSide({ children }: { children: ReactNode }) {
  const { puzzle: session, maker } = useWorkspace();
  const mode = useEditorState((s) => s.doc.mode);
  const making = useStore(maker, (s) => s.open);
  if (making && mode !== 'puzzle') {
    return (
      <div className="side-wide h-full">
        <SideTabs label="Puzzle maker" main={<MakerPanel store={maker} />} inspector={children} />
      </div>
    );
  }
  if (mode === 'demo')
    return (
      <div className="flex h-full flex-col">
        <DemoBar />
        <div className="min-h-0 flex-1">{children}</div>
      </div>
    );
  if (mode !== 'puzzle') return <>{children}</>;
  return (
    <div className="side-wide h-full">
      <SideTabs
        label="Puzzle"
        main={<PuzzlePanel session={session} />}
        inspector={children}
        footer={<CheckBar session={session} />}
      />
    </div>
  );
}

/** Dialogs and overlays of the puzzle, demo and maker modes. */
export function ModeLayers() {
  const ws = useWorkspace();
  const dialog = useUiState((s) => s.dialog);
  return (
    <>
      {dialog === 'puzzles' && <PuzzlePicker session={ws.puzzle} />}
      {dialog === 'demos' && <DemoPicker />}
      <Presenter />
    </>
  );
}
