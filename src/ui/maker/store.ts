import type { Report } from '../../engine';
import { diffSolution, emptySolution } from '../../model/diff';
import type { ArchDoc, Solution } from '../../model/schema';
import { applySolution } from '../../model/solution';
import type { Editor } from '../state/editor';
import type { EnginePool } from '../state/pool';
import { Store } from '../state/store';
import type { UiStore } from '../state/ui';
import { type Draft, EMPTY_GOAL, buildPuzzle, runnable } from './build';

export interface TestResult {
  asBuilt: Report;
  withSolution: Report | null;
}

export interface MakerState {
  open: boolean;
  draft: Draft;
  broken: ArchDoc | null;
  /** The broken design's run: what the goal checkboxes are built from. */
  report: Report | null;
  solution: Solution | null;
  busy: string | null;
  test: TestResult | null;
  error: string | null;
}

const NEW_DRAFT: Draft = {
  title: '',
  domain: '',
  story: '',
  hints: ['', '', ''],
  goal: EMPTY_GOAL,
  locked: [],
  palette: null,
};

/**
 * Make a puzzle from the sandbox: capture the broken design (and run it), write the words, tick the goal,
 * lock nodes and limit the palette, fix the design on the canvas and capture it (the solution is the
 * difference), test, export.
 */
export class MakerStore extends Store<MakerState> {
  private readonly editor: Editor;

  constructor(private readonly ws: { editor: Editor; ui: UiStore; pool: EnginePool }) {
    super({
      open: false,
      draft: NEW_DRAFT,
      broken: null,
      report: null,
      solution: null,
      busy: null,
      test: null,
      error: null,
    });
    this.editor = ws.editor;
  }

  openMaker(): void {
    const doc = this.editor.getState().doc;
    if (doc.mode === 'puzzle') {
      this.ws.ui.toast('Leave the puzzle first: the maker turns your own sandbox design into a puzzle.', 'error');
      return;
    }
    const draft = this.s.broken
      ? this.s.draft
      : { ...NEW_DRAFT, title: doc.title && doc.title !== 'Untitled architecture' ? doc.title : '' };
    this.patch({ open: true, draft });
  }
  close(): void {
    this.patch({ open: false });
  }

  edit(p: Partial<Draft>): void {
    this.patch({ draft: { ...this.s.draft, ...p }, test: null });
  }

  /** The canvas as the broken design; its run fills the goal's choices. */
  async captureBroken(): Promise<void> {
    const broken = runnable(this.editor.getState().doc);
    if (!broken.nodes.length) {
      this.ws.ui.toast('The canvas is empty: build the broken design first.', 'error');
      return;
    }
    const locked = broken.nodes.map((n) => n.id);
    this.patch({ broken, solution: null, test: null, draft: { ...this.s.draft, locked, goal: EMPTY_GOAL } });
    const report = await this.run('Running the broken design…', broken);
    if (report) this.patch({ report });
  }

  /** The canvas as the fixed design: the solution is what changed since the broken one. */
  captureFixed(): void {
    if (!this.s.broken) return;
    const solution = diffSolution(this.s.broken, this.editor.getState().doc);
    if (emptySolution(solution)) {
      this.ws.ui.toast('Nothing changed since the broken design: fix it on the canvas first.', 'error');
      return;
    }
    const added = [...new Set((solution.addNodes ?? []).map((n) => n.kind))];
    const palette = this.s.draft.palette ?? (added.length ? added : null);
    this.patch({ solution, test: null, draft: { ...this.s.draft, palette } });
  }

  /** Put the broken design back on the canvas (an undoable step). */
  restoreBroken(): void {
    if (this.s.broken) this.editor.run('replaceDocument', { doc: this.s.broken });
  }

  puzzle(): ArchDoc | null {
    return this.s.broken ? buildPuzzle(this.s.broken, this.s.draft, this.s.solution) : null;
  }

  /** Run the puzzle as built and with its solution, graded as the runner grades it. */
  async test(): Promise<void> {
    const doc = this.puzzle();
    if (!doc) return;
    const asBuilt = await this.run('Running the puzzle as built…', doc);
    if (!asBuilt) return;
    const withSolution = doc.solution
      ? await this.run('Running it with the solution…', applySolution(doc, doc.solution))
      : null;
    this.patch({ test: { asBuilt, withSolution } });
  }

  /** One run on a worker leased from the pool for as long as it takes. */
  private run(busy: string, doc: ArchDoc): Promise<Report | null> {
    this.patch({ busy, error: null });
    const client = this.ws.pool.lease();
    return new Promise((resolve) => {
      const off = client.onError((m) => {
        off();
        this.ws.pool.release(client);
        this.patch({ busy: null, error: m });
        resolve(null);
      });
      client.send({ type: 'load', doc });
      void client.report().then((r) => {
        off();
        this.ws.pool.release(client);
        this.patch({ busy: null });
        resolve(r);
      });
    });
  }
}
