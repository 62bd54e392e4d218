/**
 * Issue 13, item 9: one policy, sent as headers by `vite preview` and `public/_headers` (with frame-ancestors),
 * carried by index.html's meta, and no eval anywhere: zod validates without probing `new Function`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { CSP_HEADER, CSP_META, SECURITY_HEADERS, headersFile } from '../../src/security/headers';
import config from '../../vite.config';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');

describe('content security policy', () => {
  it('public/_headers is generated from src/security/headers.ts', () => {
    expect(read('public/_headers')).toBe(headersFile());
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
    expect(CSP_HEADER).not.toMatch(/unsafe-eval|blob:; object|worker-src 'self' blob:/);
  });
  it('vite preview sends the headers', () => {
    expect((config as { preview?: { headers?: unknown } }).preview?.headers).toEqual(SECURITY_HEADERS);
  });
  it("index.html's meta carries the same policy (without the header-only directives)", () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(read('index.html'))?.[1];
    expect(meta).toBe(CSP_META);
  });
  it('loading and validating a document never calls new Function (zod jitless)', async () => {
    const calls: unknown[] = [];
    const Real = Function;
    vi.stubGlobal(
      'Function',
      new Proxy(Real, {
        construct(target, args) {
          calls.push(args);
          return Reflect.construct(target, args);
        },
      }),
    );
    try {
      vi.resetModules();
      const { loadText } = await import('../../src/model/load');
      const r = loadText(readFileSync(new URL('../fixtures/every-kind.json', import.meta.url), 'utf8'));
      expect(r.ok).toBe(true);
      expect(calls).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
