import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { type LoadResult, loadText } from './load';
import type { ArchDoc } from './schema';
import { crc32 } from './crc32';
import { registerShare } from './loader';

export { crc32 };

/**
 * Share links: the whole document, lz-string compressed, in the URL fragment (`#doc=…`), so it never
 * reaches a server. A link is untrusted input: size-limited, checked against its checksum, then validated
 * exactly like a file.
 *
 * Form: `#doc=<payload>~<checksum>`, the checksum being the CRC-32 of the payload in 8 hex digits (`~` is
 * not in lz-string's URI alphabet). A link without `~` was made before checksums and is read as it is.
 */
export const SHARE_PREFIX = '#doc=';
/** Longest fragment we make or accept, in characters (well inside what browsers and chat apps keep). */
export const SHARE_LIMIT = 32_000;
const SUM = '~';

export type ShareResult = { ok: true; hash: string } | { ok: false; reason: string };

/** The `#doc=…` fragment for a document, or why it cannot be shared as a link. */
export function shareHash(doc: ArchDoc): ShareResult {
  const payload = compressToEncodedURIComponent(JSON.stringify(doc));
  const hash = `${SHARE_PREFIX}${payload}${SUM}${crc32(payload)}`;
  if (hash.length > SHARE_LIMIT) {
    return {
      ok: false,
      reason:
        `This architecture is too large for a link (${hash.length.toLocaleString('en')} characters; the limit is ` +
        `${SHARE_LIMIT.toLocaleString('en')}). Export it as a file instead.`,
    };
  }
  return { ok: true, hash };
}

const linkError = (message: string): LoadResult => ({ ok: false, errors: [{ path: '(link)', message }] });

/** Read a location hash: null when it carries no document, else the load result (errors with paths). */
export function readShareHash(hash: string): LoadResult | null {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  let payload = hash.slice(SHARE_PREFIX.length);
  if (payload.length > SHARE_LIMIT)
    return linkError(`the link is ${payload.length} characters; share links are limited to ${SHARE_LIMIT}`);
  const at = payload.lastIndexOf(SUM);
  if (at >= 0) {
    const sum = payload.slice(at + 1);
    payload = payload.slice(0, at);
    if (sum !== crc32(payload))
      return linkError(
        'the link is damaged: its checksum does not match (a character was changed, lost or added when it was copied)',
      );
  }
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(payload);
  } catch {
    text = null;
  }
  if (!text) return linkError('the link is damaged or incomplete (it does not decompress)');
  return loadText(text, 'link');
}

registerShare({ readShareHash });
