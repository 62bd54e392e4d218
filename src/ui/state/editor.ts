import { COMMANDS, type ArgsOf, type CommandId, execute } from '../../model/commands';
import { History } from '../../model/history';
import type { ArchDoc } from '../../model/schema';
import { Store } from './store';

/**
 * Asked before every command: a reason to refuse it, or null. A mode installs one with `addPolicy`
 * (puzzle mode refuses what the puzzle's palette and locks forbid).
 */
export type Policy = (doc: ArchDoc, command: string, args: unknown) => string | null;

/** The outcome of a command: its result, or why it was refused. */
export type RunOutcome = { ok: true; result: unknown } | { ok: false; reason: string };

export interface EditorState {
  doc: ArchDoc;
  /** Increments on every document change (autosave and findings watch it). */
  revision: number;
  selection: readonly string[];
  edgeSelection: readonly string[];
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export const EMPTY_DOC: ArchDoc = {
  format: 'sagesim/architecture@1',
  title: 'Untitled architecture',
  nodes: [],
  edges: [],
};

/**
 * The editor: the open document, its history and the selection; nothing else (messages, dialogs, panels
 * and theme live in the `UiStore`). Framework-free; React reads it through `useEditorState`. The document
 * changes only through `run` (a named command), `undo` and `redo`.
 */
export class Editor extends Store<EditorState> {
  private readonly history = new History(200);
  private readonly policies = new Set<Policy>();
  private readonly refusalListeners = new Set<(reason: string, at?: { x: number; y: number }) => void>();

  constructor(doc: ArchDoc = EMPTY_DOC) {
    super({
      doc,
      revision: 0,
      selection: [],
      edgeSelection: [],
      canUndo: false,
      canRedo: false,
      undoLabel: null,
      redoLabel: null,
    });
  }

  /** Install a policy asked before every command; returns the function that removes it. */
  addPolicy(p: Policy): () => void {
    this.policies.add(p);
    return () => this.policies.delete(p);
  }

  /** Called with the reason of every refused command that is not `quiet` (the workspace shows it as a toast). */
  onRefuse(fn: (reason: string, at?: { x: number; y: number }) => void): () => void {
    this.refusalListeners.add(fn);
    return () => this.refusalListeners.delete(fn);
  }

  private docChanged(doc: ArchDoc, selection?: { nodes: readonly string[]; edges: readonly string[] }) {
    const ids = new Set(doc.nodes.map((n) => n.id));
    const h = this.history;
    this.patch({
      doc,
      revision: this.s.revision + 1,
      selection: (selection?.nodes ?? this.s.selection).filter((id) => ids.has(id)),
      edgeSelection: selection?.edges ?? this.s.edgeSelection,
      canUndo: h.canUndo,
      canRedo: h.canRedo,
      undoLabel: h.undoLabel,
      redoLabel: h.redoLabel,
    });
  }

  private refusal(id: string, args: unknown): string | null {
    for (const p of this.policies) {
      const why = p(this.s.doc, id, args);
      if (why) return why;
    }
    return null;
  }

  /** Run a named command; returns its result, or a refusal reason (also reported to `onRefuse` unless quiet). */
  run<K extends CommandId>(
    id: K,
    args: ArgsOf<K>,
    o: { coalesce?: string; at?: { x: number; y: number }; quiet?: boolean } = {},
  ): RunOutcome {
    const cmd = COMMANDS[id] as unknown as Parameters<typeof execute>[1];
    const why = this.refusal(id, args);
    const out = why ? { ok: false as const, reason: why } : execute(this.s.doc, cmd, args);
    if (!out.ok) {
      if (!o.quiet) for (const fn of this.refusalListeners) fn(out.reason, o.at);
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
    this.docChanged(doc, { nodes: [], edges: [] });
  }

  select(ids: readonly string[], edges: readonly string[] = []): void {
    if (same(ids, this.s.selection) && same(edges, this.s.edgeSelection)) return;
    this.patch({ selection: ids, edgeSelection: edges });
  }
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
