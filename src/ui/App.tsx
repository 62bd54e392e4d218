import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas';
import { ShareDialog } from './dialogs/ShareDialog';
import { ShortcutSheet } from './dialogs/ShortcutSheet';
import { StartScreen } from './dialogs/StartScreen';
import { Inspector } from './inspector/Inspector';
import { Palette } from './palette/Palette';
import { RunDock } from './run/RunDock';
import { RunProvider } from './run/RunProvider';
import { ModeLayers, ModeSide } from './puzzle/mount';
import { FindingsPanel } from './shell/FindingsPanel';
import { Banner, Toasts } from './shell/Messages';
import { LayoutProgress } from './shell/LayoutProgress';
import { TopBar } from './shell/TopBar';
import { useShortcuts } from './shortcuts';
import { EditorContext, useEditor, useEditorState } from './state/context';
import type { Editor } from './state/editor';

/** The editor's layout: top bar, palette | canvas (+ findings) | inspector, and the dialogs. */
function Shell() {
  const editor = useEditor();
  const dialog = useEditorState((s) => s.dialog);
  const panels = useEditorState((s) => s.panels);
  useShortcuts(editor);
  return (
    <div className="app">
      <TopBar />
      <Banner />
      <div className={`workspace${panels.palette ? '' : ' no-left'}${panels.inspector ? '' : ' no-right'}`}>
        <div className="panel panel-left" hidden={!panels.palette}>
          <Palette />
        </div>
        <main className="canvas-area" aria-label="Canvas">
          <div className="min-h-0 flex-1">
            <Canvas />
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
      {dialog === 'shortcuts' && <ShortcutSheet />}
      {dialog === 'share' && <ShareDialog />}
    </div>
  );
}

export function App({ editor }: { editor: Editor }) {
  return (
    <EditorContext.Provider value={editor}>
      <ReactFlowProvider>
        <RunProvider editor={editor}>
          <Shell />
        </RunProvider>
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}
