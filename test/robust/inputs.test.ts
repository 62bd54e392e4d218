/**
 * Issue 13, items 10 and 11: the runner and the page read the same encodings; the runner refuses devices and
 * FIFOs and caps what it reads; share links carry a checksum; clearer messages for bounds and command lines.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/sim';
import { decodeFile } from '../../src/model/decode';
import { COMMANDS, execute } from '../../src/model/commands';
import { loadJson, loadText } from '../../src/model/load';
import { compressToEncodedURIComponent } from 'lz-string';
import { crc32, readShareHash, shareHash } from '../../src/model/share';
import type { ArchDoc } from '../../src/model/schema';
import { capture } from '../cli/capture';

const dir = mkdtempSync(join(tmpdir(), 'sagesim-inputs-'));
const DOC = '{"format":"sagesim/architecture@1","title":"é","nodes":[{"id":"q","kind":"sqs"}]}';
const cli = (...args: string[]) => capture(main, args);
const utf16 = (s: string, le: boolean) => {
  const b = Buffer.from(s, 'utf16le');
  if (!le) b.swap16();
  return Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), b]);
};

describe('encodings: the page and the runner read the same files', () => {
  it('UTF-8 with or without a byte-order mark, UTF-16 LE and BE with one', () => {
    for (const bytes of [
      Buffer.from(DOC),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DOC)]),
      utf16(DOC, true),
      utf16(DOC, false),
    ]) {
      expect(decodeFile(new Uint8Array(bytes))).toEqual({ ok: true, text: DOC });
      const f = join(dir, `enc-${bytes[0]}.json`);
      writeFileSync(f, bytes);
      expect(cli(f).code).toBe(0);
    }
  });
  it('bytes that are not UTF-8 are refused, not replaced by U+FFFD', () => {
    const latin1 = Buffer.from(DOC, 'latin1');
    expect(decodeFile(new Uint8Array(latin1))).toEqual({
      ok: false,
      message: 'the file is not UTF-8 text (save it as UTF-8, or as UTF-16 with a byte-order mark)',
    });
    const f = join(dir, 'latin1.json');
    writeFileSync(f, latin1);
    expect(cli(f)).toMatchObject({ code: 2, err: expect.stringContaining('is not UTF-8 text') });
  });
});

describe('what the runner reads', () => {
  // a hang (it used to read forever) fails on the test's timeout
  it(
    'refuses /dev/zero, a FIFO and a directory without reading them (it used to read forever)',
    { timeout: 30_000 },
    () => {
      const fifo = join(dir, 'fifo');
      execFileSync('mkfifo', [fifo]);
      for (const [p, why] of [
        ['/dev/zero', 'not a regular file'],
        [fifo, 'not a regular file'],
        [dir, 'it is a directory'],
      ]) {
        const r = cli(p);
        expect(r.code).toBe(2);
        expect(r.err).toContain(why);
      }
    },
  );
  it('refuses a file over 5 MB by its size, before reading it', () => {
    const f = join(dir, 'big.json');
    writeFileSync(f, Buffer.alloc(6 * 1024 * 1024, 0x20));
    expect(cli(f)).toMatchObject({
      code: 2,
      err: expect.stringContaining('the file is 6.0 MB; architecture files are limited to 5 MB'),
    });
  });
  it('--seed and --duration take plain decimal numbers only', () => {
    const f = join(dir, 'ok.json');
    writeFileSync(f, DOC);
    for (const bad of ['0x10', ' 7', '1e3', '-1', '']) {
      const r = cli(f, '--seed', bad);
      expect(r.code, bad).toBe(2);
      expect(r.err).toContain(`--seed needs a non-negative decimal number, got ${JSON.stringify(bad)}`);
    }
    expect(cli(f, '--duration', '0x10').code).toBe(2);
    expect(cli(f, '--seed', '7', '--duration', '60.5').code).toBe(0);
  });
});

describe('messages', () => {
  const base = { format: 'sagesim/architecture@1', nodes: [] };
  it('durationSec 0 must be more than 0 (not "at least 0")', () => {
    expect(loadJson({ ...base, durationSec: 0 })).toEqual({
      ok: false,
      errors: [{ path: 'durationSec', message: 'must be more than 0' }],
    });
  });
  it('a huge seed is reported once, with the seed range', () => {
    expect(loadText('{"format":"sagesim/architecture@1","nodes":[],"seed":99999999999999999999}')).toEqual({
      ok: false,
      errors: [{ path: 'seed', message: 'must be at most 4294967295' }],
    });
  });
  it(
    'a variant name that is not a string is reported once, not again as "[object Object]" (found by the fuzz ' +
      'suite)',
    () => {
      const r = loadJson({
        ...base,
        nodes: [
          { id: 'app', kind: 'client', props: { targetVariant: 'champion' } },
          {
            id: 'ep',
            kind: 'realtime-endpoint',
            props: {
              variants: [
                { name: { a: 1 }, weight: 1 },
                { name: 'challenger', weight: 1 },
              ],
            },
          },
        ],
        edges: [{ from: 'app', to: 'ep' }],
      });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      for (const e of r.errors) expect(e.message).not.toMatch(/object Object|undefined/);
      expect(r.errors[0]).toEqual({ path: 'nodes[1].props.variants[0].name', message: 'expected string, got object' });
      expect(r.errors.slice(1)).toEqual([
        {
          path: 'nodes[0].props.targetVariant',
          message: 'endpoint ep has no production variant "champion" (it has challenger)',
        },
      ]);
    },
  );
  it('positions far off the canvas (1e308) are refused; the editor keeps moves inside the range', () => {
    const r = loadJson({ ...base, nodes: [{ id: 'a', kind: 'sns', position: { x: 1e308, y: 0 } }] });
    expect(r).toEqual({ ok: false, errors: [{ path: 'nodes[0].position.x', message: 'must be at most 1000000' }] });
    const d = loadJson({ ...base, nodes: [{ id: 'a', kind: 'sns' }] });
    if (!d.ok) throw new Error('fixture');
    const o = execute(d.doc, COMMANDS.move, { positions: { a: { x: 1e308, y: -1e308 } } });
    if (!o.ok) throw new Error(o.reason);
    expect(o.doc.nodes[0].position).toEqual({ x: 1_000_000, y: -1_000_000 });
    expect(loadJson(o.doc).ok).toBe(true);
  });
});

describe('share links', () => {
  const doc = { format: 'sagesim/architecture@1', title: 'Shared', nodes: [{ id: 'q', kind: 'sqs' }] } as ArchDoc;
  it('carry a CRC-32 of their payload and round-trip', () => {
    expect(crc32('123456789')).toBe('cbf43926');
    const s = shareHash(doc);
    if (!s.ok) throw new Error(s.reason);
    expect(s.hash).toMatch(/^#doc=[A-Za-z0-9+$-]+~[0-9a-f]{8}$/);
    expect(readShareHash(s.hash)).toEqual({ ok: true, doc });
  });
  it('one flipped character is refused, naming the damage (it used to open an altered document)', () => {
    const s = shareHash(doc);
    if (!s.ok) throw new Error(s.reason);
    const i = 12;
    const flipped = s.hash.slice(0, i) + (s.hash[i] === 'A' ? 'B' : 'A') + s.hash.slice(i + 1);
    expect(readShareHash(flipped)).toEqual({
      ok: false,
      errors: [
        {
          path: '(link)',
          message:
            'the link is damaged: its checksum does not match (a character was changed, lost or added when it ' +
            'was copied)',
        },
      ],
    });
    expect(readShareHash(s.hash.slice(0, -1))?.ok).toBe(false);
  });
  it('links made before checksums still open; their errors say "(link)", not "(file)"', () => {
    expect(readShareHash(`#doc=${compressToEncodedURIComponent(JSON.stringify(doc))}`)).toEqual({ ok: true, doc });
    expect(readShareHash(`#doc=${compressToEncodedURIComponent('{"format":')}`)).toEqual({
      ok: false,
      errors: [{ path: '(link)', message: expect.stringMatching(/^not valid JSON/) }],
    });
  });
});
