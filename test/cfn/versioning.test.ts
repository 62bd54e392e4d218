/**
 * S3 Versioning in CloudFormation (models16): `versioning` "Enabled" / "Suspended" is the bucket's
 * VersioningConfiguration.Status and comes back from it; "Off" (never versioned: no configuration) travels in the
 * resource's metadata.
 */
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../src/cfn/export/index';
import { importTemplate } from '../../src/cfn/import';
import { templateToYaml } from '../../src/cfn/yaml-out';
import { arch, node } from '../harness';

const bucket = (versioning: string | null) => arch(node('data', 's3-bucket', { versioning }));

describe('s3-bucket versioning', () => {
  it.each(['Enabled', 'Suspended'])('%s is VersioningConfiguration.Status and comes back', (v) => {
    const { template } = exportDesign(bucket(v));
    const r = Object.values(
      template.Resources as Record<string, { Type: string; Properties?: Record<string, unknown> }>,
    ).find((x) => x.Type === 'AWS::S3::Bucket')!;
    expect(r.Properties?.VersioningConfiguration).toEqual({ Status: v });
    const back = importTemplate(templateToYaml(template)).doc;
    expect(back.nodes[0].props?.versioning).toBe(v);
  });

  it('"Off" and null write no VersioningConfiguration', () => {
    for (const v of ['Off', null]) {
      const { template } = exportDesign(bucket(v));
      const r = Object.values(
        template.Resources as Record<string, { Type: string; Properties?: Record<string, unknown> }>,
      ).find((x) => x.Type === 'AWS::S3::Bucket')!;
      expect(r.Properties?.VersioningConfiguration).toBeUndefined();
    }
  });
});
