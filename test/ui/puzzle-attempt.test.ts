// @vitest-environment jsdom
/**
 * Issue 14 in the page's puzzle session: the answer (rule titles, fact, fix) stays hidden until the puzzle is
 * solved, the last hint is taken, the solution is shown or the learner gives up; answers to the questions, hints,
 * the solution, the variant and the time spent are recorded in the exported attempt, which the grader reads;
 * a learner's name picks the variant.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gradeFile } from '../../src/cli/grade';
import { runDocument } from '../../src/engine/run';
import { loadText, saveText } from '../../src/model/load';
import type { ArchDoc } from '../../src/model/schema';
import { variantFromName } from '../../src/model/variants';
import { shownChecklist, checklistOf } from '../../src/ui/puzzle/checklist';
import { gradeCriteria } from '../../src/worker/checklist';
import { isRevealed } from '../../src/ui/puzzle/session';
import { logLines, symptomText } from '../../src/ui/puzzle/symptoms';
import { TestEditor } from './TestEditor';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = process.cwd();
const open = (rel: string): ArchDoc => {
  const r = loadText(readFileSync(join(ROOT, rel), 'utf8'));
  if (!r.ok) throw new Error(rel);
  return r.doc;
};
let t: TestEditor;
afterEach(() => t?.dispose());

describe('puzzle mode hides the answer until it may be shown', () => {
  it('reveal: after the last hint, giving up, the solution or solving; not before', () => {
    const doc = open('scenarios/puzzles/d4/04-no-route-to-ecr.json');
    t = new TestEditor({ doc });
    const s = () => t.ws.puzzle.getState();
    expect(s().active).toBe(true);
    expect(isRevealed(s(), doc)).toBe(false);
    t.ws.puzzle.revealHint();
    t.ws.puzzle.revealHint();
    expect(isRevealed(s(), doc)).toBe(false);
    t.ws.puzzle.revealHint();
    expect(isRevealed(s(), doc)).toBe(true);
    t.ws.puzzle.reset();
  });

  it('giving up reveals and is recorded', () => {
    t = new TestEditor({ doc: open('scenarios/puzzles/d1/01-volume-too-small.json') });
    t.ws.puzzle.giveUp();
    expect(isRevealed(t.ws.puzzle.getState(), t.doc)).toBe(true);
    expect(t.ws.puzzle.attempt().gaveUp).toBe(true);
  });

  it('the checklist words a forbidden rule as the symptom until revealed, and does not name it', () => {
    const doc = open('scenarios/puzzles/d4/04-no-route-to-ecr.json');
    const items = checklistOf(doc, gradeCriteria(doc, runDocument(doc).report));
    const hidden = shownChecklist(doc, items, false);
    expect(JSON.stringify(hidden.map((i) => [i.label, i.why]))).not.toMatch(
      /ecr-pull-blocked|ECR pull blocked|container registry/i,
    );
    expect(hidden[0].label).toBe('The failure in the story no longer happens');
    expect(shownChecklist(doc, items, true)[0].label).toMatch(/No “/);
  });

  it('machine-learning incidents do not name their own cause as symptoms', () => {
    for (const [file, cause] of [
      ['scenarios/puzzles/d1/06-too-good-to-be-true.json', /scaler|leak/i],
      ['scenarios/puzzles/d1/07-yesterdays-news.json', /event-time|leak/i],
      ['scenarios/puzzles/d1/08-two-pipelines.json', /skew|feature store|feature group/i],
      ['scenarios/puzzles/d1/05-seconds-not-milliseconds.json', /online store|offline/i],
      ['scenarios/puzzles/d1/16-regulars-like-strangers.json', /TTL|TtlDuration|expire/i],
      ['scenarios/puzzles/d1/17-blind-to-last-night.json', /15 min|not yet in S3|sync|startAfterIngest/i],
      ['scenarios/puzzles/d2/16-brilliant-in-review.json', /investigation_opened|leak/i],
      ['scenarios/puzzles/d2/17-the-router-that-never-answered.json', /provisioned|deployment|on.demand/i],
      ['scenarios/puzzles/d2/18-photos-the-classifier-could-not-learn.json', /does not learn|image-classification/i],
    ] as const) {
      const report = runDocument(open(file)).report;
      const shown = report.incidents.map((i) => symptomText(i, report, false));
      expect(shown.length, file).toBeGreaterThan(0);
      for (const s of shown) expect(s, file).not.toMatch(cause);
      expect(report.incidents.map((i) => symptomText(i, report, true))).toEqual(report.incidents.map((i) => i.message));
    }
  });

  it('log lines carry the failure reasons an operator reads', () => {
    const report = runDocument(open('scenarios/puzzles/d4/04-no-route-to-ecr.json')).report;
    expect(
      logLines(report)
        .map((l) => l.event)
        .join('\n'),
    ).toMatch(/CannotPullContainerError/);
  });
});

describe('the attempt the page exports', () => {
  it('records hints, the solution, answers and time, and the grader prints them', async () => {
    const file = 'scenarios/puzzles/d4/04-no-route-to-ecr.json';
    const doc = open(file);
    t = new TestEditor({ doc });
    const p = t.ws.puzzle;
    const started = p.getState().startedAt;
    p.revealHint();
    await p.showSolution();
    p.answer(0, doc.questions![0].answer);
    p.answer(1, (doc.questions![1].answer + 1) % doc.questions![1].options.length);
    p.answer(0, 3); // the first answer counts
    const out = p.exportAttempt(started + 95_000);
    expect(out.attempt).toMatchObject({
      hints: 1,
      solutionShown: true,
      gaveUp: false,
      timeSpentSec: 95,
      answers: [doc.questions![0].answer, (doc.questions![1].answer + 1) % doc.questions![1].options.length],
      variant: null,
    });
    const dir = mkdtempSync(join(tmpdir(), 'sagesim-attempt-'));
    const path = join(dir, 'ada.json');
    writeFileSync(path, saveText(out));
    const row = gradeFile(doc, path);
    expect(row).toMatchObject({ met: true, hints: 1, solutionShown: true, timeSpentSec: 95, questionsRight: '1/2' });
  });

  it("a learner's name picks the variant; the same name the same one; it is recorded", async () => {
    const doc = open('scenarios/puzzles/d1/01-volume-too-small.json');
    t = new TestEditor({ doc });
    const p = t.ws.puzzle;
    expect(p.playVariant('Ada Lovelace')).toBe(true);
    const n = variantFromName('Ada Lovelace', 3);
    // a puzzle written without positions opens once the layout module has placed its nodes
    await vi.waitFor(() => expect(p.getState().variant).toBe(n));
    expect(t.doc.variant).toBe(n);
    const gb = [60, 80, 120][n];
    expect(t.doc.nodes.find((x) => x.id === 'history')!.props!.datasetGB).toBe(gb);
    expect(t.doc.story).toContain(`${gb} GB`);
    expect(p.attempt()).toMatchObject({ variant: n, learner: 'Ada Lovelace' });
    p.playVariant('ada lovelace ');
    await vi.waitFor(() => expect(p.getState().learner).toBe('ada lovelace'));
    expect(p.getState().variant).toBe(n);
  });
});
