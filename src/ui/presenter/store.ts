import type { ArchDoc } from '../../model/schema';
import type { EngineClient } from '../../worker/client';
import type { RunUpdate } from '../../worker/protocol';
import type { Editor } from '../state/editor';
import type { EnginePool } from '../state/pool';
import { Store } from '../state/store';
import type { UiStore } from '../state/ui';
import { type Frame, frames } from './frames';

export interface PresenterState {
  on: boolean;
  doc: ArchDoc | null;
  frames: Frame[];
  index: number;
  /** The run at the current frame's time (null while it runs there). */
  live: RunUpdate | null;
  error: string | null;
}

/**
 * Presenter mode: steps through a demo's narration. At each step the run is replayed from the start to
 * the step's time and paused there (same file, same seed: the same run every time, forward or back).
 */
export class PresenterStore extends Store<PresenterState> {
  private client: EngineClient | null = null;
  private want = -1;

  constructor(private readonly ws: { editor: Editor; ui: UiStore; pool: EnginePool }) {
    super({ on: false, doc: null, frames: [], index: 0, live: null, error: null });
  }

  start(): void {
    const doc = this.ws.editor.getState().doc;
    const fs = frames(doc.script);
    if (!fs.length) {
      this.ws.ui.toast('This document has no narrated script to present.', 'error');
      return;
    }
    this.patch({ on: true, doc, frames: fs, index: 0, live: null, error: null });
    this.ws.editor.select([]);
    this.goto(0);
  }

  stop(): void {
    this.patch({ on: false, live: null });
    if (this.client) this.ws.pool.release(this.client);
    this.client = null;
  }

  next(): void {
    if (this.s.index < this.s.frames.length - 1) this.goto(this.s.index + 1);
  }
  prev(): void {
    if (this.s.index > 0) this.goto(this.s.index - 1);
  }

  goto(index: number): void {
    const f = this.s.frames[index];
    if (!f || !this.s.doc) return;
    const same = this.s.live && this.s.frames[this.s.index]?.atSec === f.atSec;
    this.patch({ index, live: same ? this.s.live : null });
    if (same) return;
    const c = this.ensure();
    this.want = Math.max(f.atSec, 0.001);
    c.send({ type: 'load', doc: this.s.doc, durationSec: this.want });
    c.send({ type: 'runToEnd' });
  }

  private ensure(): EngineClient {
    if (this.client) return this.client;
    const c = this.ws.pool.lease();
    c.onUpdate((u) => {
      if (u.status === 'finished' && u.durationSec === this.want) this.patch({ live: u });
    });
    c.onError((m) => this.patch({ error: m }));
    this.client = c;
    return c;
  }
}
