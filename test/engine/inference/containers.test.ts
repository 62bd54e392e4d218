/**
 * Bring-your-own inference containers (issue 17): SageMaker pings the image's server on port 8080 after it starts; an
 * image serving elsewhere, or not answering GET /ping, fails endpoint creation at the health check
 * (container-ping-failed). AWS-built framework images comply whatever the props say.
 */
import { describe, expect, it } from 'vitest';
import { arch, edge, node, run } from '../../harness';

const doc = (image: Record<string, unknown>, kind: 'realtime-endpoint' | 'serverless-endpoint' = 'realtime-endpoint') =>
  arch(
    node('c', 'client', { rps: 5 }),
    node('img', 'ecr-repository', image),
    node('ep', kind),
    edge('img', 'ep'),
    edge('c', 'ep'),
  );

describe('container-ping-failed', () => {
  it(
    'a custom image serving on port 5000: a finding, creation fails at the health check with AWS wording, every ' +
      'request fails',
    () => {
      const r = run(doc({ framework: 'custom', servingPort: 5000 }));
      expect(r.finding('container-ping-failed', 'ep')?.message).toContain('listening on 0.0.0.0:5000');
      const i = r.incident('container-ping-failed', 'ep')!;
      expect(i.message).toContain(
        'The primary container for production variant primary did not pass the ping health check. Please check ' +
          'CloudWatch logs for this endpoint.',
      );
      expect(r.state('ep')).toBe('Failed');
      expect(r.node('ep').requests).toBeGreaterThan(10_000);
      expect(r.node('ep').failed).toBe(r.node('ep').requests);
      // it fails after the image pull (45 s) and the model download (30 s), at the ping (30 s later)
      expect(i.firstAtSec).toBe(105);
    },
  );

  it(
    'a custom image on 8080 that does not answer /ping fails the same ' + 'way; a serverless endpoint too (AllTraffic)',
    () => {
      const r = run(doc({ framework: 'custom', implementsPing: false }, 'serverless-endpoint'));
      expect(r.incident('container-ping-failed', 'ep')?.message).toMatch(
        /variant AllTraffic .* "GET \/ping HTTP\/1.1" 404/,
      );
      expect(r.state('ep')).toBe('Failed');
    },
  );

  it('fixed twins: a custom image on 8080 answering /ping, and an AWS framework image, go InService', () => {
    for (const image of [{ framework: 'custom' }, { framework: 'sklearn', servingPort: 5000 }]) {
      const r = run(doc(image));
      expect(r.rules().has('container-ping-failed'), JSON.stringify(image)).toBe(false);
      expect(r.state('ep')).toBe('InService');
      expect(r.node('ep').ok).toBe(r.node('ep').requests);
    }
  });
});
