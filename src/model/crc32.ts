/** CRC-32 (IEEE) of a string's UTF-16 code units (the payload is ASCII), as 8 hex digits. */
export function crc32(s: string): string {
  let c = ~0;
  for (let i = 0; i < s.length; i++) {
    c ^= s.charCodeAt(i);
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return (~c >>> 0).toString(16).padStart(8, '0');
}
