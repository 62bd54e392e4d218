import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { SHARE_LIMIT, readShareHash, shareHash } from '../../src/model/share';
import type { ArchDoc } from '../../src/model/schema';

const doc: ArchDoc = {
  format: 'sagesim/architecture@1',
  title: 'Shared',
  nodes: [
    { id: 'data', kind: 's3-bucket', position: { x: 1, y: 2 } },
    { id: 'train', kind: 'training-job' },
  ],
  edges: [{ from: 'data', to: 'train' }],
};

describe('share links', () => {
  it('round-trips a document', () => {
    const s = shareHash(doc);
    if (!s.ok) throw new Error(s.reason);
    expect(s.hash.startsWith('#doc=')).toBe(true);
    const r = readShareHash(s.hash);
    expect(r).toEqual({ ok: true, doc });
  });
  it('ignores hashes without a document', () => {
    expect(readShareHash('#about')).toBeNull();
  });
  it('refuses a damaged link and an invalid document, naming the path', () => {
    const bad = readShareHash('#doc=%%%garbage');
    expect(bad?.ok).toBe(false);
    const invalid = readShareHash(
      '#doc=' +
        compressToEncodedURIComponent(
          JSON.stringify({
            ...doc,
            edges: [],
            nodes: [{ id: 'x', kind: 'training-job', props: { inputMode: 'Stream' } }],
          }),
        ),
    );
    expect(invalid).toMatchObject({ ok: false, errors: [{ path: 'nodes[0].props.inputMode' }] });
  });
  it('refuses documents and links over the size limit', () => {
    let seed = 1;
    const noise = () =>
      Array.from({ length: 60 }, () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return 'abcdefghijklmnopqrstuvwxyz0123456789'[seed % 36];
      }).join('');
    const big: ArchDoc = {
      ...doc,
      nodes: Array.from({ length: 1000 }, (_, i) => ({ id: `n${i}`, kind: 'kms-key' as const, label: noise() })),
      edges: [],
    };
    const s = shareHash(big);
    expect(s.ok).toBe(false);
    expect(readShareHash('#doc=' + 'A'.repeat(SHARE_LIMIT + 1))).toMatchObject({
      ok: false,
      errors: [{ path: '(link)' }],
    });
  });
});
