import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { type LoadResult, loadText } from './load';
import type { ArchDoc } from './schema';

/**
 * Share links: the whole document, lz-string compressed, in the URL fragment (`#doc=…`), so it never
 * reaches a server. A link is untrusted input: size-limited, then validated exactly like a file.
 */
export const SHARE_PREFIX = '#doc=';
/** Longest fragment we make or accept, in characters (well inside what browsers and chat apps keep). */
export const SHARE_LIMIT = 32_000;

export type ShareResult = { ok: true; hash: string } | { ok: false; reason: string };

/** The `#doc=…` fragment for a document, or why it cannot be shared as a link. */
export function shareHash(doc: ArchDoc): ShareResult {
  const hash = SHARE_PREFIX + compressToEncodedURIComponent(JSON.stringify(doc));
  if (hash.length > SHARE_LIMIT) {
    return {
      ok: false,
      reason: `This architecture is too large for a link (${hash.length.toLocaleString('en')} characters; the limit is ${SHARE_LIMIT.toLocaleString('en')}). Export it as a file instead.`,
    };
  }
  return { ok: true, hash };
}

/** Read a location hash: null when it carries no document, else the load result (errors with paths). */
export function readShareHash(hash: string): LoadResult | null {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const payload = hash.slice(SHARE_PREFIX.length);
  if (payload.length > SHARE_LIMIT) {
    return {
      ok: false,
      errors: [
        {
          path: '(link)',
          message: `the link is ${payload.length} characters; share links are limited to ${SHARE_LIMIT}`,
        },
      ],
    };
  }
  let text: string | null = null;
  try {
    text = decompressFromEncodedURIComponent(payload);
  } catch {
    text = null;
  }
  if (!text)
    return {
      ok: false,
      errors: [{ path: '(link)', message: 'the link is damaged or incomplete (it does not decompress)' }],
    };
  return loadText(text);
}
