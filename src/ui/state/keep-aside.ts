/**
 * Keeping a damaged or foreign save aside: a copy under its own key, never an overwrite. When the copy
 * cannot be written (storage full or blocked), the caller must leave the original where it is and say so.
 */
export const KEPT_ASIDE_PREFIX = 'sagesim:kept-aside:';

/**
 * Copy `raw` under `sagesim:kept-aside:<what>:<time>` and return that key, or null when it could not be
 * written (the original must then stay untouched). The key is read back to be sure it holds the copy.
 */
export function keepAside(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  raw: string,
  what: string,
  now = Date.now(),
): string | null {
  const key = `${KEPT_ASIDE_PREFIX}${what}:${new Date(now).toISOString()}`;
  try {
    storage.setItem(key, raw);
    return storage.getItem(key) === raw ? key : null;
  } catch {
    return null;
  }
}
