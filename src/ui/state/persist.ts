import { applyLayout, needsLayout } from '../../model/layout';
import type { LoadError } from '../../model/load';
import { getLoader, loader } from '../../model/loader';
import { saveText } from '../../model/save';
import type { ArchDoc } from '../../model/schema';
import { LIMITS } from '../../catalog/limits';
import type { Editor } from './editor';
import type { UiStore } from './ui';
import { KEPT_ASIDE_PREFIX, keepAside } from './keep-aside';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_FORMAT, AUTOSAVE_KEY, startAutosave } from './autosave';
import { LAYOUT_SYNC_MAX, layoutInBackground, layoutOf } from './layout-job';
import { decodeFile, tooLarge } from '../../model/decode';
import { keepBeforeOpen } from './crash';

/** The editor and the UI store a file is opened into (the workspace). */
export interface Host {
  editor: Editor;
  ui: UiStore;
  /** Where the document showing is kept before another replaces it (the workspace's storage). */
  storage?: Storage;
}

/**
 * Never lose work: autosave to localStorage, restore on reload, keep a bad save aside, open files.
 * Every input here (a save, a file, a link) is untrusted and goes through the loader.
 */
export { AUTOSAVE_DELAY_MS, AUTOSAVE_FORMAT, AUTOSAVE_KEY, KEPT_ASIDE_PREFIX, startAutosave };

/**
 * Lay out the nodes a file gave no position (hand-written files), keeping the rest, then call `done` with the
 * document: at once when every node is placed, else when the layout module has loaded (a few milliseconds), or
 * from the layout worker (with progress and a cancel) when there are many nodes to place.
 */
export function whenPlaced(
  doc: ArchDoc,
  what: string,
  done: (doc: ArchDoc) => void,
  o: { cancelled?: () => void; failed?: (message: string) => void } = {},
): void {
  if (!needsLayout(doc)) return done(doc);
  if (unplaced(doc) > LAYOUT_SYNC_MAX) {
    layoutInBackground(doc, { what, onlyMissing: true, done, ...o });
    return;
  }
  layoutOf(doc).then(
    (l) => done(applyLayout(doc, l, true)),
    (e: Error) => o.failed?.(e.message),
  );
}

export type Restore =
  | { kind: 'none' }
  | { kind: 'ok'; doc: ArchDoc; savedAt: string | null }
  | { kind: 'kept-aside'; key: string; reason: string }
  /** Damaged, and there was no room to copy it aside: it stays under the autosave key and must not be overwritten. */
  | { kind: 'damaged-in-place'; reason: string };

/** Read the autosave. A save that cannot be opened is copied under another key, never overwritten. */
export function restore(storage: Storage, now = Date.now()): Restore {
  const raw = storage.getItem(AUTOSAVE_KEY);
  if (raw === null) return { kind: 'none' };
  let reason: string;
  try {
    const wrapper = JSON.parse(raw) as { format?: unknown; savedAt?: unknown; doc?: unknown };
    if (wrapper?.format !== AUTOSAVE_FORMAT) {
      reason =
        typeof wrapper?.format === 'string' && wrapper.format.startsWith('sagesim/autosave@')
          ? `it was written by a newer SageSim (${wrapper.format})`
          : 'it is not a SageSim autosave';
    } else {
      const { loadJson, formatErrors } = loader();
      const r = loadJson(wrapper.doc);
      if (r.ok)
        return { kind: 'ok', doc: r.doc, savedAt: typeof wrapper.savedAt === 'string' ? wrapper.savedAt : null };
      reason = `it does not load: ${formatErrors(r.errors.slice(0, 3))}`;
    }
  } catch (e) {
    reason = `it is damaged (${(e as Error).message})`;
  }
  const key = keepAside(storage, raw, 'autosave', now);
  if (!key) return { kind: 'damaged-in-place', reason };
  try {
    storage.removeItem(AUTOSAVE_KEY);
  } catch {
    /* blocked: the copy exists, the original stays too */
  }
  return { kind: 'kept-aside', key, reason };
}

/**
 * Open text (a file) into the editor as an undoable step, or show the loader's errors and change nothing (the
 * loader is loaded first when it is not yet).
 */
export async function openText(host: Host, text: string, source: string): Promise<boolean> {
  const r = (await getLoader()).loadText(text);
  if (!r.ok) {
    showLoadErrors(host, source, r.errors);
    return false;
  }
  try {
    openDoc(host, r.doc, source);
  } catch (e) {
    showLoadErrors(host, source, [{ path: '(file)', message: `it could not be opened: ${(e as Error).message}` }]);
    return false;
  }
  return true;
}

/**
 * The text of a file picked or dropped, or null (and the reason in the banner): refused by its size before it
 * is read, decoded as the runner decodes files (UTF-8, or UTF-16 with a byte-order mark).
 */
export async function readFileText(host: Host, file: Blob & { name: string }): Promise<string | null> {
  const source = `"${file.name}"`;
  if (file.size > LIMITS.bytes) {
    showLoadErrors(host, source, [{ path: '(file)', message: tooLarge(file.size) }]);
    return null;
  }
  let d: ReturnType<typeof decodeFile>;
  try {
    d = decodeFile(new Uint8Array(await file.arrayBuffer()));
  } catch (e) {
    d = { ok: false, message: `it could not be read: ${(e as Error).message}` };
  }
  if (!d.ok) {
    showLoadErrors(host, source, [{ path: '(file)', message: d.message }]);
    return null;
  }
  return d.text;
}

/** Open a file picked or dropped as a SageSim document. */
export async function openFile(host: Host, file: Blob & { name: string }): Promise<boolean> {
  const text = await readFileText(host, file);
  return text !== null && (await openText(host, text, `"${file.name}"`));
}

/** Nodes of a document that have no position (a hand-written file). */
export const unplaced = (doc: ArchDoc) => doc.nodes.reduce((a, n) => a + (n.position ? 0 : 1), 0);

/**
 * Open a document as an undoable step. One with many nodes to place is laid out in a worker first (with
 * progress and a cancel that leaves your work as it was); `then` runs once it is showing.
 */
export function openDoc(host: Host, doc: ArchDoc, source: string, then?: () => void): void {
  whenPlaced(
    doc,
    source,
    (laid) => {
      if (show(host, laid, source)) then?.();
    },
    {
      cancelled: () => host.ui.toast(`Opening ${source} was cancelled; your work is unchanged.`),
      failed: (m) => showLoadErrors(host, source, [{ path: '(layout)', message: m }]),
    },
  );
}

/** Auto-layout the whole canvas (the menu's and Ctrl+Shift+L's): big documents in a worker. */
export function autoLayoutCanvas({ editor, ui }: Host): void {
  const doc = editor.getState().doc;
  if (doc.nodes.length <= LAYOUT_SYNC_MAX) {
    void layoutOf(doc).then((layout) => {
      if (editor.getState().doc !== doc) return ui.toast('The canvas changed during the layout; run it again.');
      editor.run('autoLayout', { layout });
      ui.requestFit();
    });
    return;
  }
  layoutInBackground(doc, {
    what: 'the canvas',
    onlyMissing: false,
    done: (laid) => {
      if (editor.getState().doc !== doc) return ui.toast('The canvas changed during the layout; run it again.');
      editor.run('replaceDocument', { doc: laid });
      ui.requestFit();
    },
  });
}

function show({ editor, ui, storage }: Host, doc: ArchDoc, source: string): boolean {
  const before = editor.getState().doc;
  const res = editor.run('replaceDocument', { doc });
  if (!res.ok) return false;
  // the autosave will soon hold the opened document: keep what was showing, in case the new one crashes the page
  const kept = !storage || !before.nodes.length || keepBeforeOpen(storage, before);
  editor.select([]);
  ui.setBanner(null);
  ui.requestFit();
  ui.toast(
    `Opened ${source}. Undo (Ctrl+Z) goes back to what you ` +
      `had${kept ? '' : ' (browser storage is too full to keep a copy of it past a reload)'}.`,
  );
  return true;
}

export function showLoadErrors({ ui }: Host, source: string, errors: readonly LoadError[]): void {
  ui.setBanner({
    tone: 'error',
    title: `${source} could not be opened; your work is unchanged.`,
    lines: errors.map((e) => `${e.path}: ${e.message}`),
  });
}

/** Download text as a file (export). */
export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const fileName = (doc: ArchDoc) =>
  `${
    (doc.title ?? 'architecture')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'architecture'
  }.json`;

export function exportFile(doc: ArchDoc): void {
  download(fileName(doc), saveText(doc));
}
