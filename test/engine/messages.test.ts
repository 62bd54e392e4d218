/**
 * No garbled message: every shipped scenario and every rule-coverage document, run to the end, gives findings
 * and incidents whose messages have every placeholder filled and read as sentences.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arch, edge, node, run, validate, findings } from '../harness';
import { CASES } from './rule-cases';

const GARBLE = [
  /\{/,
  /undefined/,
  /NaN/,
  /\(no source\)/,
  /\bEvent events\b/,
  /\b(the|a|an|of|on|to|from|is|in|and) \1\b/,
];
const bad = (messages: string[]) => messages.filter((m) => GARBLE.some((re) => re.test(m)));
const messagesOf = (r: ReturnType<typeof run>) => [...r.report.findings, ...r.report.incidents].map((x) => x.message);

function scenarios(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? scenarios(p) : f.endsWith('.json') ? [p] : [];
  });
}

describe('messages are filled in', () => {
  for (const f of scenarios('scenarios')) {
    it(f, () => {
      const doc = validate(JSON.parse(readFileSync(f, 'utf8')));
      expect(bad(messagesOf(run(doc)))).toEqual([]);
    });
  }
  for (const [rule, c] of Object.entries(CASES)) {
    it(`rule-coverage document of ${rule}`, () => {
      expect(bad(messagesOf(run(c.doc(), c.durationSec ? { durationSec: c.durationSec } : {})))).toEqual([]);
    });
  }
  it(
    'the review cases: EventBridge rule with no source or target, lambda with no target, scaler leak with no ' +
      'training, async timeout',
    () => {
      const docs = [
        arch(node('eb', 'eventbridge')),
        arch(node('d', 's3-bucket', { eventNotifications: true }), node('eb', 'eventbridge'), edge('d', 'eb')),
        arch(
          node('d', 's3-bucket', { eventNotifications: true }),
          node('eb', 'eventbridge'),
          node('fn', 'lambda'),
          edge('d', 'eb'),
          edge('eb', 'fn'),
        ),
        arch(node('d', 's3-bucket'), node('p', 'processing-job', { scalerFit: 'full-dataset' }), edge('d', 'p')),
        arch(node('c', 'client', { rps: 0.01 }), node('e', 'async-endpoint', { processingSec: 4000 }), edge('c', 'e')),
      ];
      for (const d of docs) {
        const ms = [...findings(d).map((f) => f.message), ...messagesOf(run(d))];
        expect(ms.length).toBeGreaterThan(0);
        expect(bad(ms)).toEqual([]);
      }
      expect(findings(docs[0])[0].message).toBe(
        'Events reaching eb start nothing (rule eb has no target (no lambda or pipeline) and nothing is wired ' +
          'into it); no pipeline execution or endpoint update would be started.',
      );
      expect(findings(docs[3]).find((f) => f.rule === 'scaler-leakage')?.message).toMatch(
        /^Scaler leakage: p fits its scaler on the full dataset/,
      );
      expect(findings(docs[4]).find((f) => f.rule === 'async-timeout')?.message).toMatch(
        /^Async inference requests on e failed/,
      );
      expect(findings(docs[1]).find((f) => f.rule === 'trigger-chain-broken')?.message).toMatch(
        /^Event Object Created from d was emitted/,
      );
    },
  );
});
