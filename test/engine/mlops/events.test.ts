import { describe, expect, it } from 'vitest';
import { arch, edge, fault, node, run, validate } from '../../harness';
import { fakeGate, modules } from './fakes';

const chainIncident = (r: ReturnType<typeof run>) =>
  r.report.incidents.filter((i) => i.rule === 'trigger-chain-broken');

describe('event chains', () => {
  const s3Chain = (bucket: Record<string, unknown>, withRule: boolean, ruleTarget: boolean) =>
    arch(
      node('b', 's3-bucket', bucket),
      node('pipe', 'pipeline'),
      node('train', 'training-job', {}, 'pipe'),
      ...(withRule ? [node('eb', 'eventbridge'), edge('b', 'eb'), ...(ruleTarget ? [edge('eb', 'pipe')] : [])] : []),
      fault({ atSec: 300, kind: 'data-arrival', node: 'b' }),
    );

  it('S3 arrival → EventBridge → pipeline starts an execution (the fixed twin)', () => {
    const r = run(s3Chain({ eventNotifications: true }, true, true), { modules: modules(), durationSec: 1200 });
    expect(chainIncident(r)).toEqual([]);
    expect(r.report.findings.filter((f) => f.rule === 'trigger-chain-broken')).toEqual([]);
    expect(r.node('pipe')).toMatchObject({ executions: 1 });
    expect(r.report.timeline.find((e) => e.node === 'pipe')?.t).toBe(302);
  });

  it('notifications on but no EventBridge rule: broken at the bucket, at the time of the event', () => {
    const r = run(s3Chain({ eventNotifications: true }, false, false), { modules: modules(), durationSec: 1200 });
    expect(chainIncident(r)).toEqual([expect.objectContaining({ node: 'b', count: 1, firstAtSec: 300 })]);
    expect(r.finding('trigger-chain-broken', 'b')).toBeDefined();
    expect(r.report.timeline.some((e) => e.node === 'b' && e.t === 300 && /nothing follows/.test(e.event))).toBe(true);
    // the untriggered-by-design pipeline: nothing wires into it, so it started at t=0 on its own
    expect(r.node('pipe').executions).toBe(1);
  });

  it(
    'a rule wired but notifications off: broken at the bucket; ' + 'neither configured: nothing is meant, no incident',
    () => {
      const r = run(s3Chain({ eventNotifications: false }, true, true), { modules: modules(), durationSec: 1200 });
      expect(chainIncident(r)).toEqual([expect.objectContaining({ node: 'b', count: 1 })]);
      expect(r.incident('trigger-chain-broken', 'b')?.message).toMatch(/eventNotifications off/);
      expect(r.node('pipe').executions).toBe(0);
      const quiet = run(s3Chain({}, false, false), { modules: modules(), durationSec: 1200 });
      expect(quiet.rules().has('trigger-chain-broken')).toBe(false);
    },
  );

  it('an EventBridge rule with no target: broken at the rule', () => {
    const r = run(s3Chain({ eventNotifications: true }, true, false), { modules: modules(), durationSec: 1200 });
    expect(chainIncident(r)).toEqual([expect.objectContaining({ node: 'eb', count: 1, firstAtSec: 301 })]);
    expect(r.finding('trigger-chain-broken', 'eb')).toBeDefined();
  });

  it('a Lambda with no target: broken at the Lambda; with a pipeline target it starts it', () => {
    const doc = (target: boolean) =>
      validate({
        ...arch(
          node('b', 's3-bucket', { eventNotifications: true }),
          node('eb', 'eventbridge'),
          node('fn', 'lambda'),
          node('pipe', 'pipeline'),
          node('train', 'training-job', {}, 'pipe'),
          edge('b', 'eb'),
          edge('eb', 'fn'),
          edge('fn', 'pipe'),
          fault({ atSec: 300, kind: 'data-arrival', node: 'b' }),
        ),
        ...(target
          ? {}
          : {
              edges: [
                { from: 'b', to: 'eb' },
                { from: 'eb', to: 'fn' },
              ],
            }),
      });
    const r = run(doc(false), { modules: modules(), durationSec: 1200 });
    expect(r.incident('trigger-chain-broken', 'fn')).toMatchObject({ count: 1, firstAtSec: 302 });
    expect(r.finding('trigger-chain-broken', 'fn')).toBeDefined();
    const ok = run(doc(true), { modules: modules(), durationSec: 1200 });
    expect(ok.rules().has('trigger-chain-broken')).toBe(false);
    expect(ok.node('pipe').executions).toBe(1);
    expect(ok.node('fn').invocations).toBe(1);
  });

  it('an approval meant for an endpoint with no EventBridge rule: broken at the registry', () => {
    const doc = (wired: boolean) =>
      arch(
        node('reg', 'model-registry', { approval: 'Approved' }),
        node('ep', 'realtime-endpoint'),
        edge('reg', 'ep'),
        ...(wired
          ? [node('eb', 'eventbridge'), node('fn', 'lambda'), edge('reg', 'eb'), edge('eb', 'fn'), edge('fn', 'ep')]
          : []),
        fault({ atSec: 600, kind: 'approve', node: 'reg' }),
      );
    const r = run(doc(false), { modules: modules(), durationSec: 1200 });
    expect(r.incident('trigger-chain-broken', 'reg')).toMatchObject({ count: 1, firstAtSec: 600 });
    const ok = run(doc(true), { modules: modules(), durationSec: 1200 });
    expect(ok.rules().has('trigger-chain-broken')).toBe(false);
    expect(ok.report.timeline.some((e) => e.node === 'ep' && /^Updating/.test(e.event))).toBe(true);
  });

  it("a Lambda that cannot reach the SageMaker API starts nothing (the gate's incident on the Lambda)", () => {
    const r = run(
      arch(
        node('b', 's3-bucket', { eventNotifications: true }),
        node('eb', 'eventbridge'),
        node('fn', 'lambda'),
        node('pipe', 'pipeline'),
        node('train', 'training-job', {}, 'pipe'),
        edge('b', 'eb'),
        edge('eb', 'fn'),
        edge('fn', 'pipe'),
        fault({ atSec: 300, kind: 'data-arrival', node: 'b' }),
      ),
      { modules: modules({ extra: [fakeGate('api-call', ['fn'])] }), durationSec: 1200 },
    );
    expect(r.incident('sagemaker-api-unreachable', 'fn')?.count).toBe(1);
    expect(r.node('pipe').executions).toBe(0);
  });

  it('static: an EventBridge rule nothing feeds is an incomplete chain', () => {
    const r = run(arch(node('eb', 'eventbridge'), node('pipe', 'pipeline'), edge('eb', 'pipe')), {
      modules: modules(),
      durationSec: 60,
    });
    expect(r.finding('trigger-chain-broken', 'eb')?.message).toMatch(/receives no events/);
    expect(r.node('pipe').executions).toBe(0);
  });
});
