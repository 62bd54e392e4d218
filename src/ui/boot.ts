import { readShareHash } from '../model/share';
import { EMPTY_DOC } from './state/editor';
import { type Host, openDoc, prepare, restore, showLoadErrors, startAutosave } from './state/persist';
import { Workspace } from './workspace';

const THEME_KEY = 'sagesim:theme';
const VISITED_KEY = 'sagesim:visited';

/** Open a share link in the location hash (then drop it from the address bar so a reload keeps your edits). */
function openShareLink(host: Host): boolean {
  const r = readShareHash(location.hash);
  if (!r) return false;
  if (r.ok) openDoc(host, r.doc, 'the shared link');
  else showLoadErrors(host, 'The shared link', r.errors);
  history.replaceState(null, '', location.pathname + location.search);
  return true;
}

/** Create the workspace: restore the autosave (or keep a bad one aside), open a share link, start autosaving. */
export function boot(storage: Storage = localStorage): Workspace {
  const saved = storage.getItem(THEME_KEY);
  const theme =
    saved === 'dark' || saved === 'light'
      ? saved
      : matchMedia('(prefers-color-scheme: dark)').matches
        ? 'dark'
        : 'light';
  const r = restore(storage);
  const ws = new Workspace({ doc: r.kind === 'ok' ? prepare(r.doc) : EMPTY_DOC, theme, storage });
  if (r.kind === 'kept-aside') {
    ws.ui.setBanner({
      tone: 'error',
      title: 'Your last autosave could not be opened, so it was kept aside (not overwritten). You are starting fresh.',
      lines: [`Reason: ${r.reason}`, r.key],
    });
  }
  startAutosave(ws, storage);
  const shared = openShareLink(ws);
  if (!shared && r.kind === 'none' && !storage.getItem(VISITED_KEY)) ws.ui.setDialog('start');
  try {
    storage.setItem(VISITED_KEY, '1');
  } catch {
    /* private mode */
  }
  addEventListener('hashchange', () => openShareLink(ws));
  const applyTheme = () => {
    const t = ws.ui.getState().theme;
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
  ws.ui.subscribe(applyTheme);
  return ws;
}
