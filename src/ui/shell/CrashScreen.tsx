import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { ArchDoc } from '../../model/schema';
import { saveText } from '../../model/save';
import { AUTOSAVE_KEY } from '../state/autosave';
import { blankNextLoad, docHash, openPrevious, previousDoc, recordCrash } from '../state/crash';
import { download } from '../state/persist';

export interface CrashProps {
  error: Error;
  /** The document that was showing (downloadable), when there was one. */
  doc: ArchDoc | null;
  storage: Storage;
  session: Storage;
}

/** True when the autosave holds a document other than the one that crashed (so it can be opened). */
function goodAutosave(storage: Storage, doc: ArchDoc | null): boolean {
  try {
    const raw = storage.getItem(AUTOSAVE_KEY);
    if (!raw) return false;
    const w = JSON.parse(raw) as { doc?: ArchDoc };
    return !!w?.doc && (!doc || docHash(w.doc) !== docHash(doc));
  } catch {
    return false;
  }
}

/**
 * What the page shows instead of a blank screen: what failed, and three ways on — the last good autosave, a
 * blank canvas (the autosave kept aside first), or the document that failed, as a file.
 */
export function CrashScreen({ error, doc, storage, session }: CrashProps) {
  const autosaved = goodAutosave(storage, doc);
  // the autosave holds the document that crashed: the work showing before it was opened is kept apart
  const previous = !autosaved && !!previousDoc(storage, doc);
  const good = autosaved || previous;
  const reload = () => location.assign(location.pathname + location.search);
  const openGood = () => {
    if (previous && !openPrevious(storage))
      return alert('There is no room in browser storage to keep the document that failed aside first.');
    reload();
  };
  return (
    <div role="alert" className="crash" data-testid="crash-screen">
      <h1>SageSim stopped showing this architecture</h1>
      <p>
        Something failed while drawing the page: <code>{error.message || String(error)}</code>
      </p>
      <p>
        Nothing you saved is lost. The document that failed will not be opened again automatically.
        {autosaved ? ' Your last autosave is intact.' : ''}
        {previous ? ' What you had before you opened it is kept.' : ''}
      </p>
      <div className="crash-actions">
        {good && (
          <button type="button" className="btn btn-primary" onClick={openGood}>
            Open the last good autosave
          </button>
        )}
        <button
          type="button"
          className="btn"
          onClick={() => {
            try {
              blankNextLoad(storage, session);
              reload();
            } catch (e) {
              alert(`A blank canvas needs room to keep your autosave aside: ${(e as Error).message}.`);
            }
          }}
        >
          Start with a blank canvas
        </button>
        {doc && (
          <button type="button" className="btn" onClick={() => download('failed-architecture.json', saveText(doc))}>
            Download the document that failed
          </button>
        )}
      </div>
    </div>
  );
}

interface BoundaryProps {
  children: ReactNode;
  /** The document showing now (read when a crash happens). */
  doc: () => ArchDoc | null;
  /** Called once on a crash, before anything is shown (stop autosaving). */
  onCrash: () => void;
  storage: Storage;
  session: Storage;
}

/** Catches a render crash anywhere in the app and shows the crash screen instead of a blank page. */
export class CrashBoundary extends Component<BoundaryProps, { error: Error | null; doc: ArchDoc | null }> {
  state = { error: null as Error | null, doc: null as ArchDoc | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onCrash();
    const doc = this.props.doc();
    if (doc) recordCrash(this.props.storage, doc);
    this.setState({ doc });
    console.warn('SageSim crashed while rendering', error, info.componentStack);
  }

  render() {
    if (this.state.error)
      return (
        <CrashScreen
          error={this.state.error}
          doc={this.state.doc}
          storage={this.props.storage}
          session={this.props.session}
        />
      );
    return this.props.children;
  }
}
