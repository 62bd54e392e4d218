import { crc32 } from '../../model/crc32';
import type { ArchDoc } from '../../model/schema';
import { loader } from '../../model/loader';
import { AUTOSAVE_FORMAT, AUTOSAVE_KEY } from './autosave';
import { KEPT_ASIDE_PREFIX, keepAside } from './keep-aside';

/**
 * Never blank twice: what the page remembers about a crash, so a document that crashed it (or a boot that never
 * finished: a crash outside React, a frozen tab closed by hand) is not opened again automatically.
 */
/** Set while a boot opens the autosave; removed once the app has painted. */
export const BOOT_KEY = 'sagesim:booting';
/** The fingerprint of the document showing when the page crashed. */
export const CRASH_KEY = 'sagesim:crashed';
/** In session storage: the next load starts with a blank canvas (the crash screen's choice). */
export const BLANK_KEY = 'sagesim:start-blank';

/** A fingerprint of a document (as the autosave writes it). */
export const docHash = (doc: ArchDoc): string => {
  const text = JSON.stringify(doc);
  return `${crc32(text)}:${text.length}`;
};

const tryGet = (s: Storage, k: string): string | null => {
  try {
    return s.getItem(k);
  } catch {
    return null;
  }
};
const trySet = (s: Storage, k: string, v: string | null): void => {
  try {
    if (v === null) s.removeItem(k);
    else s.setItem(k, v);
  } catch {
    /* storage full or blocked: the guard is best effort */
  }
};

/** Start a boot; true when the previous one never finished (it crashed or froze while opening). */
export function beginBoot(storage: Storage): boolean {
  const unfinished = tryGet(storage, BOOT_KEY) !== null;
  trySet(storage, BOOT_KEY, new Date().toISOString());
  return unfinished;
}

/** The app has painted: this boot finished. */
export function bootFinished(storage: Storage): void {
  trySet(storage, BOOT_KEY, null);
}

/** Remember the document that was showing when the page crashed. */
export function recordCrash(storage: Storage, doc: ArchDoc): void {
  trySet(storage, CRASH_KEY, docHash(doc));
}

/** True when this document is the one that crashed the page. */
export function crashedOn(storage: Storage, doc: ArchDoc): boolean {
  return tryGet(storage, CRASH_KEY) === docHash(doc);
}

/** Forget the crash (the person chose to open the document anyway). */
export function forgetCrash(storage: Storage): void {
  trySet(storage, CRASH_KEY, null);
}

/**
 * Start the next load with a blank canvas: the autosave is first copied aside (it is not lost). Returns the
 * kept key, or null when there was no autosave; throws when the copy could not be written (nothing changed).
 */
export function blankNextLoad(storage: Storage, session: Storage): string | null {
  const raw = tryGet(storage, AUTOSAVE_KEY);
  let key: string | null = null;
  if (raw !== null) {
    key = keepAside(storage, raw, 'autosave');
    if (!key) throw new Error('there is no room in browser storage to keep your autosave aside');
    trySet(storage, AUTOSAVE_KEY, null);
  }
  trySet(session, BLANK_KEY, '1');
  trySet(storage, BOOT_KEY, null);
  return key;
}

/** True (once) when this load was asked to start blank. */
export function takeBlankStart(session: Storage): boolean {
  const v = tryGet(session, BLANK_KEY) !== null;
  if (v) trySet(session, BLANK_KEY, null);
  return v;
}

/**
 * The document that was showing before a file, a drop, a link, a starter or a puzzle replaced it (one copy, the
 * latest): the autosave soon holds the opened document, and if that one crashes the page this is the last good work.
 */
export const BEFORE_OPEN_KEY = `${KEPT_ASIDE_PREFIX}before-open`;

/** Keep `doc` (about to be replaced) under `BEFORE_OPEN_KEY`; false when there is no room. */
export function keepBeforeOpen(storage: Storage, doc: ArchDoc): boolean {
  const raw = JSON.stringify({ format: AUTOSAVE_FORMAT, savedAt: new Date().toISOString(), doc });
  try {
    storage.setItem(BEFORE_OPEN_KEY, raw);
    return storage.getItem(BEFORE_OPEN_KEY) === raw;
  } catch {
    return false;
  }
}

/** The document kept before the last open, when there is one that loads and is not `crashed`. */
export function previousDoc(storage: Storage, crashed: ArchDoc | null): ArchDoc | null {
  const raw = tryGet(storage, BEFORE_OPEN_KEY);
  if (!raw) return null;
  try {
    const r = loader().loadJson((JSON.parse(raw) as { doc?: unknown } | null)?.doc);
    return r.ok && (!crashed || docHash(r.doc) !== docHash(crashed)) ? r.doc : null;
  } catch {
    return null;
  }
}

/**
 * Make the document kept before the last open the autosave again, so the next load opens it: the autosave there
 * now (the document that crashed) is kept aside first. False (nothing changed) when there is nothing kept or no room.
 */
export function openPrevious(storage: Storage): boolean {
  const prev = tryGet(storage, BEFORE_OPEN_KEY);
  if (!prev || !previousDoc(storage, null)) return false;
  const raw = tryGet(storage, AUTOSAVE_KEY);
  if (raw !== null && raw !== prev && !keepAside(storage, raw, 'autosave')) return false;
  try {
    storage.setItem(AUTOSAVE_KEY, prev);
  } catch {
    return false;
  }
  forgetCrash(storage);
  trySet(storage, BOOT_KEY, null);
  return true;
}
