/**
 * A headless editor for component tests (after tldraw's TestEditor): a real `Workspace` (editor, UI
 * store, run, puzzle session) with fake engine workers, driven by pointer and key events. Pointer events
 * are hit-tested against the document's geometry (canvas = screen coordinates, zoom 1) and end in the
 * same gestures the React Flow canvas calls (`ui/canvas/gestures.ts`); key events are real DOM
 * `KeyboardEvent`s dispatched to the installed keymap (run the test in jsdom).
 */
import type { Kind } from '../../src/catalog/types';
import { absolutePosition, isContainer, sizeOf } from '../../src/model/layout';
import type { ArchDoc } from '../../src/model/schema';
import type { ToWorker } from '../../src/worker/protocol';
import { installKeymap } from '../../src/ui/actions/keymap';
import { addAt, connectNodes, dragStop, selectNodes } from '../../src/ui/canvas/gestures';
import { EnginePool } from '../../src/ui/state/pool';
import { Workspace } from '../../src/ui/workspace';

type Point = { x: number; y: number };
export interface Mods {
  shift?: boolean;
  /** Ctrl (⌘ on a Mac). */
  mod?: boolean;
  alt?: boolean;
}
/** How far (px) a port's hit area reaches around its centre. */
const PORT_PX = 8;
/** A press that moves less than this (px) is a click. */
const CLICK_PX = 3;

/** A storage in memory (the puzzle session, progress and autosave keys). */
export function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

/** An engine worker that records what the page sends and answers nothing unless told. */
export interface FakeWorker {
  sent: ToWorker[];
  deliver(data: unknown): void;
}

type Press =
  | { kind: 'port'; node: string; at: Point }
  | { kind: 'node'; node: string; at: Point; mods: Mods }
  | { kind: 'pane'; at: Point };

export class TestEditor {
  readonly ws: Workspace;
  /** Every engine worker the pool started, in order. */
  readonly workers: FakeWorker[] = [];
  private press: Press | null = null;
  private pointer: Point = { x: 0, y: 0 };
  private readonly uninstall: () => void;

  constructor(o: { doc?: ArchDoc; storage?: Storage } = {}) {
    const spawn = (): Worker => {
      const w = {
        sent: [] as ToWorker[],
        onmessage: null as ((e: MessageEvent) => void) | null,
        postMessage(m: ToWorker) {
          this.sent.push(m);
        },
        terminate() {},
        deliver(data: unknown) {
          this.onmessage?.({ data } as MessageEvent);
        },
      };
      this.workers.push(w);
      return w as unknown as Worker;
    };
    this.ws = new Workspace({ doc: o.doc, storage: o.storage ?? memoryStorage(), pool: new EnginePool(spawn) });
    this.uninstall = installKeymap(this.ws, window);
  }

  get editor() {
    return this.ws.editor;
  }
  get doc(): ArchDoc {
    return this.ws.editor.getState().doc;
  }
  get selection(): readonly string[] {
    return this.ws.editor.getState().selection;
  }
  /** The texts of the toasts shown now. */
  get toasts(): string[] {
    return this.ws.ui.getState().toasts.map((t) => t.text);
  }
  node(id: string) {
    const n = this.doc.nodes.find((m) => m.id === id);
    if (!n) throw new Error(`TestEditor: no node "${id}" (nodes: ${this.doc.nodes.map((m) => m.id).join(', ')})`);
    return n;
  }

  /* ---------- geometry ---------- */

  /** A node's frame on the canvas. */
  bounds(id: string): { x: number; y: number; width: number; height: number } {
    const p = absolutePosition(this.doc, id);
    return { ...p, ...sizeOf(this.node(id)) };
  }
  /** The centre of a node. */
  centre(id: string): Point {
    const b = this.bounds(id);
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }
  /** Where a node's output port (right side) and input port (left side) are. */
  port(id: string, side: 'out' | 'in'): Point {
    const b = this.bounds(id);
    return { x: side === 'out' ? b.x + b.width : b.x, y: b.y + b.height / 2 };
  }
  /** The topmost node under a point (a node over a container, the deeper container over its parent). */
  nodeAt(p: Point): string | null {
    let best: string | null = null;
    let bestScore = -1;
    for (const n of this.doc.nodes) {
      const b = this.bounds(n.id);
      if (p.x < b.x || p.y < b.y || p.x > b.x + b.width || p.y > b.y + b.height) continue;
      let depth = 0;
      for (let q = n.parent; q; q = this.doc.nodes.find((m) => m.id === q)?.parent) depth++;
      const score = (isContainer(n) ? 0 : 1000) + depth;
      if (score > bestScore) {
        best = n.id;
        bestScore = score;
      }
    }
    return best;
  }
  private outPortAt(p: Point): string | null {
    for (const n of this.doc.nodes) {
      if (isContainer(n)) continue;
      const q = this.port(n.id, 'out');
      if (Math.hypot(q.x - p.x, q.y - p.y) <= PORT_PX) return n.id;
    }
    return null;
  }

  /* ---------- pointer ---------- */

  /** Press at a canvas point: on an output port (a connection starts), a node, or the empty canvas. */
  pointerDown(x: number, y: number, mods: Mods = {}): this {
    const at = { x, y };
    this.pointer = at;
    const port = this.outPortAt(at);
    const node = port ? null : this.nodeAt(at);
    this.press = port
      ? { kind: 'port', node: port, at }
      : node
        ? { kind: 'node', node, at, mods }
        : { kind: 'pane', at };
    return this;
  }
  pointerMove(x: number, y: number): this {
    this.pointer = { x, y };
    return this;
  }
  /**
   * Release: a connection dragged from a port ends on the node (or port) under the pointer; a node
   * pressed and moved is dragged (with the rest of the selection); pressed and not moved, it is clicked.
   */
  pointerUp(x = this.pointer.x, y = this.pointer.y): this {
    const p = this.press;
    this.press = null;
    this.pointer = { x, y };
    if (!p) return this;
    const at = { x, y };
    const moved = Math.hypot(x - p.at.x, y - p.at.y) >= CLICK_PX;
    if (p.kind === 'port') {
      const to = this.nodeAt(at);
      if (to && to !== p.node) connectNodes(this.ws, p.node, to, at);
      return this;
    }
    if (p.kind === 'pane') {
      if (!moved) this.editor.select([]);
      return this;
    }
    if (!moved) return this.click(p.node, p.mods);
    if (!this.selection.includes(p.node)) this.click(p.node, {});
    const d = { x: x - p.at.x, y: y - p.at.y };
    const dragged = this.selection.map((id) => {
      const n = this.node(id);
      return { id, position: { x: (n.position?.x ?? 0) + d.x, y: (n.position?.y ?? 0) + d.y } };
    });
    dragStop(this.ws, dragged, at);
    return this;
  }
  /** Click a node: select it alone, or (Mod/Shift) add it to the selection or take it out. */
  private click(id: string, mods: Mods): this {
    const additive = mods.mod || mods.shift;
    if (additive) selectNodes(this.ws, [{ id, selected: !this.selection.includes(id) }]);
    else selectNodes(this.ws, [...this.selection.map((s) => ({ id: s, selected: false })), { id, selected: true }]);
    return this;
  }
  /** Press and release at a point. */
  clickAt(x: number, y: number, mods: Mods = {}): this {
    return this.pointerDown(x, y, mods).pointerUp(x, y);
  }
  /** Click the centre of a node. */
  clickNode(id: string, mods: Mods = {}): this {
    const c = this.centre(id);
    return this.clickAt(c.x, c.y, mods);
  }
  /** Drag from one point to another. */
  drag(from: Point, to: Point, mods: Mods = {}): this {
    return this.pointerDown(from.x, from.y, mods).pointerMove(to.x, to.y).pointerUp(to.x, to.y);
  }
  /** Drag a connection from one node's output port to another node. */
  connect(from: string, to: string): this {
    return this.drag(this.port(from, 'out'), this.centre(to));
  }
  /** Drop a palette component at a canvas point (the palette's drag and drop). */
  dropKind(kind: Kind, x: number, y: number): boolean {
    this.pointer = { x, y };
    return addAt(this.ws, kind, { x, y }, { x, y });
  }

  /* ---------- keys ---------- */

  /**
   * Press a key (a DOM keydown on `target`, the page body unless a field is given). Returns whether the
   * page handled it (the keymap kept the browser's default from running).
   */
  keyDown(key: string, mods: Mods = {}, target: EventTarget = document.body): boolean {
    const e = new KeyboardEvent('keydown', {
      key,
      ctrlKey: !!mods.mod,
      shiftKey: !!mods.shift,
      altKey: !!mods.alt,
      bubbles: true,
      cancelable: true,
    });
    target.dispatchEvent(e);
    return e.defaultPrevented;
  }

  /** Stop listening and stop every store (call in afterEach). */
  dispose(): void {
    this.uninstall();
    this.ws.dispose();
  }
}
