import { describe, expect, it } from 'vitest';
import { Editor } from '../state/editor';
import { UiStore } from '../state/ui';
import { EngineClient } from '../../worker/client';
import type { RunUpdate, ToWorker } from '../../worker/protocol';
import type { ArchDoc } from '../../model/schema';
import { RunStore } from './store';
// setProp checks values against the prop schemas, which the page loads with the inspector
import '../../model/props';

/** A worker the test answers by hand: it records what the page sends and delivers what the test says. */
function fakeWorker() {
  const sent: ToWorker[] = [];
  const w = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    postMessage: (m: ToWorker) => {
      sent.push(m);
    },
    terminate: () => {},
  };
  return { worker: w as unknown as Worker, sent, deliver: (data: unknown) => w.onmessage?.({ data } as MessageEvent) };
}

const update = (status: RunUpdate['status'], now: number, rows: { seq: number; message: string }[]): RunUpdate =>
  ({
    type: 'update',
    status,
    now,
    durationSec: 600,
    speed: 10,
    seed: 1,
    nodes: {},
    log: rows.map((r) => ({
      ...r,
      t: now,
      node: 'ep',
      type: 'incident',
      severity: 'error',
      rule: 'payload-too-large',
    })),
    logTotal: rows.length,
    logCounts: { error: rows.length, warning: 0, info: 0 },
    incidents: [],
    costUSD: 0,
    lastStep: null,
  }) as unknown as RunUpdate;

const doc = (payloadMB: number): ArchDoc => ({
  format: 'sagesim/architecture@1',
  title: 't',
  nodes: [
    { id: 'c', kind: 'client', props: { payloadMB } },
    { id: 'ep', kind: 'realtime-endpoint' },
  ],
  edges: [{ from: 'c', to: 'ep' }],
});

describe('run store', () => {
  it('drops updates of the previous run that arrive after a new document was loaded', () => {
    const f = fakeWorker();
    const editor = new Editor(doc(8));
    const store = new RunStore({ editor, ui: new UiStore() }, () => new EngineClient(f.worker));
    store.play();
    f.deliver(update('idle', 0, []));
    f.deliver(update('running', 30, [{ seq: 0, message: 'old 413' }]));
    expect(store.log.map((r) => r.message)).toEqual(['old 413']);
    // The architecture changes: the page sends 'load'; the worker still had an old update in flight.
    editor.run('setProp', { id: 'c', name: 'payloadMB', value: 2 });
    expect(f.sent.filter((m) => m.type === 'load')).toHaveLength(2);
    f.deliver(update('running', 31, [{ seq: 1, message: 'old 413 again' }]));
    expect(store.log).toEqual([]);
    f.deliver(update('idle', 0, []));
    f.deliver(update('running', 5, [{ seq: 0, message: 'new run' }]));
    expect(store.log.map((r) => r.message)).toEqual(['new run']);
  });
});
