import { describe, expect, it } from 'vitest';
import { arch, edge, fault, node, run } from '../../harness';
import { modules } from './fakes';
import { UPDATE_SEC } from '../../../src/engine/modules/endpoints';

const timeOf = (r: ReturnType<typeof run>, node: string, re: RegExp) =>
  r.report.timeline.find((e) => e.node === node && re.test(e.event))?.t;

describe('model registry', () => {
  it(
    'unapproved-model-deploy: an endpoint deployed from a registry with no Approved package never reaches ' +
      'InService',
    () => {
      const doc = (approval: string) =>
        arch(node('reg', 'model-registry', { approval }), node('ep', 'realtime-endpoint'), edge('reg', 'ep'));
      for (const status of ['PendingManualApproval', 'Rejected']) {
        const r = run(doc(status), { modules: modules(), durationSec: 600 });
        const i = r.incident('unapproved-model-deploy', 'ep');
        expect(i).toMatchObject({ count: 1, firstAtSec: 0 });
        expect(i?.message).toContain(`Model package reg/0 has ModelApprovalStatus ${status}`);
        expect(r.state('ep')).toBe('Failed');
        expect(r.finding('unapproved-model-deploy', 'ep')).toBeDefined();
      }
      const ok = run(doc('Approved'), { modules: modules(), durationSec: 600 });
      expect(ok.rules().has('unapproved-model-deploy')).toBe(false);
      expect(ok.state('ep')).toBe('InService');
    },
  );

  it(
    "versions start at the registry's approval prop; approve changes the newest and its event updates the " +
      'endpoint via EventBridge → Lambda',
    () => {
      const doc = (status?: 'Approved' | 'Rejected') =>
        arch(
          node('pipe', 'pipeline'),
          node('train', 'training-job', {}, 'pipe'),
          node('reg', 'model-registry'),
          node('eb', 'eventbridge'),
          node('fn', 'lambda'),
          node('ep', 'realtime-endpoint'),
          edge('train', 'reg'),
          edge('reg', 'eb'),
          edge('eb', 'fn'),
          edge('fn', 'ep'),
          ...(status ? [fault({ atSec: 1000, kind: 'approve', node: 'reg', status })] : []),
        );
      const r = run(doc('Approved'), { modules: modules(), durationSec: 3600 });
      expect(
        r.sim.log
          .entries()
          .some((e) => /registered model package reg\/1 \(train:v1.*as PendingManualApproval/.test(e.message)),
      ).toBe(true);
      expect(r.node('reg')).toMatchObject({ state: 'Approved', versions: 1 });
      expect(r.node('fn').invocations).toBe(1);
      expect(timeOf(r, 'ep', /^Updating: deploying reg\/1/)).toBe(1000 + 1 + 1 + 2);
      expect(timeOf(r, 'ep', /^InService: now serving reg\/1/)).toBe(1004 + UPDATE_SEC);
      expect(r.node('ep').model).toBe('train:v1');
      expect(r.rules().size).toBe(0);
      // a rejection is an event too, but the function deploys nothing
      const rej = run(doc('Rejected'), { modules: modules(), durationSec: 3600 });
      expect(rej.node('reg').state).toBe('Rejected');
      expect(timeOf(rej, 'ep', /^Updating/)).toBeUndefined();
      expect(rej.rules().has('trigger-chain-broken')).toBe(false);
      // no approval: the package stays pending and nothing is deployed
      const none = run(doc(), { modules: modules(), durationSec: 3600 });
      expect(none.node('reg').state).toBe('PendingManualApproval');
      expect(none.node('ep').model).toBe('train:v0');
    },
  );

  it('only an Approved package deploys: a registry-deployed endpoint serves the newest Approved one', () => {
    const r = run(
      arch(
        node('train', 'training-job'),
        node('reg', 'model-registry', { approval: 'Approved' }),
        node('ep', 'realtime-endpoint'),
        edge('train', 'reg'),
        edge('reg', 'ep'),
      ),
      { modules: modules(), durationSec: 1200 },
    );
    // the endpoint is InService (105 s) before training completes (600 s): it serves the package from before the run
    expect(r.state('ep')).toBe('InService');
    expect(r.node('ep').model).toBe('train:v0');
    expect(r.node('reg')).toMatchObject({ state: 'Approved', versions: 1 });
  });
});
