import { getLoader, shareReader } from '../model/loader';
import { saveText } from '../model/save';
import { needsLayout } from '../model/layout';
import { EMPTY_DOC } from './state/editor';
import { type Autosave, AUTOSAVE_KEY } from './state/autosave';
import { beginBoot, crashedOn, forgetCrash, previousDoc, takeBlankStart } from './state/crash';
import { keepAside } from './state/keep-aside';
import { type Host, download, openDoc, restore, showLoadErrors, startAutosave, whenPlaced } from './state/persist';
import { Workspace } from './workspace';

const THEME_KEY = 'sagesim:theme';
const VISITED_KEY = 'sagesim:visited';

/** The keys a fresh visit may hold without anything to open (boot needs no loader for them). */
const FRESH_KEYS = new Set([THEME_KEY, VISITED_KEY, 'sagesim:dock-height@1']);
const hasState = (s: Storage): boolean => {
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith('sagesim:') && !FRESH_KEYS.has(k)) return true;
  }
  return false;
};

/**
 * Whether `boot` needs the validating loader first (`getLoader()`, issue 19: zod and the schemas are not on the
 * first screen of a fresh visit): when there is anything to restore (an autosave, a puzzle session, a crash
 * record) or a share link to open. Unreadable storage counts as "yes".
 */
export function bootNeedsLoader(
  storage: Storage = localStorage,
  session: Storage = sessionStorage,
  hash = location.hash,
): boolean {
  if (hash) return true;
  try {
    return hasState(storage) || hasState(session);
  } catch {
    return true;
  }
}

/** Open a share link in the location hash (then drop it from the address bar so a reload keeps your edits). */
function openShareLink(host: Host): boolean {
  // no hash, no link (and no share-link reader needed: it is loaded when there is a hash, see `bootNeedsLoader`)
  if (!location.hash) return false;
  const r = shareReader().readShareHash(location.hash);
  if (!r) return false;
  // drop the hash first: a link that crashes the page is not opened again by a reload
  history.replaceState(null, '', location.pathname + location.search);
  if (r.ok) openDoc(host, r.doc, 'the shared link');
  else showLoadErrors(host, 'The shared link', r.errors);
  return true;
}

const readRaw = (storage: Storage): string => {
  try {
    return storage.getItem(AUTOSAVE_KEY) ?? '';
  } catch {
    return '';
  }
};

/**
 * Create the workspace (after `getLoader()` when `bootNeedsLoader()`): restore the autosave (or keep a bad one
 * aside; or leave it in place, untouched, when it cannot be copied; or hold it back when it crashed the page), open
 * a share link, start autosaving.
 */
export function boot(
  storage: Storage = localStorage,
  session: Storage = sessionStorage,
): { workspace: Workspace; autosave: Autosave } {
  const saved = storage.getItem(THEME_KEY);
  const theme =
    saved === 'dark' || saved === 'light'
      ? saved
      : matchMedia('(prefers-color-scheme: dark)').matches
        ? 'dark'
        : 'light';
  const blank = takeBlankStart(session);
  const unfinished = beginBoot(storage);
  const r = blank ? ({ kind: 'none' } as const) : restore(storage);
  const crashed = r.kind === 'ok' && (unfinished || crashedOn(storage, r.doc));
  // an autosave with nodes to place opens once they are placed (the layout module loads on first use)
  const place = r.kind === 'ok' && !crashed && needsLayout(r.doc);
  const ws = new Workspace({
    doc: r.kind === 'ok' && !crashed && !place ? r.doc : EMPTY_DOC,
    theme,
    storage,
  });
  const { editor, ui } = ws;
  if (place && r.kind === 'ok') whenPlaced(r.doc, 'your last autosave', (laid) => editor.reset(laid));

  /** Keep the held autosave aside and save again; false (and the banner again) when there is no room. */
  const release = (): boolean => {
    const raw = readRaw(storage);
    if (raw && !keepAside(storage, raw, 'autosave')) {
      heldBanner();
      ui.toast(
        'There is no room in browser storage to keep your last autosave aside; it stays, autosave paused.',
        'error',
      );
      return false;
    }
    forgetCrash(storage);
    autosave.resume();
    return true;
  };
  const heldBanner = () => {
    if (r.kind !== 'ok') return;
    const doc = r.doc;
    // the work showing before the crashed document was opened over it (a file, a drop, a link)
    const before = previousDoc(storage, doc);
    ui.setBanner({
      tone: 'error',
      title:
        `The page stopped while showing your last ` +
        `autosave${r.savedAt ? ` (saved ${r.savedAt.slice(0, 16).replace('T', ' ')} UTC)` : ''}, so it was not ` +
        `opened again. It is still saved; autosave is paused until you choose.`,
      lines: [],
      actions: [
        {
          label: 'Open it anyway',
          run: () => {
            forgetCrash(storage);
            whenPlaced(doc, 'your last autosave', (laid) => editor.reset(laid));
            autosave.resume();
          },
        },
        ...(before
          ? [
              {
                label: 'Open what you had before it',
                run: () => {
                  if (release()) whenPlaced(before, 'what you had before it', (laid) => editor.reset(laid));
                },
              },
            ]
          : []),
        { label: 'Download it', run: () => download('last-autosave.json', saveText(doc)) },
        { label: 'Start blank (it is kept aside)', run: () => void release() },
      ],
    });
  };
  if (crashed) heldBanner();
  if (r.kind === 'kept-aside') {
    ui.setBanner({
      tone: 'error',
      title: 'Your last autosave could not be opened, so it was kept aside (not overwritten). You are starting fresh.',
      lines: [`Reason: ${r.reason}`, r.key],
    });
  }
  if (r.kind === 'damaged-in-place') {
    const raw = readRaw(storage);
    ui.setBanner({
      tone: 'error',
      title:
        'Your last autosave could not be opened, and browser storage is too full to keep a copy aside. It ' +
        'stays where it is, untouched, and autosave is paused so nothing overwrites it.',
      lines: [`Reason: ${r.reason}`, `Size: ${raw.length.toLocaleString('en')} characters`],
      actions: [
        { label: 'Download the damaged save', run: () => download('damaged-autosave.json', raw, 'text/plain') },
        {
          label: 'Discard it and autosave again',
          run: () => {
            try {
              storage.removeItem(AUTOSAVE_KEY);
            } catch {
              /* blocked */
            }
            autosave.resume();
          },
        },
      ],
    });
  }
  const autosave = startAutosave(ws, storage, { held: crashed || r.kind === 'damaged-in-place' });
  const shared = openShareLink(ws);
  // a link opened over a held autosave: keep that autosave aside, then save the link's document as usual
  if (shared && crashed) release();
  if (!shared && r.kind === 'none' && !blank && !storage.getItem(VISITED_KEY)) ui.setDialog('start');
  try {
    storage.setItem(VISITED_KEY, '1');
  } catch {
    /* private mode */
  }
  addEventListener('hashchange', () => void getLoader().then(() => openShareLink(ws)));
  const applyTheme = () => {
    const t = ui.getState().theme;
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
  ui.subscribe(applyTheme);
  return { workspace: ws, autosave };
}
