// @vitest-environment jsdom
/**
 * Issue 13, items 3, 5, 6 and 11 (page side): the page never goes blank and never re-opens what crashed it;
 * a damaged save that cannot be copied aside stays untouched; two tabs keep each other's work; damaged puzzle
 * progress is kept aside.
 */
import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getLoader } from '../../src/model/loader';
import { boot } from '../../src/ui/boot';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_KEY, otherTabKey, startAutosave } from '../../src/ui/state/autosave';
import { BOOT_KEY, CRASH_KEY, bootFinished, crashedOn, recordCrash } from '../../src/ui/state/crash';
import { CrashBoundary } from '../../src/ui/shell/CrashScreen';
import { openDoc, restore } from '../../src/ui/state/persist';
import { openPrevious } from '../../src/ui/state/crash';
import { KEPT_ASIDE_PREFIX } from '../../src/ui/state/keep-aside';
import { Editor } from '../../src/ui/state/editor';
import { UiStore } from '../../src/ui/state/ui';
import { PROGRESS_KEY, markSolved, readProgress } from '../../src/ui/puzzle/progress';
import type { ArchDoc } from '../../src/model/schema';

// the page awaits the validating loader before booting with something to restore (src/main.tsx); so do these tests
beforeAll(async () => {
  await getLoader();
});

/** A Storage that holds `quota` characters in all (keys and values), like a full localStorage. */
class MemStorage implements Storage {
  m = new Map<string, string>();
  constructor(private quota = Infinity) {}
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    let used = 0;
    for (const [a, b] of this.m) if (a !== k) used += a.length + b.length;
    if (used + k.length + v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.m.set(k, String(v));
  }
  keys() {
    return [...this.m.keys()];
  }
}

const doc = (title: string): ArchDoc => ({
  format: 'sagesim/architecture@1',
  title,
  nodes: [{ id: 'q', kind: 'sqs', position: { x: 0, y: 0 } }],
});
const wrap = (d: ArchDoc, tab = 'old') =>
  JSON.stringify({ format: 'sagesim/autosave@1', savedAt: '2026-01-01T00:00:00.000Z', tab, doc: d });

beforeEach(() => {
  vi.useFakeTimers();
  Object.defineProperty(window, 'matchMedia', { configurable: true, value: () => ({ matches: false }) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a damaged autosave when storage is full (item 5)', () => {
  const damaged = '{"format":"sagesim/autosave@1","doc":' + 'x'.repeat(5000);
  it('restore says it stays in place instead of naming a key that was never written', () => {
    const s = new MemStorage(damaged.length + 100);
    s.setItem(AUTOSAVE_KEY, damaged);
    const r = restore(s);
    expect(r.kind).toBe('damaged-in-place');
    expect(s.getItem(AUTOSAVE_KEY)).toBe(damaged);
    expect(s.keys().filter((k) => k.startsWith(KEPT_ASIDE_PREFIX))).toEqual([]);
  });
  it(
    'the page keeps it untouched through edits, offers a non-empty ' + 'download, and autosaves only after discarding',
    () => {
      const s = new MemStorage(damaged.length + 200);
      s.setItem(AUTOSAVE_KEY, damaged);
      const { editor, ui } = boot(s, new MemStorage()).workspace;
      const b = ui.getState().banner!;
      expect(b.title).toMatch(/too full to keep a copy aside\. It stays where it is, untouched/);
      expect(b.actions!.map((a) => a.label)).toEqual(['Download the damaged save', 'Discard it and autosave again']);
      editor.run('addNode', { kind: 'sns', id: 'topic', position: { x: 0, y: 0 } });
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 3);
      expect(s.getItem(AUTOSAVE_KEY)).toBe(damaged);
      b.actions![1].run();
      expect(JSON.parse(s.getItem(AUTOSAVE_KEY)!).doc.nodes.map((n: { id: string }) => n.id)).toEqual(['topic']);
    },
  );
  it('with room, the damaged save is kept aside under a key that exists', () => {
    const s = new MemStorage();
    s.setItem(AUTOSAVE_KEY, damaged);
    const r = restore(s);
    if (r.kind !== 'kept-aside') throw new Error(r.kind);
    expect(s.getItem(r.key)).toBe(damaged);
    expect(s.getItem(AUTOSAVE_KEY)).toBeNull();
  });
});

describe('two tabs (item 6)', () => {
  const channelPair = () => {
    const a = {
      onmessage: null as ((e: MessageEvent) => void) | null,
      postMessage: (m: unknown) => b.onmessage?.({ data: m } as MessageEvent),
      close() {},
    };
    const b = {
      onmessage: null as ((e: MessageEvent) => void) | null,
      postMessage: (m: unknown) => a.onmessage?.({ data: m } as MessageEvent),
      close() {},
    };
    return [a, b];
  };
  it('each tab is warned of the other, and a save keeps the other tab’s work aside instead of overwriting it', () => {
    const s = new MemStorage();
    const [ca, cb] = channelPair();
    const ea = new Editor(doc('A')),
      eb = new Editor(doc('B'));
    const ua = new UiStore(),
      ub = new UiStore();
    const a = startAutosave({ editor: ea, ui: ua }, s, { tab: 'a', channel: ca });
    const b = startAutosave({ editor: eb, ui: ub }, s, { tab: 'b', channel: cb });
    expect(ua.getState().toasts.at(-1)?.text).toMatch(/open in another tab/);
    expect(ub.getState().toasts.at(-1)?.text).toMatch(/open in another tab/);
    ea.run('setDocField', { field: 'title', value: 'A work' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    const fromA = s.getItem(AUTOSAVE_KEY)!;
    expect(JSON.parse(fromA)).toMatchObject({ tab: 'a', doc: { title: 'A work' } });
    eb.run('setDocField', { field: 'title', value: 'B work' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(s.getItem(otherTabKey('a'))).toBe(fromA);
    expect(JSON.parse(s.getItem(AUTOSAVE_KEY)!)).toMatchObject({ tab: 'b', doc: { title: 'B work' } });
    // a later save of B over its own save keeps nothing new aside
    eb.run('setDocField', { field: 'title', value: 'B again' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(s.keys().filter((k) => k.startsWith(KEPT_ASIDE_PREFIX))).toEqual([otherTabKey('a')]);
    a.stop();
    b.stop();
  });
  it('a reload (a new tab id) does not take its own earlier save for another tab’s', () => {
    const s = new MemStorage();
    s.setItem(AUTOSAVE_KEY, wrap(doc('before reload'), 'previous-load'));
    const e = new Editor(doc('before reload'));
    const u = new UiStore();
    const a = startAutosave({ editor: e, ui: u }, s, { tab: 'now', channel: null });
    e.run('setDocField', { field: 'title', value: 'edited' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(s.keys()).toEqual([AUTOSAVE_KEY]);
    expect(u.getState().toasts).toEqual([]);
    a.stop();
  });
  it('when the other tab’s work cannot be kept aside, this tab does not overwrite it and says so', () => {
    const other = wrap(doc('other'), 'x');
    const s = new MemStorage(other.length + AUTOSAVE_KEY.length + 10);
    const e = new Editor(doc('mine'));
    const u = new UiStore();
    const a = startAutosave({ editor: e, ui: u }, s, { tab: 'me', channel: null });
    s.setItem(AUTOSAVE_KEY, other); // the other tab saves after this one started
    e.run('setDocField', { field: 'title', value: 'mine, edited' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(s.getItem(AUTOSAVE_KEY)).toBe(other);
    expect(u.getState().banner?.title).toMatch(/Autosave is paused: another tab’s work/);
    a.stop();
  });
});

describe('never blank, never re-opened (item 3)', () => {
  it('a render crash shows what failed and the ways on, holds the autosave and records the document', () => {
    const s = new MemStorage();
    s.setItem(AUTOSAVE_KEY, wrap(doc('good')));
    const hold = vi.fn();
    const bad = doc('crashing');
    const Boom = () => {
      throw new Error("Cannot read properties of undefined (reading 'events')");
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(
      <CrashBoundary doc={() => bad} onCrash={hold} storage={s} session={new MemStorage()}>
        <Boom />
      </CrashBoundary>,
    );
    expect(screen.getByTestId('crash-screen').textContent).toContain("reading 'events'");
    expect(screen.getByText('Open the last good autosave')).toBeTruthy();
    expect(screen.getByText('Start with a blank canvas')).toBeTruthy();
    expect(screen.getByText('Download the document that failed')).toBeTruthy();
    expect(hold).toHaveBeenCalledOnce();
    expect(crashedOn(s, bad)).toBe(true);
  });

  it('an autosave that crashed the page is not opened on reload; "Open it anyway" opens it', () => {
    const s = new MemStorage();
    const d = doc('crashed before');
    s.setItem(AUTOSAVE_KEY, wrap(d));
    recordCrash(s, d);
    const { editor, ui } = boot(s, new MemStorage()).workspace;
    expect(editor.getState().doc.title).toBe('Untitled architecture');
    const b = ui.getState().banner!;
    expect(b.title).toMatch(/The page stopped while showing your last autosave/);
    b.actions!.find((a) => a.label === 'Open it anyway')!.run();
    expect(editor.getState().doc.title).toBe('crashed before');
    expect(s.getItem(CRASH_KEY)).toBeNull();
  });

  it('a boot that never finished (a crash outside React, a frozen tab) does not open the autosave again', () => {
    const s = new MemStorage();
    s.setItem(AUTOSAVE_KEY, wrap(doc('froze')));
    s.setItem(BOOT_KEY, '2026-01-01T00:00:00.000Z');
    const { editor, ui } = boot(s, new MemStorage()).workspace;
    expect(editor.getState().doc.title).toBe('Untitled architecture');
    // "Start blank" keeps the autosave aside before anything is saved over it
    ui.getState()
      .banner!.actions!.find((a) => a.label.startsWith('Start blank'))!
      .run();
    const kept = s.keys().filter((k) => k.startsWith(KEPT_ASIDE_PREFIX));
    expect(kept).toHaveLength(1);
    expect(JSON.parse(s.getItem(kept[0])!).doc.title).toBe('froze');
    bootFinished(s);
    const again = boot(s, new MemStorage()).workspace;
    expect(again.ui.getState().banner).toBeNull();
  });

  it('a normal boot opens the autosave', () => {
    const s = new MemStorage();
    s.setItem(AUTOSAVE_KEY, wrap(doc('fine')));
    expect(boot(s, new MemStorage()).workspace.editor.getState().doc.title).toBe('fine');
  });
});

describe('puzzle progress (item 11)', () => {
  it('damaged progress is kept aside before a solved puzzle is written', () => {
    const s = new MemStorage();
    s.setItem(PROGRESS_KEY, '{"format":"sagesim/progress@1","puzzles":{"d1/01.json":{"solvedAt":');
    markSolved(s, 'd1/02.json', false, Date.UTC(2026, 0, 1));
    const kept = s.keys().filter((k) => k.startsWith(`${KEPT_ASIDE_PREFIX}progress:`));
    expect(kept).toHaveLength(1);
    expect(s.getItem(kept[0])).toContain('d1/01.json');
    expect(Object.keys(readProgress(s))).toEqual(['d1/02.json']);
  });
  it('when it cannot be kept aside it is not overwritten', () => {
    const damaged = '{"format":"sagesim/progress@1","puzzles":' + '['.repeat(200);
    const s = new MemStorage(damaged.length + PROGRESS_KEY.length + 5);
    s.setItem(PROGRESS_KEY, damaged);
    markSolved(s, 'd1/02.json', false);
    expect(s.getItem(PROGRESS_KEY)).toBe(damaged);
  });
});

describe('a document opened over your work (item 1: "opening the link overwrote the previous autosave")', () => {
  /** Your work W autosaved; a link L opened over it and autosaved; then L crashed the page. */
  function openedThenCrashed() {
    const s = new MemStorage();
    s.setItem(AUTOSAVE_KEY, wrap(doc('my work')));
    const { workspace, autosave } = boot(s, new MemStorage());
    location.hash = '';
    openDoc(workspace, doc('the link'), 'the shared link');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 50);
    expect(JSON.parse(s.getItem(AUTOSAVE_KEY)!).doc.title).toBe('the link');
    return { s, workspace, autosave };
  }

  it('the crash screen still offers the work you had before the link, and opens it', () => {
    const { s, autosave } = openedThenCrashed();
    const Boom = () => {
      throw new Error('render bug');
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = render(
      <CrashBoundary doc={() => doc('the link')} onCrash={() => autosave.hold()} storage={s} session={new MemStorage()}>
        <Boom />
      </CrashBoundary>,
    );
    expect(within(container).getByText('Open the last good autosave')).toBeTruthy();
    expect(container.textContent).toContain('What you had before you opened it is kept.');
    expect(openPrevious(s)).toBe(true);
    expect(JSON.parse(s.getItem(AUTOSAVE_KEY)!).doc.title).toBe('my work');
    // the document that crashed is kept aside, not lost
    const kept = s.keys().filter((k) => k.startsWith(KEPT_ASIDE_PREFIX) && !k.includes('before-open'));
    expect(kept.map((k) => JSON.parse(s.getItem(k)!).doc.title)).toContain('the link');
    expect(boot(s, new MemStorage()).workspace.editor.getState().doc.title).toBe('my work');
    autosave.stop();
  });

  it('after a reload that held the crashed link back, the banner opens the work you had before it', () => {
    const { s, autosave } = openedThenCrashed();
    autosave.stop();
    recordCrash(s, JSON.parse(s.getItem(AUTOSAVE_KEY)!).doc);
    const { workspace: ws, autosave: a2 } = boot(s, new MemStorage());
    expect(ws.editor.getState().doc.title).toBe('Untitled architecture');
    const action = ws.ui.getState().banner!.actions!.find((a) => a.label === 'Open what you had before it');
    expect(action).toBeTruthy();
    action!.run();
    expect(ws.editor.getState().doc.title).toBe('my work');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 50);
    expect(JSON.parse(s.getItem(AUTOSAVE_KEY)!).doc.title).toBe('my work');
    a2.stop();
  });

  it('an empty canvas is not kept (nothing to lose)', () => {
    const s = new MemStorage();
    const { workspace, autosave } = boot(s, new MemStorage());
    openDoc(workspace, doc('the link'), 'the shared link');
    expect(s.keys().filter((k) => k.startsWith(KEPT_ASIDE_PREFIX))).toEqual([]);
    autosave.stop();
  });
});
