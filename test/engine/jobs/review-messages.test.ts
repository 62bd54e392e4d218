import { describe, expect, it } from 'vitest';
import { arch, edge, fault, node, run } from '../../harness';

const log = (r: ReturnType<typeof run>, id: string) =>
  r.sim.log
    .entries()
    .filter((e) => e.node === id)
    .map((e) => e.message);

describe('tuning job without a training job', () => {
  it(
    'fails at t=0 with a ValidationException naming the missing training job definition, in the log and the ' +
      'timeline',
    () => {
      const r = run(arch(node('h', 'tuning-job')));
      expect(r.state('h')).toBe('Failed');
      const msg =
        'ValidationException: tuning job h needs a training job definition (connect h → the training-job it tunes)';
      expect(log(r, 'h').some((m) => m.includes(msg))).toBe(true);
      expect(r.report.timeline?.find((e) => e.node === 'h' && e.event.includes(msg))?.t).toBe(0);
    },
  );
  it('fixed twin: connected to a training job it runs its children', () => {
    const r = run(
      arch(
        node('d', 's3-bucket'),
        node('t', 'training-job'),
        node('h', 'tuning-job', { maxJobs: 2 }),
        edge('d', 't'),
        edge('h', 't'),
      ),
      { durationSec: 20000 },
    );
    expect(r.state('h')).toBe('Completed');
    expect(log(r, 'h').some((m) => m.includes('ValidationException'))).toBe(false);
  });
});

describe('spot-interruption on an on-demand job', () => {
  const doc = (spot: boolean) =>
    arch(
      node('d', 's3-bucket'),
      node('t', 'training-job', { spot }),
      edge('d', 't'),
      fault({ atSec: 600, kind: 'spot-interruption', node: 't' }),
    );
  it('logs (and marks on the timeline) that nothing happens because the job is on-demand', () => {
    const r = run(doc(false));
    const line =
      't: nothing happens — t runs on on-demand instances (spot: false), which Spot interruptions do not affect';
    expect(log(r, 't')).toContain(line);
    expect(r.report.timeline?.some((e) => e.t === 600 && e.event === line)).toBe(true);
    expect(r.state('t')).toBe('Completed');
  });
  it('twin: a Spot job is interrupted instead, and no on-demand line is logged', () => {
    const r = run(doc(true));
    expect(log(r, 't').some((m) => m.includes('on-demand instances'))).toBe(false);
    expect(r.incident('spot-without-checkpoint', 't')?.count).toBe(1);
  });
});
