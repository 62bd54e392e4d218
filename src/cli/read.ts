import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { decodeFile, tooLarge } from '../model/decode';
import { LIMITS } from '../model/schema';

/**
 * Read a document file for the runner: only a regular file (a device such as /dev/zero or a FIFO would be
 * read forever), at most the size limit (a file that grows while it is read is cut and refused), decoded as
 * the page decodes it (UTF-8, or UTF-16 with a byte-order mark).
 */
export function readDocumentFile(path: string): { ok: true; text: string } | { ok: false; message: string } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever before we can look at it
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message,
    };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, message: 'it is a directory' };
    if (!st.isFile())
      return { ok: false, message: 'not a regular file (a device, a FIFO or a socket); give a .json file' };
    if (st.size > LIMITS.bytes) return { ok: false, message: tooLarge(st.size) };
    const buf = Buffer.alloc(LIMITS.bytes + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      n += got;
      if (got === 0 || n === buf.length) break;
    }
    if (n > LIMITS.bytes) return { ok: false, message: tooLarge(n) };
    const d = decodeFile(buf.subarray(0, n));
    return d.ok ? d : { ok: false, message: d.message };
  } finally {
    closeSync(fd);
  }
}
