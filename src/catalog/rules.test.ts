import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RULES, RULES_BY_ID, ruleById, formatMessage, httpStatus } from './rules';
import type { Domain } from './types';

const RULES_MD = fileURLToPath(new URL('../../../shared/spec/rules.md', import.meta.url));
const HAS_RULES_MD = existsSync(RULES_MD);

/** Rule ids of rules.md with the domain section they are in, in document order. */
function specRules(): { id: string; domain: Domain }[] {
  const out: { id: string; domain: Domain }[] = [];
  let domain: Domain | null = null;
  for (const line of readFileSync(RULES_MD, 'utf8').split(/\r?\n/)) {
    const heading = /^## (D[1-4]) /.exec(line);
    if (heading) {
      domain = heading[1] as Domain;
      continue;
    }
    if (line.startsWith('## ')) domain = null;
    // the v1.1 table names each rule's domain in its second column
    const added = /^\| `([a-z0-9-]+)` \| (D[1-4]) \|/.exec(line);
    if (added && !domain) {
      out.push({ id: added[1], domain: added[2] as Domain });
      continue;
    }
    const row = /^\| (`[a-z0-9-]+`(?: \/ `[a-z0-9-]+`)*) \|/.exec(line);
    if (row && domain) {
      for (const m of row[1].matchAll(/`([a-z0-9-]+)`/g)) out.push({ id: m[1], domain });
    }
  }
  return out;
}

const DOMAIN_ORDER: Domain[] = ['D1', 'D2', 'D3', 'D4'];

/** The project's own rules (issues 16 and 17, exam coverage), not in shared/spec/rules.md; each in its domain. */
const OWN_RULES: Record<string, Domain> = {
  'one-hot-high-cardinality': 'D1',
  'target-encoding-leakage': 'D1',
  'resampling-before-split': 'D1',
  'pretraining-bias': 'D1',
  'data-quality-check-failed': 'D1',
  'trained-on-bad-data': 'D1',
  'row-format-full-scan': 'D1',
  'join-out-of-memory': 'D1',
  'online-record-expired': 'D1',
  'offline-store-not-synced': 'D1',
  'kinesis-throughput-exceeded': 'D1',
  'file-system-input-needs-vpc': 'D1',
  'small-files-slow-input': 'D1',
  'algorithm-task-mismatch': 'D2',
  'metric-task-mismatch': 'D2',
  overfitting: 'D2',
  underfitting: 'D2',
  'loss-not-decreasing': 'D2',
  'vanishing-gradient': 'D2',
  'tuning-config-invalid': 'D2',
  'label-leakage': 'D2',
  'feature-attribution-drift': 'D2',
  'ai-service-task-mismatch': 'D2',
  'bedrock-custom-model-on-demand': 'D2',
  'too-little-labelled-data': 'D2',
  'gpu-network-on-tabular-data': 'D2',
  'linear-model-on-interactions': 'D2',
  'training-data-not-versioned': 'D2',
  'autopilot-too-few-rows': 'D2',
  'autopilot-objective-mismatch': 'D2',
  'autopilot-runtime-exhausted': 'D2',
  'autopilot-candidate-unregistered': 'D2',
  'jumpstart-eula-not-accepted': 'D2',
  'jumpstart-model-exceeds-gpu-memory': 'D2',
  'fine-tuning-data-format': 'D2',
  'model-version-errors': 'D3',
  'deployment-rolled-back': 'D3',
  'bad-version-shipped': 'D3',
  'guardrail-without-alarm': 'D3',
  'container-ping-failed': 'D3',
  'async-request-expired': 'D3',
  'async-backlog-growing': 'D3',
  'release-not-triggered': 'D3',
  'release-stopped-by-tests': 'D3',
  'untested-defect-released': 'D3',
  'build-timed-out': 'D3',
  'scp-denied': 'D4',
  'budget-exceeded': 'D4',
  'savings-plan-oversized': 'D4',
  'savings-plan-undersized': 'D4',
  'recommender-endpoint-unsupported': 'D4',
  'endpoint-idle': 'D4',
  'endpoint-over-provisioned': 'D4',
  'realtime-stuck-at-zero': 'D3',
  'no-capacity-at-zero': 'D3',
  'scale-to-zero-unsupported': 'D3',
  'sg-blocks-distributed-training': 'D4',
  'endpoint-sg-blocks-https': 'D4',
  'dashboard-blind-spot': 'D4',
  'role-persona-for-people': 'D4',
};
const own = new Set(Object.keys(OWN_RULES));
const AREAS = ['inference', 'jobs', 'network', 'security', 'mlops', 'monitoring', 'data', 'deploy', 'cost'];

describe('rule catalog', () => {
  it.skipIf(!HAS_RULES_MD)('has exactly the ids of rules.md, in its order and domains', () => {
    const spec = specRules();
    expect(spec.length).toBeGreaterThan(40);
    // every id of rules.md, v1.1 additions included, and none other but the project's own (OWN_RULES); the v1 ids
    // keep their order
    const catalog = RULES.map((r) => r.id).filter((id) => !own.has(id));
    expect([...catalog].sort()).toEqual(spec.map((s) => s.id).sort());
    const added = new Set(['mme-model-not-ready', 'input-mode-unsupported', 'async-stuck-at-zero']);
    expect(catalog.filter((id) => !added.has(id))).toEqual(spec.map((s) => s.id).filter((id) => !added.has(id)));
    for (const s of spec) expect(ruleById(s.id).domain, s.id).toBe(s.domain);
  });

  it('has unique ids and a map entry for each', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(RULES_BY_ID.size).toBe(RULES.length);
    for (const r of RULES) expect(RULES_BY_ID.get(r.id)).toBe(r);
  });

  it('is ordered by domain', () => {
    const order = RULES.map((r) => DOMAIN_ORDER.indexOf(r.domain));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('fills every field', () => {
    for (const r of RULES) {
      expect(r.id, r.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(DOMAIN_ORDER, r.id).toContain(r.domain);
      expect(['error', 'warning', 'info'], r.id).toContain(r.severity);
      expect(AREAS, r.id).toContain(r.area);
      expect(typeof r.static, r.id).toBe('boolean');
      for (const field of ['title', 'sheet', 'fix', 'message', 'trigger', 'inRun'] as const) {
        expect(r[field].trim().length, `${r.id}.${field}`).toBeGreaterThan(0);
        expect(r[field], `${r.id}.${field} is one line`).not.toMatch(/[\r\n]/);
      }
      const words = r.title.trim().split(/\s+/).length;
      expect(words, `${r.id}.title has 3–7 words`).toBeGreaterThanOrEqual(3);
      expect(words, `${r.id}.title has 3–7 words`).toBeLessThanOrEqual(7);
      expect(r.docs === null || r.docs.trim().length > 0, `${r.id}.docs`).toBe(true);
      if (r.http !== undefined) {
        expect(Number.isInteger(r.http) && r.http >= 400 && r.http < 600, `${r.id}.http`).toBe(true);
      }
    }
  });

  it('carries the docs notes rules.md names', () => {
    const withDocs = [
      'ecr-pull-blocked',
      'mme-cold-load',
      'mme-cache-thrash',
      'async-timeout',
      'bias-disparate-impact',
      'labeling-without-active-learning',
      'serverless-throttled',
      'monitor-unsupported-endpoint',
      'kms-on-nvme-instance',
      // v1.1 (issue 12): each fact checked against AWS documentation, with its page
      'point-in-time-leakage',
      'input-mode-unsupported',
      'mme-model-not-ready',
      'async-stuck-at-zero',
      'trigger-chain-broken',
      'sagemaker-api-unreachable',
      'logs-unreachable',
      'monitor-needs-baseline',
      'unencrypted-volume',
    ];
    for (const id of withDocs) expect(ruleById(id).docs, id).not.toBeNull();
    expect(ruleById('mme-cold-load').docs).toMatch(/ModelNotReadyException/);
    expect(ruleById('serverless-throttled').docs).toMatch(/200/);
    // every v1.1 docs note cites its AWS page
    for (const id of withDocs.slice(9)) expect(ruleById(id).docs, id).toMatch(/https:\/\/docs\.aws\.amazon\.com\//);
    expect(
      RULES.filter((r) => r.docs !== null && !own.has(r.id))
        .map((r) => r.id)
        .sort(),
    ).toEqual([...withDocs].sort());
  });

  it("has the project's own rules, in their domain, and their AWS pages where they carry a docs note", () => {
    for (const [id, domain] of Object.entries(OWN_RULES)) {
      expect(ruleById(id).domain, id).toBe(domain);
      const docs = ruleById(id).docs;
      if (docs !== null) expect(docs, id).toMatch(/https:\/\/docs\.aws\.amazon\.com\//);
    }
  });

  it('uses the severities rules.md states', () => {
    const expected: Record<string, string> = {
      'iam-wildcard': 'warning',
      'no-cloudtrail-data-events': 'info',
      'slow-start-file-mode': 'info',
      'async-scale-from-zero': 'info',
      'condition-gate-failed': 'info',
      'shadow-variant-response': 'info',
      'pipe-mode-format': 'warning',
      'model-parallel-unneeded': 'warning',
      'logs-unreachable': 'warning',
      'async-no-notification': 'warning',
      'labeling-without-active-learning': 'warning',
      'inter-container-unencrypted': 'warning',
      'pii-without-macie': 'warning',
      'unencrypted-volume': 'error',
      'unencrypted-output': 'error',
      'feature-store-one-key': 'error',
      'monitor-unsupported-endpoint': 'error',
      'batch-for-realtime': 'error',
      'ecr-pull-blocked': 'error',
      'endpoint-overloaded': 'error',
    };
    for (const [id, severity] of Object.entries(expected)) expect(ruleById(id).severity, id).toBe(severity);
  });

  it('gives request-failing rules their HTTP-like status', () => {
    expect(ruleById('payload-too-large').http).toBe(413);
    expect(ruleById('serverless-throttled').http).toBe(400);
    expect(ruleById('endpoint-overloaded').http).toBe(503);
    expect(ruleById('realtime-timeout').http).toBe(424);
    expect(ruleById('mme-model-not-ready').http).toBe(429);
    expect(httpStatus('payload-too-large', 'serverless-endpoint')).toBe(400);
    expect(httpStatus('payload-too-large', 'realtime-endpoint')).toBe(413);
  });

  it('throws a clear error on an unknown id', () => {
    expect(() => ruleById('no-such-rule')).toThrow(/Unknown rule id "no-such-rule"/);
  });

  it('fills placeholders and leaves unknown ones as they are', () => {
    const rule = ruleById('payload-too-large');
    const text = formatMessage(rule, {
      status: 413,
      variant: 'primary',
      detail: 'Request Entity Too Large',
      sizeMB: 8.5,
      limitMB: 6,
      endpointType: 'real-time',
    });
    expect(text).toBe(
      'Received client error (413) with message "Request Entity Too Large": the request payload of 8.5 MB is ' +
        'over the 6 MB limit of real-time endpoints; the front end rejected it before any instance saw it.',
    );
    expect(formatMessage(rule, { sizeMB: 8 })).toContain('{limitMB}');
    const fake = { ...rule, message: '{node} {node} {missing} {a_1}' };
    expect(formatMessage(fake, { node: 'ep', a_1: 0 })).toBe('ep ep {missing} 0');
  });
});
