import { crc32 } from '../../model/share';
import type { ArchDoc } from '../../model/schema';
import { AUTOSAVE_KEY } from './autosave';
import { keepAside } from './keep-aside';

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
