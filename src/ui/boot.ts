import { readShareHash } from '../model/share';
import { Editor, EMPTY_DOC } from './state/editor';
import { openDoc, prepare, restore, showLoadErrors, startAutosave } from './state/persist';

const THEME_KEY = 'sagesim:theme';
const VISITED_KEY = 'sagesim:visited';

/** Open a share link in the location hash (then drop it from the address bar so a reload keeps your edits). */
function openShareLink(editor: Editor): boolean {
  const r = readShareHash(location.hash);
  if (!r) return false;
  if (r.ok) openDoc(editor, r.doc, 'the shared link');
  else showLoadErrors(editor, 'The shared link', r.errors);
  history.replaceState(null, '', location.pathname + location.search);
  return true;
}

/** Create the editor: restore the autosave (or keep a bad one aside), open a share link, start autosaving. */
export function boot(storage: Storage = localStorage): Editor {
  const saved = storage.getItem(THEME_KEY);
  const theme =
    saved === 'dark' || saved === 'light'
      ? saved
      : matchMedia('(prefers-color-scheme: dark)').matches
        ? 'dark'
        : 'light';
  const editor = new Editor(EMPTY_DOC, theme);
  const r = restore(storage);
  if (r.kind === 'ok') editor.reset(prepare(r.doc));
  if (r.kind === 'kept-aside') {
    editor.setBanner({
      tone: 'error',
      title: 'Your last autosave could not be opened, so it was kept aside (not overwritten). You are starting fresh.',
      lines: [`Reason: ${r.reason}`, r.key],
    });
  }
  startAutosave(editor, storage);
  const shared = openShareLink(editor);
  if (!shared && r.kind === 'none' && !storage.getItem(VISITED_KEY)) editor.setDialog('start');
  try {
    storage.setItem(VISITED_KEY, '1');
  } catch {
    /* private mode */
  }
  addEventListener('hashchange', () => openShareLink(editor));
  const applyTheme = () => {
    const t = editor.getState().theme;
    if (document.documentElement.dataset.theme !== t) {
      document.documentElement.dataset.theme = t;
      try {
        storage.setItem(THEME_KEY, t);
      } catch {
        /* ignore */
      }
    }
  };
  applyTheme();
  editor.subscribe(applyTheme);
  return editor;
}
