import { type Patch, applyPatches } from 'immer';
import type { ArchDoc } from './schema';

/** One undoable step: what a command changed (patches) and how to take it back (inverse). */
export interface Step {
  label: string;
  patches: Patch[];
  inverse: Patch[];
  /** Steps with the same key pushed within `coalesceMs` merge (typing in a field is one step). */
  key?: string;
  /** Time the step was pushed, in ms (any clock; only differences matter). */
  at: number;
}

/**
 * Undo/redo over Immer patches. Holds at most `limit` steps (oldest dropped first).
 * Pure: `undo`/`redo` take the current document and return the new one.
 */
export class History {
  private done: Step[] = [];
  private undone: Step[] = [];

  constructor(
    readonly limit = 200,
    readonly coalesceMs = 1200,
  ) {}

  push(step: Step): void {
    if (!step.patches.length) return;
    const last = this.done[this.done.length - 1];
    this.undone = [];
    if (last && step.key && last.key === step.key && step.at - last.at <= this.coalesceMs) {
      last.patches = [...last.patches, ...step.patches];
      last.inverse = [...step.inverse, ...last.inverse];
      last.at = step.at;
      return;
    }
    this.done.push({ ...step });
    if (this.done.length > this.limit) this.done.splice(0, this.done.length - this.limit);
  }

  undo(doc: ArchDoc): ArchDoc | null {
    const s = this.done.pop();
    if (!s) return null;
    this.undone.push(s);
    return applyPatches(doc, s.inverse);
  }

  redo(doc: ArchDoc): ArchDoc | null {
    const s = this.undone.pop();
    if (!s) return null;
    this.done.push(s);
    return applyPatches(doc, s.patches);
  }

  /** Stop the last step from merging with the next one (a field lost focus). */
  seal(): void {
    const last = this.done[this.done.length - 1];
    if (last) last.key = undefined;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }
  get canRedo(): boolean {
    return this.undone.length > 0;
  }
  get undoLabel(): string | null {
    return this.done[this.done.length - 1]?.label ?? null;
  }
  get redoLabel(): string | null {
    return this.undone[this.undone.length - 1]?.label ?? null;
  }
  get depth(): number {
    return this.done.length;
  }
}
