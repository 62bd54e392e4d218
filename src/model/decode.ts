import { LIMITS } from '../catalog/limits';

/**
 * The bytes of a file as text, the same way in the runner and in the page: UTF-8 (a leading byte-order mark is
 * dropped), or UTF-16 little- or big-endian when the file starts with that byte-order mark. Anything else that
 * is not valid UTF-8 is refused, as is a file over the size limit (checked before decoding).
 */
export type Decoded = { ok: true; text: string } | { ok: false; message: string };

/** The size message every reader uses (a file and a share link's payload). */
export function tooLarge(bytes: number): string {
  return (
    `the file is ${(bytes / 1048576).toFixed(1)} MB; architecture files are limited to ${LIMITS.bytes / 1048576} ` +
    `MB`
  );
}

export function decodeFile(bytes: Uint8Array): Decoded {
  if (bytes.length > LIMITS.bytes) return { ok: false, message: tooLarge(bytes.length) };
  const b0 = bytes[0],
    b1 = bytes[1];
  const encoding =
    b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : ('utf-8' as const);
  try {
    // fatal: a byte sequence that is not valid in the encoding is an error, not a replacement character
    return { ok: true, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return {
      ok: false,
      message:
        encoding === 'utf-8'
          ? 'the file is not UTF-8 text (save it as UTF-8, or as UTF-16 with a byte-order mark)'
          : `the file starts like ${encoding.toUpperCase()} text but is not valid ${encoding.toUpperCase()}`,
    };
  }
}
