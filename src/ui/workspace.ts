import type { Fragment } from '../model/commands';
import type { ArchDoc } from '../model/schema';
import { MakerStore } from './maker/store';
import { PresenterStore } from './presenter/store';
import { PuzzleSession } from './puzzle/session';
import { RunStore } from './run/store';
import { Editor, EMPTY_DOC } from './state/editor';
import { FindingsStore } from './state/findings';
import { EnginePool } from './state/pool';
import { type Theme, UiStore } from './state/ui';

export interface WorkspaceOptions {
  doc?: ArchDoc;
  theme?: Theme;
  /** Where the puzzle session, progress and the kept-aside sandbox live (localStorage in the page). */
  storage?: Storage;
  /** The engine worker pool (tests pass one with fake workers). */
  pool?: EnginePool;
}

/**
 * Everything one open page works on: the editor (document, history, selection), the UI store, the
 * static findings, the live run, the puzzle, presenter and maker sessions, and the one engine worker pool
 * they lease workers from. React gets it through one context (`WorkspaceContext`).
 */
export class Workspace {
  readonly editor: Editor;
  readonly ui: UiStore;
  readonly pool: EnginePool;
  readonly findings: FindingsStore;
  readonly run: RunStore;
  readonly puzzle: PuzzleSession;
  readonly presenter: PresenterStore;
  readonly maker: MakerStore;
  /** Where autosaves and kept-aside copies live (localStorage in the page). */
  readonly storage: Storage;
  /** Nodes copied with Mod+C / Mod+X, for Mod+V. */
  clipboard: Fragment | null = null;
  private readonly offRefuse: () => void;

  constructor(o: WorkspaceOptions = {}) {
    this.editor = new Editor(o.doc ?? EMPTY_DOC);
    this.ui = new UiStore(o.theme ?? 'light');
    this.pool = o.pool ?? new EnginePool();
    this.offRefuse = this.editor.onRefuse((reason, at) => this.ui.toast(reason, 'error', at));
    this.findings = new FindingsStore(this.editor, this.ui, this.pool.checker);
    this.run = new RunStore(this, () => this.pool.lease());
    this.storage = o.storage ?? localStorage;
    this.puzzle = new PuzzleSession(this, this.storage);
    this.presenter = new PresenterStore(this);
    this.maker = new MakerStore(this);
  }

  /** Stop every timer and worker (tests; the page lives as long as its workspace). */
  dispose(): void {
    this.offRefuse();
    this.findings.dispose();
    this.run.dispose();
    this.presenter.stop();
    this.pool.dispose();
  }
}
