/**
 * Issue 13, item 2 (and the `__proto__` part of item 11): deep nesting and special keys are refused with a
 * message before anything walks the document recursively.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/sim';
import { loadJson, loadText } from '../../src/model/load';
import { SHAPE_LIMITS } from '../../src/model/bounds';
import { readShareHash } from '../../src/model/share';
import { capture } from '../cli/capture';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const docWith = (extra: string) => `{"format":"sagesim/architecture@1","nodes":[],"extra":${extra}}`;

describe('deep nesting', () => {
  it('the runner refuses 5,500 nested arrays under an unknown key with exit 2 and the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagesim-deep-'));
    const file = join(dir, 'deep.json');
    writeFileSync(file, docWith(nested(5500)));
    const { code, err } = capture(main, [file]);
    expect(code).toBe(2);
    expect(err).toContain('extra[0][0][0][0][0][0][0]…: nested more than 32 levels deep');
  });

  it('a 1,200-level share link is refused with a message (not a crash)', () => {
    const r = readShareHash(`#doc=${compressToEncodedURIComponent(docWith(nested(1200)))}`);
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(r.errors[0].message).toMatch(/nested more than 32 levels/);
  });

  // how fast is measured by `npm run bench:robust`
  it('a million nested levels in a file are refused (no stack overflow)', () => {
    const r = loadText(docWith(nested(1_000_000)));
    expect(r.ok).toBe(false);
  });

  it('nesting up to the limit is accepted where the format allows any value', () => {
    // format (1) + extra (1) + 30 arrays = 32 levels below the root object
    expect(loadText(docWith(nested(SHAPE_LIMITS.depth - 1))).ok).toBe(true);
    expect(loadText(docWith(nested(SHAPE_LIMITS.depth))).ok).toBe(false);
  });

  it('more values than the limit are refused before the schema runs', () => {
    const r = loadJson({ format: 'sagesim/architecture@1', nodes: [], extra: new Array(SHAPE_LIMITS.values).fill(0) });
    expect(r).toEqual({
      ok: false,
      errors: [{ path: '(root)', message: expect.stringMatching(/more than 1,000,000 values/) }],
    });
  });
});

describe('__proto__ keys', () => {
  it('are reported with their path, not dropped silently', () => {
    const r = loadText(
      '{"format":"sagesim/architecture@1","nodes":[{"id":"a","kind":"sns","props":{"__proto__":{"x":1}}}]}',
    );
    expect(r).toEqual({
      ok: false,
      errors: [{ path: 'nodes[0].props.__proto__', message: '"__proto__" is not allowed as a key' }],
    });
  });
  it('at the top level too', () => {
    const r = loadText('{"format":"sagesim/architecture@1","nodes":[],"__proto__":{"polluted":true}}');
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
