import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { boot, bootNeedsLoader } from './ui/boot';
import { getLoader } from './model/loader';
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
/** Boot and render the app, or the crash screen when booting throws. */
function start(): void {
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
    crashed(e);
  }
}

/** A crash before the app exists (restoring, opening a link): still never a blank page. */
function crashed(e: unknown): void {
  root.render(
    <CrashScreen
      error={e instanceof Error ? e : new Error(String(e))}
      doc={null}
      storage={localStorage}
      session={sessionStorage}
    />,
  );
}

// a fresh visit shows its first screen without the loader (zod); a document to restore or a link loads it first
if (bootNeedsLoader()) getLoader().then(start, crashed);
else start();
