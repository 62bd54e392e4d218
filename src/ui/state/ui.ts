import { Store } from './store';

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
export type Theme = 'light' | 'dark';

/** What the page shows around the document: messages, the open dialog, panels, theme. */
export interface UiState {
  toasts: readonly Toast[];
  banner: Banner | null;
  dialog: Dialog;
  /** Static findings shown (a puzzle hides them: the symptom is the clue). */
  showFindings: boolean;
  theme: Theme;
  /** Increments when the canvas should fit the view to the document (a document was opened). */
  fitSeq: number;
  /** Side panels shown (hide both to give a projector the whole width to the canvas). */
  panels: { palette: boolean; inspector: boolean };
}

/** The UI store: toasts, the banner, dialogs, panels, the findings switch and the theme. Holds no document. */
export class UiStore extends Store<UiState> {
  private toastSeq = 0;

  constructor(theme: Theme = 'light') {
    super({
      toasts: [],
      banner: null,
      dialog: null,
      showFindings: true,
      theme,
      fitSeq: 0,
      panels: { palette: true, inspector: true },
    });
  }

  toast(text: string, tone: Toast['tone'] = 'info', at?: { x: number; y: number }): void {
    const t: Toast = { id: ++this.toastSeq, text, tone, x: at?.x, y: at?.y };
    // A docked toast replaces the docked one before it (one at a time); pointer toasts keep the last one.
    const kept = at ? this.s.toasts.slice(-1) : this.s.toasts.filter((o) => o.x !== undefined).slice(-1);
    this.patch({ toasts: [...kept, t] });
    setTimeout(() => this.dismissToast(t.id), tone === 'error' ? 6000 : 3500);
  }
  dismissToast(id: number): void {
    if (this.s.toasts.some((t) => t.id === id)) this.patch({ toasts: this.s.toasts.filter((t) => t.id !== id) });
  }

  requestFit(): void {
    this.patch({ fitSeq: this.s.fitSeq + 1 });
  }
  setBanner(banner: Banner | null): void {
    this.patch({ banner });
  }
  setDialog(dialog: Dialog): void {
    if (dialog !== this.s.dialog) this.patch({ dialog });
  }
  toggleFindings(): void {
    this.setShowFindings(!this.s.showFindings);
  }
  /** In a puzzle, hidden findings are not computed at all (no badges, no counts: the symptom is the clue). */
  setShowFindings(show: boolean): void {
    if (show !== this.s.showFindings) this.patch({ showFindings: show });
  }
  setTheme(theme: Theme): void {
    this.patch({ theme });
  }
  /** Show or hide a side panel; the canvas refits to the space it gains or loses. */
  togglePanel(which: 'palette' | 'inspector'): void {
    this.patch({ panels: { ...this.s.panels, [which]: !this.s.panels[which] } });
    this.requestFit();
  }
  /** Hide both side panels, or show them again (a projector view of the canvas). */
  toggleFocus(): void {
    const both = this.s.panels.palette || this.s.panels.inspector;
    this.patch({ panels: { palette: !both, inspector: !both } });
    this.requestFit();
  }
}
