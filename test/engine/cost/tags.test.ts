/**
 * Cost allocation tags (issue 17, S4.2.7): nodes carry `tags`; the report sums the run's cost by each tag key, the
 * untagged cost apart; a design without tags reports exactly as before.
 */
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../src/cli/format';
import { execute, setTags } from '../../../src/model/commands';
import { parseTags, tagsText } from '../../../src/ui/inspector/NodeForm';
import { arch, node, run, validate } from '../../harness';

const tagged = (tags: Record<string, Record<string, string>>) => {
  const doc = arch(
    node('fraud', 'realtime-endpoint'),
    node('churn', 'realtime-endpoint', { instanceCount: 2 }),
    node('train', 'training-job'),
  );
  return validate({ ...doc, nodes: doc.nodes.map((n) => (tags[n.id] ? { ...n, tags: tags[n.id] } : n)) });
};

describe('costByTag', () => {
  it('sums each node cost under its value for every tag key; nodes without the key are "(untagged)"', () => {
    const r = run(
      tagged({ fraud: { team: 'fraud' }, churn: { team: 'growth', env: 'prod' }, train: { team: 'fraud' } }),
    ).report;
    const cost = (id: string) => r.nodes[id].costUSD ?? 0;
    expect(cost('fraud')).toBeGreaterThan(0);
    expect(cost('train')).toBeGreaterThan(0);
    expect(r.costByTag!.team.fraud).toBeCloseTo(cost('fraud') + cost('train'), 3);
    expect(r.costByTag!.team.growth).toBeCloseTo(cost('churn'), 3);
    expect(r.costByTag!.env).toEqual({ '(untagged)': expect.any(Number), prod: cost('churn') });
    // each key splits the whole bill
    for (const values of Object.values(r.costByTag!))
      expect(Object.values(values).reduce((a, b) => a + b, 0)).toBeCloseTo(r.costUSD, 1);
    expect(formatReport('t', r)).toContain('Cost by tag');
  });

  it('is absent when no node has tags (reports of untagged designs are unchanged)', () => {
    const r = run(tagged({})).report;
    expect('costByTag' in r).toBe(false);
    expect(formatReport('t', r)).not.toContain('Cost by tag');
  });

  it('the loader refuses more than 50 tags and over-long keys, naming the node', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(() => tagged({ fraud: many })).toThrow(/nodes\[0\]\.tags.*50 tags/s);
    expect(() => tagged({ fraud: { ['x'.repeat(129)]: 'v' } })).toThrow(/nodes\[0\]\.tags/);
  });
});

describe('setTags and the inspector text', () => {
  const doc = arch(node('ep', 'realtime-endpoint'));

  it('sets trimmed tags, drops blank keys, and removes the field when empty', () => {
    const out = execute(doc, setTags, { id: 'ep', tags: { ' team ': ' fraud ', '': 'x' } });
    expect(out.ok && out.doc.nodes[0].tags).toEqual({ team: 'fraud' });
    const cleared = execute(out.ok ? out.doc : doc, setTags, { id: 'ep', tags: {} });
    expect(cleared.ok && 'tags' in cleared.doc.nodes[0]).toBe(false);
  });

  it('refuses more than 50 tags with a clear message', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    const out = execute(doc, setTags, { id: 'ep', tags: many });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.reason).toMatch(/50 tags/);
  });

  it('parses key=value lines (the first "=" splits) and prints them back', () => {
    const tags = parseTags('team=fraud\n  cost-center = 42=a \nflag\n\n');
    expect(tags).toEqual({ team: 'fraud', 'cost-center': '42=a', flag: '' });
    expect(parseTags(tagsText(tags))).toEqual(tags);
  });
});
