import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { boot } from './ui/boot';
import { bootFinished } from './ui/state/crash';
import { CrashBoundary, CrashScreen } from './ui/shell/CrashScreen';
import './ui/styles.css';

/** Marks the boot finished once the app has painted (a boot that never gets here crashed or froze). */
function BootDone() {
  useEffect(() => {
    const t = setTimeout(() => bootFinished(localStorage), 0);
    return () => clearTimeout(t);
  }, []);
  return null;
}

const root = createRoot(document.getElementById('root')!);
try {
  const { workspace, autosave } = boot();
  root.render(
    <StrictMode>
      <CrashBoundary
        doc={() => workspace.editor.getState().doc}
        onCrash={() => autosave.hold()}
        storage={localStorage}
        session={sessionStorage}
      >
        <App workspace={workspace} />
        <BootDone />
      </CrashBoundary>
    </StrictMode>,
  );
} catch (e) {
  // a crash before the app exists (restoring, opening a link): still never a blank page
  root.render(
    <CrashScreen
      error={e instanceof Error ? e : new Error(String(e))}
      doc={null}
      storage={localStorage}
      session={sessionStorage}
    />,
  );
}
