import { type ReactNode, Suspense, lazy } from 'react';
import { useEditorState, useUiState, useWorkspace } from '../state/context';
import { SideTabs } from './SideTabs';
import { useStore } from '../state/store';
import '../maker/maker.css';
import './puzzle.css';

// Each mode's panels load when the mode is first entered (a fresh visit opens the sandbox): not on the first screen.
const MakerPanel = lazy(() => import('../maker/MakerPanel').then((m) => ({ default: m.MakerPanel })));
const PuzzlePanel = lazy(() => import('./PuzzlePanel').then((m) => ({ default: m.PuzzlePanel })));
const CheckBar = lazy(() => import('./PuzzlePanel').then((m) => ({ default: m.CheckBar })));
const PuzzlePicker = lazy(() => import('./PuzzlePicker').then((m) => ({ default: m.PuzzlePicker })));
const DemoBar = lazy(() => import('../presenter/DemoBar').then((m) => ({ default: m.DemoBar })));
const DemoPicker = lazy(() => import('../presenter/DemoPicker').then((m) => ({ default: m.DemoPicker })));
const Presenter = lazy(() => import('../presenter/Presenter').then((m) => ({ default: m.Presenter })));

/** What a lazily loaded panel shows for the moment it takes to load. */
const loading = <div className="p-3 text-sm opacity-70">Loading…</div>;

/** The right-hand panel: the puzzle (with the inspector as a tab) in puzzle mode, else `children` (the inspector). */
export function ModeSide({ children }: { children: ReactNode }) {
  const { puzzle: session, maker } = useWorkspace();
  const mode = useEditorState((s) => s.doc.mode);
  const making = useStore(maker, (s) => s.open);
  if (making && mode !== 'puzzle') {
    return (
      <div className="side-wide h-full">
        <SideTabs
          label="Puzzle maker"
          main={
            <Suspense fallback={loading}>
              <MakerPanel store={maker} />
            </Suspense>
          }
          inspector={children}
        />
      </div>
    );
  }
  if (mode === 'demo')
    return (
      <div className="flex h-full flex-col">
        <Suspense fallback={null}>
          <DemoBar />
        </Suspense>
        <div className="min-h-0 flex-1">{children}</div>
      </div>
    );
  if (mode !== 'puzzle') return <>{children}</>;
  return (
    <div className="side-wide h-full">
      <SideTabs
        label="Puzzle"
        main={
          <Suspense fallback={loading}>
            <PuzzlePanel session={session} />
          </Suspense>
        }
        inspector={children}
        footer={
          <Suspense fallback={null}>
            <CheckBar session={session} />
          </Suspense>
        }
      />
    </div>
  );
}

/** Dialogs and overlays of the puzzle, demo and maker modes. */
export function ModeLayers() {
  const ws = useWorkspace();
  const dialog = useUiState((s) => s.dialog);
  const presenting = useStore(ws.presenter, (s) => s.on);
  return (
    <>
      <Suspense fallback={null}>
        {dialog === 'puzzles' && <PuzzlePicker session={ws.puzzle} />}
        {dialog === 'demos' && <DemoPicker />}
        {presenting && <Presenter />}
      </Suspense>
    </>
  );
}
