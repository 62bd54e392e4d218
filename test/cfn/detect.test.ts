import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeTemplate } from '../../src/cfn/detect';

/** The runner and the page (Open file, drop) decide with this whether a file is a template or a SageSim document. */
const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');

describe('looksLikeTemplate', () => {
  it('YAML by its name, JSON templates by their top-level keys (cdk synth output included)', () => {
    expect(looksLikeTemplate('stack.yaml', '')).toBe(true);
    expect(looksLikeTemplate('stack.template', '{}')).toBe(true);
    expect(looksLikeTemplate('DocProcessingStack.template.json', read('fixtures/cfn/cdk-synth.json'))).toBe(true);
    expect(looksLikeTemplate('t.json', '{ "AWSTemplateFormatVersion": "2010-09-09" }')).toBe(true);
    expect(looksLikeTemplate('template.txt', 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n')).toBe(true);
  });
  it('a SageSim document is not a template, even when its text says "Resources"', () => {
    expect(looksLikeTemplate('every-kind.json', read('fixtures/every-kind.json'))).toBe(false);
    const doc = JSON.stringify({ format: 'sagesim/architecture@1', title: 'x', description: '"Resources": none' });
    expect(looksLikeTemplate('doc.json', doc)).toBe(false);
    expect(looksLikeTemplate('doc.json', '{"nodes": []}')).toBe(false);
  });
});
