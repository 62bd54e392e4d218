import { COMMANDS, type ArgsOf, type CommandId, execute } from '../../model/commands';
import { History } from '../../model/history';
import type { ArchDoc } from '../../model/schema';
import type { Finding } from '../../engine/types';
import { createChecker, type Checker } from './checker';
import { puzzleRefusal } from '../../model/puzzle';

/** A short message; with x/y it shows at the pointer (a refused connection or drop). */
export interface Toast {
  id: number;
  text: string;
  tone: 'error' | 'info';
  x?: number;
  y?: number;
}
/** A message that stays until dismissed: load errors (path: reason), a save kept aside. */
export interface Banner {
  tone: 'error' | 'info';
  title: string;
  lines: string[];
  /** Buttons next to Dismiss (open the last good save, run a shorter duration…); each also dismisses. */
  actions?: readonly { label: string; run: () => void }[];
}
export type Dialog = 'start' | 'shortcuts' | 'share' | 'puzzles' | 'demos' | null;
/** Asked before every command: a reason to refuse it (a puzzle's lock or palette), or null. */
export type Guard = (doc: ArchDoc, command: string, args: unknown) => string | null;

export interface EditorState {
  doc: ArchDoc;
  /** Increments on every document change (autosave and findings watch it). */
  revision: number;
  selection: readonly string[];
  edgeSelection: readonly string[];
  findings: readonly Finding[];
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  toasts: readonly Toast[];
  banner: Banner | null;
  dialog: Dialog;
  showFindings: boolean;
  theme: 'light' | 'dark';
  /** Increments when the canvas should fit the view to the document (a document was opened). */
  fitSeq: number;
  /** Side panels shown (hide both to give a projector the whole width to the canvas). */
  panels: { palette: boolean; inspector: boolean };
}

export const EMPTY_DOC: ArchDoc = {
  format: 'sagesim/architecture@1',
  title: 'Untitled architecture',
  nodes: [],
  edges: [],
};

/**
 * The editor: the open document, its history, the selection and the UI messages. Framework-free;
 * React reads it through `useEditor` (useSyncExternalStore). The document changes only through `run`
 * (a named command), `undo` and `redo`.
 */
export class Editor {
  private s: EditorState;
  private readonly history = new History(200);
  private readonly listeners = new Set<() => void>();
  private findingsTimer: ReturnType<typeof setTimeout> | null = null;
  private checker: Checker | null = null;
  private checkSeq = 0;
  private toastSeq = 0;
  /** Refuses commands a puzzle forbids (its palette, locked nodes and connections). */
  guard: Guard | null = puzzleRefusal;

  constructor(doc: ArchDoc = EMPTY_DOC, theme: 'light' | 'dark' = 'light') {
    this.s = {
      doc,
      revision: 0,
      selection: [],
      edgeSelection: [],
      findings: [],
      canUndo: false,
      canRedo: false,
      undoLabel: null,
      redoLabel: null,
      toasts: [],
      banner: null,
      dialog: null,
      showFindings: true,
      theme,
      fitSeq: 0,
      panels: { palette: true, inspector: true },
    };
    this.scheduleFindings(0);
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getState = (): EditorState => this.s;

  private set(patch: Partial<EditorState>) {
    this.s = { ...this.s, ...patch };
    for (const fn of this.listeners) fn();
  }

  private docChanged(doc: ArchDoc, extra: Partial<EditorState> = {}) {
    const ids = new Set(doc.nodes.map((n) => n.id));
    const h = this.history;
    this.set({
      doc,
      revision: this.s.revision + 1,
      selection: (extra.selection ?? this.s.selection).filter((id) => ids.has(id)),
      edgeSelection: extra.edgeSelection ?? this.s.edgeSelection,
      canUndo: h.canUndo,
      canRedo: h.canRedo,
      undoLabel: h.undoLabel,
      redoLabel: h.redoLabel,
      ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'selection' && k !== 'edgeSelection')),
    });
    this.scheduleFindings(200);
  }

  /** Run a named command; returns its result, or a refusal reason (also shown as a toast unless quiet). */
  run<K extends CommandId>(
    id: K,
    args: ArgsOf<K>,
    o: { coalesce?: string; at?: { x: number; y: number }; quiet?: boolean } = {},
  ): { ok: true; result: unknown } | { ok: false; reason: string } {
    const cmd = COMMANDS[id] as unknown as Parameters<typeof execute>[1];
    const why = this.guard?.(this.s.doc, id, args);
    const out = why ? { ok: false as const, reason: why } : execute(this.s.doc, cmd, args);
    if (!out.ok) {
      if (!o.quiet) this.toast(out.reason, 'error', o.at);
      return out;
    }
    this.history.push({
      label: cmd.label,
      patches: out.patches,
      inverse: out.inverse,
      key: o.coalesce,
      at: performance.now(),
    });
    if (out.patches.length) this.docChanged(out.doc);
    return { ok: true, result: out.result };
  }

  undo(): void {
    const d = this.history.undo(this.s.doc);
    if (d) this.docChanged(d);
  }
  redo(): void {
    const d = this.history.redo(this.s.doc);
    if (d) this.docChanged(d);
  }
  /** End coalescing of the current edit (a field lost focus). */
  seal(): void {
    this.history.seal();
  }

  /** Open a document as a fresh start (the restored autosave): no undo back past it. */
  reset(doc: ArchDoc): void {
    this.history.clear();
    this.docChanged(doc, { selection: [], edgeSelection: [] });
  }

  select(ids: readonly string[], edges: readonly string[] = []): void {
    if (same(ids, this.s.selection) && same(edges, this.s.edgeSelection)) return;
    this.set({ selection: ids, edgeSelection: edges });
  }

  toast(text: string, tone: Toast['tone'] = 'info', at?: { x: number; y: number }): void {
    const t: Toast = { id: ++this.toastSeq, text, tone, x: at?.x, y: at?.y };
    // A docked toast replaces the docked one before it (one at a time); pointer toasts keep the last one.
    const kept = at ? this.s.toasts.slice(-1) : this.s.toasts.filter((o) => o.x !== undefined).slice(-1);
    this.set({ toasts: [...kept, t] });
    setTimeout(() => this.dismissToast(t.id), tone === 'error' ? 6000 : 3500);
  }
  dismissToast(id: number): void {
    if (this.s.toasts.some((t) => t.id === id)) this.set({ toasts: this.s.toasts.filter((t) => t.id !== id) });
  }

  requestFit(): void {
    this.set({ fitSeq: this.s.fitSeq + 1 });
  }

  setBanner(banner: Banner | null): void {
    this.set({ banner });
  }
  setDialog(dialog: Dialog): void {
    this.set({ dialog });
  }
  toggleFindings(): void {
    this.setShowFindings(!this.s.showFindings);
  }
  /** In a puzzle, hidden findings are not computed at all (no badges, no counts: the symptom is the clue). */
  setShowFindings(show: boolean): void {
    if (show === this.s.showFindings) return;
    this.set({ showFindings: show });
    this.scheduleFindings(0);
  }
  setTheme(theme: 'light' | 'dark'): void {
    this.set({ theme });
  }
  /** Show or hide a side panel; the canvas refits to the space it gains or loses. */
  togglePanel(which: 'palette' | 'inspector'): void {
    this.set({ panels: { ...this.s.panels, [which]: !this.s.panels[which] } });
    this.requestFit();
  }
  /** Hide both side panels, or show them again (a projector view of the canvas). */
  toggleFocus(): void {
    const both = this.s.panels.palette || this.s.panels.inspector;
    this.set({ panels: { palette: !both, inspector: !both } });
    this.requestFit();
  }

  private scheduleFindings(ms: number) {
    if (this.findingsTimer) clearTimeout(this.findingsTimer);
    this.findingsTimer = setTimeout(() => {
      this.findingsTimer = null;
      const seq = ++this.checkSeq;
      if (!(this.s.showFindings || this.s.doc.mode !== 'puzzle')) {
        this.set({ findings: [] });
        return;
      }
      this.checker ??= createChecker();
      this.checker(this.s.doc).then(
        (findings: Finding[]) => {
          if (seq === this.checkSeq) this.set({ findings });
        },
        (e: unknown) => console.error('static checks failed', e),
      );
    }, ms);
  }
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
