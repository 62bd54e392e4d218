import type { Finding } from '../../engine';
import type { Checker } from './checker';
import type { Editor } from './editor';
import { Store } from './store';
import type { UiStore } from './ui';

export interface FindingsState {
  /** The static findings of the open document (empty while hidden in a puzzle). */
  findings: readonly Finding[];
}

/**
 * The static findings of the open document, recomputed (in the checks worker) shortly after every
 * document change and when they are shown again. In a puzzle with findings hidden they are not computed
 * at all (no badges, no counts: the symptom is the clue).
 */
export class FindingsStore extends Store<FindingsState> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seq = 0;
  private readonly unsub: (() => void)[];

  constructor(
    private readonly editor: Editor,
    private readonly ui: UiStore,
    private readonly checker: () => Checker,
  ) {
    super({ findings: [] });
    let rev = editor.getState().revision;
    let shown = ui.getState().showFindings;
    this.unsub = [
      editor.subscribe(() => {
        if (editor.getState().revision === rev) return;
        rev = editor.getState().revision;
        this.schedule(200);
      }),
      ui.subscribe(() => {
        if (ui.getState().showFindings === shown) return;
        shown = ui.getState().showFindings;
        this.schedule(0);
      }),
    ];
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const seq = ++this.seq;
      const doc = this.editor.getState().doc;
      if (!(this.ui.getState().showFindings || doc.mode !== 'puzzle')) {
        this.patch({ findings: [] });
        return;
      }
      this.checker()(doc).then(
        (findings: Finding[]) => {
          if (seq === this.seq) this.patch({ findings });
        },
        (e: unknown) => console.error('static checks failed', e),
      );
    }, ms);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const u of this.unsub) u();
  }
}
