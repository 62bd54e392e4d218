import { autoLayout, execute } from '../../model/commands';
import { needsLayout } from '../../model/layout';
import { type LoadError, formatErrors, loadJson, loadText, saveText } from '../../model/load';
import type { ArchDoc } from '../../model/schema';
import type { Editor } from './editor';
import type { UiStore } from './ui';

/** The editor and the UI store a file is opened into (the workspace). */
export interface Host {
  editor: Editor;
  ui: UiStore;
}

/**
 * Never lose work: autosave to localStorage, restore on reload, keep a bad save aside, open files.
 * Every input here (a save, a file, a link) is untrusted and goes through the loader.
 */
export const AUTOSAVE_KEY = 'sagesim:autosave';
export const AUTOSAVE_FORMAT = 'sagesim/autosave@1';
export const KEPT_ASIDE_PREFIX = 'sagesim:kept-aside:';
/** Autosave this long after the last change (ms); well within the one-second promise. */
export const AUTOSAVE_DELAY_MS = 300;

/** Lay out the nodes a file gave no position (hand-written files), keeping the rest. */
export function prepare(doc: ArchDoc): ArchDoc {
  if (!needsLayout(doc)) return doc;
  const o = execute(doc, autoLayout, { onlyMissing: true });
  return o.ok ? o.doc : doc;
}

export type Restore =
  | { kind: 'none' }
  | { kind: 'ok'; doc: ArchDoc; savedAt: string | null }
  | { kind: 'kept-aside'; key: string; reason: string };

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
      const r = loadJson(wrapper.doc);
      if (r.ok)
        return { kind: 'ok', doc: r.doc, savedAt: typeof wrapper.savedAt === 'string' ? wrapper.savedAt : null };
      reason = `it does not load: ${formatErrors(r.errors.slice(0, 3))}`;
    }
  } catch (e) {
    reason = `it is damaged (${(e as Error).message})`;
  }
  const key = `${KEPT_ASIDE_PREFIX}${new Date(now).toISOString()}`;
  try {
    storage.setItem(key, raw);
    storage.removeItem(AUTOSAVE_KEY);
  } catch {
    /* storage full: the original stays where it was */
  }
  return { kind: 'kept-aside', key, reason };
}

export function save(storage: Storage, doc: ArchDoc, now = Date.now()): boolean {
  try {
    storage.setItem(
      AUTOSAVE_KEY,
      JSON.stringify({ format: AUTOSAVE_FORMAT, savedAt: new Date(now).toISOString(), doc }),
    );
    return true;
  } catch {
    return false;
  }
}

/** Save the editor's document shortly after every change. Returns a stop function. */
export function startAutosave({ editor, ui }: Host, storage: Storage): () => void {
  let last = editor.getState().revision;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let warned = false;
  const flush = () => {
    timer = null;
    if (!save(storage, editor.getState().doc) && !warned) {
      warned = true;
      ui.toast('Autosave failed: browser storage is full or blocked. Export your work as a file.', 'error');
    }
  };
  const unsub = editor.subscribe(() => {
    const rev = editor.getState().revision;
    if (rev === last) return;
    last = rev;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, AUTOSAVE_DELAY_MS);
  });
  const onHide = () => {
    if (timer) {
      clearTimeout(timer);
      flush();
    }
  };
  addEventListener('pagehide', onHide);
  return () => {
    unsub();
    removeEventListener('pagehide', onHide);
    if (timer) clearTimeout(timer);
  };
}

/** Open text (a file) into the editor as an undoable step, or show the loader's errors and change nothing. */
export function openText(host: Host, text: string, source: string): boolean {
  const r = loadText(text);
  if (!r.ok) {
    showLoadErrors(host, source, r.errors);
    return false;
  }
  openDoc(host, r.doc, source);
  return true;
}

export function openDoc({ editor, ui }: Host, doc: ArchDoc, source: string): void {
  const res = editor.run('replaceDocument', { doc: prepare(doc) });
  if (!res.ok) return;
  editor.select([]);
  ui.setBanner(null);
  ui.requestFit();
  ui.toast(`Opened ${source}. Undo (Ctrl+Z) goes back to what you had.`);
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
