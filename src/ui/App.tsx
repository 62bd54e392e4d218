import { Suspense, lazy } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas';
import { StartScreen } from './dialogs/StartScreen';
import { Inspector } from './inspector/Inspector';
import { Palette } from './palette/Palette';
import { RunDock } from './run/RunDock';
import { ModeLayers, ModeSide } from './puzzle/mount';
import { FindingsPanel } from './shell/FindingsPanel';
import { Banner, Toasts } from './shell/Messages';
import { LayoutProgress } from './shell/LayoutProgress';
import { CfnSide } from './cfn/CfnSide';
import { paramsRequest } from './cfn/open';
import { useCell } from './cfn/store';
import { TopBar } from './shell/TopBar';
import { useKeymap } from './actions/keymap';
import { WorkspaceContext, useUiState, useWorkspace } from './state/context';
import type { Workspace } from './workspace';
import './run/run.css';

// dialogs load when first opened, not with the first screen
const ShortcutSheet = lazy(() => import('./dialogs/ShortcutSheet').then((m) => ({ default: m.ShortcutSheet })));
const ShareDialog = lazy(() => import('./dialogs/ShareDialog').then((m) => ({ default: m.ShareDialog })));
const ParamsDialog = lazy(() => import('./cfn/ParamsDialog').then((m) => ({ default: m.ParamsDialog })));

/** The editor's layout: top bar, palette | canvas (+ findings) | inspector, and the dialogs. */
function Shell() {
  const ws = useWorkspace();
  const dialog = useUiState((s) => s.dialog);
  const panels = useUiState((s) => s.panels);
  const askParams = useCell(paramsRequest) !== null;
  useKeymap(ws);
  return (
    <div className="app">
      <TopBar />
      <Banner />
      <div className={`workspace${panels.palette ? '' : ' no-left'}${panels.inspector ? '' : ' no-right'}`}>
        <div className="panel panel-left" hidden={!panels.palette}>
          <Palette />
        </div>
        <main className="canvas-area" aria-label="Canvas">
          <div className="relative flex min-h-0 flex-1">
            <div className="min-w-0 flex-1">
              <Canvas />
            </div>
            <CfnSide />
          </div>
          <FindingsPanel />
          <RunDock />
        </main>
        <div className="panel panel-right" hidden={!panels.inspector}>
          <ModeSide>
            <Inspector />
          </ModeSide>
        </div>
      </div>
      <Toasts />
      <LayoutProgress />
      <ModeLayers />
      {dialog === 'start' && <StartScreen />}
      <Suspense fallback={null}>
        {dialog === 'shortcuts' && <ShortcutSheet />}
        {dialog === 'share' && <ShareDialog />}
        {askParams && <ParamsDialog />}
      </Suspense>
    </div>
  );
}

/** The page: one workspace (its stores and worker pool) given to every component through one context. */
export function App({ workspace }: { workspace: Workspace }) {
  return (
    <WorkspaceContext.Provider value={workspace}>
      <ReactFlowProvider>
        <Shell />
      </ReactFlowProvider>
    </WorkspaceContext.Provider>
  );
}
