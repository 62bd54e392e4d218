/**
 * The domain 3–4 puzzles of issue 17: as shipped each fails its goal on seeds 1–20, its reference solution and every
 * listed alternative meet it on seeds 1–20, tempting wrong fixes fail, and each carries skills and exam questions.
 */
import { describe, expect, it } from 'vitest';
import { runDocument } from '../../src/engine/run';
import type { ArchDoc, Solution } from '../../src/model/schema';
import { isCapstone } from '../../src/model/puzzle';
import { countChanges } from '../../src/model/solution';
import { changed, loadPuzzle } from './catalog';
import { props, provePuzzles } from './prove';

const FILES = [
  'scenarios/puzzles/d3/09-fridays-release.json',
  'scenarios/puzzles/d3/10-the-alarm-that-rang.json',
  'scenarios/puzzles/d3/11-scores-by-tomorrow.json',
  'scenarios/puzzles/d4/10-the-scratch-disk.json',
  'scenarios/puzzles/d4/11-four-nodes-one-secret.json',
  'scenarios/puzzles/d4/12-the-call-that-never-connects.json',
  'scenarios/puzzles/d4/13-captured-conversations.json',
  'scenarios/puzzles/d4/14-denied-whatever-the-role-says.json',
  'scenarios/puzzles/d4/15-incident-monday-morning.json',
  'scenarios/puzzles/d4/16-incident-audit-week.json',
  'scenarios/puzzles/d4/17-the-alert-from-finance.json',
];
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const met = (doc: ArchDoc, seed: number) => runDocument(doc, { seed }).report.goal!.met;
const apply = (doc: ArchDoc, s: Solution) => {
  const out = changed(doc, s);
  if (!out) throw new Error('the change gives an invalid document');
  return out;
};
type Extra = { alternatives?: { label: string; solution: Solution }[]; skills?: string[]; questions?: unknown[] };

describe.each(FILES)('%s', (file) => {
  const { doc } = loadPuzzle(`${process.cwd()}/${file}`);
  const x = doc as ArchDoc & Extra;

  it('carries exam skills and 2–3 exam-style questions whose answers are among the options', () => {
    expect(x.skills!.length).toBeGreaterThan(0);
    for (const s of x.skills!) expect(s).toMatch(/^[SK][1-4]\.[1-3]\.\d{1,2}$/);
    expect(x.questions!.length).toBeGreaterThanOrEqual(2);
    for (const q of x.questions as { options: string[]; answer: number; why: string }[]) {
      expect(q.options.length).toBeGreaterThanOrEqual(3);
      expect(q.answer).toBeLessThan(q.options.length);
      expect(q.why).toMatch(/rules? [a-z-]+/);
    }
  });

  it('fails as shipped and passes with the solution and each alternative, on seeds 1–20', () => {
    const fixes = [doc.solution!, ...(x.alternatives ?? []).map((a) => a.solution)].map((s) => apply(doc, s));
    for (const seed of SEEDS) {
      expect(met(doc, seed), `shipped, seed ${seed}`).toBe(false);
      fixes.forEach((f, i) => expect(met(f, seed), `fix ${i}, seed ${seed}`).toBe(true));
    }
  });
});

describe('tempting wrong fixes fail', () => {
  const friday = loadPuzzle(`${process.cwd()}/${FILES[0]}`).doc;
  const dep = (d: Record<string, unknown>) => apply(friday, { setProps: { fraud: { deployment: d } } });

  it(
    'd3/09: all at once with the alarm rolls back, but every caller ' + 'saw v2 for a minute: over the failure budget',
    () => {
      const r = runDocument(dep({ type: 'all-at-once', waitIntervalSec: 600, rollbackAlarms: ['errors'] })).report;
      expect(r.incidents.some((i) => i.rule === 'deployment-rolled-back')).toBe(true);
      expect(r.goal!.met).toBe(false);
    },
  );

  it('d3/09: a canary with no rollback alarm only delays the outage', () => {
    const r = runDocument(dep({ type: 'canary', sizePercent: 10, waitIntervalSec: 600 })).report;
    expect(r.incidents.some((i) => i.rule === 'bad-version-shipped')).toBe(true);
    expect(r.goal!.met).toBe(false);
  });

  it('d3/09: more instances do not help', () => {
    expect(runDocument(apply(friday, { setProps: { fraud: { instanceCount: 6 } } })).report.goal!.met).toBe(false);
  });
});

/** Each single change of a solution, as a solution of its own (the units `countChanges` counts). */
function singleChanges(s: Solution): Solution[] {
  const out: Solution[] = [];
  for (const n of s.addNodes ?? []) out.push({ addNodes: [n] });
  for (const id of s.removeNodes ?? []) out.push({ removeNodes: [id] });
  for (const e of s.addEdges ?? []) out.push({ addEdges: [e] });
  for (const e of s.removeEdges ?? []) out.push({ removeEdges: [e] });
  for (const [id, p] of Object.entries(s.setProps ?? {}))
    for (const [k, v] of Object.entries(p)) out.push({ setProps: { [id]: { [k]: v } } });
  for (const [id, parent] of Object.entries(s.setParent ?? {})) out.push({ setParent: { [id]: parent } });
  return out;
}
/** Merge single changes back into one solution. */
function merge(parts: Solution[]): Solution {
  const s: Required<Pick<Solution, 'addNodes' | 'removeNodes' | 'addEdges' | 'removeEdges'>> & Solution = {
    addNodes: [],
    removeNodes: [],
    addEdges: [],
    removeEdges: [],
    setProps: {},
    setParent: {},
  };
  for (const p of parts) {
    s.addNodes.push(...(p.addNodes ?? []));
    s.removeNodes.push(...(p.removeNodes ?? []));
    s.addEdges.push(...(p.addEdges ?? []));
    s.removeEdges.push(...(p.removeEdges ?? []));
    for (const [id, q] of Object.entries(p.setProps ?? {})) s.setProps![id] = { ...(s.setProps![id] ?? {}), ...q };
    Object.assign(s.setParent!, p.setParent ?? {});
  }
  return s;
}

describe.each(FILES.filter((f) => isCapstone(loadPuzzle(`${process.cwd()}/${f}`).doc)))('capstone %s', (file) => {
  const { doc } = loadPuzzle(`${process.cwd()}/${file}`);

  it('has a par equal to the changes its reference solution makes, and at least three faults', () => {
    expect(countChanges(doc.solution!)).toBe(doc.par);
    expect((doc.goal!.noIncidents?.length ?? 0) + (doc.goal!.noFindings?.length ?? 0)).toBeGreaterThanOrEqual(3);
  });

  it('par is tight: leaving out any one change of the reference fails the goal on seeds 1–20', () => {
    const parts = singleChanges(doc.solution!);
    expect(parts.length).toBe(doc.par);
    parts.forEach((_, skip) => {
      const partial = apply(doc, merge(parts.filter((_, i) => i !== skip)));
      for (const seed of SEEDS)
        expect(met(partial, seed), `without ${JSON.stringify(parts[skip])}, seed ${seed}`).toBe(false);
    });
  });
});

describe('d4/14–16: tempting wrong fixes fail', () => {
  const load = (i: number) => loadPuzzle(`${process.cwd()}/${FILES[i]}`).doc;
  const scp = load(FILES.indexOf('scenarios/puzzles/d4/14-denied-whatever-the-role-says.json'));
  const monday = load(FILES.indexOf('scenarios/puzzles/d4/15-incident-monday-morning.json'));
  const audit = load(FILES.indexOf('scenarios/puzzles/d4/16-incident-audit-week.json'));
  const report = (d: ArchDoc, s: Solution) => runDocument(apply(d, s)).report;

  it('d4/14: an administrator role does not lift an SCP deny (the job is still refused at creation)', () => {
    const r = report(scp, { setProps: { role: { actions: ['*'], s3Resources: ['*'] } } });
    expect(r.incidents.some((i) => i.rule === 'scp-denied')).toBe(true);
    expect(r.goal!.met).toBe(false);
  });

  it('d4/14: only an output key is not the volume key the SCP tests', () => {
    expect(report(scp, { setProps: { train: { OutputKmsKeyId: null } } }).goal!.met).toBe(false);
  });

  it('d4/14: a volume key on an NVMe instance type is refused at creation instead', () => {
    const r = report(scp, { setProps: { train: { VolumeKmsKeyId: 'key', instanceType: 'ml.g5.xlarge' } } });
    expect(r.incidents.some((i) => i.rule === 'kms-on-nvme-instance')).toBe(true);
    expect(r.goal!.met).toBe(false);
  });

  it('d4/17: one instance is within budget but overloaded (requests rejected, p99 far over 500 ms)', () => {
    const finance = load(FILES.indexOf('scenarios/puzzles/d4/17-the-alert-from-finance.json'));
    const r = report(finance, { setProps: { ep: { instanceCount: 1 } } });
    expect(r.incidents.some((i) => i.rule === 'endpoint-overloaded')).toBe(true);
    expect(r.goal!.met).toBe(false);
  });

  it('d4/17: removing the cost allocation tag hides the spend from the budget but not from the cost limit', () => {
    const finance = load(FILES.indexOf('scenarios/puzzles/d4/17-the-alert-from-finance.json'));
    const untagged = { ...finance, nodes: finance.nodes.map(({ tags: _t, ...n }) => n) };
    const r = runDocument(untagged).report;
    expect(r.incidents.some((i) => i.rule === 'budget-exceeded')).toBe(false);
    expect(r.goal!.met).toBe(false);
    expect(r.goal!.failed.some((f) => f.startsWith('cost $'))).toBe(true);
  });

  it('d4/15: kms:* lets the job run but fails least privilege', () => {
    const r = report(monday, {
      setProps: {
        role: { actions: ['s3:GetObject', 's3:ListBucket', 's3:PutObject', 'kms:*'] },
        ep: { dataCapture: true },
        monitor: { groundTruth: true },
      },
    });
    expect(r.nodes.train.state).toBe('Completed');
    expect(r.goal!.met).toBe(false);
  });

  it(
    'd4/16: connecting the real-time endpoint without detaching the ' + 'serverless one leaves the schedule refused',
    () => {
      const r = report(audit, {
        setProps: { train: { VolumeKmsKeyId: 'key', EnableInterContainerTrafficEncryption: true } },
        addEdges: [{ from: 'ep', to: 'monitor' }],
      });
      expect(r.incidents.some((i) => i.rule === 'monitor-unsupported-endpoint')).toBe(true);
      expect(r.goal!.met).toBe(false);
    },
  );

  it("d4/16: a volume key without inter-container encryption runs the job but leaves the auditors' finding", () => {
    const r = report(audit, {
      setProps: { train: { VolumeKmsKeyId: 'key' } },
      removeEdges: [{ from: 'sls', to: 'monitor' }],
      addEdges: [{ from: 'ep', to: 'monitor' }],
    });
    expect(r.nodes.train.state).toBe('Completed');
    expect(r.findings.some((f) => f.rule === 'inter-container-unencrypted')).toBe(true);
    expect(r.goal!.met).toBe(false);
  });
});

// Deployment puzzles for the once-dormant async and multi-model rules (deploy-d3): d3/12–15.
provePuzzles(
  [
    {
      file: 'd3/12-the-quiet-night-shift.json',
      alternatives: [props('extract', { backlogScaling: true, maxCapacity: 4 })],
      // more room or a warm start does not wake an endpoint that has scaled in to zero
      wrong: [props('extract', { maxCapacity: 10 }), props('extract', { instanceCount: 2 })],
    },
    {
      file: 'd3/13-feature-length.json',
      alternatives: [props('tagger', { invocationTimeoutSec: 3000 })],
      // more instances do not make one film faster; staying warm does not lift the time limit; just over the
      // median still times out the long films
      wrong: [
        props('tagger', { maxCapacity: 20, instanceCount: 2 }),
        props('tagger', { backlogScaling: false, instanceCount: 1 }),
        props('tagger', { invocationTimeoutSec: 1300 }),
      ],
    },
    {
      file: 'd3/14-the-first-call-of-the-day.json',
      alternatives: [props('forecast', { modelSizeMB: 1500, coldLoadSec: 40 })],
      // SDK retries serve the stores in the end but every 429 still counts (Invocation4XXErrors); more instances or
      // a bigger cache still load each model on its first call
      wrong: [
        props('stores', { retries: 8 }),
        props('forecast', { instanceCount: 4 }),
        props('forecast', { cachedModels: 1000, instanceType: 'ml.r5.12xlarge' }),
      ],
    },
    {
      file: 'd3/15-after-the-migration.json',
      alternatives: [],
      // capacity is not the problem: creation fails before any instance serves
      wrong: [props('pricing', { instanceCount: 4, instanceType: 'ml.r5.2xlarge' })],
    },
  ],
  /^[SK][1-4]\.[1-3]\.\d+$/,
);

// A bring-your-own container that does not serve on port 8080 (deploy-d3): d3/16.
provePuzzles(
  [
    {
      file: 'd3/16-worked-on-my-laptop.json',
      alternatives: [],
      // more or bigger instances run the same image; a port that is not 8080 still fails the ping
      wrong: [
        props('route-ep', { instanceCount: 4, instanceType: 'ml.c5.4xlarge' }),
        props('route-image', { servingPort: 443 }),
        props('route-image', { implementsPing: false, servingPort: 8080 }),
      ],
    },
  ],
  /^[SK][1-4]\.[1-3]\.\d+$/,
);
