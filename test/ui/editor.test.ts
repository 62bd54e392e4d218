// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { ArchDoc } from '../../src/model/schema';
import { ACTIONS, GESTURES } from '../../src/ui/actions/registry';
import { TestEditor } from './TestEditor';

let t: TestEditor;
afterEach(() => t?.dispose());

const twoNodes = (): ArchDoc => ({
  format: 'sagesim/architecture@1',
  title: 'two',
  nodes: [
    { id: 'c', kind: 'client', position: { x: 0, y: 0 } },
    { id: 'ep', kind: 'realtime-endpoint', position: { x: 400, y: 0 } },
  ],
  edges: [],
});

describe('adding nodes', () => {
  it('drops a palette component at the pointer, selects it, and undo/redo take it out and back', () => {
    t = new TestEditor();
    expect(t.dropKind('client', 200, 100)).toBe(true);
    expect(t.doc.nodes.map((n) => n.kind)).toEqual(['client']);
    const id = t.doc.nodes[0].id;
    expect(t.selection).toEqual([id]);
    const c = t.centre(id);
    expect(Math.abs(c.x - 200)).toBeLessThanOrEqual(16);
    expect(Math.abs(c.y - 100)).toBeLessThanOrEqual(16);
    expect(t.keyDown('z', { mod: true })).toBe(true);
    expect(t.doc.nodes).toEqual([]);
    expect(t.keyDown('z', { mod: true, shift: true })).toBe(true);
    expect(t.doc.nodes.map((n) => n.id)).toEqual([id]);
    t.keyDown('z', { mod: true });
    t.keyDown('y', { mod: true });
    expect(t.doc.nodes.map((n) => n.id)).toEqual([id]);
  });

  it('drops a node into the container under the pointer (its position relative to the container)', () => {
    t = new TestEditor();
    t.dropKind('pipeline', 300, 300);
    const pipeline = t.doc.nodes[0];
    const inside = t.centre(pipeline.id);
    t.dropKind('training-job', inside.x, inside.y);
    const job = t.doc.nodes.find((n) => n.kind === 'training-job')!;
    expect(job.parent).toBe(pipeline.id);
    expect(Math.abs(t.centre(job.id).x - inside.x)).toBeLessThanOrEqual(16);
  });

  it('a node dragged over a container moves into it (one undoable step), and out again', () => {
    t = new TestEditor();
    t.dropKind('pipeline', 600, 300);
    t.dropKind('training-job', 100, 100);
    const [pipeline, job] = t.doc.nodes.map((n) => n.id);
    t.drag(t.centre(job), t.centre(pipeline));
    expect(t.node(job).parent).toBe(pipeline);
    t.drag(t.centre(job), { x: 100, y: 700 });
    expect(t.node(job).parent).toBeUndefined();
    t.keyDown('z', { mod: true });
    expect(t.node(job).parent).toBe(pipeline);
  });
});

describe('connecting', () => {
  it('drags from an output port to a node: one connection', () => {
    t = new TestEditor({ doc: twoNodes() });
    t.connect('c', 'ep');
    expect(t.doc.edges).toEqual([{ from: 'c', to: 'ep' }]);
  });

  it('refuses a connection the catalog forbids, with the reason at the pointer, and changes nothing', () => {
    t = new TestEditor({ doc: twoNodes() });
    t.connect('ep', 'c');
    expect(t.doc.edges).toEqual([]);
    const toast = t.ws.ui.getState().toasts.at(-1)!;
    expect(toast.tone).toBe('error');
    expect(toast.text.length).toBeGreaterThan(10);
    expect(toast.x).toBeDefined();
  });
});

describe('selecting, moving, deleting', () => {
  it('clicks select one node, Mod+click adds, a click on the empty canvas clears', () => {
    t = new TestEditor({ doc: twoNodes() });
    t.clickNode('c');
    expect(t.selection).toEqual(['c']);
    t.clickNode('ep');
    expect(t.selection).toEqual(['ep']);
    t.clickNode('c', { mod: true });
    expect([...t.selection].sort()).toEqual(['c', 'ep']);
    t.clickAt(1000, 1000);
    expect(t.selection).toEqual([]);
  });

  it('drags a node to a new position as one undoable move', () => {
    t = new TestEditor({ doc: twoNodes() });
    const c = t.centre('c');
    t.drag(c, { x: c.x + 48, y: c.y + 96 });
    expect(t.node('c').position).toEqual({ x: 48, y: 96 });
    t.keyDown('z', { mod: true });
    expect(t.node('c').position).toEqual({ x: 0, y: 0 });
  });

  it('Delete removes the selected nodes and their connections; a key typed in a field is left alone', () => {
    t = new TestEditor({ doc: { ...twoNodes(), edges: [{ from: 'c', to: 'ep' }] } });
    t.clickNode('ep');
    const input = document.body.appendChild(document.createElement('input'));
    expect(t.keyDown('Backspace', {}, input)).toBe(false);
    expect(t.doc.nodes).toHaveLength(2);
    input.remove();
    expect(t.keyDown('Delete')).toBe(true);
    expect(t.doc.nodes.map((n) => n.id)).toEqual(['c']);
    expect(t.doc.edges).toEqual([]);
    expect(t.selection).toEqual([]);
  });
});

describe('keyboard shortcuts', () => {
  it('Mod+A selects every node; Mod+D duplicates and selects the copies; Mod+C / Mod+V paste copies', () => {
    t = new TestEditor({ doc: twoNodes() });
    t.keyDown('a', { mod: true });
    expect(t.selection).toEqual(['c', 'ep']);
    t.keyDown('d', { mod: true });
    expect(t.doc.nodes).toHaveLength(4);
    expect(t.selection).toHaveLength(2);
    expect(t.selection.some((id) => id === 'c' || id === 'ep')).toBe(false);
    t.clickNode('c');
    t.keyDown('c', { mod: true });
    expect(t.toasts.at(-1)).toBe('Copied 1 node.');
    t.keyDown('v', { mod: true });
    expect(t.doc.nodes).toHaveLength(5);
    expect(t.selection).toHaveLength(1);
    expect(t.node(t.selection[0]).kind).toBe('client');
  });

  it('Mod+C with nothing selected is left to the browser', () => {
    t = new TestEditor({ doc: twoNodes() });
    expect(t.keyDown('c', { mod: true })).toBe(false);
  });

  it('Mod+X cuts: the nodes go, Mod+V brings copies back', () => {
    t = new TestEditor({ doc: twoNodes() });
    t.clickNode('ep');
    t.keyDown('x', { mod: true });
    expect(t.doc.nodes.map((n) => n.id)).toEqual(['c']);
    t.keyDown('v', { mod: true });
    expect(t.doc.nodes.map((n) => n.kind)).toEqual(['client', 'realtime-endpoint']);
  });

  it(
    'Escape closes a dialog first (even from a field), then clears the selection; other keys wait while a dialog ' +
      'is open',
    () => {
      t = new TestEditor({ doc: twoNodes() });
      t.clickNode('c');
      t.keyDown('?');
      expect(t.ws.ui.getState().dialog).toBe('shortcuts');
      expect(t.keyDown('Delete')).toBe(false);
      expect(t.doc.nodes).toHaveLength(2);
      const input = document.body.appendChild(document.createElement('input'));
      t.keyDown('Escape', {}, input);
      input.remove();
      expect(t.ws.ui.getState().dialog).toBe(null);
      expect(t.selection).toEqual(['c']);
      t.keyDown('Escape');
      expect(t.selection).toEqual([]);
    },
  );

  it('F, [ and ] hide and show the side panels', () => {
    t = new TestEditor();
    t.keyDown('[');
    expect(t.ws.ui.getState().panels).toEqual({ palette: false, inspector: true });
    t.keyDown(']');
    expect(t.ws.ui.getState().panels).toEqual({ palette: false, inspector: false });
    t.keyDown('f');
    expect(t.ws.ui.getState().panels).toEqual({ palette: true, inspector: true });
    t.keyDown('f');
    expect(t.ws.ui.getState().panels).toEqual({ palette: false, inspector: false });
  });

  it('P plays and pauses the run, . steps it (on a worker leased from the pool)', () => {
    t = new TestEditor({ doc: { ...twoNodes(), edges: [{ from: 'c', to: 'ep' }] } });
    expect(t.workers).toHaveLength(0);
    t.keyDown('p');
    expect(t.workers).toHaveLength(1);
    expect(t.workers[0].sent.map((m) => m.type)).toEqual(['load', 'speed', 'play']);
    t.keyDown('.');
    expect(t.workers[0].sent.at(-1)?.type).toBe('step');
    expect(t.keyDown('p', { mod: true })).toBe(false);
  });

  it('the ? sheet lists every key action of the registry, P and . among them', () => {
    const keys = ACTIONS.map((a) => a.keys);
    expect(keys).toContain('P');
    expect(keys).toContain('.');
    expect(new Set(ACTIONS.map((a) => a.name)).size).toBe(ACTIONS.length);
    for (const a of ACTIONS) expect(a.label.length).toBeGreaterThan(3);
    expect(GESTURES.length).toBeGreaterThan(0);
  });
});

const puzzle = (): ArchDoc => ({
  format: 'sagesim/architecture@1',
  title: 'A small puzzle',
  mode: 'puzzle',
  palette: ['client'],
  locked: ['ep'],
  nodes: [
    { id: 'c', kind: 'client', position: { x: 0, y: 0 } },
    { id: 'ep', kind: 'realtime-endpoint', position: { x: 400, y: 0 } },
  ],
  edges: [],
});

describe('puzzle refusals (the policy puzzle mode installs)', () => {
  it('refuses a component the palette does not offer and deleting a locked node, each with its reason', () => {
    t = new TestEditor({ doc: puzzle() });
    expect(t.dropKind('training-job', 100, 300)).toBe(false);
    expect(t.toasts.at(-1)).toMatch(/palette offers only: Client/);
    expect(t.dropKind('client', 100, 300)).toBe(true);
    t.clickNode('ep');
    t.keyDown('Delete');
    expect(t.doc.nodes.some((n) => n.id === 'ep')).toBe(true);
    expect(t.toasts.at(-1)).toBe('"ep" is locked by the puzzle.');
  });

  it('lifts the policy when the puzzle is left', () => {
    t = new TestEditor({ doc: puzzle() });
    t.ws.puzzle.leave();
    expect(t.doc.mode).toBeUndefined();
    t.ws.editor.run('replaceDocument', { doc: { ...puzzle(), mode: undefined } });
    expect(t.dropKind('training-job', 100, 300)).toBe(true);
  });

  it('installs it when a puzzle is opened into a sandbox', () => {
    t = new TestEditor({ doc: twoNodes() });
    expect(t.dropKind('training-job', 100, 300)).toBe(true);
    t.ws.puzzle.open(null, puzzle());
    expect(t.dropKind('training-job', 100, 500)).toBe(false);
    t.keyDown('z', { mod: true });
    expect(t.doc.mode).toBeUndefined();
    expect(t.dropKind('training-job', 100, 500)).toBe(true);
  });
});
