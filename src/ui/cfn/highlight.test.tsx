import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { highlightYaml } from './highlight';

const html = (yaml: string) => renderToStaticMarkup(<pre>{highlightYaml(yaml)}</pre>);

describe('the CloudFormation view highlighter', () => {
  it('marks keys, short tags, quoted strings, numbers and booleans, and keeps the text as it is', () => {
    const yaml =
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n  " +
      '    Enabled: true\n      Count: 2\n      Arn: !GetAtt Key.Arn\n';
    const out = html(yaml);
    expect(out).toContain('<span class="yaml-key">AWSTemplateFormatVersion</span>');
    expect(out).toContain('<span class="yaml-string">&#x27;2010-09-09&#x27;</span>');
    expect(out).toContain('<span class="yaml-tag">!GetAtt</span> Key.Arn');
    expect(out).toContain('<span class="yaml-scalar">true</span>');
    expect(out).toContain('<span class="yaml-scalar">2</span>');
    expect(out).toContain('<span class="yaml-key">Type</span>: AWS::KMS::Key');
    expect(out.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'")).toBe(yaml);
  });
  it('does not colour digits inside names (ml.m5.large, 10.0.0.0/16)', () => {
    const out = html('InstanceType: ml.m5.large\nCidr: 10.0.0.0/16\n');
    expect(out).not.toContain('yaml-scalar');
  });
});
