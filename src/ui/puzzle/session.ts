import type { Report } from '../../engine';
import { loader } from '../../model/loader';
import type { ArchDoc, Attempt } from '../../model/schema';
import { applyVariant, variantCount, variantFromName } from '../../model/variants';
import { puzzleRefusal } from '../../model/locks';
import { type Editor, EMPTY_DOC } from '../state/editor';
import { Store } from '../state/store';
import type { UiStore } from '../state/ui';
import { AUTOSAVE_FORMAT, AUTOSAVE_KEY, openDoc, showLoadErrors, whenPlaced } from '../state/persist';
import { applySolutionVisibly } from './applySolution';
import { loadAutolayout } from '../state/layout-job';
import type { GradedCriterion } from '../../worker/protocol';
import type { CheckedCriterion } from './checklist';
import { type Progress, markSolved, progressKey, readProgress } from './progress';

/** The puzzle being played (which shipped file, the document as opened, hints shown), kept across reloads. */
export const SESSION_KEY = 'sagesim:puzzle@1';
const SESSION_FORMAT = 'sagesim/puzzle-session@1';
/** The sandbox document, kept aside while a puzzle is open (the autosave then holds the puzzle). */
export const ASIDE_KEY = 'sagesim:sandbox-aside@1';
const ASIDE_FORMAT = 'sagesim/sandbox-aside@1';

export interface CheckResult {
  report: Report;
  items: CheckedCriterion[];
  met: boolean;
  /** Editor revision the check ran on (the design changed since when it differs). */
  revision: number;
}

export interface PuzzleState {
  active: boolean;
  file: string | null;
  original: ArchDoc | null;
  hintsShown: number;
  checking: boolean;
  result: CheckResult | null;
  error: string | null;
  solutionShown: boolean;
  progress: Progress;
  /** The learner gave up: the rule, the fact and the fix are shown (the attempt records it). */
  gaveUp: boolean;
  /** The learner's answer to each of the puzzle's questions (null = not answered yet). */
  answers: (number | null)[];
  /** When this attempt started (ms since the epoch), for the time spent. */
  startedAt: number;
  /** The variant being played (null = the puzzle as written) and the name it came from. */
  variant: number | null;
  learner: string;
}

/**
 * Whether the puzzle's answer may be shown: the rule titles, the sheet's fact and the fix stay hidden until the
 * puzzle is solved, the last hint is taken, the reference solution is shown, or the learner gives up.
 */
export function isRevealed(s: PuzzleState, doc: ArchDoc): boolean {
  if (!s.active) return true;
  return (
    !!s.result?.met || s.solutionShown || s.gaveUp || (s.hintsShown > 0 && s.hintsShown >= (doc.hints?.length ?? 0))
  );
}

function readJson(storage: Storage, key: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(storage.getItem(key) ?? 'null');
    return v && typeof v === 'object' && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}
const write = (storage: Storage, key: string, v: unknown) => {
  try {
    storage.setItem(key, JSON.stringify(v));
  } catch {
    /* full or blocked */
  }
};
const remove = (storage: Storage, key: string) => {
  try {
    storage.removeItem(key);
  } catch {
    /* blocked */
  }
};
/** A document kept in storage, loaded (only while a puzzle is or was open: a document was loaded, so the loader is). */
const loadDoc = (v: unknown): ArchDoc | null => {
  const r = loader().loadJson(v);
  return r.ok ? r.doc : null;
};

/**
 * Puzzle mode: on while the open document is a puzzle (`mode: "puzzle"`), however it was opened (the
 * picker, a file, a share link, a reload). Entering keeps the sandbox aside and installs the puzzle's
 * policy on the editor (its palette and locks refuse commands); leaving brings the sandbox back.
 */
export class PuzzleSession extends Store<PuzzleState> {
  private lastSandbox: ArchDoc;
  private pending: { file: string | null; doc: ArchDoc; learner?: string } | null = null;
  private readonly editor: Editor;
  private readonly ui: UiStore;
  /** The puzzle as written (before a variant filled its placeholders), to build other variants from. */
  private base: ArchDoc | null = null;
  /** Removes the puzzle policy (set while a puzzle is open). */
  private removePolicy: (() => void) | null = null;

  constructor(
    private readonly ws: { editor: Editor; ui: UiStore },
    private readonly storage: Storage,
  ) {
    const doc = ws.editor.getState().doc;
    super({
      active: false,
      file: null,
      original: null,
      hintsShown: 0,
      checking: false,
      result: null,
      error: null,
      solutionShown: false,
      progress: readProgress(storage),
      gaveUp: false,
      answers: [],
      startedAt: Date.now(),
      variant: null,
      learner: '',
    });
    this.editor = ws.editor;
    this.ui = ws.ui;
    this.lastSandbox = doc.mode === 'puzzle' ? EMPTY_DOC : doc;
    if (doc.mode === 'puzzle') this.restore(doc);
    this.editor.subscribe(() => this.onEditor());
  }

  /** The puzzle's palette and locks refuse commands while a puzzle is open. */
  private setPolicy(on: boolean) {
    if (on) this.removePolicy ??= this.editor.addPolicy(puzzleRefusal);
    else {
      this.removePolicy?.();
      this.removePolicy = null;
    }
  }

  private restore(doc: ArchDoc) {
    const saved = readJson(this.storage, SESSION_KEY);
    const ok = saved?.format === SESSION_FORMAT;
    const kept = ok ? loadDoc(saved.original) : null;
    const original = kept && kept.title === doc.title ? kept : doc;
    const file = ok && typeof saved.file === 'string' && original === kept ? saved.file : null;
    const hints =
      ok && Number.isInteger(saved.hintsShown)
        ? Math.max(0, Math.min(Number(saved.hintsShown), doc.hints?.length ?? 0))
        : 0;
    const answers =
      ok && Array.isArray(saved.answers)
        ? (saved.answers as unknown[]).map((a) => (Number.isInteger(a) ? (a as number) : null))
        : [];
    this.patch({
      active: true,
      file,
      original,
      hintsShown: hints,
      answers,
      gaveUp: ok && saved.gaveUp === true,
      solutionShown: ok && saved.solutionShown === true,
      startedAt: ok && typeof saved.startedAt === 'number' ? saved.startedAt : Date.now(),
      variant: typeof doc.variant === 'number' ? doc.variant : null,
      learner: ok && typeof saved.learner === 'string' ? saved.learner : '',
    });
    // Opened before this session existed (a share link at boot): the autosave still holds the sandbox.
    const auto = readJson(this.storage, AUTOSAVE_KEY);
    const sandbox = auto?.format === AUTOSAVE_FORMAT ? loadDoc(auto.doc) : null;
    if (!readJson(this.storage, ASIDE_KEY) && sandbox && sandbox.mode !== 'puzzle')
      write(this.storage, ASIDE_KEY, { format: ASIDE_FORMAT, doc: sandbox });
    this.setPolicy(true);
    this.ui.setShowFindings(false);
  }

  private onEditor() {
    const doc = this.editor.getState().doc;
    const isPuzzle = doc.mode === 'puzzle';
    if (isPuzzle && (!this.s.active || this.pending)) this.enter(doc);
    else if (!isPuzzle && this.s.active) this.exit();
    if (!isPuzzle) this.lastSandbox = doc;
  }

  private enter(doc: ArchDoc) {
    if (!this.s.active) write(this.storage, ASIDE_KEY, { format: ASIDE_FORMAT, doc: this.lastSandbox });
    const p = this.pending;
    this.pending = null;
    const next = {
      active: true,
      file: p?.file ?? null,
      original: doc,
      hintsShown: 0,
      result: null,
      error: null,
      solutionShown: false,
      checking: false,
      gaveUp: false,
      answers: [],
      startedAt: Date.now(),
      variant: typeof doc.variant === 'number' ? doc.variant : null,
      learner: p?.learner ?? '',
    };
    if (doc.variant === undefined) this.base = doc;
    this.patch(next);
    this.save();
    this.setPolicy(true);
    this.ui.setShowFindings(false);
  }

  private exit() {
    remove(this.storage, SESSION_KEY);
    remove(this.storage, ASIDE_KEY);
    this.patch({
      active: false,
      file: null,
      original: null,
      result: null,
      error: null,
      hintsShown: 0,
      solutionShown: false,
    });
    this.setPolicy(false);
    this.ui.setShowFindings(true);
  }

  private save() {
    write(this.storage, SESSION_KEY, {
      format: SESSION_FORMAT,
      file: this.s.file,
      original: this.s.original,
      hintsShown: this.s.hintsShown,
      answers: this.s.answers,
      gaveUp: this.s.gaveUp,
      solutionShown: this.s.solutionShown,
      startedAt: this.s.startedAt,
      learner: this.s.learner,
    });
  }

  /**
   * Open a shipped puzzle (an undoable step, like opening a file); `learner` names who plays a variant. Resolves
   * once it is open (a puzzle written without positions is laid out first).
   */
  open(file: string | null, doc: ArchDoc, learner?: string): Promise<void> {
    const what = `the puzzle “${doc.title ?? file ?? 'untitled'}”`;
    return new Promise((resolve) =>
      whenPlaced(
        doc,
        what,
        (laid) => {
          this.pending = { file, doc, learner };
          openDoc(this.ws, laid, what);
          this.pending = null;
          resolve();
        },
        {
          cancelled: resolve,
          failed: (m) => {
            showLoadErrors(this.ws, what, [{ path: '(layout)', message: m }]);
            resolve();
          },
        },
      ),
    );
  }

  /** Back to the sandbox as it was before the puzzle (or a blank canvas). */
  leave(): void {
    const aside = readJson(this.storage, ASIDE_KEY);
    const doc = (aside?.format === ASIDE_FORMAT && loadDoc(aside.doc)) || EMPTY_DOC;
    this.editor.run('replaceDocument', { doc });
    this.editor.select([]);
    this.ui.requestFit();
    this.ui.toast('Back to your sandbox. Undo (Ctrl+Z) returns to the puzzle.');
  }

  revealHint(): void {
    const n = this.editor.getState().doc.hints?.length ?? 0;
    if (this.s.hintsShown >= n) return;
    this.patch({ hintsShown: this.s.hintsShown + 1 });
    this.save();
  }

  /**
   * Run the whole puzzle and grade it against its goal. `run` fast-forwards the live run on the canvas
   * to its end and returns its report (RunStore.runAndGrade): the learner sees the run that is graded;
   * `grade` grades each criterion alone against it in the engine worker (RunStore.gradeCriteria).
   */
  async check(
    run: () => Promise<Report>,
    grade: (doc: ArchDoc, report: Report) => Promise<GradedCriterion[]>,
  ): Promise<void> {
    if (this.s.checking) return;
    const { doc, revision } = this.editor.getState();
    this.patch({ checking: true, error: null });
    try {
      const report = await run();
      const graded = await grade(doc, report);
      // the checklist's words come with the goals' schemas (zod): not on the page's first screen
      const { checklistOf } = await import('./checklist');
      const items = checklistOf(doc, graded);
      const met = report.goal?.met ?? items.every((i) => i.met);
      let progress = this.s.progress;
      if (met) {
        progress = markSolved(
          this.storage,
          progressKey(this.s.file, this.s.original?.title ?? doc.title),
          this.s.solutionShown,
        );
        this.ui.toast(
          this.s.solutionShown ? 'Goal met with the reference solution.' : 'Solved! Every part of the goal is met.',
        );
      }
      this.patch({ checking: false, result: { report, items, met, revision }, progress });
    } catch (e) {
      this.patch({ checking: false, error: (e as Error).message });
    }
  }

  /** Back to the puzzle as opened (an undoable step). */
  reset(): void {
    if (!this.s.original) return;
    this.editor.run('replaceDocument', { doc: this.s.original });
    this.editor.select([]);
    this.patch({ result: null, error: null, solutionShown: false });
    this.ui.toast('The puzzle is back as it was. Undo (Ctrl+Z) brings your changes back.');
  }

  /** Apply the reference solution on the canvas (one undoable step), once the layout module has loaded. */
  async showSolution(): Promise<void> {
    const { original } = this.s;
    const solution = this.editor.getState().doc.solution ?? original?.solution;
    if (!original || !solution) {
      this.ui.toast('This puzzle has no reference solution.', 'error');
      return;
    }
    // setProp checks values against the prop schemas (zod), loaded on demand
    const [{ computeLayout }] = await Promise.all([loadAutolayout(), import('../../model/props')]);
    const problems = applySolutionVisibly(this.editor, original, solution, computeLayout);
    this.ui.requestFit();
    this.patch({ solutionShown: true, result: null });
    this.save();
    if (problems.length) this.ui.toast(`Part of the solution could not be applied: ${problems[0]}`, 'error');
    else this.ui.toast('The reference solution is applied. Check it, or Undo (Ctrl+Z) to take it back.');
  }

  /** Give up: the rule, the cheat sheet's fact and the fix are shown; the attempt records it. */
  giveUp(): void {
    this.patch({ gaveUp: true });
    this.save();
  }

  /** Record the learner's answer to question `i` (the attempt keeps it; the first answer counts). */
  answer(i: number, choice: number): void {
    if (this.s.answers[i] !== undefined && this.s.answers[i] !== null) return;
    const answers = [...this.s.answers];
    while (answers.length <= i) answers.push(null);
    answers[i] = choice;
    this.patch({ answers });
    this.save();
  }

  /**
   * Play the variant a name picks (variables, format.md section 7): the same name always gets the same
   * variant. Opens the puzzle as written in that variant; false when the puzzle has no variables.
   */
  playVariant(name: string): boolean {
    const source = this.base ?? this.s.original;
    if (!source || variantCount(source) < 2 || !name.trim()) return false;
    const n = variantFromName(name, variantCount(source));
    const r = loader().loadJson(applyVariant({ ...source, variant: undefined }, n));
    if (!r.ok) {
      this.ui.toast(`Variant ${n} could not be built: ${r.errors[0]?.message ?? 'invalid'}`, 'error');
      return false;
    }
    void this.open(this.s.file, r.doc, name.trim()).then(() =>
      this.ui.toast(`Variant ${n + 1} of ${variantCount(source)} for ${name.trim()}.`),
    );
    return true;
  }

  /** What the attempt records (format.md: `attempt`), for the export the grader reads. */
  attempt(now = Date.now()): Attempt {
    const doc = this.editor.getState().doc;
    return {
      puzzle: this.s.file ?? this.s.original?.title ?? doc.title,
      variant: this.s.variant,
      learner: this.s.learner || undefined,
      hints: this.s.hintsShown,
      solutionShown: this.s.solutionShown,
      gaveUp: this.s.gaveUp,
      timeSpentSec: Math.max(0, Math.round((now - this.s.startedAt) / 1000)),
      solved: !!this.s.result?.met,
      answers: (doc.questions ?? []).map((_, i) => this.s.answers[i] ?? null),
    };
  }

  /** The learner's design with the attempt, as a file to hand in (`npm run grade` reads it). */
  exportAttempt(now = Date.now()): ArchDoc {
    return { ...this.editor.getState().doc, attempt: this.attempt(now) };
  }
}
