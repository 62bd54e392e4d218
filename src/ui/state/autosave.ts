import type { ArchDoc } from '../../model/schema';
import type { Editor } from './editor';
import type { UiStore } from './ui';
import { KEPT_ASIDE_PREFIX } from './keep-aside';

/**
 * The autosave loop: the editor's document is written to local storage shortly after every change, and never
 * over something it must not overwrite:
 * - a damaged save that could not be copied aside (the loop starts held, and says so);
 * - another tab's work: each save carries its tab's id; a save that would replace another tab's first copies
 *   that tab's latest work aside (one copy per other tab, refreshed), and does not write when the copy fails.
 * Another tab is detected by a BroadcastChannel greeting and by storage events, and the person is told once.
 */
export const AUTOSAVE_KEY = 'sagesim:autosave';
export const AUTOSAVE_FORMAT = 'sagesim/autosave@1';
/** Autosave this long after the last change (ms); well within the one-second promise. */
export const AUTOSAVE_DELAY_MS = 300;
const CHANNEL = 'sagesim:tabs';

/** The key under which another tab's latest work is kept. */
export const otherTabKey = (tab: string) => `${KEPT_ASIDE_PREFIX}other-tab:${tab}`;

export interface Autosave {
  /** Stop saving and listening. */
  stop(): void;
  /** Stop writing (after a crash, or while a damaged save sits in place); edits are not saved. */
  hold(): void;
  /** Write again, now. */
  resume(): void;
  /** This tab's id (written into every save). */
  readonly tab: string;
}

function writerOf(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const w = JSON.parse(raw) as { tab?: unknown } | null;
    return typeof w?.tab === 'string' ? w.tab : null;
  } catch {
    return null;
  }
}

export interface AutosaveOptions {
  /** Start held (a damaged save is in place). */
  held?: boolean;
  tab?: string;
  now?: () => number;
  channel?: { postMessage(m: unknown): void; onmessage: ((e: MessageEvent) => void) | null; close(): void } | null;
}

/** Save the editor's document shortly after every change. */
export function startAutosave(
  { editor, ui }: { editor: Editor; ui: UiStore },
  storage: Storage,
  o: AutosaveOptions = {},
): Autosave {
  const tab = o.tab ?? Math.random().toString(36).slice(2, 10);
  const now = o.now ?? Date.now;
  let held = !!o.held;
  let last = editor.getState().revision;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let warnedFull = false,
    warnedTab = false;
  /** What this tab wrote last (at first, what it restored from): anything else there was written by another tab. */
  let mine: string | null = null;
  try {
    mine = storage.getItem(AUTOSAVE_KEY);
  } catch {
    /* blocked */
  }

  const warnOtherTab = () => {
    if (warnedTab) return;
    warnedTab = true;
    ui.toast(
      'SageSim is open in another tab too. Each tab autosaves; before this tab saves over the other tab’s ' +
        'work, that work is kept aside.',
      'info',
    );
  };

  const write = (doc: ArchDoc): boolean => {
    let current: string | null = null;
    try {
      current = storage.getItem(AUTOSAVE_KEY);
    } catch {
      /* blocked: the write below fails too */
    }
    const other = current !== null && current !== mine ? writerOf(current) : null;
    if (other && other !== tab) {
      warnOtherTab();
      if (!copyTo(other)) {
        if (!warnedFull) {
          warnedFull = true;
          ui.setBanner({
            tone: 'error',
            title: 'Autosave is paused: another tab’s work is in the autosave and there is no room to keep it aside.',
            lines: ['Export your work as a file (File → Export), or close the other tab.'],
          });
        }
        return false;
      }
    }
    const raw = JSON.stringify({ format: AUTOSAVE_FORMAT, savedAt: new Date(now()).toISOString(), tab, doc });
    try {
      storage.setItem(AUTOSAVE_KEY, raw);
      mine = raw;
      return true;
    } catch {
      return false;
    }

    function copyTo(t: string): boolean {
      try {
        storage.setItem(otherTabKey(t), current!);
        return storage.getItem(otherTabKey(t)) === current;
      } catch {
        return false;
      }
    }
  };

  const flush = () => {
    timer = null;
    if (held) return;
    if (!write(editor.getState().doc) && !warnedFull) {
      warnedFull = true;
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
  const onStorage = (e: StorageEvent) => {
    if (e.key === AUTOSAVE_KEY && e.newValue && writerOf(e.newValue) !== tab) warnOtherTab();
  };
  let channel = o.channel;
  if (channel === undefined && typeof BroadcastChannel !== 'undefined') channel = new BroadcastChannel(CHANNEL);
  if (channel) {
    channel.onmessage = (e: MessageEvent) => {
      const m = e.data as { type?: string; tab?: string };
      if (!m || m.tab === tab) return;
      if (m.type === 'hello') channel!.postMessage({ type: 'here', tab });
      if (m.type === 'hello' || m.type === 'here') warnOtherTab();
    };
    channel.postMessage({ type: 'hello', tab });
  }
  if (typeof addEventListener === 'function') {
    addEventListener('pagehide', onHide);
    addEventListener('storage', onStorage);
  }
  return {
    tab,
    stop() {
      unsub();
      if (typeof removeEventListener === 'function') {
        removeEventListener('pagehide', onHide);
        removeEventListener('storage', onStorage);
      }
      channel?.close();
      if (timer) clearTimeout(timer);
    },
    hold() {
      held = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    resume() {
      held = false;
      flush();
    },
  };
}
