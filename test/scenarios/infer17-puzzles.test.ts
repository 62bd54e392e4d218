/**
 * Scale to zero and security group puzzles (issue 17, infer17), proven like every puzzle (test/scenarios/prove.ts):
 * each
 * fails as shipped and passes with its solution and alternatives on seeds 1–20; the tempting wrong fixes fail.
 * - d3/22: an inference-component endpoint scaled to zero never wakes without the step-scaling policy on
 *   NoCapacityInvocationFailures; a plain endpoint cannot scale to zero at all
 *   (https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html).
 * - d4/24: an interface endpoint's security group must let HTTPS in from the job's group
 *   (https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html).
 * - d4/25: inter-container traffic encryption needs UDP 500 and ESP within the job's group
 *   (https://docs.aws.amazon.com/sagemaker/latest/dg/train-encrypt.html).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runDocument } from '../../src/engine/run';
import { changed, loadPuzzle, PUZZLES_DIR } from './catalog';
import { props, provePuzzles, type PuzzleCase } from './prove';

const AS = { min: 0, max: 2, targetInvocationsPerInstance: 300 };
const fixedHr = { inferenceComponents: true, scaleOutFromZero: true };

const CASES: PuzzleCase[] = [
  {
    file: 'd3/22-dead-every-morning.json',
    alternatives: [
      {
        setProps: {
          contracts: { scaleOutFromZero: true, scalingMetric: 'ConcurrentRequestsPerModel', targetConcurrency: 2 },
          hr: { ...fixedHr, scalingMetric: 'ConcurrentRequestsPerModel', targetConcurrency: 2 },
        },
      },
    ],
    wrong: [
      // only one of the two faults
      props('contracts', { scaleOutFromZero: true }),
      props('hr', fixedHr),
      // the step policy on an endpoint without inference components: it never reaches zero, the night still bills
      { setProps: { contracts: { scaleOutFromZero: true }, hr: { scaleOutFromZero: true } } },
      // keeping one instance warm: no failures, but the nights bill again
      { setProps: { contracts: { autoscaling: { ...AS, min: 1 } }, hr: fixedHr } },
      { setProps: { contracts: { autoscaling: null }, hr: fixedHr } },
      // more capacity does not wake an endpoint at zero; client retries do not retry a 400
      { setProps: { contracts: { autoscaling: { ...AS, max: 8 } }, hr: fixedHr, lawyers: { retries: 3 } } },
      // nobody calls the broken endpoint any more
      { removeEdges: [{ from: 'lawyers', to: 'contracts' }], setProps: { hr: fixedHr } },
    ],
  },
  {
    file: 'd4/24-locked-down-locked-out.json',
    alternatives: [props('vpce-sg', { ingress: ['tcp 443 from 172.16.0.0/12', 'tcp 443 from 10.0.0.0/16'] })],
    wrong: [
      // open to the internet: the pull works, least privilege does not
      props('vpce-sg', { ingress: ['all all from 0.0.0.0/0'] }),
      props('vpce-sg', { ingress: ['tcp 443 from 172.16.0.0/12', 'tcp 443 from 0.0.0.0/0'] }),
      // the wrong port, or the endpoints' own group
      props('vpce-sg', { ingress: ['tcp 443 from 172.16.0.0/12', 'tcp 80 from job-sg'] }),
      props('vpce-sg', { ingress: ['tcp 443 from 172.16.0.0/12', 'tcp 443 from self'] }),
      // a route to the internet changes nothing: the endpoints are still the route, and still drop the calls
      props('private', { access: 'private-with-nat' }),
      // a job without its input channel still pulls its image
      { removeEdges: [{ from: 'records', to: 'train' }] },
    ],
  },
  {
    file: 'd4/25-four-instances-that-never-talk.json',
    alternatives: [props('train-sg', { ingress: ['all all from self'] })],
    wrong: [
      // half of IPsec
      props('train-sg', { ingress: ['tcp all from self', 'udp 500 from self'] }),
      props('train-sg', { ingress: ['tcp all from self', 'esp all from self'] }),
      // open to the internet: the job trains, least privilege fails
      props('train-sg', { ingress: ['all all from 0.0.0.0/0'] }),
      // the NAT gateway or a public subnet is not the problem
      props('private', { access: 'public' }),
      { removeEdges: [{ from: 'claims', to: 'train' }] },
    ],
  },
];

provePuzzles(CASES, /^[SK][34]\.\d\.\d{1,2}$/);

describe('infer17 puzzles: what the learner sees', () => {
  const doc = (file: string) => loadPuzzle(join(PUZZLES_DIR, file)).doc;

  it('d3/22: the contract endpoint sits at 0 instances failing every call; the HR endpoint never leaves 1', () => {
    const r = runDocument(doc('d3/22-dead-every-morning.json')).report;
    expect(r.nodes.contracts.instancesFinal).toBe(0);
    expect(r.nodes.contracts.failed).toBe(r.nodes.contracts.requests);
    expect(r.nodes.hr.instancesFinal).toBe(1);
    expect(r.findings.map((f) => `${f.rule} ${f.node}`)).toContain('scale-to-zero-unsupported hr');
    expect(r.incidents.map((i) => i.rule)).toEqual(['realtime-stuck-at-zero']);
  });

  it(
    'd3/22 solved: each endpoint fails only its first minutes of the ' + 'morning and the night costs next to nothing',
    () => {
      const d = doc('d3/22-dead-every-morning.json');
      const r = runDocument(changed(d, d.solution!)!).report;
      for (const id of ['contracts', 'hr']) {
        const n = r.nodes[id];
        expect(n.failed! / n.requests!).toBeLessThan(0.06);
        expect(r.incidents.find((i) => i.rule === 'no-capacity-at-zero' && i.node === id)).toBeDefined();
      }
      expect(r.costUSD).toBeLessThan(7);
    },
  );

  it('d4/24: both groups appear on the why? path and the image pull times out', () => {
    const r = runDocument(doc('d4/24-locked-down-locked-out.json')).report;
    const i = r.incidents.find((x) => x.rule === 'endpoint-sg-blocks-https')!;
    expect(i.message).toContain('i/o timeout');
    expect(r.nodes.train.state).toBe('Failed');
  });
});
